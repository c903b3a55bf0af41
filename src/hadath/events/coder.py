"""EventCoder: triggers → events with actors, recipients, status, place, date and casualties.

The spine of the coder: what happens in which order.  Per sentence: find triggers (lexicon.py),
gather the parties (parties.py) into actor units (arguments.py), skip what is not a report of an
event, read each trigger's roles with Arabic word order (roles.py), then decide type, mode, status
and place (here, with the cue-word tests of wording.py).  Per document: claims of responsibility and
other passes that need more than one sentence (document.py), casualty figures, dates and places
(context.py), and merging of repeated mentions of one event (merge.py).
"""
from __future__ import annotations

import bisect

from hadath.doc import Doc, Event, Mention, Span
from hadath.events.arguments import (GENERIC_VICTIM, SentenceView, Unit, _prefix_prep, agrees, build_units, dedupe,
                                     flatten, reflexive, subject)
from hadath.events.casualties import casualties
from hadath.events.context import (attach_casualties, attach_dates, complement_place, inherit_places, local_places,
                                   place_after, place_before)
from hadath.events.cues import Cues, default_cues
from hadath.events.document import (DocState, attribute_claims, dateline_country, domestic_civilians, find_claims,
                                    specified_next_window)
from hadath.events.lexicon import Lexicon, Match, default_lexicon, key
from hadath.events.merge import merge_events
from hadath.events.parties import sentence_mentions
from hadath.events.roles import NEED_RECIPIENT, Arg, arguments
from hadath.events.wording import (casualties_stated, ceasefire, concrete, count_word, event_status, in_sentence,
                                   near, verbal_attack)
from hadath.text.numbers import parse_number

STOPS = {".", "؛", ";", "!", "؟", "?", ":"}
# cue kinds of the verbs whose subject later triggers may inherit (reporting, support, denial)
_CUE_VERBS = frozenset({"speech", "light", "deny"})


class EventCoder:
    """``EventCoder()(doc)`` fills ``doc.events``."""

    def __init__(self, lexicon: Lexicon | None = None, cues: Cues | None = None,
                 keep_unattributed: bool = True) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.cues = cues or default_cues()
        # standalone violence/protest with no identified actor still is an event (ACLED-style)
        self.keep_unattributed = keep_unattributed

    # ------------------------------------------------------------------ document
    def __call__(self, doc: Doc) -> Doc:
        if not doc.tokens:
            from hadath.text.pipe import annotate_text
            annotate_text(doc)
        space = "skel" if doc.degraded else "norm"
        # per-document scratch (one coder codes one document at a time; not shared across threads)
        self._starts = [t.start for t in doc.tokens]
        self._anchored: set[int] = set()  # ids of events whose clause names a time (أمس، اليوم، الخميس)
        # ids of attacks told with a finite past verb, a named doer and a weapon ("استهدفت الجماعة سفينة
        # بصاروخ"): a report even when the target is a thing, not a party
        self._armed: set[int] = set()
        sentences = doc.sentences or [Span(0, len(doc.text), "sent")]
        state = DocState(home=dateline_country(doc))
        events: list[tuple[Event, int]] = []
        for si, sent in enumerate(sentences):
            for ev in self._sentence(doc, si, sent, space, state):
                events.append((ev, si))
        if doc.degraded:
            specified_next_window(doc, sentences, events, self.cues, space)
        attribute_claims(events, state.claims, doc, sentences, self._starts)
        attach_casualties(doc, sentences, events)
        # violence with neither a named target nor stated casualties is too often a reference to
        # violence ("the attacks", "was killed" in a biography) rather than a report of it
        # … unless the sentence anchors it in time and place ("ووقع الهجوم فجر أمس في منطقة …")
        events = [(e, si) for e, si in events
                  if e.event_type != "ASSAULT" or e.recipients or e.fatalities or e.injuries
                  or (e.mode == "explosives" and e.confidence >= 0.9)
                  or (e.mode == "crowd-control" and e.actors)  # tear gas, dispersal: repression as such
                  or id(e) in self._armed
                  or (id(e) in self._anchored and e.location is not None)]
        attach_dates(doc, events, sentences)
        inherit_places(events)
        for e, _ in events:
            domestic_civilians(e, state.home)
        doc.events = merge_events([e for e, _ in events], [si for _, si in events])
        for e in doc.events:  # a merged event may have gained the place its civilians were missing
            domestic_civilians(e, state.home)
        return doc

    # ------------------------------------------------------------------ sentence
    def _sentence(self, doc: Doc, si: int, sent: Span, space: str, state: DocState) -> list[Event]:
        """The events of one sentence: its triggers, less those that report nothing, with their roles."""
        lo = bisect.bisect_left(self._starts, sent.start)
        toks = [t for t in doc.tokens[lo:bisect.bisect_right(self._starts, sent.end)] if t.end <= sent.end]
        if not toks:
            return []
        words = ["" if t.is_punct else (t.skel if space == "skel" else t.norm) for t in toks]
        raw = [t.text for t in toks]
        cues = self.cues
        if (words and cues.kind(words[0], "question", space)) or doc.text[sent.start:sent.end].rstrip(
                " »\"”'").endswith(("؟", "?")):
            return []  # questions report nothing
        matches = self.lexicon.match(words, space)
        units = build_units(words, sentence_mentions(doc, toks, words, space, cues, state), space, cues)
        # a trigger word inside a known actor's name is part of the name ("قوات الدعم السريع")
        named = {i for u in units if any(x.root and x.origin not in ("coref", "generic") for x in u.mentions)
                 for i in range(u.tok_start, u.tok_end)}
        matches = [m for m in matches if not (m.tok in named and m.last in named)]
        # a place inside a longer actor mention is a partial match ("كوريا" of "كوريا الشمالية")
        places = [(i, p, loc) for i, p, loc in local_places(doc, toks, words, space)
                  if not any(x.start <= p.start and p.end <= x.end and x.end - x.start > p.end - p.start
                             for x in doc.mentions)]
        verb_positions = [m.tok for m in matches if m.tense != "noun"]
        stops = [i for i, w in enumerate(raw) if w in STOPS]
        sv = SentenceView(doc, sent, si, words, [t.prefix for t in toks], units, stops, verb_positions,
                          places, cues, space, raw, matches)
        out: list[Event] = []
        frame_end, frame_pos, frame_comp = -1, 0, False
        consumed: set[int] = set()
        cue_verbs = [i for i, w in enumerate(words) if w and not cues.kinds(w, space).isdisjoint(_CUE_VERBS)]
        events_at = {m.tok: m for m in matches}
        # subjects of reporting/support verbs, by position: (word, subject, is_speech)
        history: list[tuple[int, list[Unit], bool]] = []
        for pos in cue_verbs:
            if pos in events_at:
                continue
            subj = subject(sv, pos, pos, "past", "")
            if subj:
                history.append((pos, [subj], cues.kind(words[pos], "speech", space)))
        comps = cues.by_space[space]["comp"] | cues.by_space[space]["comp_pron"]
        find_claims(sv, state)
        for m in matches:
            e = m.entry
            t, last = m.tok, m.last
            before = [h for h in history if h[0] < t]
            current = before[-1][1] if before else []
            speaker = next((h[1][0] for h in reversed(before) if h[2]), None)
            if m.tense != "noun" and t >= 1 and words[t - 1] in cues.by_space[space]["comp_pron"]:
                # "أعلنت حماس أنها هاجمت": the pronoun on أنّ is the main clause's subject, if it agrees
                current = before[-1][1] if before and agrees(words[t - 1], before[-1][1]) and \
                    _same_gender(words[before[-1][0]], words[t - 1], cues, space) else None
            elif before and before[-1][2] and any(w in comps for w in words[before[-1][0]:t]) and (
                    m.tense != "noun" or (e.event_type in ("ASSAULT", "COERCE") and not m.suffix)):
                # "أفاد المرصد بأن فلانًا قُتل", "أعلنت السلطات أن شابا منفذ الهجوم": the reporter is
                # not the doer (an act with its owner's pronoun may be: "أعلن الجيش أن غاراته …")
                current = None
            if t in consumed:
                continue
            stop = _next_stop(t, last, stops, verb_positions, len(words))
            # complement of a frame event ("agreed to strengthen cooperation") is its content
            if t <= frame_end and (m.tense == "noun" or frame_comp or
                                   any(w in cues.by_space[space]["comp"] for w in words[frame_pos:t])):
                continue
            if e.event_type in ("REJECT", "REQUEST") and near(words, last, cues, "identity", space, before=0, after=4):
                continue  # "مسؤول رفض الكشف عن هويته", "طلب عدم ذكر اسمه": a source withholding its name
            if near(words, t, cues, "speculation", space, before=3, after=3) or \
                    near(words, t, cues, "fear", space, before=8):
                continue  # a guess or a fear ("تخاف أن تستغل أميركا الوضع وترسل قوات"), not an act
            if any(words[i] == key("من", space) and words[i - 1].endswith(key("كل", space))
                   for i in range(max(1, t - 3), t)):
                continue  # "لكل من يدعم …", "كل من يتعمد قتل شخص": whoever does it — generic, not an event
            if m.tense == "noun" and near(words, t, cues, "prevent", space, before=3):
                continue  # "إحباط الهجمات", "إحباط عملية لخطف": a foiled or prevented act did not happen
            if m.tense == "noun" and near(words, t, cues, "topic", space, before=2):
                continue  # "التحقيق في اغتيال …", "حول الهجوم": the act is a topic, reported elsewhere
            if m.tense != "noun" and t >= 1 and cues.kind(words[t - 1], "relative", space):
                continue  # "الهجوم الذي استهدف …": a relative clause describes, it reports nothing new
            if e.event_type == "ASSAULT" and m.tense != "present" and \
                    any(w and cues.kind(w, "aggregate", space) for w in words[last + 1:min(stop, last + 8)]):
                continue  # "قتل 76 صحافيا منذ الغزو": a toll counted over a period, not one event ("وتقصف
                # الطائرات غزة منذ الصباح" is one going on)
            if e.event_type == "ASSAULT" and _statistic(words, raw, t, cues, space):
                continue  # "منذ تولي بخاري الحكم قتل اكثر من 750 شخصا": hundreds over a period, a statistic
            if e.event_type == "ASSAULT" and (near(words, t, cues, "accident", space, before=8, after=8) or
                                              in_sentence(words, cues, "traffic", space)) and \
                    not in_sentence(words, cues, "weapon", space):
                continue  # "أصيب 16 مجندا إثر حادث انقلاب السيارة": an accident, not an attack
            if e.event_type == "PROTEST" and m.tense == "noun" and not m.definite and words[t].endswith("ا") and \
                    any(o.event_type == "PROTEST" for o in out):
                continue  # "تظاهر آلاف … احتجاجا على …": the accusative states the coded protest's purpose
            if e.has("crowd") and not in_sentence(words, cues, "crowd", space):
                continue  # "مسيرة نجاحه", "تظاهرة المسرح": a career or a festival, not a march
            if m.tense == "present" and _habitual(words, cues, space):
                continue  # "تقتل العراقيين … وتستهدف مساجدنا كل جمعة": a pattern, not one act
            if e.has("cite") and _cites(sv, last):
                continue  # "واستشهد بمدن أميركا": he cited them as examples, no one was killed
            if e.event_type == "PROTEST" and last > t and last + 1 < len(words) and words[last + 1] and \
                    cues.kind(words[last + 1], "vehicle", space):
                continue  # "تجمعت مئات السيارات والشاحنات": a traffic jam, not a crowd
            if e.has("converge") and near(words, last, cues, "figurative", space, before=0, after=3):
                continue  # "لا تلتقي بالضرورة مع مصالح السعودية": interests converge, no one meets
            if e.has("figurative") and near(words, last, cues, "figurative", space, before=last - t + 1, after=3):
                continue  # "انفجرت فضيحة", "أصاب القادة قلق", "تفجر العنف": not violence
            arg = arguments(sv, m, stop, current, state, consumed, matches)
            if arg is None:
                continue
            if arg.actors and not arg.inherited:
                history.append((t, arg.actors, False))
            if e.has("frame"):
                frame_end, frame_pos, frame_comp = min(stop + 12, len(words)), t, False
            ev = self._event(doc, m, toks, sent, arg, words, space, places, speaker, stop)
            if ev is not None:
                out.append(ev)
                roots = {x.root for x in ev.actors if x.root} | (
                    {x.root for x in ev.recipients if x.root} if e.has("mutual") else set())
                if len(roots) >= 2:
                    state.group = sorted(roots)
                if ev.actors:
                    state.last_subject = (si, arg.actors)
        return out

    # ------------------------------------------------------------------ event
    def _event(self, doc, m: Match, toks, sent, arg: Arg, words, space, places, speaker, stop) -> Event | None:
        """One trigger with its roles → an Event (type, mode, status, place), or None when it is a
        reference to an act rather than a report of one, or lacks the parties its type needs."""
        e = m.entry
        actors = flatten(arg.actors)
        recipients = flatten(arg.recipients)
        repression = False
        # a VSO object stands right after the subject ("قصفت إسرائيل غزة"): where a target place may stand
        object_at = next((u.tok_end for u in arg.actors if u.tok_start == m.last + 1), None)
        crowd: list[Mention] = []
        if e.event_type not in ("ASSAULT", "COERCE"):
            # protesters named only by the cue list are a party of violence and arrests; a protest's own
            # participants or the speakers of a demand stay as the knowledge base tags them (no one) —
            # while deciding whether this is a report; a protest names them as its actors at the end
            crowd = [x for x in actors if x.origin == "generic" and x.type == "POP"] \
                if e.event_type == "PROTEST" else []
            actors = [x for x in actors if x.origin != "generic" or x.type != "POP"]
            recipients = [x for x in recipients if x.origin != "generic" or x.type != "POP"]
        if e.has("mutual"):
            if not actors:
                return None  # "وزار فرنسا وبريطانيا" with no visitor named: the visited do not meet each other
            parties = dedupe(actors + recipients)
            if len({x.root or id(x) for x in parties}) < 2:
                if not e.has("standalone"):
                    return None
                actors, recipients = parties, []  # "اشتباكات بين عناصر داعش": one side named
            else:
                actors, recipients = parties, list(parties)
            if e.event_type == "ASSAULT":
                # security forces "clashing" with protesters or civilians is one-sided repression
                # (PLOVER: police firing on demonstrators; CAMEO 175), not fighting between two sides
                crowd = [x for x in parties if x.sector == GENERIC_VICTIM and x.type == "POP"]
                state_side = [x for x in parties if x not in crowd and x.sector in ("COP", "MIL", "GOV")]
                if crowd and state_side and len(crowd) + len(state_side) == len(parties):
                    actors, recipients, repression = state_side, crowd, True
        else:
            if e.event_type in ("ASSAULT", "COERCE"):
                # civilians are on the receiving end of violence and arrests: "قتل 5 أشخاص",
                # "251 شخصا اعتقلوا" — a passive or a masdar may put them where a subject would stand
                victims = [] if reflexive(words, m.last, space) or e.has("thrower") else \
                    [x for x in actors if x.sector == "CVL" and x.type == "POP"]
                actors = [x for x in actors if x not in victims]
                recipients = victims + [x for x in recipients if x not in victims]
            aroots = {x.root for x in actors if x.root}
            spans = {(x.start, x.end) for x in actors}
            # "عملية مداهمة نفذتها الشرطة": one mention is not both the doer and the target
            recipients = [x for x in recipients
                          if not (x.root and x.root in aroots) and (x.start, x.end) not in spans]
        if not actors and not (e.has("standalone") and self.keep_unattributed):
            return None
        status = event_status(words, m, self.cues, space)
        specific = bool(actors) and (bool(recipients) or e.event_type not in ("ASSAULT", "COERCE", "PROTEST"))
        if m.tense == "noun" and not specific and near(words, m.tok, self.cues, "temporal", space, before=2):
            return None  # "منذ اغتيال الحريري", "غداة هجوم": a time reference, coded only when who-did-what-to-whom is named
        went_out = m.tense == "noun" and _went_out_to(words, [x.text for x in toks], m.tok, self.cues, space)
        if m.tense == "noun" and m.definite and not went_out and (
                (not actors and not near(words, m.tok, self.cues, "light", space, 3)) or
                (actors and e.has("standalone") and not concrete(words, m.tok, self.cues, space))):
            # "المظاهرات", "الهجوم": violence or protest named with the article refers back to an act
            # told before — unless something concrete (a support or outcome verb, casualties) makes
            # this sentence its report
            return None
        if not actors and not recipients and m.tense == "noun" and not went_out and \
                not concrete(words, m.tok, self.cues, space):
            return None  # "الاعتداء", "الهجمات" with nobody named: a reference, not a report
        if not actors and not recipients and m.tense == "present" and status == "occurred" and not crowd:
            return None  # "يستهدف …" with nobody named: habitual or generic ("ويعتصم المتظاهرون" is a report)
        if e.event_type in ("ASSAULT", "COERCE", "THREATEN") and not recipients:
            # the attacked/raided/threatened place stands for its population or state
            recipients = _place_recipient(place_after(_not_actors(places, actors), m.last, stop, target_ok=True,
                                                      object_at=object_at), actors)
        truce = e.event_type == "REQUEST" and ceasefire(words, m.last, stop + 6, self.cues, space)
        if truce and not recipients:
            # a call for a truce somewhere addresses the parties fighting there: "دعا … إلى وقف
            # إطلاق النار في السودان" (other calls about a place need their addressee named)
            recipients = _place_recipient(complement_place(places, words, m.last, space), actors)
        if e.event_type in NEED_RECIPIENT and not recipients:
            return None
        if crowd and not actors:
            actors = crowd  # "تجمع مئات المتظاهرين": the protesters (civilians, of the place's country)
        if e.event_type == "ASSAULT" and actors and recipients and \
                all(x.root is None for x in actors + recipients) and not casualties_stated(words) and \
                not in_sentence(words, self.cues, "weapon", space):
            return None  # "ريال مدريد يستهدف رويس": names no state or group, no weapon, no victim — a club
        if e.event_type in ("ASSAULT", "COERCE") and recipients and \
                all(GENERIC_VICTIM in (x.root, x.entity_id) for x in recipients) \
                and not actors and m.tense != "past" and \
                not (casualties_stated(words) if e.event_type == "ASSAULT" else
                     _counted_after(words, m.last, self.cues, space)):
            # "تخطف الأطفال", "قتل النساء", "الهجمات على المدنيين", "اعتقال الصحفيين الذي تتزايد قائمتهم":
            # violence or arrests of unnamed civilians, by no one named, in a noun or the present tense
            # is habitual or generic — a report has a finite past verb or a count of those it struck
            return None
        trig = Span(toks[m.tok].start, toks[m.last].end, "trigger")
        etype, mode, cameo = e.event_type, e.mode, e.cameo
        how = m  # the words that say how it was done
        if mode is None and arg.frame is not None and arg.frame.entry.mode:
            # "قتل 12 مدنيا في قصف مدفعي لـ…": the killing was the shelling; the frame noun it consumed
            # says how
            mode, cameo, how = arg.frame.entry.mode, arg.frame.entry.cameo, arg.frame
        if etype == "ASSAULT" and verbal_attack(m, words, actors, self.cues, space, recipients):
            etype, mode, cameo = "ACCUSE", None, "111"  # "شن هجوما لاذعا على": a verbal attack
        if repression:
            cameo = "175"
        if truce:
            mode, cameo = "yield", "1056" if e.mode == "demand" else "0256"  # calls for a truce
        if etype == "ASSAULT" and mode in (None, "aerial") and \
                near(words, how.last, self.cues, "heavy", space, before=how.last - how.tok + 2, after=3) and \
                not near(words, how.last, self.cues, "air", space, before=how.last - how.tok + 2, after=3):
            mode, cameo = "heavy-weapons", "194"  # "قصف مدفعي", "بقذائف الدبابات": artillery and tanks
        ev = Event(event_type=etype, trigger=trig, sentence=Span(sent.start, sent.end, "sent"),
                   actors=actors, recipients=recipients, mode=mode, cameo=cameo, status=status)
        # a place that is itself one of the actors ("اغتيال إسرائيل لـ…") is not where it happened
        free = _not_actors(places, actors)
        place = place_after(free, m.last, stop, e.event_type == "ASSAULT", object_at=object_at) or \
            place_before(free, m.tok)
        if place is None and e.has("frame"):
            # a proposal or call is about its content: "اقتراح شارون أن تنسحب إسرائيل من قطاع غزة"
            place = complement_place(free, words, m.last, space)
        if place is not None:
            ev.location = place.as_location()
            ev.location["name"] = place.text if not place.name else place.name
        if speaker is not None and speaker.tok_end <= m.tok:
            sp = [x for x in speaker.mentions if x.root]
            if sp and sp[0].root not in {x.root for x in actors}:
                ev.source_says = sp[0]
        if any(w and self.cues.kind(w, "anchor", space) for w in words[max(0, m.tok - 6):stop + 4]):
            self._anchored.add(id(ev))
        bi = key("ب", space)
        if m.tense == "past" and actors and status == "occurred" and any(
                w.startswith(bi) and self.cues.kind(w, "weapon", space) for w in words[m.last + 1:stop + 1] if w):
            self._armed.add(id(ev))  # the weapon as its instrument: "استهدفت … سفينة … بصاروخ"
        # how sure: a named doer, else a finite past verb ("انفجرت سيارة"), else a bare noun
        ev.confidence = 1.0 if actors and not arg.inherited else 0.9 if m.tense == "past" else 0.6
        return ev


def _habitual(words, cues: Cues, space: str) -> bool:
    """The sentence says the act recurs: "يوميا", "دائما", "كل جمعة"."""
    every = key("كل", space)
    return any(w and (cues.kind(w, "habitual", space) or (w == every and i + 1 < len(words) and words[i + 1]
                                                         and cues.kind(words[i + 1], "time_unit", space)))
               for i, w in enumerate(words))


def _cites(sv: SentenceView, last: int) -> bool:
    """"استشهد بـ" + a word that is no weapon, attack or agent: "cited", not "was martyred"
    ("استشهد برصاص القناصة", "استشهد بقذيفة", "استشهد بغارة" stay killings)."""
    i = last + 1
    i = next((u.tok_end for u in sv.units if u.tok_start == i), i)  # past a VS subject: "واستشهد الوزير بـ…"
    if i >= len(sv.words) or not sv.words[i] or _prefix_prep(sv.prefixes[i], sv.space) != "ب":
        return False
    w, cues, space = sv.words[i], sv.cues, sv.space
    stem = w[1:]
    return not (cues.kind(w, "agentprep", space) or cues.kind(stem, "weapon", space) or
                cues.kind(w, "weapon", space) or any(o.tok == i for o in sv.matches))


def _counted_after(words, last: int, cues: Cues, space: str) -> bool:
    """A count or quantity within three words after the trigger ("اعتقال 16 شخصا", "اعتقال عدد من
    المتظاهرين"), not a year."""
    for w in words[last + 1:last + 4]:
        n = parse_number(w) if w else None
        if count_word(w, cues, space) and not (n is not None and 1900 <= n <= 2100):
            return True
    return False


def _went_out_to(words, raw, t: int, cues: Cues, space: str) -> bool:
    """"خرجوا … للاحتجاج على", "نزل آلاف الأشخاص (25 ألفا حسب المنظمين) إلى الشوارع للاحتجاج": a purpose
    masdar after a verb of going out (up to 12 tokens before, no punctuation between but a bracketed
    aside) — the crowd went out, so the protest this sentence names is its report, not a reference."""
    if not words[t].startswith(key("لل", space)):
        return False
    depth = 0
    for i in range(t - 1, max(-1, t - 13), -1):
        if raw[i] in (")", "]"):
            depth += 1
        elif raw[i] in ("(", "["):
            depth = max(0, depth - 1)
        elif not words[i] and depth == 0:
            return False
        elif depth == 0 and cues.kind(words[i], "motion", space):
            return True
    return False


def _not_actors(places, actors: list[Mention]) -> list:
    """The sentence's places less those inside an actor mention ("قصفت إسرائيل غزة": Israel is the doer)."""
    spans = [(x.start, x.end) for x in actors]
    return [(i, p, loc) for i, p, loc in places if not any(a <= p.start < b for a, b in spans)]


def _place_recipient(p, actors: list[Mention]) -> list[Mention]:
    """A place standing for its state as the recipient (none when it is the actor's own state)."""
    if p is not None and p.country and p.country not in {x.root for x in actors}:
        return [Mention(p.start, p.end, p.text, None, p.country, "GPE", origin="place")]
    return []


def _statistic(words, raw, t: int, cues: Cues, space: str) -> bool:
    """A death toll that counts a period, not one act: hundreds killed "since" something before the
    trigger, in a report or monitor's count ("وأوضح التقرير أن قوات النظام قتلت 143 شخصا") or over a
    period ("خلال الشهر الماضي"); a report's toll over a period, whatever the count; any toll in the
    thousands ("أسفرت الغارات عن مقتل 4844 مدنيا")."""
    # (a count in digits right after the trigger, also one that could be a year: "مقتل 2076 مقاتلا")
    after = raw[t + 1] if t + 1 < len(raw) and raw[t + 1].isdigit() else ""
    killed = max(casualties(raw)[0] or 0, parse_number(after) or 0 if after else 0)
    if killed >= 1000:
        return True
    during = key("خلال", space)
    period = any(w == during and any(x and cues.kind(x, "period", space) for x in words[i + 1:i + 3])
                 for i, w in enumerate(words))  # "خلال تسعة أشهر"
    report = in_sentence(words, cues, "report", space)
    if report and period:
        return True  # "وثقت الشبكة في تقريرها مقتل 39 طفلا خلال أيام العيد"
    return killed >= 100 and (in_sentence(words[:t], cues, "aggregate", space) or report or period)


def _same_gender(verb: str, comp_pron: str, cues: Cues, space: str) -> bool:
    """A reporting verb's gender agrees with the pronoun on أنّ: "أشارت السلطات إلى أنه فجر نفسه" — the
    feminine verb's subject is not the "he" who blew himself up.  Past forms only (-ت is feminine);
    anything else is taken to agree."""
    if not verb or cues.kinds(verb, space).isdisjoint(_CUE_VERBS) or not verb.endswith(("ت", "تا")):
        return True
    return not comp_pron.endswith("ه")


def _next_stop(t, last, stops, verb_positions, n) -> int:
    nxt = [v for v in verb_positions if v > last] + [s for s in stops if s > last]
    return min(nxt + [n, last + 16])

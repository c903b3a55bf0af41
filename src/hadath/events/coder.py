"""EventCoder: triggers → events with actors, recipients, status, place, date and casualties.

Per sentence: find triggers (lexicon.py), group actor mentions into units (arguments.py), read the
arguments with Arabic word order, decide the status from cue words, then per document: casualty
figures, dates, places, and merging of repeated mentions of one event (merge.py).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from hadath.doc import Doc, Event, Mention, Span
from hadath.events import casualties as _cas
from hadath.events.arguments import (Unit, _prefix_prep, build_units, first_unit_after, last_unit_before,
                                     units_with_prep)
from hadath.events.cues import Cues, default_cues
from hadath.events.lexicon import Lexicon, Match, default_lexicon, key
from hadath.events.context import (attach_casualties, attach_dates, inherit_places, local_places,
                                   place_after, place_before)
from hadath.events.merge import merge_events
from hadath.text.numbers import parse_number

# verb agreement suffixes that mean the subject is a pronoun (dual/plural/1st person), so a mention
# right after the verb is its object: "وحذرتا إسرائيل" (they two warned Israel)
_PRONOMINAL_PAST = {"ا", "وا", "تا", "نا", "تم", "ن", "و"}
_PRONOMINAL_PRES = {"ان", "ون", "ين", "ا", "وا", "و", "ن"}
# types that are not an interaction without someone on the receiving end (codebook §3: no opinions
# without a recipient)
NEED_RECIPIENT = {"SUPPORT", "REQUEST", "ACCUSE", "THREATEN", "REJECT", "SANCTION", "AID"}
STOPS = {".", "؛", ";", "!", "؟", "?", ":"}
GENERIC_VICTIM = "CVL"  # the knowledge base's root for civilians of no stated nationality


@dataclass
class _Arg:
    actors: list[Unit] = field(default_factory=list)
    recipients: list[Unit] = field(default_factory=list)
    inherited: bool = False
    frame: "Match | None" = None  # the attack noun a killing happened in (its mode is the killing's)


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
        self._space = space
        self._doc = doc
        self._starts = [t.start for t in doc.tokens]
        self._anchored: set[int] = set()  # ids of events whose clause names a time (أمس، اليوم، الخميس)
        # ids of attacks told with a finite past verb, a named doer and a weapon ("استهدفت الجماعة سفينة
        # بصاروخ"): a report even when the target is a thing, not a party
        self._armed: set[int] = set()
        sentences = doc.sentences or [Span(0, len(doc.text), "sent")]
        state = _DocState()
        events: list[tuple[Event, int]] = []
        for si, sent in enumerate(sentences):
            for ev in self._sentence(doc, si, sent, space, state):
                events.append((ev, si))
        if doc.degraded:
            self._specified_next_window(doc, sentences, events, space)
        _attribute_claims(events, state.claims, doc, sentences, self._starts)
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
        home = _dateline_country(doc)
        for e, _ in events:
            _domestic_civilians(e, home)
        doc.events = merge_events([e for e, _ in events], [si for _, si in events])
        return doc

    # ------------------------------------------------------------------ sentence
    def _sentence(self, doc: Doc, si: int, sent: Span, space: str, state: "_DocState") -> list[Event]:
        self._sent = sent
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
        self._prefixes = [t.prefix for t in toks]
        units = build_units(words, self._mentions(doc, toks, words, space, state), space, cues)
        # a trigger word inside a known actor's name is part of the name ("قوات الدعم السريع")
        named = {i for u in units if any(x.root and x.origin not in ("coref", "generic") for x in u.mentions)
                 for i in range(u.tok_start, u.tok_end)}
        matches = [m for m in matches if not (m.tok in named and m.last in named)]
        # a place inside a longer actor mention is a partial match ("كوريا" of "كوريا الشمالية")
        places = [(i, p, loc) for i, p, loc in local_places(doc, toks, words, space)
                  if not any(x.start <= p.start and p.end <= x.end and x.end - x.start > p.end - p.start
                             for x in doc.mentions)]
        verb_positions = [m.tok for m in matches if m.tense != "noun"]
        self._place_words = {i for i, _, _ in places}
        stops = [i for i, w in enumerate(raw) if w in STOPS]
        out: list[Event] = []
        frame_end, frame_pos, frame_comp = -1, 0, False
        consumed: set[int] = set()
        cue_verbs = [i for i, w in enumerate(words) if w and (cues.kind(w, "speech", space)
                                                                or cues.kind(w, "light", space)
                                                                or cues.kind(w, "deny", space))]
        events_at = {m.tok: m for m in matches}
        # subjects of reporting/support verbs, by position: (word, subject, is_speech)
        history: list[tuple[int, list[Unit], bool]] = []
        for pos in cue_verbs:
            if pos in events_at:
                continue
            subj = self._subject(units, words, pos, pos, "past", "", stops, verb_positions)
            if subj:
                history.append((pos, [subj], cues.kind(words[pos], "speech", space)))
        comps = cues.by_space[space]["comp"] | cues.by_space[space]["comp_pron"]
        self._claims(units, words, si, stops, verb_positions, state)
        for m in matches:
            e = m.entry
            t, last = m.tok, m.last
            before = [h for h in history if h[0] < t]
            current = before[-1][1] if before else []
            speaker = next((h[1][0] for h in reversed(before) if h[2]), None)
            if m.tense != "noun" and t >= 1 and words[t - 1] in cues.by_space[space]["comp_pron"]:
                # "أعلنت حماس أنها هاجمت": the pronoun on أنّ is the main clause's subject, if it agrees
                current = before[-1][1] if before and _agrees(words[t - 1], before[-1][1]) else None
            elif before and before[-1][2] and m.tense != "noun" and any(w in comps for w in words[before[-1][0]:t]):
                current = None  # "أفاد المرصد بأن فلانًا قُتل": the reporter is not the doer
            if t in consumed:
                continue
            stop = _next_stop(t, last, stops, verb_positions, len(words))
            # complement of a frame event ("agreed to strengthen cooperation") is its content
            if t <= frame_end and (m.tense == "noun" or frame_comp or
                                   any(w in cues.by_space[space]["comp"] for w in words[frame_pos:t])):
                continue
            if _near(words, t, cues, "speculation", space, before=3, after=3):
                continue
            if m.tense != "noun" and t >= 2 and words[t - 1] == key("من", space) and \
                    words[t - 2].endswith(key("كل", space)):
                continue  # "لكل من يدعم …": whoever does it — generic, not an event
            if m.tense == "noun" and _near(words, t, cues, "prevent", space, before=3):
                continue  # "إحباط الهجمات", "إحباط عملية لخطف": a foiled or prevented act did not happen
            if m.tense == "noun" and _near(words, t, cues, "topic", space, before=2):
                continue  # "التحقيق في اغتيال …", "حول الهجوم": the act is a topic, reported elsewhere
            if m.tense != "noun" and t >= 1 and cues.kind(words[t - 1], "relative", space):
                continue  # "الهجوم الذي استهدف …": a relative clause describes, it reports nothing new
            if e.event_type == "ASSAULT" and any(w and cues.kind(w, "aggregate", space)
                                                 for w in words[last + 1:min(stop, last + 8)]):
                continue  # "قتل 76 صحافيا منذ الغزو": a toll counted over a period, not one event
            if e.event_type == "ASSAULT" and _near(words, t, cues, "accident", space, before=8, after=8) and \
                    not _in_sentence(words, cues, "weapon", space):
                continue  # "أصيب 16 مجندا إثر حادث انقلاب السيارة": an accident, not an attack
            if e.event_type == "PROTEST" and m.tense == "noun" and not m.definite and words[t].endswith("ا") and \
                    any(o.event_type == "PROTEST" for o in out):
                continue  # "تظاهر آلاف … احتجاجا على …": the accusative states the coded protest's purpose
            if e.has("crowd") and not _in_sentence(words, cues, "crowd", space):
                continue  # "مسيرة نجاحه", "تظاهرة المسرح": a career or a festival, not a march
            if e.has("figurative") and _near(words, last, cues, "figurative", space, before=last - t + 1, after=3):
                continue  # "انفجرت فضيحة", "أصاب القادة قلق", "تفجر العنف": not violence
            arg = self._arguments(m, units, words, stops, verb_positions, stop, space, current, state,
                                  si, consumed, matches)
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

    def _claims(self, units, words, si, stops, verb_positions, state) -> None:
        """Claims of responsibility in this sentence ("وتبنت حركة الشباب الهجوم", "أعلنت … مسؤوليتها
        عن الهجوم"): (sentence, claimant, word) for ``_attribute_claims``."""
        space, cues = self._space, self.cues
        resp = {key(w, space) for w in ("مسؤوليتها", "مسؤوليته", "مسؤوليتهم", "المسؤولية")}
        for i, w in enumerate(words):
            claim = w and cues.kind(w, "claim", space)
            announced = w in resp and any(words[k] and cues.kind(words[k], "speech", space)
                                          for k in range(max(0, i - 4), i))
            if not (claim or announced) or _near(words, i, cues, "negation", space, before=2):
                continue
            verb = i if claim else next(k for k in range(i - 1, -1, -1) if words[k] and cues.kind(words[k], "speech", space))
            subj = self._subject(units, words, verb, verb, "past", "", stops, verb_positions)
            if subj is not None:
                state.claims.append((si, subj, i))

    # ------------------------------------------------------------------ mentions
    def _mentions(self, doc: Doc, toks, words, space, state) -> list:
        """(mentions, start word, end word, clitic before) for the actor mentions of a sentence,
        plus group anaphors ("الحركتان") resolved to the last compound party of the document."""
        starts = [t.start for t in toks]
        out = []
        lo, hi = toks[0].start, toks[-1].end
        covered = set()
        org_before = state.last_org  # the last organisation named before this sentence
        org_at: list[tuple[int, str]] = []  # (word, root) of the organisations named in it
        owners: list[tuple[int, Mention]] = []  # (word, mention) of the parties that may own forces
        spans: dict[tuple[int, int], list[Mention]] = {}
        for m in doc.mentions:  # one span, several parties ("الحركتين" → HAMAS, PIJ): one group
            if m.type == "MISC" and m.root is None:
                continue  # an unresolved MISC name (an event, a faith, a weapon: "العشاء", "هاون") is no party
            if lo <= m.start < hi:
                spans.setdefault((m.start, m.end), []).append(m)
        for (_, _), group in spans.items():
            m = group[0]
            s = bisect.bisect_right(starts, m.start) - 1  # the token the mention starts in
            e = s
            while e < len(toks) and toks[e].start < m.end:
                e += 1
            # the clitic before the mention inside its first word (بالأمين → ب): from the offsets
            # when the mention starts after the clitic, else from the text layer's clitic split
            clitic = doc.text[toks[s].start:m.start] if m.start > toks[s].start else toks[s].prefix
            out.append((group, s, max(e, s + 1), clitic))
            covered.update(range(s, max(e, s + 1)))
            if m.type == "ORG" and m.root:
                org_at.append((s, m.root))
            if m.type in ("ORG", "GPE", "PER") and m.root and m.root not in (GENERIC_VICTIM, "UAF"):
                owners.append((s, m))
        org_at.sort()
        owners.sort(key=lambda x: x[0])
        if org_at:
            state.last_org = org_at[-1][1]
        out += self._generic_parties(doc, toks, words, space, covered)
        for i, w in enumerate(words):
            if i in covered or not w:
                continue
            if self.cues.kind(w, "anaphor1", space):
                before = [r for s, r in org_at if s < i]
                root = before[-1] if before else org_before
                if root:
                    out.append(([Mention(toks[i].start, toks[i].end, toks[i].text, None, root, "ORG",
                                         origin="coref")], i, i + 1, toks[i].prefix))
                continue
            if self.cues.kind(w, "forces_of", space):
                # "أعلن الجيش الأمريكي أن قواته قتلت …": its forces are the sentence's first party's
                before = [m for s, m in owners if s < i]
                if before:
                    o = before[0]
                    out.append(([Mention(toks[i].start, toks[i].end, toks[i].text, None, o.root, "ORG",
                                         sector=o.sector, origin="coref")], i, i + 1, toks[i].prefix))
                continue
            if self.cues.kind(w, "anaphor", space) and len(state.group) >= 2:
                group = [Mention(toks[i].start, toks[i].end, toks[i].text, None, r, "ORG", origin="coref")
                         for r in state.group]
                out.append((group, i, i + 1, ""))
        return out

    def _generic_parties(self, doc: Doc, toks, words, space, covered: set[int]) -> list:
        """Parties the knowledge base leaves untagged but a conflict coder cannot do without:
        protesters (civilians, CVL) and state security forces with no nationality named ("قوات الأمن",
        "الشرطة"), which are the state where the sentence places them (codebook §2: state organs →
        the state's ISO3); with no place they stay unresolved but are kept."""
        forces = self.cues.by_space[space].get("state_force", set())
        country = next((p.country for p in doc.places
                        if toks[0].start <= p.start < toks[-1].end and p.country), None)
        out = []
        i = 0
        while i < len(words):
            w = words[i]
            if i in covered or not w:
                i += 1
                continue
            n = _phrase_at(words, i, forces, covered)
            prev = next((words[j] for j in range(i - 1, -1, -1) if words[j]), "")
            nxt = words[i + n] if n and i + n < len(words) else ""
            if n and (country is None or self.cues.kind(prev, "speech", space) or nxt in self.cues.by_space[space]["comp"]):
                n = 0  # no state to name, or the police as a reporter ("أعلنت الشرطة مقتل …"), not a party
            if n:
                a, b = toks[i], toks[i + n - 1]
                out.append(([Mention(a.start, b.end, doc.text[a.start:b.end], None, country, "ORG", "COP",
                                     origin="generic")], i, i + n, a.prefix))
            elif self.cues.kind(w, "protester", space):
                n = 1
                out.append(([Mention(toks[i].start, toks[i].end, toks[i].text, GENERIC_VICTIM, GENERIC_VICTIM, "POP",
                                     GENERIC_VICTIM, origin="generic")], i, i + 1, toks[i].prefix))
            if n:
                covered.update(range(i, i + n))
            i += max(n, 1)
        return out

    # ------------------------------------------------------------------ arguments
    def _subject(self, units, words, t, last, tense, suffix, stops, verb_positions) -> Unit | None:
        clause_start = max([s + 1 for s in stops if s < t] + [0])
        pronominal = (tense == "past" and suffix in _PRONOMINAL_PAST) or \
                     (tense == "present" and suffix in _PRONOMINAL_PRES)
        if t >= 1 and words[t - 1] in self.cues.by_space[self._space]["comp_pron"]:
            return None  # "نفت حماس أنها هاجمت إسرائيل": the subject is the pronoun on أنّ
        nxt = [v for v in verb_positions if v > last]
        stop = min(nxt + [s for s in stops if s > last] + [len(words)])
        comps = [i for i in range(last + 1, stop) if words[i] in self.cues.by_space[self._space]["comp"]]
        stop = min([stop] + comps)  # "أكد البيان أن المقاومة …": what follows أن is not the subject
        comp_subj = self._after_complementizer(units, words, t) or _clause_initial(units, words, t, clause_start)
        if comp_subj is not None:
            # "أن القوات الأمريكية قتلت مسلحين": after أنّ/إنّ the subject comes first (أنّ governs a
            # noun), so the unit between the complementizer and the verb is the subject; so is a unit
            # that opens the clause right before its verb ("وحماس هاجمت المستوطنين")
            return comp_subj
        if not pronominal:
            # from the verb itself: a multiword trigger's subject sits inside it ("شنت إسرائيل غارات")
            u = first_unit_after(_verb_args(units, words, t + 1, self.cues, self._space), t + 1,
                                 6 + last - t, stop=stop)
            if u is not None:
                return u
        return last_unit_before(_verb_args(units, words, clause_start, self.cues, self._space), t, 4,
                                stop=clause_start)

    def _after_earlier_verb(self, unit: Unit, words, verb_positions, t) -> bool:
        """Another verb (a trigger, a support or a reporting verb) stands within 6 words before the
        unit: the unit is that verb's object or complement, not the subject of a later verb."""
        for i in range(max(0, unit.tok_start - 6), unit.tok_start):
            if i in verb_positions or (words[i] and (self.cues.kind(words[i], "light", self._space)
                                                    or self.cues.kind(words[i], "speech", self._space))):
                return True
        return False

    def _after_complementizer(self, units, words, t) -> Unit | None:
        """The bare unit that ends right before the verb and starts at most 3 words after a
        complementizer (أن/إن/بأن), with no punctuation between but a quote mark right before it:
        "أن قوة من الشرطة العراقية قامت" → الشرطة العراقية."""
        comps = self.cues.by_space[self._space]["comp"]
        for u in units:
            if u.tok_end != t or u.prep or u.in_agent_phrase:
                continue
            for c in range(u.tok_start - 1, max(-1, u.tok_start - 4), -1):
                if not words[c]:
                    if c == u.tok_start - 1:
                        continue  # "أن «الجيش …»": a quote mark before the subject
                    break
                if words[c] in comps:
                    return u
        return None

    def _arguments(self, m: Match, units, words, stops, verb_positions, stop, space, current, state, si,
                   consumed, matches) -> _Arg | None:
        e, t, last = m.entry, m.tok, m.last
        arg = _Arg()
        preps = {key(p, space) for p in e.preps}
        if m.tense != "noun":
            first_person = m.tense == "present" and _present_person(words[t], m) == "1"
            if e.has("patient"):
                victim = self._subject(units, words, t, last, m.tense, m.suffix, stops, verb_positions)
                if victim:
                    arg.recipients.append(victim)
                arg.actors += [u for u in units if u.in_agent_phrase or u.prep == "by"]
                # the "aggression" in "خلال العدوان الإسرائيلي" is this act's agent, not a new event
                for other in matches:
                    if other.tok > last and other.tok <= last + 3 and other.tense == "noun":
                        consumed.add(other.tok)
                return arg
            if first_person:
                # "نحذر العدو": the speaking organisation — the last explicit actor of the document
                arg.actors += state.last_subject[1] if state.last_subject and si - state.last_subject[0] <= 3 else []
                arg.inherited = True
            if e.has("far") and not _far_ok(units, words, t, last, len(e.rest), space):
                return None  # "وقع انفجار … رغم اتفاق": only a named subject may stand between
            if e.has("mutual") and last > t and not first_person:
                # "صدت قواته هجوما شنته قوات الدعم السريع": the subject stands inside the verb+object
                # span (VSO) or before it (SVO); a party after the object is the other side
                clause_start = max([s + 1 for s in stops if s < t] + [0])
                subj = next((u for u in units if t < u.tok_start < last and not u.prep), None) or \
                    last_unit_before(units, t, 4, stop=clause_start)
            else:
                subj = None if first_person else self._subject(units, words, t, last, m.tense, m.suffix, stops,
                                                               verb_positions)
                if subj is not None and subj.tok_end <= t and m.conj and current and \
                        self._after_earlier_verb(subj, words, verb_positions, t) and \
                        all(u.tok_end <= subj.tok_start for u in current):
                    # "قامت الشرطة بمداهمة المسجد واعتدت على المصلين": a coordinated verb shares the
                    # subject of the verb before it; the noun just before it is that verb's object
                    subj = current[0]
            if e.event_type == "ASSAULT" and (subj is None or all(x.sector == GENERIC_VICTIM for x in subj.mentions)):
                # a passive report names its author in an agent phrase: "قتل متظاهران برصاص الشرطة"
                arg.actors += [u for u in units if u.in_agent_phrase and last < u.tok_start < stop][:1]
            if subj is not None:
                arg.actors.append(subj)
            elif not first_person and not arg.actors:
                # a pronoun inside a report ("قال … إنهم يتعاونون") refers to someone we cannot name
                inherited = [] if current is None else current or (
                    state.last_subject[1] if state.last_subject and si - state.last_subject[0] <= 2 else [])
                arg.actors += inherited
                arg.inherited = True
            after = max(subj.tok_end, last + 1) if subj is not None and subj.tok_start > t else last + 1
            if e.has("obj"):
                # a multiword trigger's object word may open the mention ("طردت … السفير الفرنسي")
                o = next((u for u in units if u.tok_start == last and last > t and u is not subj), None) or \
                    first_unit_after(_verb_args(units, words, after, self.cues, space), after, 4, stop=stop)
                if o is not None and o is not subj:
                    arg.recipients.append(o)
                elif o is None:
                    # "قصفت مواقع لحركة حماس": the object noun belongs to the actor behind ل
                    owner = [u for u in units if u.prep == "ل" and after < u.tok_start <= after + 2
                             and u.tok_start < stop and u is not subj]
                    between = [w for w in words[after:owner[0].tok_start] if w] if owner else []
                    if owner and between and not any(w in self.cues.by_space[space]["prep"] for w in between):
                        arg.recipients.append(owner[0])
            if not arg.recipients and preps:
                arg.recipients += units_with_prep(units, last + 1, stop, preps)[:1] or \
                    self._behind_prep(units, words, last, stop, preps, space) or \
                    [u for u in _owned_target(units, words, last, stop, preps, self._place_words)
                     if u is not subj and e.event_type in ("ASSAULT", "COERCE")]
        else:
            # a multiword noun's last word may open the genitive mention ("تفريق المتظاهرين")
            gen = next((u for u in units if u.tok_start == last and last > t), None) or \
                first_unit_after(units, last + 1, 1, stop=stop, agent_ok=True)
            by = [u for u in units if u.prep == "by" and u.tok_start > last and u.tok_start < stop]
            later_l = units_with_prep(units, last + 1, stop, {"ل"})
            if gen is not None and not later_l:
                # a construct chain behind ل: "اغتيال إسرائيل لمؤسس حماس" → حماس is the victim
                later_l = [u for u in units if gen.tok_end < u.tok_start <= gen.tok_end + 2 and not u.prep
                           and _prefix_is(self._prefixes[u.tok_start - 1], "ل", space)]
            source = [u for u in units if u.prep == key("من", space) and u.tok_start == last + 2
                      and words[last + 1] == key("من", space)]
            if gen is not None and later_l and any(
                    w in self.cues.by_space[space]["prep"] for w in words[gen.tok_end:later_l[0].tok_start]):
                later_l = []  # "قتل جنديين في هجوم لطالبان": that ل-phrase belongs to another noun
            # "قتل جنديين أمريكيين": a nationality adjective after a head noun describes the victims,
            # not the act ("غارة جوية إسرائيلية": after another adjective it still describes the act)
            gap = words[last + 1] if gen is not None and gen.tok_start == last + 2 else ""
            of_victims = bool(gap) and not gap.endswith(("ي", "يه", "ية")) and e.has("genpat")
            if gen is not None:
                if gen.nisba and not of_victims:
                    arg.actors.append(gen)
                elif e.has("genpat"):
                    if later_l and later_l[0] is not gen:
                        arg.actors.append(gen)
                        arg.recipients.append(later_l[0])
                    else:
                        arg.recipients.append(gen)
                elif not e.has("nogen"):
                    arg.actors.append(gen)
            arg.actors += [u for u in by + source if u not in arg.actors]  # "بدعم من التحالف"
            if e.event_type == "ASSAULT" and not arg.actors and gen is None:
                # "قصف مدفعي لقوات الدعم السريع على المدينة", "هجوم لحركة الشباب": the party behind ل
                # right after an attack noun is its author — unless the noun takes its victim there
                # ("استهداف لمواقع …"), which a following على/ضد target rules out
                lam = [u for u in units if u.prep == "ل" and last < u.tok_start <= last + 2 and u.tok_start < stop]
                on = {key(w, space) for w in ("على", "ضد")}
                if lam and (not e.has("genpat") or any(words[i] in on for i in range(lam[0].tok_end, stop))):
                    arg.actors.append(lam[0])
            undergo = [i for i in range(max(0, t - 2), t) if words[i] and self.cues.kind(words[i], "undergo", space)]
            if undergo and not arg.recipients:
                # "تعرضت الدورية لهجوم", "نجا القائد من محاولة اغتيال": the subject is the victim
                victim = self._subject(units, words, undergo[0], undergo[0], "past", "", stops, verb_positions)
                if victim is not None and victim not in arg.actors:
                    arg.recipients.append(victim)
            if not arg.recipients and preps:
                arg.recipients += [u for u in units_with_prep(units, last + 1, stop, preps)
                                   if u not in arg.actors][:1] or \
                    [u for u in self._behind_prep(units, words, last, stop, preps, space) if u not in arg.actors] or \
                    [u for u in _owned_target(units, words, last, stop, preps, self._place_words)
                     if u not in arg.actors and e.event_type in ("ASSAULT", "COERCE")]
            if e.has("mutual"):
                between = units_with_prep(units, last + 1, stop, {key("بين", space)})
                arg.actors += [u for u in between if u not in arg.actors]
                # "اجتماع بين قيادات ... من الحركتين": the parties may follow a partitive من
                if not arg.actors:
                    arg.actors += [u for u in units_with_prep(units, last + 1, min(stop, last + 8),
                                                              {key("من", space)})][:1]
            # a reporting verb governs the masdar right after its (long) subject: "أعلنت الحكومة
            # السودانية وقوات الدعم السريع هدنة"
            after_subject = bool(current) and current[-1].tok_end == t
            if e.has("mutual") and len(arg.actors) + len(arg.recipients) < 2 and not after_subject and not _governed(
                    words, t, self.cues, space):
                return None  # "على قاعدة الاتفاق": a topic noun, not a meeting/agreement that happened
            if not arg.actors and last + 1 < len(words) and _light_with_object(words[last + 1], self.cues, space):
                # "في هجوم شنه متمردون", "العملية التي نفذتها الحركة": the subject of the support verb
                # that takes the noun as its (pronoun) object
                after = first_unit_after(units, last + 2, 3, stop=min(stop + 4, len(words)))
                if after is not None:
                    arg.actors.append(after)
            if not arg.actors:
                # the subject of a governing verb ("شنت قوات الاحتلال عدوانا", "أكدت الحركتان، دعم"),
                # also for a masdar coordinated with an earlier event noun ("… دعم …، ودعوة …")
                coordinated = words[t].startswith("و") and any(o.tok < t for o in matches if o.tense == "noun")
                # … or a purpose masdar behind ل after an act of the same type: "استخدمت الشرطة
                # الغاز المسيل للدموع لتفريق المتظاهرين" — the police disperse
                coordinated = coordinated or (m.prefix in ("ل", "ول") and e.event_type in ("ASSAULT", "COERCE")
                                              and any(o.tok < t and o.entry.event_type == e.event_type
                                                      for o in matches))
                # … or with the previous sentence's event when it opens this one (degraded text's
                # clause windows cut "دعم خطوات أسرانا … ودعوة شعبنا" in two)
                carried = words[t].startswith("و") and t <= 1 and state.last_subject is not None and \
                    si - state.last_subject[0] == 1
                if current and (_governed(words, t, self.cues, space) or coordinated or after_subject):
                    arg.actors += current
                    arg.inherited = True
                elif carried:
                    arg.actors += state.last_subject[1]
                    arg.inherited = True
                else:
                    # the closest bare noun phrase before it: "دفع الحركة إلى الرد باستهداف …"
                    clause_start = max([s + 1 for s in stops if s < t] + [0])
                    before = last_unit_before(_verb_args(units, words, clause_start, self.cues, space), t, 4,
                                              stop=clause_start)
                    if before is not None and before not in arg.recipients:
                        arg.actors.append(before)
            if not arg.actors and e.has("enemy"):
                # "وشهداء العدوان الأخير" in a statement that calls its adversary "الاحتلال": its doer
                enemy = self._enemy(self._doc)
                if enemy is not None:
                    arg.actors.append(Unit([enemy], -1, -1, roots=[enemy.root]))  # named elsewhere
                    arg.inherited = True
            if not arg.recipients and e.event_type in NEED_RECIPIENT | {"ASSAULT"}:
                arg.recipients += _specified(units, words, last, self.cues, space)
        if e.event_type in ("ASSAULT", "COERCE") and not arg.recipients:
            arg.recipients += _partitive(units, words, last, stop, self.cues, space)
        if e.event_type == "ASSAULT" and not e.has("patient"):
            self._agent_phrase(m, arg, units, words, stops, matches, consumed, space)
        if e.event_type == "PROTEST" and not arg.recipients:
            arg.recipients += _protest_target(units, words, last, arg.actors, self.cues, space)
        return arg

    def _specified_next_window(self, doc: Doc, sentences, events, space) -> None:
        """Degraded text's clause windows are artificial: when one opens with a specifier ("وفي المقدمة
        منهم القادة …"), the parties it lists are the victims of the previous window's last violence
        that names none."""
        last_in: dict[int, Event] = {}
        for e, si in events:
            last_in[si] = e
        for si, e in last_in.items():
            if e.event_type != "ASSAULT" or e.recipients or si + 1 >= len(sentences):
                continue
            nxt = sentences[si + 1]
            toks = [t for t in doc.tokens if nxt.start <= t.start < nxt.end and not t.is_punct][:3]
            cue = next((t for t in toks if self.cues.kind(t.skel if space == "skel" else t.norm, "specifier", space)),
                       None)
            if cue is None:
                continue
            listed: list[Mention] = []
            for mt in doc.mentions:
                if mt.start < cue.end or mt.start >= nxt.end or not mt.root:
                    continue
                gap = doc.text[(listed[-1].end if listed else cue.end):mt.start].split()
                if len(gap) > (3 if not listed else 1) or (listed and gap and gap != ["و"]):
                    break
                listed.append(mt)
            e.recipients = _dedupe(listed)

    def _enemy(self, doc: Doc) -> Mention | None:
        """The first mention of the document that names its adversary as "the occupation"/"the enemy",
        outside the current sentence (named in it, the adversary has some other role there)."""
        for mt in doc.mentions:
            if self._sent.start <= mt.start < self._sent.end:
                continue
            if mt.root and any(self.cues.kind(key(w, self._space), "enemy", self._space)
                               for w in mt.text.split()):
                return mt
        return None

    def _agent_phrase(self, m: Match, arg: _Arg, units, words, stops, matches, consumed, space) -> None:
        """The doer of a killing named in a phrase after it: an agent phrase ("جراء ضربة جوية أميركية",
        "برصاص الجيش") or an attack it happened in ("في غارة إسرائيلية", "في هجوم لطالبان").
        Used when no doer is named — a passive reading, a pronoun, or victims before the verb — and for
        a bare verb whose noun right after it is followed by such a phrase: "قتل جنديان في هجوم
        لطالبان" is passive (the soldiers were killed), so that noun is the victim."""
        last = m.last
        sent_stop = min([s_ for s_ in stops if s_ > last] + [len(words)])
        named = [u for u in arg.actors if not _civilians(u)]
        subj_after = named[0] if len(named) == 1 and named[0].tok_start > m.tok and not arg.inherited else None
        if named and subj_after is None:
            return
        # look after the trigger and what it already holds ("قتل خمسة من عناصر حماس في غارة إسرائيلية")
        start = max([last + 1] + [u.tok_end for u in arg.recipients + named if u.tok_start > m.tok])
        agent, frame = None, None
        for u in units:
            if not (start <= u.tok_start < sent_stop and u.tok_start <= start + 5) or u in arg.recipients:
                continue
            if u.in_agent_phrase or u.prep == "by":
                agent = u
                break
            # "في غارة إسرائيلية", "في هجوم لطالبان": the party of an attack noun governed by في/ب
            # … or "في هجوم شنه متمردون": the subject of a support verb that takes the attack as object
            for o in matches:
                if not (o.tense == "noun" and o.entry.event_type == "ASSAULT" and o.tok >= start
                        and _locative(words, o.tok, self._prefixes, space)):
                    continue
                own = o.last < u.tok_start <= o.last + 2 and (u.nisba or u.prep == "ل")
                launched = o.last + 1 < len(words) and _light_with_object(words[o.last + 1], self.cues, space) \
                    and u.tok_start in (o.last + 2, o.last + 3) and not u.prep
                if own or launched:
                    agent, frame = u, o
                    break
            if agent is not None:
                break
        if agent is None or agent is subj_after:
            return
        if subj_after is not None:
            # a bare verb ("قتل"), its noun, then the attack: the noun was killed — passive
            if not (m.tense == "past" and not m.suffix and (frame is not None or agent.in_agent_phrase)):
                return
            arg.recipients = [subj_after] + [u for u in arg.recipients if u is not subj_after]
            arg.actors = [u for u in arg.actors if u is not subj_after]
        arg.actors = [u for u in arg.actors if u is not agent] + [agent]
        arg.inherited = False
        for other in matches:  # "جراء ضربة …": the noun in the agent phrase is this act
            if last < other.tok < agent.tok_start and other.tense == "noun":
                consumed.add(other.tok)
                if arg.frame is None and other.entry.event_type == "ASSAULT":
                    arg.frame = other

    def _behind_prep(self, units, words, last, stop, preps, space) -> list[Unit]:
        """A unit right after a word that carries the preposition as a clitic: "رحبت … بالمبادرة
        المصرية" (ب + noun, then the nisba/genitive naming the party); or a ل-genitive after the
        preposition's noun: "أطلقت قذيفة على تجمع للمواطنين" (the gathering of the citizens)."""
        for u in units:
            if last + 1 < u.tok_start < stop and not u.prep and not u.in_agent_phrase:
                j = u.tok_start - 1
                if j > last and words[j] and _prefix_prep(self._prefixes[j], space) in preps:
                    return [u]
            if last + 2 < u.tok_start < stop and u.prep in ("ل", "") and not u.in_agent_phrase:
                # "على تجمع للمواطنين", "احتجاجا على زيارة بوش": the genitive of the preposition's noun
                j = u.tok_start - 1
                if words[j] and words[j] not in preps and words[j - 1] in preps and j - 1 > last:
                    return [u]
        return []

    # ------------------------------------------------------------------ event
    def _event(self, doc, m: Match, toks, sent, arg: _Arg, words, space, places, speaker, stop) -> Event | None:
        e = m.entry
        actors = _flatten(arg.actors)
        recipients = _flatten(arg.recipients)
        repression = False
        if e.event_type not in ("ASSAULT", "COERCE"):
            # protesters named only by the cue list are a party of violence and arrests; a protest's own
            # participants or the speakers of a demand stay as the knowledge base tags them (no one)
            actors = [x for x in actors if x.origin != "generic" or x.type != "POP"]
            recipients = [x for x in recipients if x.origin != "generic" or x.type != "POP"]
        if e.has("mutual"):
            if not actors:
                return None  # "وزار فرنسا وبريطانيا" with no visitor named: the visited do not meet each other
            parties = _dedupe(actors + recipients)
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
                victims = [x for x in actors if x.sector == "CVL" and x.type == "POP"]
                actors = [x for x in actors if x not in victims]
                recipients = victims + [x for x in recipients if x not in victims]
            aroots = {x.root for x in actors if x.root}
            recipients = [x for x in recipients if not (x.root and x.root in aroots)]
        if not actors and not (e.has("standalone") and self.keep_unattributed):
            return None
        status = _status(words, m, self.cues, space)
        specific = bool(actors) and (bool(recipients) or e.event_type not in ("ASSAULT", "COERCE", "PROTEST"))
        if m.tense == "noun" and not specific and _near(words, m.tok, self.cues, "temporal", space, before=2):
            return None  # "منذ اغتيال الحريري", "غداة هجوم": a time reference, coded only when who-did-what-to-whom is named
        if m.tense == "noun" and m.definite and (
                (not actors and not _near(words, m.tok, self.cues, "light", space, 3)) or
                (actors and e.has("standalone") and not _concrete(words, m.tok, self.cues, space))):
            # "المظاهرات", "الهجوم": violence or protest named with the article refers back to an act
            # told before — unless something concrete (a support or outcome verb, casualties) makes
            # this sentence its report
            return None
        if not actors and not recipients and m.tense == "noun" and not _concrete(words, m.tok, self.cues, space):
            return None  # "الاعتداء", "الهجمات" with nobody named: a reference, not a report
        if not actors and not recipients and m.tense == "present" and status == "occurred":
            return None  # "يستهدف …" with nobody named: habitual or generic, not a report
        if e.event_type in ("ASSAULT", "COERCE", "THREATEN") and not recipients:
            # the attacked/raided/threatened place stands for its population or state
            p = place_after(places, m.last, stop, target_ok=True)
            if p is not None and p.country and p.country not in {x.root for x in actors}:
                recipients = [Mention(p.start, p.end, p.text, None, p.country, "GPE", origin="place")]
        truce = e.event_type == "REQUEST" and _ceasefire(words, m.last, stop + 6, self.cues, space)
        if truce and not recipients:
            # a call for a truce somewhere addresses the parties fighting there: "دعا … إلى وقف
            # إطلاق النار في السودان" (other calls about a place need their addressee named)
            p = _complement_place(places, words, m.last, space)
            if p is not None and p.country and p.country not in {x.root for x in actors}:
                recipients = [Mention(p.start, p.end, p.text, None, p.country, "GPE", origin="place")]
        if e.event_type in NEED_RECIPIENT and not recipients:
            return None
        if e.event_type == "ASSAULT" and recipients and all(x.root == GENERIC_VICTIM for x in recipients) \
                and not actors and m.tense != "past" and not _casualties_stated(words):
            # "تخطف الأطفال", "قتل النساء", "الهجمات على المدنيين": violence against unnamed civilians,
            # by no one named, in a noun or the present tense is habitual or generic — a report has a
            # finite past verb or a count of victims
            return None
        trig = Span(toks[m.tok].start, toks[m.last].end, "trigger")
        etype, mode, cameo = e.event_type, e.mode, e.cameo
        how = m  # the words that say how it was done
        if mode is None and arg.frame is not None and arg.frame.entry.mode:
            # "قتل 12 مدنيا في قصف مدفعي لـ…": the killing was the shelling; the frame noun it consumed
            # says how
            mode, cameo, how = arg.frame.entry.mode, arg.frame.entry.cameo, arg.frame
        if etype == "ASSAULT" and _verbal_attack(m, words, actors, self.cues, space, recipients):
            etype, mode, cameo = "ACCUSE", None, "111"  # "شن هجوما لاذعا على": a verbal attack
        if repression:
            cameo = "175"
        if truce:
            mode, cameo = "yield", "1056" if e.mode == "demand" else "0256"  # calls for a truce
        if etype == "ASSAULT" and mode in (None, "aerial") and \
                _near(words, how.last, self.cues, "heavy", space, before=how.last - how.tok + 2, after=3) and \
                not _near(words, how.last, self.cues, "air", space, before=how.last - how.tok + 2, after=3):
            mode, cameo = "heavy-weapons", "194"  # "قصف مدفعي", "بقذائف الدبابات": artillery and tanks
        ev = Event(event_type=etype, trigger=trig, sentence=Span(sent.start, sent.end, "sent"),
                   actors=actors, recipients=recipients, mode=mode, cameo=cameo, status=status)
        # a place that is itself one of the actors ("اغتيال إسرائيل لـ…") is not where it happened
        taken = {(x.start, x.end) for x in actors}
        free = [(i, p, loc) for i, p, loc in places if not any(a <= p.start < b for a, b in taken)]
        place = place_after(free, m.last, stop, e.event_type == "ASSAULT") or place_before(free, m.tok)
        if place is None and e.has("frame"):
            # a proposal or call is about its content: "اقتراح شارون أن تنسحب إسرائيل من قطاع غزة"
            place = _complement_place(free, words, m.last, space)
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


# ---------------------------------------------------------------------- helpers
@dataclass
class _DocState:
    group: list[str] = field(default_factory=list)  # the last compound party (≥ 2 roots)
    claims: list[tuple[int, Unit, int]] = field(default_factory=list)  # (sentence, claimant, word)
    last_subject: tuple[int, list[Unit]] | None = None
    last_org: str | None = None


def _verb_args(units: list[Unit], words: list[str], pos: int, cues: Cues, space: str) -> list[Unit]:
    """Units that may be a verb's bare subject or object from ``pos`` on.  Left out: a nationality
    adjective whose noun sits behind a preposition modifies that noun ("قتلوا في ضربة جوية أميركية":
    أميركية is not the object), and the genitive of a preposition's noun ("تجمعوا حول مقر سفارة
    إستونيا": the embassy is not the subject)."""
    preps = cues.by_space[space]["prep"]

    def is_prep(w: str) -> bool:
        return w in preps or (w[:1] in "وف" and w[1:] in preps)

    out = []
    for u in units:
        if u.tok_start > pos and not u.prep:
            between = [w for w in words[pos:u.tok_start] if w]
            if u.nisba and len(between) <= 3 and any(is_prep(w) for w in between):
                continue
            j = u.tok_start - 1
            if j - 1 >= pos and words[j] and not is_prep(words[j]) and words[j - 1] and is_prep(words[j - 1]):
                continue  # "تجمعوا حول مقر سفارة استونيا": the genitive of a prepositional phrase
        out.append(u)
    return out


def _dateline_country(doc: Doc) -> str | None:
    """The country of a dateline place ("بعقوبة ـ أ ف ب:", "غزة - "), when the text opens with one."""
    for p in sorted(doc.places, key=lambda p: p.start)[:1]:
        if p.start <= 30 and p.country and _DATELINE.match(doc.text, p.end):
            return p.country
    return None


_DATELINE = re.compile(r"\s*(?:\([^)\n]{0,30}\)\s*)?[ـ\-–—:]")


def _domestic_civilians(ev: Event, home: str | None) -> None:
    """Civilians of no stated nationality ("قتل خمسة أشخاص في بعقوبة") take the country where the event
    happened — else the dateline's — as their root (the ICEWS/PETRARCH country-of-location default for
    unnamed domestic actors); the entity stays CVL, so the record still says they were not named."""
    country = (ev.location or {}).get("country") or home
    if not country or not _is_state(country):
        return
    for attr in ("actors", "recipients"):
        ms = getattr(ev, attr)
        if any(m.root == GENERIC_VICTIM for m in ms):
            setattr(ev, attr, _dedupe([replace(m, root=country) if m.root == GENERIC_VICTIM else m for m in ms]))


def _is_state(code: str) -> bool:
    if code == "PSE":
        return True
    if len(code) != 3 or not code.isupper():
        return False
    import pycountry
    return pycountry.countries.get(alpha_3=code) is not None


def _light_with_object(word: str, cues: Cues, space: str) -> bool:
    """A support verb with an object pronoun: شنه، نفذها، شنتها، نفذوه."""
    for suf in ("هما", "ها", "هم", "ه"):
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            stem = word[:-len(suf)]
            if cues.kind(stem, "light", space) or (stem.endswith("و") and cues.kind(stem + "ا", "light", space)):
                return True
    return False


def _clause_initial(units: list[Unit], words: list[str], t: int, clause_start: int) -> Unit | None:
    """A bare unit that opens the clause (after punctuation or a lone و at most) and ends right before
    the verb at ``t``: the subject of an SVO clause."""
    for u in units:
        if u.tok_end == t and not u.prep and not u.in_agent_phrase and u.tok_start >= clause_start:
            if all(not w or w in ("و", "ف") for w in words[clause_start:u.tok_start]):
                return u
    return None


def _locative(words, i: int, prefixes, space: str) -> bool:
    """The word at ``i`` is governed by في or ب (its own word before it, or the clitic ب)."""
    if prefixes[i] and _prefix_prep(prefixes[i], space) == "ب":
        return True
    if words[i].startswith(("بال", "وبال")):
        return True
    j = i - 1
    return j >= 0 and words[j] in (key("في", space), key("وفي", space))


def _civilians(u: Unit) -> bool:
    """The unit names civilians only (they are on the receiving end of violence)."""
    return all(x.sector == "CVL" and x.type == "POP" for x in u.mentions)


def _flatten(units: list[Unit]) -> list[Mention]:
    out: list[Mention] = []
    for u in units:
        out += u.mentions
    return _dedupe(out)


def _dedupe(ms: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in ms:
        k = m.root or ("?", m.start, m.end)
        if k in seen:
            continue
        seen.add(k)
        out.append(m)
    return out


def _prefix_is(prefix: str, prep: str, space: str) -> bool:
    return _prefix_prep(prefix, space) == prep


def _agrees(comp_word: str, subject: list[Unit]) -> bool:
    """أنهم/أنهما need a compound subject; أنه/أنها a single actor (or a group)."""
    roots = {r for u in subject for r in u.roots}
    if comp_word.endswith(("هم", "هما")):
        return len(roots) >= 2
    return len(roots) >= 1


def _attribute_claims(events, claims, doc, sentences, starts) -> None:
    """A claimant becomes the author of the attack it claims: the latest ASSAULT with no named author
    told before the claim, in its sentence or the two before ("أسفر انفجار … عن مقتل سبعة أشخاص،
    وتبنت حركة الشباب الهجوم").  A claim with no such attack adds nothing (it is not an attack)."""
    for si, unit, word in claims:
        sent_lo = bisect.bisect_left(starts, sentences[si].start)
        claim_at = doc.tokens[min(sent_lo + word, len(doc.tokens) - 1)].start
        cands = [ev for ev, esi in events if ev.event_type == "ASSAULT" and not ev.actors
                 and si - 2 <= esi <= si and ev.trigger.start < claim_at]
        if cands:
            ev = cands[-1]
            ev.actors = _flatten([unit])
            roots = {x.root for x in ev.actors if x.root}
            ev.recipients = [x for x in ev.recipients if x.root not in roots]


def _phrase_at(words, i: int, table: set[str], covered: set[int]) -> int:
    """Length (1–3 words) of a phrase of ``table`` starting at word i, a و/ف before it allowed; 0 if none."""
    for n in (3, 2, 1):
        span = words[i:i + n]
        if len(span) < n or covered & set(range(i, i + n)):
            continue
        if " ".join(span) in table or (span[0][:1] in "وف" and " ".join([span[0][1:]] + span[1:]) in table):
            return n
    return 0


def _owned_target(units, words, last: int, stop: int, preps: set[str], place_words: set[int]) -> list[Unit]:
    """The owner of a targeted thing: "غارات على مواقع للحوثيين", "هجوم على مقر الحزب" — after a
    recipient preposition, one or two object words (not a place: "على قطاع غزة"), then a known party
    (behind ل, or in construct right after one word)."""
    for j in range(last + 1, stop):
        if words[j] in preps:
            # named explicitly (not a coreferent "الحزب"); a bare nisba is an attribute ("الأراضي الباكستانية")
            return [u for u in units if u.roots and not (set(range(j + 1, u.tok_start)) & place_words)
                    and all(x.origin != "coref" for x in u.mentions)
                    and ((u.prep == "ل" and j + 2 <= u.tok_start <= j + 3)
                         or (not u.prep and not u.nisba and u.tok_start == j + 2))
                    and all(words[k] for k in range(j + 1, u.tok_start))][:1]
    return []


def _ceasefire(words, last: int, end: int, cues: Cues, space: str) -> bool:
    """A truce in the complement: "هدنة", "التهدئة", or وقف + إطلاق/القتال/الحرب ("وقف فوري لإطلاق النار")."""
    stop_ = key("وقف", space)
    for i in range(last + 1, min(end, len(words))):
        w = words[i]
        if w and cues.kind(w, "ceasefire", space):
            return True
        if w and (w == stop_ or w[1:] == stop_ or w[2:] == stop_) and any(
                words[k] and cues.kind(words[k], "halted", space) for k in range(i + 1, min(i + 3, len(words)))):
            return True
    return False


def _far_ok(units, words, t: int, last: int, n_rest: int, space: str) -> bool:
    """A "far" trigger's gap (verb … object) holds nothing but actor mentions, و and إلى ("توصل … إلى
    اتفاق"), then the object's own words ("مذكرة تفاهم")."""
    covered = {i for u in units for i in range(u.tok_start, u.tok_end)}
    glue = {"", "و", key("إلى", space), key("الى", space)}
    tail = max([i + 1 for i in range(t + 1, last) if i in covered] + [t + 1])
    return all(i in covered or words[i] in glue for i in range(t + 1, tail)) and \
        sum(words[i] not in glue for i in range(tail, last)) <= n_rest - 1


def _governed(words, t, cues: Cues, space: str) -> bool:
    """A reporting or support verb within 3 words before (comma allowed): the noun is its object."""
    return any(_near(words, t, cues, kind, space, before=3) for kind in ("speech", "light", "participate", "deny"))


def _concrete(words, t, cues: Cues, space: str) -> bool:
    """A bare event noun reports an event when something concrete goes with it: a support verb
    ("نفذ هجوما"), an outcome verb ("أسفر عن", "أدى إلى", "وقع") or stated casualties."""
    if _near(words, t, cues, "light", space, before=3) or _near(words, t, cues, "undergo", space, before=3):
        return True
    return _in_sentence(words, cues, "happen", space) or _casualties_stated(words)


def _complement_place(places, words, last: int, space: str):
    """The first place in a frame event's complement (≤ 20 words on) behind a locative or a
    من/إلى of movement: where the proposed or demanded act would happen."""
    movement = {key(w, space) for w in ("من", "إلى", "الى")}
    for i, p, loc in places:
        if last < i <= last + 20:
            j = i - 1
            while j > last and not words[j]:
                j -= 1
            if loc or words[j] in movement:
                return p
    return None


def _partitive(units, words, last: int, stop: int, cues: Cues, space: str) -> list[Unit]:
    """The party behind a partitive من after a count: "مقتل ثمانية من عناصر حماس", "قتل العشرات من
    المسلحين الفلسطينيين", "اعتقال عدد من أعضاء الحزب" — those counted are the victims."""
    min_ = key("من", space)
    for j in range(last + 2, min(last + 5, stop + 1, len(words))):
        if words[j] != min_:
            continue
        counted = words[last + 1:j]
        def _count(w):
            return w and (w.isdigit() or cues.kind(w, "quantity", space) or parse_number(w) is not None)
        if len(counted) >= 2 and all(_count(w) for w in counted[:-1]) and counted[-1]:
            counted = counted[:-1]  # "قتلت 11 مسلحا من تنظيم القاعدة": a count, its noun, then من
        if counted and all(_count(w) for w in counted):
            # the party right after من, or after one head noun ("من عناصر حماس")
            return [u for u in units if j + 1 <= u.tok_start <= j + 2][:1]
        return []
    return []


def _protest_target(units, words, last: int, actors, cues: Cues, space: str) -> list[Unit]:
    """Whom a protest addresses, when no preposition of the trigger names it: the first party after a
    demand or denunciation word later in the sentence ("مطالبين الحكومة التركية بالتدخل",
    "شعارات معادية للرئيس الإيراني", "للتنديد بإعدام …")."""
    for i in range(last + 1, len(words)):
        if words[i] and cues.kind(words[i], "protest_target", space):
            after = [u for u in units if i < u.tok_start <= i + 3 and u not in actors]
            if after:
                return after[:1]
    return []


def _verbal_attack(m: Match, words, actors: list[Mention], cues: Cues, space: str,
                   recipients: list[Mention] = ()) -> bool:
    """An "attack" that is words, not force: qualified as verbal ("هجوما لاذعا"), or launched by a
    person or against a person ("شن عباس هجوما على حماس", "شنت المعارضة هجوما على البطريرك",
    "صعد ماكين من هجومه", "هجوم له على") with no weapon and no casualties in the sentence."""
    if not (m.tense == "noun" or m.last > m.tok):
        return False
    after = range(m.last + 1, min(m.last + 3, len(words)))
    if any(words[i] and cues.kind(words[i], "verbal", space) for i in after):
        return True
    if not m.entry.has("verbal"):
        return False
    own = m.last + 1 < len(words) and words[m.last + 1] in {key(w, space) for w in ("له", "لها")}
    own = own or words[m.last].endswith(key("ه", space))  # "هجومه على روسيا"
    # a person launching it ("شن عباس هجوما على"), not a person describing it ("وصف نتنياهو الهجوم")
    launched = m.last > m.tok or _near(words, m.tok, cues, "light", space, before=3)
    by_person = bool(actors) and all(a.type == "PER" for a in actors) and launched
    on_person = bool(recipients) and all(r.type == "PER" for r in recipients) and launched
    if not (own or by_person or on_person):
        return False
    return not _in_sentence(words, cues, "weapon", space) and not _casualties_stated(words)


def _specified(units, words, last, cues: Cues, space: str) -> list[Unit]:
    """Recipients named after a generic one: "لكل من يدعم …، خصوصًا إيران وحزب الله"."""
    for i in range(last + 1, len(words)):
        if words[i] and cues.kind(words[i], "specifier", space):
            return [u for u in units if u.tok_start > i][:1]
    return []


def _present_person(word: str, m: Match) -> str:
    w = word[len(m.conj):]
    if w.startswith("س"):
        w = w[1:]
    return "1" if w[:1] in ("ن", "ا") else "3"


def _next_stop(t, last, stops, verb_positions, n) -> int:
    nxt = [v for v in verb_positions if v > last] + [s for s in stops if s > last]
    return min(nxt + [n, last + 16])


def _casualties_stated(words) -> bool:
    """The sentence states a number killed or injured ("مقتل 5 أشخاص", "وإصابة آخر")."""
    return _cas.casualties([w for w in words if w]) != (None, None)


def _in_sentence(words, cues: Cues, kind: str, space: str) -> bool:
    """Some word of the sentence is a cue of ``kind`` (a weapon, a crowd, an outcome verb)."""
    return any(w and cues.kind(w, kind, space) for w in words)


def _near(words, t, cues, kind, space, before=3, after=0) -> bool:
    lo, hi = max(0, t - before), min(len(words), t + after + 1)
    return any(words[i] and cues.kind(words[i], kind, space) for i in range(lo, hi) if i != t)


def _status(words, m: Match, cues: Cues, space: str) -> str:
    t = m.tok
    prev = [w for w in words[max(0, t - 2):t] if w]
    if any(cues.kind(w, "negation", space) for w in prev[-2:]):
        return "negated"
    if any(cues.kind(w, "deny", space) for w in words[max(0, t - 10):t] if w):
        return "denied"
    if m.future or any(cues.kind(w, "intent", space) for w in words[max(0, t - 5):t] if w):
        return "intended"
    return "occurred"

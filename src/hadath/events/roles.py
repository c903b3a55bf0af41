"""Roles of one trigger: who did it (actors) and to whom (recipients), read with Arabic word order.

A verb takes its subject (arguments.subject) and its object or prepositional recipient; a verbal
noun (masdar) its genitive, a ل-phrase, a من-source or the subject of the verb that governs it.
Passive reports name the doer in an agent phrase or in the attack the act happened in ("برصاص
الشرطة", "في غارة إسرائيلية"); targets may be a party's property ("مواقع للحوثيين"), those counted
after a partitive من, the addressee of a protest's slogans, or the parties named after a generic
one.  Each rule is there for a construction news text uses; the examples say which.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hadath.doc import Mention
from hadath.events.arguments import (BELONGING, GENERIC_VICTIM, SentenceView, Unit, _prefix_prep, after_earlier_verb,
                                     bare_args, civilians, first_unit_after, last_unit_before, plural, speaker,
                                     subject, units_with_prep, verb_args)
from hadath.events.cues import Cues
from hadath.events.document import DocState, statement_enemy
from hadath.events.lexicon import Match, key
from hadath.events.wording import count_word, governed, light_with_object, near
from hadath.text.numbers import parse_number

# a masculine plural verb ("قتلوا", "يقتلون"): its pronoun subject is several people
_PLURAL_SUFFIXES = frozenset({"وا", "ون", "و"})
# types that are not an interaction without someone on the receiving end (codebook §3: no opinions
# without a recipient)
NEED_RECIPIENT = {"SUPPORT", "REQUEST", "ACCUSE", "THREATEN", "REJECT", "SANCTION", "AID"}


@dataclass
class Arg:
    actors: list[Unit] = field(default_factory=list)
    recipients: list[Unit] = field(default_factory=list)
    inherited: bool = False  # the actors come from an earlier clause or sentence, not this one
    frame: "Match | None" = None  # the attack noun a killing happened in (its mode is the killing's)


def arguments(sv: SentenceView, m: Match, stop: int, current: list[Unit] | None, state: DocState,
              consumed: set[int], matches: list[Match]) -> Arg | None:
    """The actors and recipients of the trigger ``m`` (``stop``: where its arguments end); None when
    the trigger turns out not to be an event (a far trigger with something between, a topic noun).
    ``current``: the subject of the reporting or earlier verb it may share (None: a report's pronoun
    that names no one); ``consumed`` collects nouns that are this act, not new events."""
    units, words, space, cues, si = sv.units, sv.words, sv.space, sv.cues, sv.index
    e, t, last = m.entry, m.tok, m.last
    arg = Arg()
    preps = {key(p, space) for p in e.preps}
    if m.tense != "noun":
        orphan, found = False, None
        first_person = m.tense == "present" and _present_person(words[t], m) == "1"
        if e.has("patient"):
            victim = subject(sv, t, last, m.tense, m.suffix)
            if victim:
                arg.recipients.append(victim)
            arg.actors += [u for u in units if (u.in_agent_phrase or u.prep == "by")
                           and not _later_act_between(m, u, matches)]
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
            clause_start = sv.clause_start(t)
            subj = next((u for u in units if t < u.tok_start < last and not u.prep), None) or \
                last_unit_before(units, t, 4, stop=clause_start)
            found = subj
        else:
            subj = None if first_person else subject(sv, t, last, m.tense, m.suffix)
            found = subj  # read off this verb's own clause (not shared with an earlier verb)
            shared = subj is not None and subj.tok_end <= t and m.conj and after_earlier_verb(sv, subj, t)
            if shared and current and all(u.tok_end <= subj.tok_start for u in current):
                # "قامت الشرطة بمداهمة المسجد واعتدت على المصلين": a coordinated verb shares the
                # subject of the verb before it; the noun just before it is that verb's object
                subj = current[0]
            elif shared and not current:
                # "داهمت آلية عسكرية منزل القيادي في حماس … واعتقلت نجله": the earlier verb's subject
                # is unnamed, so is this one's — its object is not the doer
                subj, orphan = None, True
        # (not a doer shared with an earlier verb: "إن ثمانية جنود نفذوا الغارة … وقتلوا عددا")
        passive = e.event_type == "ASSAULT" and subj is not None and subj is found and subj.tok_end <= t \
            and _counted(sv, subj) \
            and not any(last < u.tok_start <= last + 3 and not u.prep for u in units)  # no object: "… خطفوا مواطنا"
        passive = passive or (e.event_type in ("ASSAULT", "COERCE") and m.tense == "past" and not m.suffix
                              and subj is not None and subj is found and _people_after(sv, subj, last))
        if passive:
            # "15 من مسلحي الحوثي قتلوا", "ثلاثة جنود أتراك قتلوا": a counted party before the verb is
            # its victims (قُتلوا, the passive reading); the doer, if any, is in an agent phrase
            arg.recipients.append(subj)
            subj = None
        if subj is not None and subj.tok_end <= t and m.suffix in _PLURAL_SUFFIXES and not _may_be_they(sv, subj):
            # "أكد الجيش تمسكه بالتهدئة، واعتقلوا …": "they" cannot be the army named before
            subj, orphan = None, True
        if e.event_type == "ASSAULT" and (subj is None or all(x.sector == GENERIC_VICTIM for x in subj.mentions)):
            # a passive report names its author in an agent phrase: "قتل متظاهران برصاص الشرطة"
            arg.actors += [u for u in units if u.in_agent_phrase and last < u.tok_start < stop
                           and not _later_act_between(m, u, matches)][:1]
        if subj is not None:
            arg.actors.append(subj)
        elif not first_person and not arg.actors and not passive and not orphan and not _relative(sv, m) and \
                not _act_as_subject(sv, m):
            # a pronoun inside a report ("قال … إنهم يتعاونون") refers to someone we cannot name
            inherited = [] if current is None else current or (
                state.last_subject[1] if state.last_subject and si - state.last_subject[0] <= 2 else [])
            # (a unit from an earlier sentence is read without the words before it)
            if m.suffix in _PLURAL_SUFFIXES and not any(_may_be_they(sv, u, here=u in (current or []))
                                                        for u in inherited):
                inherited = []  # "… واقتحموا حاجزين": a plural verb's "they" is not "the regime"
            arg.actors += inherited
            arg.inherited = True
        after = max(subj.tok_end, last + 1) if subj is not None and subj.tok_start > t else last + 1
        if e.has("obj"):
            # a multiword trigger's object word may open the mention ("طردت … السفير الفرنسي")
            o = next((u for u in units if u.tok_start == last and last > t and u is not subj), None) or \
                first_unit_after(verb_args(units, words, after, cues, space), after, 4, stop=stop)
            if o is None and e.mode == "visit":
                o = _destination(sv, after, stop, None)  # "زار … العاصمة السعودية الرياض"
            if o is not None and o is not subj:
                arg.recipients.append(o)
            elif o is None:
                # "قصفت مواقع لحركة حماس": the object noun belongs to the actor behind ل
                # (an unnamed subject — "قصفت طائرات حربية مواقع للجيش" — may stand before the object)
                reach = 2 if subj is not None else 4
                owner = [u for u in units if u.prep == "ل" and after < u.tok_start <= after + reach
                         and u.tok_start < stop and u is not subj]
                between = [w for w in words[after:owner[0].tok_start] if w] if owner else []
                if owner and between and not any(w in cues.by_space[space]["prep"] for w in between):
                    arg.recipients.append(owner[0])
        if not arg.recipients and preps and e.mode == "visit":
            # "وصل … إلى العاصمة القطرية الدوحة": the visited state
            arg.recipients += [d for d in [_destination(sv, last + 1, stop, preps)] if d is not None] or \
                _arrival_city(sv, last, stop, preps, arg.actors)
        if not arg.recipients and preps:
            arg.recipients += units_with_prep(units, last + 1, stop, preps)[:1] or \
                _behind_prep(sv, last, stop, preps) or \
                [u for u in _owned_target(units, words, last, stop, preps, sv.place_words)
                 if u is not subj and e.event_type in ("ASSAULT", "COERCE")]
    else:
        # a multiword noun's last word may open the genitive mention ("تفريق المتظاهرين")
        gen = next((u for u in units if u.tok_start == last and last > t), None) or \
            first_unit_after(units, last + 1, 1, stop=stop, agent_ok=True)
        if gen is not None and gen.tok_start == last + 2 and _prefix_prep(sv.prefixes[last + 1], space) in ("ل", "ب"):
            gen = None  # "بقصف لطيران التحالف": the genitive of the ل-noun after it, not of the act
        by = [u for u in units if u.prep == "by" and u.tok_start > last and u.tok_start < stop]
        later_l = units_with_prep(units, last + 1, stop, {"ل"})
        if gen is not None and not later_l:
            # a construct chain behind ل: "اغتيال إسرائيل لمؤسس حماس" → حماس is the victim
            later_l = [u for u in units if gen.tok_end < u.tok_start <= gen.tok_end + 2 and not u.prep
                       and _prefix_is(sv.prefixes[u.tok_start - 1], "ل", space)]
        source = [u for u in units if u.prep == key("من", space) and u.tok_start == last + 2
                  and words[last + 1] == key("من", space)]
        if gen is not None and later_l and any(
                w in cues.by_space[space]["prep"] for w in words[gen.tok_end:later_l[0].tok_start]):
            later_l = []  # "قتل جنديين في هجوم لطالبان": that ل-phrase belongs to another noun
        if gen is not None and later_l and (later_l[0].tok_start - gen.tok_end > 3 or
                                            not all(words[gen.tok_end:later_l[0].tok_start])):
            # "اختطاف جثة الجندي …، نشرت كتائب القسام، الذراع العسكري لحركة حماس": a ل-phrase past a
            # comma or several words on is another clause's, not this act's victim
            later_l = []
        # "قتل جنديين أمريكيين": a nationality adjective after a head noun describes the victims,
        # not the act ("غارة جوية إسرائيلية": after another adjective it still describes the act)
        gap = words[last + 1] if gen is not None and gen.tok_start == last + 2 else ""
        of_victims = bool(gap) and not gap.endswith(("ي", "يه", "ية")) and e.has("genpat")
        # civilians right after a killing noun are its victims even with no count between ("قتل مدنيا"
        # when degraded text drops "12"): a people's nisba there is not the act's author
        of_victims = of_victims or (gen is not None and civilians(gen) and e.has("genpat"))
        if gen is not None and e.event_type == "ASSAULT" and not gen.nisba and _place_named(sv, gen) and \
                not later_l and \
                not any(words[i] in {key("على", space), key("ضد", space)} for i in range(gen.tok_end, stop)):
            # "منفذ هجوم فرنسا", "تفجيرات لندن": the attack in that place, not by it ("اغتيال إسرائيل
            # لمؤسس حماس", "هجوم إسرائيل على غزة" name a target: there the state is the doer)
            gen = None
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
            # (also in construct behind a ل-noun: "بقصف لطيران التحالف")
            lam = [u for u in units if u.tok_start < stop and (
                (u.prep == "ل" and last < u.tok_start <= last + 2) or
                _owner_behind_lam(sv, u, last))]
            on = {key(w, space) for w in ("على", "ضد")}
            # (an attack behind ب is the means of another act: "… وتدمير سيارة بقصف لطيران التحالف")
            if lam and (not e.has("genpat") or _prefix_is(m.prefix, "ب", space) or
                        any(words[i] in on for i in range(lam[0].tok_end, stop))):
                arg.actors.append(lam[0])
        undergo = [i for i in range(max(0, t - 2), t) if words[i] and cues.kind(words[i], "undergo", space)]
        if undergo and not arg.recipients:
            # "تعرضت الدورية لهجوم", "نجا القائد من محاولة اغتيال": the subject is the victim
            victim = subject(sv, undergo[0], undergo[0], "past", "")
            if victim is not None and victim not in arg.actors:
                arg.recipients.append(victim)
        if not arg.recipients and preps:
            arg.recipients += [u for u in units_with_prep(units, last + 1, stop, preps)
                               if u not in arg.actors][:1] or \
                [u for u in _behind_prep(sv, last, stop, preps) if u not in arg.actors] or \
                [u for u in _owned_target(units, words, last, stop, preps, sv.place_words)
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
        if e.has("mutual") and len(arg.actors) + len(arg.recipients) < 2 and not after_subject and not governed(
                words, t, cues, space):
            return None  # "على قاعدة الاتفاق": a topic noun, not a meeting/agreement that happened
        if not arg.actors and last + 1 < len(words) and light_with_object(words[last + 1], cues, space):
            # "في هجوم شنه متمردون", "العملية التي نفذتها الحركة": the subject of the support verb
            # that takes the noun as its (pronoun) object
            after = first_unit_after(units, last + 2, 3, stop=min(stop + 4, len(words))) or \
                _belonging_owner(sv, last + 2)
            if after is not None:
                arg.actors.append(after)
        # civilians' deaths reported by someone ("أفاد المرصد بمقتل سبعة أشخاص", "أعلنت وزارة الصحة
        # استشهاد …"): the reporter is the source, not the killer — while a party announcing its
        # enemy's dead claims them ("أعلنت إسرائيل مقتل ثمانية من عناصر حماس")
        reported_toll = e.has("toll") and near(words, t, cues, "speech", space, before=4) and \
            all(civilians(u) for u in arg.recipients or _partitive(units, words, last, stop, cues, space))
        if not arg.actors and not reported_toll and not _charged(sv, t):
            # the subject of a governing verb ("شنت قوات الاحتلال عدوانا", "أكدت الحركتان، دعم"),
            # also for a masdar coordinated with an earlier event noun ("… دعم …، ودعوة …")
            coordinated = words[t].startswith("و") and any(o.tok < t for o in matches if o.tense == "noun")
            if coordinated and e.event_type in ("ASSAULT", "COERCE") and current and speaker(sv, current[0]):
                # "أعلنت السلطات أن فلانا منفذ الهجوم …، وقتل ضابطا شرطة": the announcer is not the killer
                coordinated = False
            # … or a purpose masdar behind ل after an act of the same type: "استخدمت الشرطة
            # الغاز المسيل للدموع لتفريق المتظاهرين" — the police disperse
            # (not an act named inside a prepositional phrase: "من مكان المداهمة كافية لاحتجازه")
            coordinated = coordinated or (m.prefix in ("ل", "ول") and e.event_type in ("ASSAULT", "COERCE")
                                          and any(o.tok < t and o.entry.event_type == e.event_type
                                                  and not _prep_genitive(sv, o.tok) for o in matches))
            # … or with the previous sentence's event when it opens this one (degraded text's
            # clause windows cut "دعم خطوات أسرانا … ودعوة شعبنا" in two)
            carried = words[t].startswith("و") and t <= 1 and state.last_subject is not None and \
                si - state.last_subject[0] == 1
            if current and (governed(words, t, cues, space) or coordinated or after_subject
                            or _far_support(sv, t, matches, current)):
                arg.actors += current
                arg.inherited = True
            elif carried:
                arg.actors += state.last_subject[1]
                arg.inherited = True
            else:
                # the closest bare noun phrase before it: "دفع الحركة إلى الرد باستهداف …"
                clause_start = sv.clause_start(t)
                before = last_unit_before(bare_args(sv, clause_start), t, 4,
                                          stop=clause_start)
                # (not across أنّ: "أعلنت السلطات أن شابا هو منفذ الهجوم" — the announcer)
                # (nor the place of an earlier attack noun: "أسفرت هجمات باريس عن مقتل …")
                if before is not None and before not in arg.recipients and \
                        not any(w in cues.by_space[space]["comp"] for w in words[before.tok_end:t]) and \
                        not (_place_named(sv, before) and any(o.tok == before.tok_start - 1 and o.tense == "noun"
                                                              and o.entry.event_type == "ASSAULT" for o in matches)):
                    arg.actors.append(before)
        if not arg.actors and e.has("enemy"):
            # "وشهداء العدوان الأخير" in a statement that calls its adversary "الاحتلال": its doer
            enemy = statement_enemy(sv)
            if enemy is not None:
                arg.actors.append(Unit([enemy], -1, -1, roots=[enemy.root]))  # named elsewhere
                arg.inherited = True
        if not arg.recipients and e.event_type in NEED_RECIPIENT | {"ASSAULT"}:
            arg.recipients += _specified(units, words, last, cues, space)
    if e.has("host") and not _hosted(arg):
        return None  # "وصلت القوات إلى المدينة", "وصل عدد الشهداء إلى …": an arrival, not a visit
    if e.event_type == "THREATEN" and not arg.recipients:
        arg.recipients += _retaliation_target(sv, last, arg.actors)
    if e.event_type in ("ASSAULT", "COERCE") and not arg.recipients:
        arg.recipients += _partitive(units, words, last, stop, cues, space)
    if e.event_type == "ASSAULT" and not arg.recipients:
        arg.recipients += [u for u in _site_owner(sv, last, stop) + _aimed_at(sv, last)
                           if u not in arg.actors][:1]
    if e.event_type == "ASSAULT" and not e.has("patient"):
        _agent_phrase(sv, m, arg, matches, consumed)
    if e.event_type == "ASSAULT" and m.tense != "noun" and any(not civilians(u) for u in arg.actors):
        _instrument_attack(sv, m, arg, matches, consumed)
    if e.event_type == "PROTEST" and not arg.recipients:
        arg.recipients += _protest_target(units, words, last, arg.actors, cues, space)
    return arg


def _people_after(sv: SentenceView, u: Unit, last: int) -> bool:
    """A people's nisba as a noun right after a bare past verb, with no object after it: "قتل عراقيان
    في تفجير", "اعتقل فلسطينيون." — the passive reading (قُتل), they are the victims."""
    words, space = sv.words, sv.space
    w = words[u.tok_start] if u.tok_start < len(words) else ""
    if u.tok_start != last + 1 or u.tok_end - u.tok_start != 1 or not u.nisba or u.prep or len(u.mentions) != 1 \
            or w.startswith(key("ال", space)) or not w.endswith(tuple(key(x, space) for x in ("يان", "يين", "يون"))):
        return False
    nxt = u.tok_end
    if nxt >= len(words) or not words[nxt]:
        return True  # "قتل عراقيان."
    return words[nxt] in sv.cues.by_space[space]["prep"] or sv.cues.kind(words[nxt], "agentprep", space) or \
        _prefix_is(sv.prefixes[nxt], "ب", space)


def _counted(sv: SentenceView, u: Unit) -> bool:
    """A count opens the unit's phrase: right before it, or before a head noun and a partitive من
    ("ثلاثة جنود أتراك", "15 من مسلحي الحوثي") — within three words, none of them punctuation."""
    for j in range(u.tok_start - 1, max(-1, u.tok_start - 4), -1):
        if not sv.words[j]:
            return False
        if parse_number(sv.words[j]) is not None:
            return True
    return False


def _agent_phrase(sv: SentenceView, m: Match, arg: Arg, matches: list[Match], consumed: set[int]) -> None:
    """The doer of a killing named in a phrase after it: an agent phrase ("جراء ضربة جوية أميركية",
    "برصاص الجيش") or an attack it happened in ("في غارة إسرائيلية", "في هجوم لطالبان").
    Used when no doer is named — a passive reading, a pronoun, or victims before the verb — and for
    a bare verb whose noun right after it is followed by such a phrase: "قتل جنديان في هجوم
    لطالبان" is passive (the soldiers were killed), so that noun is the victim."""
    units, words, space = sv.units, sv.words, sv.space
    last = m.last
    sent_stop = sv.clause_end(last)
    # (a party inherited from the reporting clause does not stop the search: "أعلنت وزارة الدفاع عن مقتل
    # 23 عنصرا من داعش … بقصف لطيران التحالف" — the ministry announces, the coalition struck)
    named = [] if arg.inherited else [u for u in arg.actors if not civilians(u)]
    subj_after = named[0] if len(named) == 1 and named[0].tok_start > m.tok else None
    preps = sv.cues.by_space[space]["prep"]
    # a party before the act with a preposition between is no subject of it, but the announcer or a
    # topic: "أعلنت وزارة الدفاع العراقية عن مقتل 23 عنصرا من داعش … بقصف لطيران التحالف"
    detached = bool(named) and all(u.tok_end <= m.tok and any(w in preps for w in words[u.tok_end:m.tok])
                                   for u in named)
    # "إن الفضلي قد استهدف في غارة جوية أمريكية": a past verb with the attack right after it and no
    # object is passive — its subject before it is the target
    passive = bool(named) and subj_after is None and m.tense == "past" and \
        all(u.tok_end <= m.tok for u in named) and _attack_right_after(sv, m, matches)
    if named and subj_after is None and not detached and not passive:
        return
    # look after the trigger and what it already holds ("قتل خمسة من عناصر حماس في غارة إسرائيلية")
    start = max([last + 1] + [u.tok_end for u in arg.recipients + named if u.tok_start > m.tok])
    agent, frame = None, None
    for u in units:
        if not (start <= u.tok_start < sent_stop and u.tok_start <= start + 7) or u in arg.recipients:
            continue
        if (u.in_agent_phrase or u.prep == "by") and u.tok_start <= start + 5:
            agent = u
            break
        # "في غارة إسرائيلية", "في هجوم لطالبان": the party of an attack noun governed by في/ب
        # … or "في هجوم شنه متمردون": the subject of a support verb that takes the attack as object
        for o in matches:
            if not (o.tense == "noun" and o.entry.event_type == "ASSAULT" and start <= o.tok <= start + 5
                    and _locative(words, o.tok, sv.prefixes, space)):
                continue
            own = (o.last < u.tok_start <= o.last + 2 and (u.nisba or u.prep == "ل")) or \
                _owner_behind_lam(sv, u, o.last)
            launched = o.last + 1 < len(words) and light_with_object(words[o.last + 1], sv.cues, space) \
                and u.tok_start in (o.last + 2, o.last + 3) and not u.prep
            if own or launched:
                agent, frame = u, o
                break
        if agent is not None:
            break
    if agent is None:
        # "في غارة شنتها طائرة بدون طيار تابعة للقوات الأمريكية": the owner of the unnamed launcher
        for o in matches:
            if o.tense == "noun" and o.entry.event_type == "ASSAULT" and start <= o.tok <= start + 5 and \
                    o.tok < sent_stop and _locative(words, o.tok, sv.prefixes, space) and \
                    o.last + 1 < len(words) and light_with_object(words[o.last + 1], sv.cues, space):
                agent = _belonging_owner(sv, o.last + 2)
                if agent is not None:
                    frame = o
                    break
    if agent is None or agent is subj_after:
        return
    if subj_after is not None:
        # a bare verb ("قتل"), its noun, then the attack: the noun was killed — passive
        if not (m.tense == "past" and not m.suffix and (frame is not None or agent.in_agent_phrase)):
            return
        arg.recipients = [subj_after] + [u for u in arg.recipients if u is not subj_after]
        arg.actors = [u for u in arg.actors if u is not subj_after]
    if passive:
        arg.recipients = [u for u in named if u not in arg.recipients] + arg.recipients
    arg.actors = [u for u in arg.actors if u is not agent and not ((detached or passive) and u in named)] + [agent]
    arg.inherited = False
    for other in matches:  # "جراء ضربة …": the noun in the agent phrase is this act
        if last < other.tok < agent.tok_start and other.tense == "noun":
            consumed.add(other.tok)
            if arg.frame is None and other.entry.event_type == "ASSAULT":
                arg.frame = other


def _instrument_attack(sv: SentenceView, m: Match, arg: Arg, matches: list[Match], consumed: set[int]) -> None:
    """"اغتالت إسرائيل القيادي … بغارة على مكتب", "قتلت القوات قياديا في غارة جوية": an attack noun
    governed by ب/في in the clause of a violent verb whose doer is named is how that act was done, not
    a second attack (whose doer would otherwise be read off the victim before it). It becomes the
    act's frame: consumed, and its mode is the act's."""
    words = sv.words
    stop = sv.clause_end(m.last)
    for o in matches:
        if not (m.last < o.tok < stop and o.tense == "noun" and o.entry.event_type == "ASSAULT"):
            continue
        if any(v > m.last and v < o.tok for v in sv.verb_positions) or not all(words[m.last + 1:o.tok]):
            break  # another verb or a comma between: a new clause with its own act
        # "باغتيال انطوان غانم", "بخطف جنديين": an act with its own victim right after it is an act
        own_victim = any(u.tok_start == o.last + 1 and not u.prep for u in sv.units)
        if _locative(words, o.tok, sv.prefixes, sv.space) and not own_victim:
            consumed.add(o.tok)
            if arg.frame is None:
                arg.frame = o
        break


def _far_support(sv: SentenceView, t: int, matches: list[Match], current: list[Unit]) -> bool:
    """A support verb up to 8 words before the noun, with only its subject, times and counts between
    (no punctuation, verb or other event), whose subject is ``current``: right before the verb (SVO)
    or between it and the noun (VSO) — "إن طيران التحالف شن مساء أول من أمس قرابة خمس غارات"."""
    words, cues, space = sv.words, sv.cues, sv.space
    for i in range(t - 1, max(-1, t - 9), -1):
        if not words[i] or i in sv.verb_positions or any(o.tok == i for o in matches):
            return False
        if cues.kind(words[i], "light", space):
            u = current[0]
            return i - 2 <= u.tok_end <= i or i < u.tok_start < t
    return False


def _owner_behind_lam(sv: SentenceView, u: Unit, last: int) -> bool:
    """The unit is the genitive of a ل-noun right after ``last``: "بقصف لطيران التحالف" — the party
    whose aircraft (forces, artillery) did the act."""
    return not u.prep and u.tok_start == last + 2 and _prefix_is(sv.prefixes[last + 1], "ل", sv.space)


def _place_named(sv: SentenceView, u: Unit) -> bool:
    """Every mention of the unit is a state or city name the gazetteer also holds as a place."""
    starts = {p.start for _, p, _ in sv.places}
    return all(x.type == "GPE" and x.start in starts for x in u.mentions)


def _attack_right_after(sv: SentenceView, m: Match, matches: list[Match]) -> bool:
    """An attack noun follows the verb at once (an adverb such as سابقا may stand between), behind في
    or ب, and no bare party follows it in the clause: "استهدف في غارة" — not "قصفت بغارة مواقع حماس"."""
    words, nxt = sv.words, m.last + 1
    while nxt < len(words) and words[nxt].endswith(key("ا", sv.space)) and len(words[nxt]) > 3 and \
            not any(o.tok == nxt for o in matches):
        nxt += 1  # "سابقا", "مجددا"
    fi = key("في", sv.space)
    frame = next((o for o in matches if o.tense == "noun" and o.entry.event_type == "ASSAULT" and
                  ((o.tok == nxt and _prefix_is(sv.prefixes[o.tok], "ب", sv.space)) or
                   (o.tok == nxt + 1 and nxt < len(words) and words[nxt] == fi))), None)
    if frame is None:
        return False
    end = sv.clause_end(frame.last)
    # (a bare party further on is the object: "بغارة جوية مواقع حماس"; right after the frame noun it
    # is the attack's own party)
    return not any(frame.last + 1 < u.tok_start < end and not u.prep and not u.nisba for u in sv.units)


def _belonging_owner(sv: SentenceView, start: int) -> Unit | None:
    """The owner after "تابعة لـ" that an unnamed doer belongs to, within 6 words and one clause:
    "غارة شنتها طائرة بدون طيار تابعة للقوات الأمريكية"."""
    words = sv.words
    for i in range(start, min(start + 6, len(words))):
        if not words[i]:
            return None
        if words[i] in BELONGING[sv.space]:
            return next((u for u in sv.units if u.tok_start == i + 1 and u.prep == "ل"), None)
    return None


def _act_as_subject(sv: SentenceView, m: Match) -> bool:
    """The verb's subject is an attack noun right after it ("وقد استهدف الهجوم حشدا", "أوقع الانفجار"):
    the act did it, and no party inherited from earlier sentences is its doer."""
    return any(o.tok == m.last + 1 and o.tense == "noun" and o.entry.event_type == "ASSAULT" for o in sv.matches)


def _later_act_between(m: Match, u: Unit, matches: list[Match]) -> bool:
    """Another act of violence stands between the trigger and the agent phrase, which is that act's:
    "أصيب سبعة … خلال اشتباكات … احتجاجا على مقتل مدنيين على أيدي القوات الأمريكية" (the agent
    phrase's own attack noun, right before its party, does not count: "خلال العدوان الإسرائيلي")."""
    return any(m.last < o.tok < u.tok_start - 2 and o.entry.event_type == "ASSAULT" for o in matches)


def _prep_genitive(sv: SentenceView, i: int) -> bool:
    """The word at ``i`` is the genitive of a preposition's noun: "من مكان المداهمة"."""
    words = sv.words
    preps = sv.cues.by_space[sv.space]["prep"] | {key("من", sv.space)}
    return i >= 2 and bool(words[i - 1]) and words[i - 1] not in preps and words[i - 2] in preps


def _may_be_they(sv: SentenceView, u: Unit, here: bool = True) -> bool:
    """A masculine plural verb's pronoun may refer to the unit: it names several people (arguments.plural)
    or — when the unit stands in this sentence (``here``) — a plural noun or a count heads it from just
    before ("الناطقون الرسميون بلسان الحكومة", "عناصر الجيش", "خمسة من حركة الشباب", "العشرات من مستوطني
    براخة", "251 شخصا")."""
    if plural(u, sv.cues, sv.space):
        return True
    if not here:
        return False
    for w in sv.words[max(0, u.tok_start - 3):u.tok_start]:
        if w and ((len(w) > 4 and w.endswith(("ون", "ين"))) or (parse_number(w) or 0) > 1 or
                  not sv.cues.kinds(w, sv.space).isdisjoint(("plural_head", "quantity"))):
            return True
    return False


def _relative(sv: SentenceView, m: Match) -> bool:
    """A verb right after an indefinite noun or adjective describes it (a relative clause without
    الذي): "في هجوم استهدفهما", "في فعاليات خاصة تستهدف الأقصى" — its unnamed subject is that noun,
    not the party of an earlier clause or sentence."""
    t = m.tok
    if t < 1 or m.conj or not sv.words[t - 1]:
        return False
    prev, raw = sv.words[t - 1], sv.raw[t - 1]
    if any(o.tense == "noun" and o.last == t - 1 for o in sv.matches):
        return True  # an event noun: "هجوم استهدفهما"
    return len(raw) > 3 and raw.endswith(("ة", "ات", "ين", "ون")) and not raw.startswith("ال") and \
        not sv.cues.kinds(prev, sv.space) and parse_number(prev) is None


def _charged(sv: SentenceView, t: int) -> bool:
    """The act at ``t`` is what someone is charged with or convicted of: behind في/ب (also "بشن هجوم")
    within 8 words after a judicial verb — "دانت المحكمة فلانا في تفجير المدمرة", "اتهمت الحكومة
    المتمردين بشن هجوم".  The court or accuser before it is not its doer."""
    words, cues, space = sv.words, sv.cues, sv.space
    if not near(words, t, cues, "judicial", space, before=8):
        return False
    return _locative(words, t, sv.prefixes, space) or (
        t >= 1 and bool(words[t - 1]) and cues.kind(words[t - 1], "light", space)
        and _locative(words, t - 1, sv.prefixes, space))


def _destination(sv: SentenceView, pos: int, stop: int, preps: set[str] | None) -> Unit | None:
    """The state a visit goes to, named as a place: "العاصمة السعودية" right at ``pos`` (a visit
    verb's object), or behind one of ``preps`` ("إلى العاصمة القطرية")."""
    words = sv.words
    for u in sv.units:
        if not u.place or u.tok_start >= stop or u.tok_start < pos + 1:
            continue
        head = u.tok_start - 1
        if preps is None:
            return u if head == pos else None
        if head - 1 >= pos and words[head - 1] in preps:
            return u
        return None
    return None


def _arrival_city(sv: SentenceView, last: int, stop: int, preps: set[str], actors: list[Unit]) -> list[Unit]:
    """A city of another state right behind the visit's preposition stands for that state: "وصل … إلى
    الدوحة" → Qatar.  Not the visitor's own state (travel at home is no visit), and not for a visitor
    known only by an adjective ("صحفيون من التلفزيون الروسي وصلوا إلى كييف")."""
    if all(m.origin == "adj" for u in actors for m in u.mentions):
        return []
    own = {m.root for u in actors for m in u.mentions if m.root}
    for i, p, _ in sv.places:
        if not (last < i < stop):
            continue
        j = i - 1
        while j > last and not sv.words[j]:
            j -= 1
        if sv.words[j] not in preps or not p.country or p.country in own:
            return []
        m = Mention(p.start, p.end, p.text, p.country, p.country, "GPE", origin="place")
        return [Unit([m], i, i + max(1, len(p.text.split())), prep=sv.words[j], roots=[p.country])]
    return []


# sectors of a party whose arrival somewhere is a deployment, not a visit
_NOT_VISITORS = frozenset({"MIL", "COP"})


def _hosted(arg: Arg) -> bool:
    """A "host" trigger (an arrival verb) is a visit only when a named political party or person arrives
    in a state named as such ("إلى مصر", "إلى العاصمة القطرية"), not armed forces or things."""
    if not arg.actors or not arg.recipients or arg.inherited:
        return False
    people = any(m.type == "PER" and m.root is not None for u in arg.actors for m in u.mentions)
    if any((m.sector in _NOT_VISITORS and not people) or m.root is None for u in arg.actors for m in u.mentions):
        return False  # (a named person is a visitor, a defence minister too: "وصل آشتون كارتر … إلى بغداد")
    return all(m.type == "GPE" and m.root is not None and m.entity_id == m.root
               for u in arg.recipients for m in u.mentions)


def _behind_prep(sv: SentenceView, last: int, stop: int, preps: set[str]) -> list[Unit]:
    """A unit right after a word that carries the preposition as a clitic: "رحبت … بالمبادرة
    المصرية" (ب + noun, then the nisba/genitive naming the party); or a ل-genitive after the
    preposition's noun: "أطلقت قذيفة على تجمع للمواطنين" (the gathering of the citizens), a count
    allowed before that noun ("أفرجت … عن 30 أسيرا فلسطينيا")."""
    words, space = sv.words, sv.space
    for u in sv.units:
        if last + 1 < u.tok_start < stop and not u.prep and not u.in_agent_phrase:
            j = u.tok_start - 1
            if j > last and words[j] and _prefix_prep(sv.prefixes[j], space) in preps:
                return [u]
        if last + 2 < u.tok_start < stop and u.prep in ("ل", "") and not u.in_agent_phrase:
            # "على تجمع للمواطنين", "احتجاجا على زيارة بوش": the genitive of the preposition's noun
            j = u.tok_start - 1
            h = j - 1
            if h - 1 > last and words[h] and parse_number(words[h]) is not None:
                h -= 1
            if words[j] and words[j] not in preps and words[h] in preps and h > last:
                return [u]
    return []


def _far_ok(units, words, t: int, last: int, n_rest: int, space: str) -> bool:
    """A "far" trigger's gap (verb … object) holds nothing but actor mentions, و and إلى ("توصل … إلى
    اتفاق"), then the object's own words ("مذكرة تفاهم")."""
    covered = {i for u in units for i in range(u.tok_start, u.tok_end)}
    glue = {"", "و", key("إلى", space), key("الى", space)}
    tail = max([i + 1 for i in range(t + 1, last) if i in covered] + [t + 1])
    return all(i in covered or words[i] in glue for i in range(t + 1, tail)) and \
        sum(words[i] not in glue for i in range(tail, last)) <= n_rest - 1


def _present_person(word: str, m: Match) -> str:
    w = word[len(m.conj):]
    if w.startswith("س"):
        w = w[1:]
    return "1" if w[:1] in ("ن", "ا") else "3"


def _prefix_is(prefix: str, prep: str, space: str) -> bool:
    return _prefix_prep(prefix, space) == prep


def _owned_target(units, words, last: int, stop: int, preps: set[str], place_words: set[int]) -> list[Unit]:
    """The owner of a targeted thing: "غارات على مواقع للحوثيين", "هجوم على مقر الحزب" — after a
    recipient preposition, one or two object words (not a place: "على قطاع غزة"), then a known party
    (behind ل, or in construct right after one word)."""
    for j in range(last + 1, stop):
        if words[j] in preps:
            # named explicitly (not a coreferent "الحزب"); a bare nisba is an attribute ("الأراضي الباكستانية")
            # (not the doer behind "على يد": "هجوم … على يد مسلحين")
            return [u for u in units if u.roots and not (set(range(j + 1, u.tok_start)) & place_words)
                    and not u.in_agent_phrase
                    and all(x.origin != "coref" for x in u.mentions)
                    and ((u.prep == "ل" and j + 2 <= u.tok_start <= j + 3)
                         or (not u.prep and not u.nisba and u.tok_start == j + 2))
                    and all(words[k] for k in range(j + 1, u.tok_start))][:1]
    return []


def _site_owner(sv: SentenceView, last: int, stop: int) -> list[Unit]:
    """The owner of the building an attack happened at: "فجر نفسه خارج مكتب شركة اميركية", "انفجرت
    سيارة أمام مقر حزب الدعوة" — a site word, a property noun, then a named party (in construct,
    behind ل, or one noun later)."""
    words, cues, space = sv.words, sv.cues, sv.space
    for j in range(last + 1, stop):
        if not (words[j] and cues.kind(words[j], "site", space)):
            continue
        k = j + 2 if j + 1 < len(words) and words[j + 1] == key("من", space) else j + 1  # بالقرب من
        if k >= len(words) or not (words[k] and cues.kind(words[k], "property", space)):
            return []
        return [u for u in sv.units if u.roots and not u.in_agent_phrase and u.prep in ("", "ل")
                and all(x.origin != "coref" for x in u.mentions)
                and k + 1 <= u.tok_start <= k + 2 and all(words[i] for i in range(k, u.tok_start))][:1]
    return []


def _aimed_at(sv: SentenceView, last: int) -> list[Unit]:
    """The target a participle names after the act: "بتفجير نفسها مستهدفة دورية للقوات الأمريكية" —
    "مستهدفا" within the next 6 words, then a named party right after it or behind ل one noun on."""
    words = sv.words
    for j in range(last + 1, min(len(words), last + 7)):
        if not words[j]:
            return []  # another clause
        if sv.cues.kind(words[j], "aiming", sv.space):
            return [u for u in sv.units if u.roots and not u.in_agent_phrase and all(words[j:u.tok_start])
                    and ((not u.prep and u.tok_start == j + 1) or (u.prep == "ل" and u.tok_start == j + 2))][:1]
    return []


def _partitive(units, words, last: int, stop: int, cues: Cues, space: str) -> list[Unit]:
    """The party behind a partitive من after a count: "مقتل ثمانية من عناصر حماس", "قتل العشرات من
    المسلحين الفلسطينيين", "اعتقال عدد من أعضاء الحزب" — those counted are the victims."""
    min_ = key("من", space)
    for j in range(last + 2, min(last + 5, stop + 1, len(words))):
        if words[j] != min_:
            continue
        counted = words[last + 1:j]
        if len(counted) >= 2 and all(count_word(w, cues, space) for w in counted[:-1]) and counted[-1]:
            counted = counted[:-1]  # "قتلت 11 مسلحا من تنظيم القاعدة": a count, its noun, then من
        elif len(counted) == 1 and counted[0] and cues.kind(counted[0], "member_head", space):
            counted = []  # "مقتل عنصرا من تنظيم داعش": degraded text lost the count before the member noun
        if not counted or all(count_word(w, cues, space) for w in counted):
            # the party right after من, or after one head noun ("من عناصر حماس")
            return [u for u in units if j + 1 <= u.tok_start <= j + 2][:1]
        return []
    return []


def _retaliation_target(sv: SentenceView, last: int, actors: list[Unit]) -> list[Unit]:
    """A threat to retaliate names its target through what it answers: "هددت بالرد على المناورات
    المشتركة بين الولايات المتحدة وكوريا الجنوبية" → the parties of the manoeuvres, "توعد بالانتقام
    من أي هجوم إسرائيلي" → ISR.  The first party in that noun phrase, up to the clause's end."""
    words, space = sv.words, sv.space
    sent_stop = sv.clause_end(last)
    answers = {key(w, space) for w in ("على", "من", "ضد")}
    for r in range(last + 1, min(last + 4, sent_stop)):
        if not (words[r] and sv.cues.kind(words[r], "retaliate", space)):
            continue
        if r + 1 < sent_stop and words[r + 1] in answers:
            return [u for u in sv.units if r + 2 <= u.tok_start < min(r + 10, sent_stop) and u not in actors
                    and u.roots and not u.in_agent_phrase
                    and u.prep in ("", "ل", key("بين", space), key("مع", space))][:1]
        return []
    return []


def _specified(units, words, last, cues: Cues, space: str) -> list[Unit]:
    """Recipients named after a generic one: "لكل من يدعم …، خصوصًا إيران وحزب الله"."""
    for i in range(last + 1, len(words)):
        if words[i] and cues.kind(words[i], "specifier", space):
            return [u for u in units if u.tok_start > i][:1]
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


def _locative(words, i: int, prefixes, space: str) -> bool:
    """The word at ``i`` is governed by في or ب (its own word before it, or the clitic ب)."""
    if prefixes[i] and _prefix_prep(prefixes[i], space) == "ب":
        return True
    if words[i].startswith(("بال", "وبال")):
        return True
    j = i - 1
    return j >= 0 and words[j] in (key("في", space), key("وفي", space))

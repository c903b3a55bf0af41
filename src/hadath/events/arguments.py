"""Who did it to whom: actor units around a trigger, read with Arabic word order.

A *unit* is one actor mention together with the mentions coordinated or in apposition with it
("حماس والجهاد", "الأمين العام لحركة الجهاد، زياد النخالة"), so compound actors stay in one event.
Each unit knows the preposition that governs it (clitic ب/ل or a word like على، ضد، مع، بين), which
decides whether it can be a subject/object or only a prepositional recipient.

Also here: the subject of a verb (``subject``), the rule every other role rule leans on, and the
``SentenceView`` the role rules read a sentence through (roles.py reads objects, agents and the rest).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from hadath.doc import Doc, Mention, Span
from hadath.events.cues import CLITIC_PREPS, Cues
from hadath.events.lexicon import key

GENERIC_VICTIM = "CVL"  # the knowledge base's root for civilians of no stated nationality
# verb agreement suffixes that mean the subject is a pronoun (dual/plural/1st person), so a mention
# right after the verb is its object: "وحذرتا إسرائيل" (they two warned Israel)
_PRONOMINAL_PAST = {"ا", "وا", "تا", "نا", "تم", "ن", "و"}
_PRONOMINAL_PRES = {"ان", "ون", "ين", "ا", "وا", "و", "ن"}
_OBJECT_PRONOUNS = {"ه", "ها", "هم", "هما", "هن"}  # a verb's object suffix: "وتدعوهم"


@dataclass
class Unit:
    mentions: list[Mention]
    tok_start: int  # sentence-local word indices, end exclusive
    tok_end: int
    prep: str = ""  # governing preposition in key space ("" when none)
    nisba: bool = False  # an adjective like الإسرائيلي / إسرائيلية rather than a noun phrase
    in_agent_phrase: bool = False  # behind خلال/برصاص/من قبل …: the perpetrator of a passive act
    roots: list[str] = field(default_factory=list)
    place: bool = False  # a nisba after a place head ("العاصمة القطرية"): a destination, not a party


def _prefix_prep(text_before: str, space: str) -> str:
    k = key(text_before, space) if text_before.strip() else ""
    return CLITIC_PREPS.get(k, "")


def build_units(words: list[str], mentions: list[tuple[list[Mention], int, int, str]], space: str,
                cues: Cues) -> list[Unit]:
    """Group a sentence's mentions into units.

    ``mentions``: (mentions, local start word, local end word (exclusive), clitic text before the
    mention inside its first word, e.g. "ب" for بالأمين).  Usually one mention; a group anaphor
    ("الحركتان") brings one per party.
    """
    # outermost mentions only; a nested mention adds nothing the outer one does not say
    ms = sorted(mentions, key=lambda m: (m[1], -(m[2] - m[1])))
    outer: list[tuple[list[Mention], int, int, str]] = []
    for m in ms:
        if outer and m[1] < outer[-1][2]:
            if any(x.root for x in m[0]) and not any(x.root for x in outer[-1][0]):
                outer[-1] = (m[0], outer[-1][1], max(outer[-1][2], m[2]), outer[-1][3])
            continue
        outer.append(m)
    units: list[Unit] = []
    for group, s, e, clitic in outer:
        m = group[0]
        prep = _prefix_prep(clitic, space)
        first = words[s] if s < len(words) else ""
        if not prep and not clitic:
            # the tagger's span may keep the clitic: "للحوثيين", "بالحكومة" (a preposition + article)
            for c in ("ولل", "وبال", "لل", "بال"):
                if first.startswith(key(c, space)) and len(first) - len(c) >= 3:
                    prep = _prefix_prep(c, space)
                    break
        j = s - 1
        while j >= 0 and not words[j]:
            j -= 1  # skip punctuation such as "(" before (حماس)
        prev = words[j] if j >= 0 else ""
        if not prep and prev:
            pw = prev[1:] if prev[:1] in "وف" and len(prev) > 2 else prev
            if pw in cues.by_space[space]["prep"]:
                prep = pw
            elif prev == key("من", space) and j >= 1 and words[j - 1] == key("قبل", space):
                prep = "by"
        if not prep and prev == key("قبل", space) and j >= 1 and words[j - 1] == key("من", space):
            prep = "by"

        if not any(x.root for x in group) and _names_place(words, s, units, cues, space):
            continue  # "في منطقة ديرا اسماعيل خان": an unknown name after a place head is the place's
        agent = _agent_prep_before(words, s, cues, space)
        base = first
        for p in ("و", "ف"):
            if base.startswith(p) and len(base) > 3:
                base = base[1:]
        core = base[2:] if base.startswith("ال") else base
        nisba = core.endswith(("ي", "يه", "يا", "يين", "يون", "يان")) and m.root is not None and (
            m.type in ("GPE", "LOC", "POP", "NORP") or e - s == 1)
        place = bool(nisba and not prep and prev and cues.kind(prev, "placehead", space))
        if place or (not prep and prev and m.type in ("GPE", "LOC") and cues.kind(prev, "direction", space)):
            # "في العاصمة العراقية", "بشمال أفغانستان": a place description, never a subject
            prep = key("في", space)
        u = Unit(list(group), s, e, prep, nisba, agent, place=place)
        u.roots = list(dict.fromkeys(x.root for x in group if x.root))
        conj = (first.startswith("و") and not first.startswith("وال") and len(first) > 3) or \
            (s > 0 and words[s - 1] == "و") or first.startswith("وال")
        if units and _joins(units[-1], u, words, conj):
            prev_u = units[-1]
            prev_u.mentions.extend(group)
            prev_u.tok_end = e
            for r in u.roots:
                if r not in prev_u.roots:
                    prev_u.roots.append(r)
            continue
        units.append(u)
    return _partitive_heads(units, words, space, cues)


def _names_place(words: list[str], s: int, units: list[Unit], cues: Cues, space: str) -> bool:
    """An indefinite place head ("منطقة", "مدينة", "قرية": in construct with the name after it) stands
    right before the word at ``s``, or one word before it that no unit holds: what the tagger took for
    a person there names the place."""
    for j in (s - 1, s - 2):
        if j < 0 or not words[j]:
            return False
        if cues.kind(words[j], "placehead", space):
            definite = words[j].lstrip("وفب").startswith(key("ال", space)) or words[j].startswith(key("لل", space))
            return not definite
        if units and units[-1].tok_end > j:
            return False
    return False


def _agent_prep_before(words: list[str], s: int, cues: Cues, space: str) -> bool:
    """An agent preposition (برصاص، خلال العدوان، من قبل) within 3 words before the word at ``s`` —
    unless an occasion noun stands between: "خلال اجتماع لحزب …" is the party's rally, not its act."""
    for k in range(max(0, s - 3), s):
        if cues.kind(words[k], "agentprep", space):
            return not any(w and cues.kind(w, "occasion", space) for w in words[k + 1:s])
    return False


# the knowledge base's root for armed men of no stated affiliation ("مسلحون")
GENERIC_ARMED = "UAF"


def _partitive_heads(units: list[Unit], words: list[str], space: str, cues: Cues) -> list[Unit]:
    """A party behind a partitive من names the group before it: "مسلحون من تنظيم داعش" → ISIS (the
    generic armed men give way), "مع وفد من حركة حماس" → HAMAS behind مع (the head noun's preposition).
    Counts ("ثمانية من عناصر حماس") are left to the victim rule (roles._partitive)."""
    min_ = key("من", space)
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        member = _member_head(u, words, space, cues)
        if member is not None and not (prev is not None and prev.tok_end > member):
            # "اغتيال قيادي في حزب الله": one member named by his organisation stands for it
            _take_head(u, member, words, space, cues, "member_head")
            out.append(u)
            continue
        h = u.tok_start - 2  # the head noun, right before من
        if u.prep not in ("", min_) or h < 0 or words[h + 1] != min_ or not u.roots:
            out.append(u)
            continue
        if prev is not None and prev.tok_end == h + 1 and prev.roots == [GENERIC_ARMED] \
                and not prev.in_agent_phrase:
            prev.mentions = list(u.mentions)
            prev.roots = list(u.roots)
            prev.tok_end = u.tok_end
            continue
        if words[h] and cues.kind(words[h], "partitive_head", space) and \
                not (prev is not None and prev.tok_end > h):
            _take_head(u, h, words, space, cues, "partitive_head")
        out.append(u)
    return out


# mention types that are places: "مسؤول في غزة" is an official somewhere, not a member of it
_PLACE_TYPES = frozenset({"GPE", "LOC"})


def _member_head(u: Unit, words: list[str], space: str, cues: Cues) -> int | None:
    """The word index of a member noun before "في ORG" ("قيادي [بارز] في حزب الله"), else None."""
    fi = key("في", space)
    if u.prep != fi or not u.roots or u.nisba or any(m.type in _PLACE_TYPES for m in u.mentions):
        return None
    h = u.tok_start - 1
    while h >= 0 and not words[h]:
        h -= 1
    if h < 0 or words[h] != fi:
        return None
    h -= 1
    if h >= 1 and words[h] and cues.kind(words[h], "member_mod", space):
        h -= 1
    if h < 0 or not words[h] or not cues.kind(words[h], "member_head", space):
        return None
    return h


def _take_head(u: Unit, h: int, words: list[str], space: str, cues: Cues, kind: str) -> None:
    """Extend ``u`` back over its head noun at ``h``; the head's preposition becomes the unit's."""
    u.tok_start = h
    g = h - 1
    while g >= 0 and not words[g]:
        g -= 1
    pw = words[g] if g >= 0 else ""
    pw = pw[1:] if pw[:1] in "وف" and len(pw) > 2 else pw
    heads = cues.by_space[space][kind]
    head = words[h][1:] if words[h][:1] in "وف" and words[h][1:] in heads else words[h]
    for art in ("ال",):  # "القيادي في الحركة"
        a = key(art, space)
        if head.startswith(a) and head[len(a):] in heads:
            head = head[len(a):]
    clitic = next((c for c in ("بال", "لل", "ب", "ل") if head.startswith(key(c, space))
                   and head[len(key(c, space)):] in heads), "")  # "التقى بوفد من الحركة"
    u.prep = _prefix_prep(clitic, space) if clitic else (pw if pw in cues.by_space[space]["prep"] else "")
    u.in_agent_phrase = u.in_agent_phrase or any(
        cues.kind(words[k], "agentprep", space) for k in range(max(0, h - 3), h))


def _joins(a: Unit, b: Unit, words: list[str], conj: bool) -> bool:
    """b continues a: coordination (و), apposition (، or parentheses) or adjacency."""
    if b.prep and b.prep != a.prep and b.prep not in ("ل",):
        return False
    gap = [w for w in words[a.tok_end:b.tok_start]]
    real = [w for w in gap if w]
    if b.prep == "ل" and a.prep != "ل":
        # "الأمين العام لحركة الجهاد": a genitive of the same actor (one word gap at most)
        return len(real) <= 1 and not conj and (not a.roots or not b.roots or bool(set(a.roots) & set(b.roots)))
    if conj and len(real) == 0:
        return True
    if len(real) == 1 and real[0] == "و":
        return True
    if len(real) == 0 and len(gap) > 0:
        return True  # only punctuation between ("،" "(" "-"): apposition
    # adjacent with nothing between: the same actor said twice (title + name), else VSO subject+object
    return len(real) == 0 and bool(set(a.roots) & set(b.roots))


def first_unit_after(units: list[Unit], pos: int, limit: int, *, allow_prep=(), stop: int | None = None,
                     agent_ok: bool = False) -> Unit | None:
    for u in units:
        if u.tok_start < pos or (u.in_agent_phrase and not agent_ok):
            continue
        if u.tok_start > pos + limit or (stop is not None and u.tok_start >= stop):
            return None
        if not u.prep or u.prep in allow_prep:
            return u
        if u.prep in ("من",):
            continue
        return None
    return None


def last_unit_before(units: list[Unit], pos: int, limit: int, stop: int = 0) -> Unit | None:
    best = None
    for u in units:
        # partitive من counts as bare: "وفد من حركة حماس … لإجراء مباحثات"
        if u.tok_end <= pos and u.tok_end >= pos - limit and u.tok_start >= stop and \
                u.prep in ("", "من") and not u.in_agent_phrase:
            best = u
    return best


def units_with_prep(units: list[Unit], start: int, stop: int, preps: set[str]) -> list[Unit]:
    return [u for u in units if start <= u.tok_start < stop and u.prep in preps]


# ---------------------------------------------------------------------- one sentence, as the role rules see it
@dataclass
class SentenceView:
    """What the role rules read of one sentence; the coder builds it once per sentence, after the
    actor units and places (word indices are sentence-local)."""
    doc: Doc
    span: Span  # the sentence in the document
    index: int  # its number in the document
    words: list[str]  # key-space words ("" for punctuation)
    prefixes: list[str]  # each word's clitic prefix from the text layer
    units: list[Unit]
    stops: list[int]  # words that end a clause (. ؛ : ! ?)
    verb_positions: list[int]  # triggers that are verbs: another verb ends an argument's reach
    places: list  # (word, Place, behind a locative preposition) for the places of the sentence
    cues: Cues
    space: str  # "norm" or "skel" (degraded text)
    raw: list[str] = field(default_factory=list)  # the words as written
    matches: list = field(default_factory=list)  # the sentence's triggers (lexicon.Match)

    @cached_property
    def attack_owner_words(self) -> set[int]:
        """The two words after each attack noun, where a ل-noun names its owner ("غارة جوية لطيران …")."""
        return {j for o in self.matches if o.tense == "noun" and o.entry.event_type == "ASSAULT"
                for j in range(o.last + 1, o.last + 3)}

    @cached_property
    def place_words(self) -> set[int]:
        """Words where a place starts (a place is not a targeted party's owner)."""
        return {i for i, _, _ in self.places}

    def clause_start(self, t: int) -> int:
        """The first word of the clause the word at ``t`` stands in (right after the last stop before it)."""
        return max([s + 1 for s in self.stops if s < t] + [0])

    def clause_end(self, t: int) -> int:
        """The first stop after the word at ``t`` (. ؛ : ! ?), else the end of the sentence."""
        return min([s for s in self.stops if s > t] + [len(self.words)])


# ---------------------------------------------------------------------- subjects
def subject(sv: SentenceView, t: int, last: int, tense: str, suffix: str) -> Unit | None:
    """The subject of the verb at ``t`` (``last``: a multiword trigger's last word): after أنّ/إنّ or
    clause-initially (SV), else right after the verb (VS) unless its suffix is a pronoun, else the
    closest bare unit before it in the clause."""
    units, words, stops, verb_positions = sv.units, sv.words, sv.stops, sv.verb_positions
    clause_start = sv.clause_start(t)
    pronominal = (tense == "past" and suffix in _PRONOMINAL_PAST) or \
                 (tense == "present" and suffix in _PRONOMINAL_PRES)
    if t >= 1 and words[t - 1] in sv.cues.by_space[sv.space]["comp_pron"]:
        return None  # "نفت حماس أنها هاجمت إسرائيل": the subject is the pronoun on أنّ
    nxt = [v for v in verb_positions if v > last]
    stop = min(nxt + [s for s in stops if s > last] + [len(words)])
    comps = [i for i in range(last + 1, stop) if words[i] in sv.cues.by_space[sv.space]["comp"]]
    stop = min([stop] + comps)  # "أكد البيان أن المقاومة …": what follows أن is not the subject
    if last > t:
        # a multiword trigger holds its object ("فجر انتحاري سيارة"): the subject is not beyond the
        # object's site ("… أمام مطعم يقصده رجال شرطة")
        stop = min([stop] + [i for i in range(last + 1, stop) if words[i] and sv.cues.kind(words[i], "site", sv.space)])
    comp_subj = _after_complementizer(sv, t) or \
        _clause_initial(units, words, _before_particle(words, t, sv.space), clause_start) or _topic(sv, t)
    if comp_subj is not None:
        # "أن القوات الأمريكية قتلت مسلحين": after أنّ/إنّ the subject comes first (أنّ governs a
        # noun), so the unit between the complementizer and the verb is the subject; so is a unit
        # that opens the clause right before its verb ("وحماس هاجمت المستوطنين")
        return comp_subj
    if reflexive(words, last, sv.space):
        # "فجر انتحاري سعودي نفسه": the subject stands between the verb and نفسه, never after it
        stop = min(stop, last if words[last] in _SELF[sv.space] else last + 1)
    if not pronominal:
        # from the verb itself: a multiword trigger's subject sits inside it ("شنت إسرائيل غارات")
        # … but not the owner of a thing after it: "داهمت قوة عسكرية منزل القيادي في حماس" (the raided
        # home's owner; the unnamed subject came before it)
        u = first_unit_after(verb_args(units, words, t + 1, sv.cues, sv.space), t + 1, 6 + last - t, stop=stop)
        if u is not None and not _owned(u, words, last, sv.cues, sv.space) and not _of_masdar(sv, u, last) and \
                u in bare_args(sv, t + 1):
            return u  # (not the genitive of a ل/ب-noun: "رفضهم لترشيح ميقاتي")
    before = last_unit_before(bare_args(sv, clause_start), t, 4,
                              stop=clause_start)
    if before is not None and speaker(sv, before) and \
            any(w in sv.cues.by_space[sv.space]["comp"] for w in words[before.tok_end:t]):
        return None  # "وقال الجيش إن خلية نفذت": the speaker before إنّ is not the subject after it
    if before is not None and suffix in _OBJECT_PRONOUNS and before.tok_end == t and \
            sv.prefixes[t][:1] in ("و", "ف"):
        # "تستشير الصحافيين وتدعوهم": right before a coordinated verb, the earlier verb's object is
        # what the pronoun refers to, not the subject
        return None
    return before


_SELF = {space: frozenset(key(w, space) for w in ("نفسه", "نفسها", "أنفسهم")) for space in ("norm", "skel")}


def reflexive(words, last: int, space: str) -> bool:
    """"فجر نفسه", "بتفجير نفسها": the doer acts on himself — a civilian suicide bomber is the actor,
    and he is named before the verb or between it and نفسه, never after."""
    return words[last] in _SELF[space] or (last + 1 < len(words) and words[last + 1] in _SELF[space])


def _owned(u: Unit, words: list[str], last: int, cues: Cues, space: str) -> bool:
    """The unit is the genitive of a property noun right before it ("منزل القيادي", "مقر الحزب")."""
    j = u.tok_start - 1
    return j > last and not u.nisba and bool(words[j]) and cues.kind(words[j], "property", space)


# "تابعة لـ": belonging to — the party behind it owns an unnamed doer ("طائرة تابعة للقوات الأمريكية")
BELONGING = {space: frozenset(key(w, space) for w in ("تابعة", "تابع", "التابعة", "التابع", "تابعين", "التابعين",
                                                        "تابعتين", "تابعان"))
              for space in ("norm", "skel")}
# (a plain ل/ب: after و the clitic reading is too often a verb's first letter — "ولجأت الشرطة")
_BARE_CLITIC = {space: frozenset(key(w, space) for w in ("ل", "ب")) for space in ("norm", "skel")}
# (not a lone ه: in key space it is also the ة of "لمساعدة تونس")
_POSSESSED = {space: tuple(key(w, space) for w in ("ها", "هم", "هما", "هن", "كم", "نا"))
              for space in ("norm", "skel")}
_DOER_HEADS = {space: frozenset(key(w, space) for w in ("قيام", "تنفيذ")) for space in ("norm", "skel")}
_ON_BEHALF = {space: frozenset(key(w, space) for w in ("باسم", "بإسم")) for space in ("norm", "skel")}


def speaker(sv: SentenceView, u: Unit) -> bool:
    """The unit is the subject of a reporting verb: right after it (VS) or right before it (SV)."""
    words = sv.words
    near_ = [u.tok_start - 1, u.tok_start - 2, u.tok_end]
    return any(0 <= i < len(words) and words[i] and sv.cues.kind(words[i], "speech", sv.space) for i in near_)


def _of_masdar(sv: SentenceView, u: Unit, last: int) -> bool:
    """The unit is the genitive of an event noun between the verb and it: "رفضت دعم المقاتلين
    الأكراد" — the Kurds are what support is refused to, not who refuses."""
    return any(last < o.tok and o.tense == "noun" and o.last + 1 <= u.tok_start <= o.last + 2
               and all(sv.words[o.last + 1:u.tok_start]) for o in sv.matches)


def after_earlier_verb(sv: SentenceView, unit: Unit, t: int) -> bool:
    """Another verb (a trigger, a support or a reporting verb) stands within 8 words before the
    unit: the unit is that verb's object or complement, not the subject of a later verb ("وداهمت منزل
    القيادي في حركة حماس الشيخ علي عتيق واعتقلت نجله")."""
    words = sv.words
    for i in range(max(0, unit.tok_start - 8), unit.tok_start):
        if i in sv.verb_positions or (words[i] and (sv.cues.kind(words[i], "light", sv.space)
                                                    or sv.cues.kind(words[i], "speech", sv.space))):
            return True
    return False


_PARTICLES = {space: frozenset(key(w, space) for w in ("قد", "لم", "لن", "سوف", "لا", "لقد"))
              for space in ("norm", "skel")}


def _before_particle(words: list[str], t: int, space: str) -> int:
    """Where the verb's phrase starts: at a particle right before it ("أن الوزير قد يزور", "أن حماس لم
    تهاجم"), so that a subject standing before the particle still counts as right before the verb."""
    return t - 1 if t >= 1 and words[t - 1] in _PARTICLES[space] else t


def _after_complementizer(sv: SentenceView, t: int) -> Unit | None:
    """The bare unit that ends right before the verb and starts at most 3 words after a
    complementizer (أن/إن/بأن), with no punctuation between but a quote mark right before it:
    "أن قوة من الشرطة العراقية قامت" → الشرطة العراقية."""
    words = sv.words
    comps = sv.cues.by_space[sv.space]["comp"]
    t = _before_particle(words, t, sv.space)
    for u in sv.units:
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


def bare_args(sv: "SentenceView", pos: int) -> list[Unit]:
    """``verb_args`` with the sentence's clitics: the genitive of a ل/ب-noun is left out too, except
    after an attack noun, where the ل-noun names the attack's owner ("غارة جوية لطيران التحالف")."""
    return verb_args(sv.units, sv.words, pos, sv.cues, sv.space, sv.prefixes, sv.attack_owner_words)


def verb_args(units: list[Unit], words: list[str], pos: int, cues: Cues, space: str,
              prefixes: list[str] | None = None, owners: set[int] = frozenset()) -> list[Unit]:
    """Units that may be a verb's bare subject or object from ``pos`` on.  Left out: a nationality
    adjective whose noun sits behind a preposition modifies that noun ("قتلوا في ضربة جوية أميركية":
    أميركية is not the object), and the genitive of a preposition's noun ("تجمعوا حول مقر سفارة
    إستونيا": the embassy is not the subject), also of a noun behind a clitic ل/ب when ``prefixes``
    are given ("ضربة على تجمع لإرهابيي داعش", "رفضهم لترشيح ميقاتي"; not "الناطق باسم حماس")."""
    preps = cues.by_space[space]["prep"]

    def is_prep(w: str) -> bool:
        return w in preps or (w[:1] in "وف" and w[1:] in preps)

    out = []
    for u in units:
        if u.tok_start > pos and not u.prep:
            between = [w for w in words[pos:u.tok_start] if w]
            if u.nisba and len(between) <= 4 and any(is_prep(w) for w in between[-3:]):
                continue
            j = u.tok_start - 1
            if j - 1 >= pos and words[j] and not is_prep(words[j]) and words[j - 1] and is_prep(words[j - 1]):
                continue  # "تجمعوا حول مقر سفارة استونيا": the genitive of a prepositional phrase
            if prefixes is not None and j >= pos and words[j] and _behind_clitic(u, words, prefixes, j, owners, space):
                continue
        out.append(u)
    return out


def _behind_clitic(u: Unit, words: list[str], prefixes: list[str], j: int, owners: set[int], space: str) -> bool:
    """The unit follows a noun behind a clitic ل/ب at ``j``: the adjective of that noun ("تندد بالمذابح
    الإسرائيلية"), or its genitive ("على تجمع لإرهابيي داعش") — unless the noun names an attack's owner
    (``owners``), a doer ("لقيام حزب الله بخطف"), a spokesman's party ("الناطق باسم حماس"), or cannot
    head a construct (a pronoun on it: "بدورهم الجيش")."""
    if u.nisba:
        return _prefix_prep(prefixes[j], space) in ("ل", "ب")
    return j not in owners and key(prefixes[j], space) in _BARE_CLITIC[space] and \
        words[j] not in _ON_BEHALF[space] and not words[j].endswith(_POSSESSED[space]) and \
        words[j][1:] not in _DOER_HEADS[space]


def _topic(sv: SentenceView, t: int) -> Unit | None:
    """"أما X فـ…": the topic X is the subject of the verb its ف-clause opens with, up to 4 words on
    ("أما السفارة الأمريكية فكثيرا ما تستقبل الطلاب")."""
    words, fa = sv.words, key("ف", sv.space)
    amma = key("أما", sv.space)
    for u in sv.units:
        if u.tok_start >= 1 and words[u.tok_start - 1] == amma and not u.prep and u.tok_end <= t <= u.tok_end + 4:
            between = words[u.tok_end:t + 1]
            if all(between) and any(w.startswith(fa) for w in between):
                return u
    return None


def _clause_initial(units: list[Unit], words: list[str], t: int, clause_start: int) -> Unit | None:
    """A bare unit that opens the clause (after punctuation or a lone و at most) and ends right before
    the verb at ``t``: the subject of an SVO clause."""
    for u in units:
        if u.tok_end == t and not u.prep and not u.in_agent_phrase and u.tok_start >= clause_start:
            if all(not w or w in ("و", "ف") for w in words[clause_start:u.tok_start]):
                return u
    return None


def agrees(comp_word: str, subj: list[Unit]) -> bool:
    """أنهم/أنهما need a compound subject; أنه/أنها a single actor (or a group)."""
    roots = {r for u in subj for r in u.roots}
    if comp_word.endswith(("هم", "هما")):
        return len(roots) >= 2
    return len(roots) >= 1


def plural(u: Unit, cues: Cues, space: str) -> bool:
    """The unit names several people: a compound, a sound plural (الحوثيون، المتمردين، القوات) or a
    broken plural listed as cue kind plural_head (عناصر، جنود، ثوار) — not a single state or body
    ("النظام", "الجيش", "إسرائيل"), which a plural verb cannot refer to."""
    if len(u.roots) >= 2 or len(u.mentions) >= 2:
        return True
    head = key(u.mentions[0].text.split()[0], space) if u.mentions and u.mentions[0].text.split() else ""
    for p in ("وال", "ال", "و"):
        if head.startswith(p) and len(head) - len(p) > 2:
            head = head[len(p):]
            break
    return head.endswith(("ون", "ين", "ات")) or cues.kind(head, "plural_head", space)


def civilians(u: Unit) -> bool:
    """The unit names civilians only (they are on the receiving end of violence)."""
    return all(x.sector == "CVL" and x.type == "POP" for x in u.mentions)


def flatten(units: list[Unit]) -> list[Mention]:
    out: list[Mention] = []
    for u in units:
        out += u.mentions
    return dedupe(out)


def dedupe(ms: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in ms:
        k = m.root or ("?", m.start, m.end)
        if k in seen:
            continue
        seen.add(k)
        out.append(m)
    return out

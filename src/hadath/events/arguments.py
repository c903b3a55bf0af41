"""Who did it to whom: actor units around a trigger, read with Arabic word order.

A *unit* is one actor mention together with the mentions coordinated or in apposition with it
("حماس والجهاد", "الأمين العام لحركة الجهاد، زياد النخالة"), so compound actors stay in one event.
Each unit knows the preposition that governs it (clitic ب/ل or a word like على، ضد، مع، بين), which
decides whether it can be a subject/object or only a prepositional recipient.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hadath.doc import Mention
from hadath.events.cues import CLITIC_PREPS, Cues
from hadath.events.lexicon import key


@dataclass
class Unit:
    mentions: list[Mention]
    tok_start: int  # sentence-local word indices, end exclusive
    tok_end: int
    prep: str = ""  # governing preposition in key space ("" when none)
    nisba: bool = False  # an adjective like الإسرائيلي / إسرائيلية rather than a noun phrase
    in_agent_phrase: bool = False  # behind خلال/برصاص/من قبل …: the perpetrator of a passive act
    roots: list[str] = field(default_factory=list)


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

        agent = any(cues.kind(words[k], "agentprep", space) for k in range(max(0, s - 3), s))
        base = first
        for p in ("و", "ف"):
            if base.startswith(p) and len(base) > 3:
                base = base[1:]
        core = base[2:] if base.startswith("ال") else base
        nisba = core.endswith(("ي", "يه", "يا", "يين", "يون", "يان")) and m.root is not None and (
            m.type in ("GPE", "LOC", "POP", "NORP") or e - s == 1)
        if nisba and not prep and prev and cues.kind(prev, "placehead", space):
            prep = key("في", space)  # "في العاصمة العراقية": a place description, never a subject
        u = Unit(list(group), s, e, prep, nisba, agent)
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
    return units


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

"""The trigger lexicon (data/triggers.tsv) and its matcher.

Matching is by rule, not by a list of generated forms: a word is split into clitic/inflection prefix +
stem + suffix in every way the affix tables allow, and the stem is looked up among the lexicon's
lemmas.  That covers all persons and numbers (duals حذرتا/اتفقتا included), both tenses, the future
سـ, object pronouns and, for verbal nouns, the article, prepositions and plural/feminine endings.

Two key spaces: ``norm`` (standard normalization: keeps ة as ه, so مظاهرة ≠ مظاهر in raw text) and
``skel`` (the 28 base letters: degraded text like seed 000).  Raw documents use norm, degraded ones skel.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from hadath.text.normalize import normalize, skeleton_key
from hadath.text.numbers import parse_number

DATA = Path(__file__).parent / "data"

CONJ = ("", "و", "ف")
PAST_SUF = ("", "ت", "ا", "وا", "تا", "ن", "نا", "تم", "و")
PRES_PRE = ("ي", "ت", "ن", "ا")
PRES_FUT = ("", "س", "ل")
PRES_SUF = ("", "ان", "ون", "ن", "ين", "ا", "وا", "و")
OBJ_SUF = ("", "ه", "ها", "هم", "هما", "كم", "نا", "ك", "هن")
NOUN_PRE = ("", "ب", "ل", "ك")
NOUN_SUF = ("", "ات", "ا", "ين", "ان", "ه", "ها", "هم", "هما", "ي", "نا", "كم", "يه", "يها")
_CLEARLY_VERBAL = frozenset({"ت", "تا", "وا", "تم", "نا"})
PRON = ("", "ه", "ها", "هم", "هما", "نا", "كم", "ي")
# words after which an ambiguous bare form (قتل: "killing" or "was killed") can only be a verb: a
# relative pronoun opens a relative clause ("المذبحة التي قتل فيها"), and قد/لقد/حيث/عندما/حين are
# followed by a clause, never by a bare verbal noun
VERB_CONTEXT = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "قد", "لقد", "حيث",
                "عندما", "حين", "حينما")


@lru_cache(maxsize=65536)
def key(s: str, space: str) -> str:
    """One word or phrase in a key space ('norm' or 'skel')."""
    if space == "skel":
        return skeleton_key(s)
    return normalize(s).text.strip()


# words that end the definite phrase without being an object: adverbs in -ا, and the prepositions and
# relative pronouns that look definite (الى، الذي) in both key spaces
_NOT_OBJECTS = frozenset({"أيضا", "ايضا", "هذا", "جدا", "معا", "سابقا", "لاحقا", "حاليا", "مجددا",
                          "الى", "الي", "إلى", "الا", "إلا", "الذي", "التي", "الذين", "الذ", "الت"})


def _subject_then_object(words: list[str], i: int) -> bool:
    """A definite noun phrase right after word ``i``, then a count or an indefinite accusative noun
    ("قتل الجيش العراقي خمسة مسلحين", "قتل الجيش عنصرا"): a subject and its object, so the word is
    the verb.  (The verbal noun would take the definite phrase as its genitive and stop there.)"""
    if i + 1 >= len(words) or not words[i + 1].startswith("ال"):
        return False
    for j in range(i + 2, min(i + 5, len(words))):
        x = words[j]
        if not x or x in _NOT_OBJECTS:
            return False
        if x[0].isdigit() or parse_number(x) is not None:
            return True
        if len(x) >= 4 and x.endswith("ا") and not x.startswith(("ال", "وال")):
            return True
        if not x.startswith("ال"):
            return False  # the definite phrase ended without an object
    return False


@dataclass(eq=False)
class Entry:
    """One row of triggers.tsv."""

    form: str
    pos: str  # V or N
    event_type: str
    mode: str | None
    cameo: str | None
    args: frozenset[str]
    preps: tuple[str, ...] = ()
    rest: tuple[tuple[str, ...], ...] = ()  # multiword: original forms of each following word
    line: int = 0

    def has(self, flag: str) -> bool:
        return flag in self.args


@dataclass(slots=True)
class Match:
    """A lexicon hit on one word (``tok``) or a multiword span (``tok``..``last``)."""

    entry: Entry
    tok: int
    last: int
    tense: str  # past, present, noun
    future: bool = False
    conj: str = ""
    suffix: str = ""
    definite: bool = False
    prefix: str = ""


def load_entries(path: Path | None = None) -> list[Entry]:
    entries: list[Entry] = []
    with open(path or DATA / "triggers.tsv", encoding="utf-8") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t"), 1):
            if not row or row[0].startswith("#") or len(row) < 6:
                continue
            form, pos, etype, mode, cameo, args = (c.strip() for c in row[:6])
            flags, preps = set(), []
            for a in filter(None, (x.strip() for x in args.split(","))):
                if a.startswith("prep="):
                    preps += a[5:].split("+")
                else:
                    flags.add(a)
            words = form.split()
            rest = tuple(tuple(w.split("|")) for w in words[1:])
            entries.append(Entry(words[0], pos, etype, None if mode == "-" else mode,
                                 None if cameo == "-" else cameo, frozenset(flags), tuple(preps), rest, n))
    return entries


def _noun_bases(form: str, space: str) -> list[tuple[str, bool]]:
    """(base, is_feminine_ta) for each alternative of a noun form; the ة ending is handled apart."""
    out = []
    for alt in form.split("|"):
        alt = alt.strip()
        if alt.startswith("ال"):
            alt = alt[2:]
        fem = alt.endswith("ة")
        out.append((key(alt[:-1] if fem else alt, space), fem))
    return out


@dataclass
class Tables:
    space: str
    past: dict[str, list[Entry]] = field(default_factory=dict)
    pres: dict[str, list[Entry]] = field(default_factory=dict)
    noun: dict[str, list[tuple[Entry, bool]]] = field(default_factory=dict)


def build_tables(entries: list[Entry], space: str) -> Tables:
    t = Tables(space)
    for e in entries:
        if e.pos == "V":
            past, _, pres = e.form.partition("/")
            for p in past.split("|"):
                k = key(p, space)
                stems = [k]
                if k.endswith(("ى", "ي")) and len(k) > 3:
                    # a defective verb drops its last letter before ت/وا (اعتدى → اعتدت، اعتدوا) and
                    # writes ي before ن/نا/تم (اعتدينا); the skeleton has dropped ى already
                    stems += [k[:-1], k[:-1] + "ي"]
                for stem in dict.fromkeys(stems):
                    t.past.setdefault(stem, []).append(e)
            for p in filter(None, pres.split("|")):
                k = key(p, space)
                if k.startswith("ي"):
                    t.pres.setdefault(k[1:], []).append(e)
        else:
            for base, fem in _noun_bases(e.form, space):
                t.noun.setdefault(base, []).append((e, fem))
    return t


def _stem_variants(rest: str, prefixed: bool, space: str) -> list[str]:
    # degraded text drops a hamza-alef after a non-article prefix (وأطلق → وطلق): try it back
    out = [rest]
    if space == "skel" and prefixed and rest and not rest.startswith("ا"):
        out.append("ا" + rest)
    return out


def analyse_noun(w: str, tables: Tables) -> list[tuple[Entry, str, bool]]:
    """(entry, prefix, definite) for each noun reading of word ``w``."""
    out = []
    seen = set()
    for c in CONJ:
        if not w.startswith(c):
            continue
        for p in NOUN_PRE:
            for art in ("", "ال"):
                pre = c + p + art
                if p == "ل" and art:
                    pre = c + "لل"
                if not w.startswith(pre) or len(w) - len(pre) < 2:
                    continue
                body = w[len(pre):]
                for stem_body in _stem_variants(body, bool(c or p) and not art, tables.space):
                    for base, entries in _noun_candidates(stem_body, tables):
                        for e in entries:
                            if id(e) not in seen:
                                seen.add(id(e))
                                out.append((e, pre, bool(art)))
    return out


def _noun_candidates(body: str, tables: Tables):
    for i in range(len(body), 1, -1):
        base, suf = body[:i], body[i:]
        cands = tables.noun.get(base)
        if not cands:
            continue
        ok = []
        for e, fem in cands:
            if fem:
                fem_sufs = {"ات", "تين", "تان"} | {"ت" + p for p in PRON if p}
                fem_sufs.add("ه" if tables.space == "norm" else "")
                if suf in fem_sufs:
                    ok.append(e)
            elif suf in NOUN_SUF:
                ok.append(e)
        if ok:
            yield base, ok


def analyse_verb(w: str, tables: Tables) -> list[tuple[Entry, str, bool, str, str]]:
    """(entry, tense, future, conj, suffix) for each verb reading of word ``w``."""
    out = []
    for c in CONJ:
        if not w.startswith(c):
            continue
        body = w[len(c):]
        # past
        for stem_body in _stem_variants(body, bool(c), tables.space):
            for suf in _suffixes(stem_body, PAST_SUF):
                stem = stem_body[:len(stem_body) - len(suf)]
                for e in tables.past.get(stem, ()):
                    if e.has("nobare") and suf in ("", "ا"):
                        continue
                    if _obj_ok(e, suf, PAST_SUF):
                        out.append((e, "past", False, c, suf))
        # present
        for fut in PRES_FUT:
            for pre in PRES_PRE:
                head = fut + pre
                if not body.startswith(head):
                    continue
                rest = body[len(head):]
                for suf in _suffixes(rest, PRES_SUF):
                    stem = rest[:len(rest) - len(suf)]
                    for e in tables.pres.get(stem, ()):
                        if _obj_ok(e, suf, PRES_SUF):
                            out.append((e, "present", fut == "س", c, suf))
    return out


@lru_cache(maxsize=None)
def _suffix_ranks(inflections: tuple[str, ...]) -> tuple[dict[str, int], int]:
    """Every inflection+object-pronoun ending, ranked in (inflection, pronoun) order, and the
    longest one's length."""
    ranks: dict[str, int] = {}
    for infl in inflections:
        for obj in OBJ_SUF:
            ranks.setdefault(infl + obj, len(ranks))
    return ranks, max(map(len, ranks))


def _suffixes(body: str, inflections: tuple[str, ...]) -> list[str]:
    """The endings ``body`` may carry (leaving a stem of ≥ 2 letters), in (inflection, pronoun)
    order: a few dictionary lookups of the word's last letters instead of testing every ending."""
    ranks, longest = _suffix_ranks(inflections)
    found = [body[len(body) - n:] if n else "" for n in range(min(longest, len(body) - 2) + 1)]
    return sorted((suf for suf in found if suf in ranks), key=ranks.__getitem__)


def _obj_ok(e: Entry, suf: str, inflections: tuple[str, ...]) -> bool:
    """Object pronouns only on verbs that take a direct object."""
    if suf in inflections:
        return True
    return e.has("obj") or e.has("mutual")


def _not_triggers() -> list[str]:
    """data/not_triggers.tsv: nouns whose letters read as an inflected trigger ("وزارة" = و+زار+ه)."""
    with open(DATA / "not_triggers.tsv", encoding="utf-8") as f:
        return [line.split("\t")[0].strip() for line in f if line.strip() and not line.startswith("#")]


class Lexicon:
    """Trigger lexicon with matchers for both key spaces."""

    def __init__(self, path: Path | None = None) -> None:
        self.entries = load_entries(path)
        self.tables = {s: build_tables(self.entries, s) for s in ("norm", "skel")}
        self._cache: dict[str, dict[str, tuple[list, list]]] = {"norm": {}, "skel": {}}
        # each multiword entry's following words, as noun tables of their own
        self.rest_tables = {s: {id(e): [build_tables([Entry("|".join(ws), "N", "", None, None, frozenset())], s)
                                        for ws in e.rest]
                                for e in self.entries if e.rest}
                            for s in ("norm", "skel")}
        self._verb_context = {s: {key(w, s) for w in VERB_CONTEXT} for s in ("norm", "skel")}
        self._not_triggers = {s: {key(w, s) for w in _not_triggers()} for s in ("norm", "skel")}

    def _readings(self, w: str, space: str) -> tuple[list, list]:
        """Verb and noun readings of one word, memoized: news vocabulary repeats, affix analysis is
        the coder's hottest loop, and a word's readings depend on nothing but the word."""
        cache = self._cache[space]
        r = cache.get(w)
        if r is None:
            if len(cache) > 200_000:  # bound memory on endless streams
                cache.clear()
            t = self.tables[space]
            if w in self._not_triggers[space]:
                r = cache[w] = ([], [])
            else:
                r = cache[w] = (analyse_verb(w, t), list(analyse_noun(w, t)))
        return r

    def match(self, words: list[str], space: str) -> list[Match]:
        """Trigger matches over a list of words already in key space ``space``.

        Multiword entries win over the single words they cover; a bare form that is both a verb
        and a verbal noun (دعم، قصف) is read as the noun — the masdar is far more frequent.
        """
        found: list[Match] = []
        covered: set[int] = set()
        for i, w in enumerate(words):
            if not w or len(w) < 2:
                continue
            verbs, nouns = self._readings(w, space)
            # multiword first
            for e, tense, fut, conj, suf in verbs:
                if e.rest:
                    last = self._rest(e, words, i, space)
                    if last is not None:
                        found.append(Match(e, i, last, tense, fut, conj, suf))
                        covered.update(range(i, last + 1))
            for e, pre, definite in nouns:
                if e.rest:
                    last = self._rest(e, words, i, space)
                    if last is not None:
                        found.append(Match(e, i, last, "noun", False, "", "", definite, pre))
                        covered.update(range(i, last + 1))
            if i in covered:
                continue
            single_v = [v for v in verbs if not v[0].rest]
            single_n = [n for n in nouns if not n[0].rest]
            noun_forms = {n[0].event_type for n in single_n}
            # … and a nominative plural right after it is its subject, never a genitive: "قتل مسلحون"
            # (also an indefinite dual: "قتل متظاهران", "قتل جنديان")
            nxt = words[i + 1] if i + 1 < len(words) else ""
            verb_context = (i > 0 and words[i - 1] in self._verb_context[space]) or (
                len(nxt) > 4 and (nxt.endswith("ون") or (nxt.endswith("ان") and not nxt.startswith("ال"))))
            if single_v and single_n and _subject_then_object(words, i):
                verb_context = True  # "قتل الجيش العراقي خمسة مسلحين": the army killed, not was killed
            if space == "skel" and single_n and (i == 0 or not words[i - 1] or w[:1] in "وف") and all(
                    self._lost_ta_marbuta(w, pre, e) for e, pre, definite in single_n):
                # degraded text drops ة, so "تظاهرة" reads as the verb "تظاهر": a clause-opening or
                # و-joined word is the verb ("وتظاهر آلاف …"); after a verb it stays the noun ("نظموا تظاهرة")
                verb_context = True
            for e, tense, fut, conj, suf in single_v:
                if e.event_type in noun_forms and tense == "past" and suf not in _CLEARLY_VERBAL \
                        and not verb_context:
                    continue  # a form that is also a verbal noun (دعم، دعوة): the noun reading wins
                found.append(Match(e, i, i, tense, fut, conj, suf))
                break
            else:
                if single_n:
                    e, pre, definite = single_n[0]
                    found.append(Match(e, i, i, "noun", False, "", "", definite, pre))
        found = [m for m in found if not (m.tok == m.last and m.tok in covered and not m.entry.rest)]
        found.sort(key=lambda m: (m.tok, -(m.last - m.tok)))
        out, taken = [], set()
        for m in found:
            span = set(range(m.tok, m.last + 1))
            if span & taken:
                continue
            taken |= span
            out.append(m)
        return out

    def _lost_ta_marbuta(self, w: str, pre: str, e: Entry) -> bool:
        """The noun reading of ``w`` (skeleton space) is a feminine noun whose ة degraded text dropped."""
        if pre not in ("", "و", "ف"):
            return False
        body = w[len(pre):]
        return any(x is e and fem for x, fem in self.tables["skel"].noun.get(body, ()))

    def _rest(self, e: Entry, words: list[str], i: int, space: str) -> int | None:
        pos = i
        # a verb's subject may stand between it and its object ("أطلقت فصائل المقاومة عشرات الصواريخ");
        # "far" entries allow a long VSO subject with titles and names ("وقع الرئيس … ونظيره … اتفاقية"),
        # and the coder then checks that only actor mentions stand between (coder._far_ok)
        reach = 13 if e.has("far") else 5 if e.pos == "V" else 4
        for k, tables in enumerate(self.rest_tables[space][id(e)]):
            # a function word ("عن" in أضرب عن الطعام) must follow at once
            near = 2 if all(len(w) <= 2 for w in e.rest[k]) else reach
            found = None
            for j in range(pos + 1, min(pos + near, len(words))):
                if not words[j] and j > pos + 1 and e.pos == "V":
                    break  # not across punctuation
                if words[j] and analyse_noun(words[j], tables):
                    found = j
                    break
            if found is None:
                return None
            pos = found
        return pos


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon()

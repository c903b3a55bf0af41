"""Cue words (data/cues.tsv): negation, denial, intent, speculation, speech, light verbs, agent
prepositions, group anaphors — in both key spaces."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from hadath.events.lexicon import DATA, key

# prepositions that mark a mention as NOT the grammatical subject/object (prefix or own word)
PREPOSITIONS = ("على", "ضد", "مع", "بين", "إلى", "الى", "عن", "في", "لدى", "تجاه", "نحو", "عند", "حول",
                "بحق", "أمام", "داخل", "منذ", "بعد", "قبل")
CLITIC_PREPS = {"ب": "ب", "ل": "ل", "لل": "ل", "بال": "ب", "وب": "ب", "ول": "ل", "وبال": "ب",
                "ولل": "ل", "فب": "ب", "فل": "ل", "فبال": "ب", "فلل": "ل", "ك": "ك", "كال": "ك",
                "وك": "ك", "وكال": "ك"}
COMPLEMENTIZERS = ("أن", "إن", "ان", "بأن", "وأن")
# cue kinds that are nouns, so they may carry the article or a clitic preposition
_NOUN_KINDS = frozenset({"topic", "prevent", "weapon", "figurative", "partitive_head", "member_head",
                         "direction"})
_SUPPORT_KINDS = frozenset({"light", "participate"})
_NOUN_PROCLITICS = ("وبال", "ولل", "وال", "بال", "لل", "ال", "وب", "ول", "ب", "ل")


class Cues:
    def __init__(self, path: Path | None = None) -> None:
        self.by_space: dict[str, dict[str, set[str]]] = {"norm": {}, "skel": {}}
        with open(path or DATA / "cues.tsv", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if not row or row[0].startswith("#") or len(row) < 2:
                    continue
                for space in ("norm", "skel"):
                    k = key(row[0].strip(), space)
                    self.by_space[space].setdefault(row[1].strip(), set()).add(k)
        for space in ("norm", "skel"):
            d = self.by_space[space]
            d["prep"] = {key(p, space) for p in PREPOSITIONS}
            d["comp"] = {key(p, space) for p in COMPLEMENTIZERS}
            d["comp_pron"] = {key(c + p, space) for c in ("أن", "إن", "بأن", "لأن")
                              for p in ("ه", "ها", "هم", "هما", "هن")}

        self._reindex()

    def _reindex(self) -> None:
        # word → the kinds it is a cue of, per space: the coder asks about every word of every
        # sentence, and the answer depends on nothing else.  Built from an index of each cue form's
        # kinds, so a new word costs a few dict lookups rather than a scan of every kind.
        self._index: dict[str, dict[str, frozenset[str]]] = {}
        for space, tables in self.by_space.items():
            index: dict[str, set[str]] = {}
            for kind, forms in tables.items():
                for form in forms:
                    index.setdefault(form, set()).add(kind)
            self._index[space] = {w: frozenset(k) for w, k in index.items()}
        self._memo: dict[str, dict[str, frozenset[str]]] = {"norm": {}, "skel": {}}
        self._starts: dict[tuple[str, str], frozenset[str]] = {}

    def drop_kind(self, kind: str) -> None:
        """Empty one kind of cue (to see what it decides); ``by_space`` is otherwise read-only."""
        for tables in self.by_space.values():
            tables[kind] = set()
        self._reindex()

    def phrase_starts(self, kind: str, space: str) -> frozenset[str]:
        """The first words of the (multiword) cues of ``kind``: most words can open none of them."""
        got = self._starts.get((kind, space))
        if got is None:
            got = self._starts[(kind, space)] = frozenset(
                p.split(" ")[0] for p in self.by_space[space].get(kind, ()))
        return got

    def kind(self, word: str, kind: str, space: str) -> bool:
        """``word`` (in key space) is a cue of ``kind``, optionally behind a و/ف conjunction."""
        return kind in self.kinds(word, space)

    def kinds(self, word: str, space: str) -> frozenset[str]:
        """Every kind ``word`` is a cue of (see ``kind``); memoized per word."""
        memo = self._memo[space]
        got = memo.get(word)
        if got is None:
            if len(memo) > 500_000:  # bound memory on endless streams
                memo.clear()
            got = memo[word] = self._kinds(word, space)
        return got

    def _kinds(self, word: str, space: str) -> frozenset[str]:
        index = self._index[space]
        found = set(index.get(word, ()))
        if len(word) > 2 and word[0] in "وف":
            found |= index.get(word[1:], frozenset())
        # a noun cue behind the article or a clitic preposition: "بالأسلحة"
        for p in _NOUN_PROCLITICS:
            if word.startswith(p) and len(word) - len(p) > 2:
                found |= index.get(word[len(p):], frozenset()) & _NOUN_KINDS
        # a support masdar behind ل/ب: "لإجراء مباحثات"
        for p in ("ل", "ب", "ول", "وب"):
            rest = word[len(p):]
            if word.startswith(p) and len(rest) > 2:
                found |= index.get(rest, frozenset()) & _SUPPORT_KINDS
                if space == "skel":
                    found |= index.get("ا" + rest, frozenset()) & _SUPPORT_KINDS
        return frozenset(found)


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    return Cues()

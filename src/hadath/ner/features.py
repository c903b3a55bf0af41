"""CRF features — the ONE place both training and tagging derive them from.

Speed comes from caching: everything about a word that does not depend on its neighbours is computed
once per distinct word string (local features plus the short lists it contributes to its neighbours
at −2…+2), so tagging a sentence is a few list concatenations per token.

Every form feature has a skeleton twin (28 base letters, see hadath.text.normalize) so that a model
trained on raw and degraded copies of the data tags both.
"""
from __future__ import annotations

import re
from pathlib import Path

from hadath.text import normalize, skeleton_key

try:  # the text layer's clitic split; a local fallback keeps features working if it moves
    from hadath.text.clitics import split_clitics as _split_clitics
except ImportError:  # pragma: no cover
    try:
        from hadath.text.tokenize import split_clitics as _split_clitics
    except ImportError:
        _split_clitics = None

_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل")
FEATURE_SET = "v2"  # bump when features change: a model must be trained with the same set
_DIGIT = re.compile(r"\d")


def clitic_split(skel: str) -> tuple[str, str, str]:
    """(prefix, stem, suffix) of a skeleton word."""
    if _split_clitics is not None:
        pre, stem, suf = _split_clitics(skel)[:3]
        return pre, stem, suf
    for p in _PREFIXES:
        if skel.startswith(p) and len(skel) - len(p) >= 3:
            return p, skel[len(p):], ""
    return "", skel, ""


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                word, *ids = line.rstrip("\n").split("\t")
                table[word] = tuple(ids)
    return table


def load_gazetteer(path: Path) -> dict[str, str]:
    """skeleton word → gazetteer tag ("LOC" single-word name, "LOCp" part of a longer name)."""
    gaz: dict[str, str] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                word, tag = line.rstrip("\n").split("\t")
                gaz[word] = tag
    return gaz


def _shape(word: str) -> str:
    if any("\u0621" <= c <= "\u064a" for c in word):
        return "ar"
    if any(c.isdigit() for c in word):
        return "num"
    if any(c.isalpha() for c in word):
        return "lat"
    return "punct"


class Featurizer:
    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: dict[str, str] | None = None, *, use_clusters: bool = True,
                 use_gazetteer: bool = True) -> None:
        self.clusters = (clusters or {}) if use_clusters else {}
        self.gazetteer = (gazetteer or {}) if use_gazetteer else {}
        self._cache: dict[str, tuple[list[str], ...]] = {}

    def _word(self, word: str) -> tuple[list[str], ...]:
        norm = normalize(word).text
        skel = skeleton_key(word).replace(" ", "_")
        pre, stem, suf = clitic_split(skel) if skel and "_" not in skel else ("", skel or norm, "")
        skel = skel or _DIGIT.sub("0", norm)  # punctuation and digits: their own form stands in for the skeleton
        shape = _shape(word)
        cl = self.clusters.get(skel) or self.clusters.get(stem) or ()
        gz = self.gazetteer.get(skel) or self.gazetteer.get(stem) or ""
        local = ["b", "w=" + norm, "s=" + skel, "st=" + stem, "pc=" + pre, "sf=" + suf, "sh=" + shape,
                 "s2=" + skel[-2:], "s3=" + skel[-3:], "p2=" + stem[:2], "p3=" + stem[:3],
                 "ln=" + str(min(len(skel), 8))]
        if skel.startswith("ال"):
            local.append("al")
        if norm != skel:
            local.append("raw")  # the word carries hamza/ة/ى/digits: the text is not degraded
        local.extend(f"c{i}=" + c for i, c in enumerate(cl))
        if stem != skel:  # the clitic-stripped form's cluster: وبالرياض behaves like رياض
            local.extend(f"cs{i}=" + c for i, c in enumerate(self.clusters.get(stem, ())))
        if gz:
            local.append("gz=" + gz)
        c_mid = cl[1] if len(cl) > 1 else "-"
        c_low = cl[0] if cl else "-"
        p1 = ["-1s=" + skel, "-1st=" + stem, "-1sh=" + shape, "-1pc=" + pre]
        n1 = ["+1s=" + skel, "+1st=" + stem, "+1sh=" + shape, "+1pc=" + pre]
        p1.extend(f"-1c{i}=" + c for i, c in enumerate(cl))
        n1.extend(f"+1c{i}=" + c for i, c in enumerate(cl))
        if gz:
            p1.append("-1gz=" + gz)
            n1.append("+1gz=" + gz)
        p2 = ["-2s=" + skel, "-2c=" + c_low]
        n2 = ["+2s=" + skel, "+2c=" + c_low]
        return local, p1, n1, p2, n2

    def word(self, word: str) -> tuple[list[str], ...]:
        got = self._cache.get(word)
        if got is None:
            got = self._word(word)
            if len(self._cache) < 500_000:
                self._cache[word] = got
        return got

    def sentence(self, words: list[str]) -> list[list[str]]:
        parts = [self.word(w) for w in words]
        n = len(parts)
        feats = []
        skels = [p[0][2] for p in parts]  # "s=<skeleton>"
        for i, (local, _, _, _, _) in enumerate(parts):
            f = local + (parts[i - 1][1] if i > 0 else ["BOS"])
            f += parts[i + 1][2] if i + 1 < n else ["EOS"]
            if i > 0:
                f.append("bg-" + skels[i - 1] + "|" + skels[i])
            if i + 1 < n:
                f.append("bg+" + skels[i] + "|" + skels[i + 1])
            if i > 1:
                f += parts[i - 2][3]
            if i + 2 < n:
                f += parts[i + 2][4]
            feats.append(f)
        return feats

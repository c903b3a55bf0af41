"""Alias matching: one Aho-Corasick pass over the document's skeleton (hadath.text.skeleton).

Aliases and text meet in skeleton space, so raw and degraded (seed-000) text resolve the same.  A hit
counts when it ends at a word end and starts at a word start after an optional clitic prefix
(و ف ب ل ك and combinations).  Two spelling facts of skeleton text get their own automaton keys:

- ``ال`` after the preposition ل is written ``لل`` (للجيش): key ``لجيش…`` that needs a ل prefix;
- a word-initial hamza-alef disappears after a clitic (وأسرانا → وسرانا): key without the alef that
  needs a prefix (or, for long words, none: degraded text sometimes loses it anyway, "ضد سرايل").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from hadath.text import skeleton, skeleton_key

_FINAL_TA = re.compile(r"ة(?![\u0621-\u064a])")
_FINAL_YA = re.compile(r"ى(?![\u0621-\u064a])")


def _web_variants(text: str) -> list[str]:
    """Same rule as hadath.text.normalize.normalize_web_variants, kept local so it runs word-cached."""
    vs = [text, _FINAL_YA.sub("ي", text)]
    return vs + [_FINAL_TA.sub("ه", v) for v in vs]

from hadath.actors.kb import KB

PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "س"})
LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
HAMZA = "أإآ"
MIN_BARE_HAMZA_DROP = 5  # skeleton length from which a hamza-dropped key may stand without a prefix


@dataclass(slots=True)
class Hit:
    start: int        # original-text offsets of the alias (clitic prefix excluded)
    end: int
    sk_start: int     # skeleton offsets (prefix included in sk_word_start)
    sk_end: int
    sk_word_start: int
    prefix: str
    alias: int        # index into KB.aliases
    key: str
    kind: str = "full"  # full / lam / hamza (see key_variants)


@lru_cache(maxsize=None)
def _word_key(word: str) -> str:
    return skeleton_key(word)


def alias_key(text: str) -> str:
    """skeleton_key of a phrase, word by word (aliases share words, so this is cached and fast)."""
    return " ".join(k for k in (_word_key(w) for w in text.split()) if k)


def key_variants(alias: str) -> list[tuple[str, str]]:
    """(skeleton key, kind) for one alias; kind: full, lam (needs ل prefix), hamza (needs a prefix)."""
    key = alias_key(alias)
    if not key:
        return []
    out = [(key, "full")]
    if "ة" in alias or "ى" in alias:  # web spellings: final ة written ه, final ى written ي
        for v in _web_variants(alias):
            k = alias_key(v)
            if k and all(k != o for o, _ in out):
                out.append((k, "full"))
    if alias.startswith("ال") and len(alias) > 2:
        rest = alias[2:]
        # ل + ال → لل ; a hamza-alef right after it is dropped (للأمم → للمم)
        lam = "ل" + alias_key(rest[1:] if rest[0] in HAMZA else rest)
        if rest[0] not in HAMZA or len(lam) >= 6:  # للأجانب → "لجانب" would also be "to the side"
            out.append((lam, "lam"))
    if alias[0] in HAMZA and len(key) > 2:
        out.append((key[1:], "hamza"))
    return out


class Matcher:
    def __init__(self, kb: KB) -> None:
        self.kb = kb
        # the automaton stores ints (compact, fast to build); self.entries[i] = (key, [(alias, kind)])
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        table: dict[str, list[tuple[int, str]]] = {}
        for i, a in enumerate(kb.aliases):
            for key, kind in key_variants(a.text):
                table.setdefault(key, []).append((i, kind))
        self.entries: list[tuple[str, list[tuple[int, str]]]] = []
        for key, entries in table.items():
            self.automaton.add_word(key, len(self.entries))
            self.entries.append((key, entries))
        self.automaton.make_automaton()
        self.keys = len(table)

    def hits(self, text: str, sk=None) -> tuple[list[Hit], "object"]:
        """All boundary-valid alias hits in ``text`` (overlapping; caller picks), plus the NormText.
        ``sk``: the text's skeleton when the caller already has it."""
        if sk is None:
            sk = skeleton(text)
        s = sk.text
        n = len(s)
        out: list[Hit] = []
        table = self.entries
        for end_idx, value in self.automaton.iter(s):
            key, entries = table[value]
            end = end_idx + 1
            if end < n and s[end] != " ":
                continue
            start = end - len(key)
            ws = s.rfind(" ", 0, start) + 1
            prefix = s[ws:start]
            if prefix not in PREFIXES:
                continue
            o_start, o_end = sk.span(start, end)
            for alias_idx, kind in entries:
                if kind == "lam" and prefix not in LAM_PREFIXES:
                    continue
                if kind == "hamza" and not prefix and len(key) < MIN_BARE_HAMZA_DROP:
                    continue
                if kind == "full" and prefix == "س":
                    continue  # س is a verb prefix only
                out.append(Hit(o_start, o_end, start, end, ws, prefix, alias_idx, key, kind))
        return out, sk

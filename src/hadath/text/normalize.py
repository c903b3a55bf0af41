"""Two normalization levels, each with a map from normalized characters back to original offsets.

*standard*: diacritics and tatweel removed, alef variants unified, ى→ي, ة→ه, Arabic-Indic digits → ASCII.
*skeleton*: the seed-000 form (see ../shared/tools/degrade.py): only the 28 base letters survive;
everything else becomes a space.  Matching in skeleton space makes raw and degraded text meet.

(Minimal first version; the text-layer issue refines it.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BASE = frozenset("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
_HAMZA_ALEFS = "أإآٱ"
_DROP = frozenset("ةىءؤئ")
_DIACRITICS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"])
_STD_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
            "ک": "ك", "ی": "ي", "ي": "ي", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز"}
for _i in range(10):
    _STD_MAP[chr(0x0660 + _i)] = str(_i)
    _STD_MAP[chr(0x06F0 + _i)] = str(_i)


@dataclass(slots=True)
class NormText:
    """A normalized string and, for each of its characters, the index of the original character."""

    text: str
    offsets: list[int]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for normalized [start, end)."""
        if start >= end:
            o = self.offsets[start] if start < len(self.offsets) else self.original_length
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> NormText:
    out: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DIACRITICS:
            continue
        out.append(_STD_MAP.get(ch, ch))
        offs.append(i)
    return NormText("".join(out), offs, len(text))


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def skeleton(text: str) -> NormText:
    """Seed-000 form with offsets; runs of non-letters collapse to one space."""
    out: list[str] = []
    offs: list[int] = []
    prev_space = True
    n = len(text)
    for i, ch in enumerate(text):
        if ch in BASE:
            out.append(ch)
            offs.append(i)
            prev_space = False
        elif ch in _HAMZA_ALEFS:
            word_start = i == 0 or not _is_arabic_letter(text[i - 1])
            after_al = i >= 2 and text[i - 2:i] == "ال"
            if word_start or after_al:
                out.append("ا")
                offs.append(i)
                prev_space = False
        elif ch in _DROP or ch in _DIACRITICS:
            continue
        else:
            if not prev_space:
                out.append(" ")
                offs.append(i)
                prev_space = True
    return NormText("".join(out), offs, n)


_SPACES = re.compile(r"\s+")


def skeleton_key(text: str) -> str:
    """Skeleton of a short string (an alias, a lexicon entry) as a plain key."""
    return _SPACES.sub(" ", skeleton(text).text).strip()

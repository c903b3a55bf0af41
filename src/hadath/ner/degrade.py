"""The seed-000 degradation (same rule as ../shared/tools/degrade.py): only the 28 base letters survive.

Hamza-alef becomes ا at a word's start and after ال and is dropped elsewhere; ة ى ء ؤ ئ, diacritics
and tatweel are dropped; digits, Latin and punctuation become spaces.
"""
from __future__ import annotations

import re

_BASE = frozenset("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
_SILENT = frozenset("ةىءؤئأإآـ\u0670") | frozenset(chr(c) for c in range(0x064B, 0x0660))
_HAMZA_ALEF = re.compile(r"(?<![\u0621-\u064a])([أإآ])|(?<=ال)[أإآ]")
_SPACES = re.compile(r"\s+")


def degrade(text: str) -> str:
    text = _HAMZA_ALEF.sub("ا", text)
    kept = "".join(ch if ch in _BASE else ("" if ch in _SILENT else " ") for ch in text)
    return _SPACES.sub(" ", kept).strip()

"""Numbers in Arabic news: digits (49, ٤٩, 1,500, 3 آلاف, 1.5 مليون) and number words
(تسعة وأربعين → 49, ثلاثة آلاف → 3000, مئة → 100), with original offsets.  Works on raw and on
degraded (seed-000) text: words are looked up by their standard form and by their skeleton.

Vague quantities (عشرات, مئات, آلاف, عدة, بضعة) are found but have value None.  Word lists live in
data/number_words.tsv (form, value, kind) so they can be reviewed without touching code.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from hadath.text.normalize import normalize, skeleton_key
from hadath.text.tokenize import tokenize

DATA = Path(__file__).with_name("data")
_DIGITS = re.compile(r"(\d+(?:[.,]\d+)*)([^\d]{0,2})")
_PROCLITICS = "وفبلك"
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


def _load() -> tuple[dict[str, tuple[int | None, str]], dict[str, tuple[int | None, str]]]:
    """Number words keyed by standard form and by skeleton (skeleton keys that collide with common
    words, like مئة → م or مائة → ما, are kept out of the skeleton table)."""
    by_norm: dict[str, tuple[int | None, str]] = {}
    by_skel: dict[str, tuple[int | None, str]] = {}
    with open(DATA / "number_words.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            form, value, kind, *flags = line.rstrip("\n").split("\t")
            entry = (None if value == "-" else int(value), kind)
            by_norm[normalize(form).text] = entry
            if "norm-only" not in flags:
                by_skel.setdefault(skeleton_key(form), entry)
    return by_norm, by_skel


_BY_NORM, _BY_SKEL = _load()


@lru_cache(maxsize=20000)
def _word_value(norm: str, skel: str) -> tuple[int | None, str] | None:
    """(value, kind) of one word, after stripping a proclitic if needed; None if not a number word."""
    # the word itself, then without و/ف/ب/ل/ك, then without و/ف + ب/ل/ك (وبثلاثة)
    options = [(norm, skel)]
    if len(skel) > 2 and skel[0] in _PROCLITICS:
        options.append((norm[1:], skel[1:]))
        if len(skel) > 3 and skel[0] in "وف" and skel[1] in "بلك":
            options.append((norm[2:], skel[2:]))
    for n, s in options:
        if n in _BY_NORM:
            return _BY_NORM[n]
        if any(c in n for c in "ءؤئ"):
            continue  # written with its hamza, the word is what it says: أثناء ("during") is no اثنا (2)
        if s in _BY_SKEL:
            return _BY_SKEL[s]
        if s and ("ا" + s) in _BY_SKEL and norm[0] in _PROCLITICS:  # وأربعين → degraded وربعين
            return _BY_SKEL["ا" + s]
    return None


def _digit_value(norm: str) -> float | None:
    if len(norm) > 1 and norm[0] in _PROCLITICS and norm[1].isdigit():
        norm = norm[1:]  # و5, ب300
    m = _DIGITS.fullmatch(norm)
    if not m or (m.group(2) and not m.group(2).isalpha()):
        return None
    digits = m.group(1)
    if _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


class _Phrase:
    """Accumulates one number phrase (value = total + current, Arabic word order: units before tens)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.vague = False
        self.started = False

    def add(self, value: float | None, kind: str) -> bool:
        """Fold one word in; False when the word cannot continue this phrase."""
        if value is None:  # عشرات, مئات, آلاف with no count before them
            if self.started and not self.vague:
                return False
            self.vague = self.started = True
            return True
        if kind == "scale":  # ألف, مليون: multiplies what came before
            if self.current == 0 and self.total == 0 and self.started:
                return False
            self.total += (self.current or 1) * value
            self.current = 0
        elif kind == "hundred":
            self.current = (self.current or 1) * value if self.current < 10 else self.current + value
        else:
            self.current += value
        self.started = True
        return True

    @property
    def value(self) -> int | None:
        if self.vague or not self.started:
            return None
        v = self.total + self.current
        return int(v) if v == int(v) else None


def find_numbers(text: str) -> list[tuple[int, int, int | None]]:
    """(start, end, value) of every number phrase in ``text``; value None for vague quantities."""
    found: list[tuple[int, int, int | None]] = []
    phrase: _Phrase | None = None
    start = end = 0
    last_kind = ""
    for tok in tokenize(text, degraded=False):
        entry: tuple[float | None, str] | None = None
        if tok.is_punct:
            entry = None
        else:
            d = _digit_value(tok.norm)
            entry = (d, "digit") if d is not None else _word_value(tok.norm, tok.skel)
        # a phrase goes on with a multiplier (ثلاثة آلاف), a و-joined part (تسعة وأربعين) or the
        # عشر of a teen (ثلاثة عشر)
        # (digits never join by و: "3 و5" are two numbers; "3 آلاف" is one)
        joins = (entry is not None and phrase is not None and entry[1] != "digit" and
                 (entry[1] in ("scale", "hundred")
                  or (tok.skel.startswith("و") and last_kind != "digit")
                  or (last_kind == "unit" and entry[1] == "teen")))
        if phrase is not None and not (joins and phrase.add(*entry)):
            found.append((start, end, phrase.value))
            phrase = None
        if phrase is None and entry is not None:
            phrase = _Phrase()
            if not phrase.add(*entry):
                phrase = None
                continue
            start = tok.start
        if phrase is not None:
            end = tok.end
            last_kind = entry[1] if entry else ""
    if phrase is not None:
        found.append((start, end, phrase.value))
    return found


@lru_cache(maxsize=65536)
def parse_number(text: str) -> int | None:
    """Value of the first number phrase in ``text`` ("تسعة وأربعين" → 49, "17 طفلًا" → 17)."""
    found = find_numbers(text)
    return found[0][2] if found else None


_ORDINALS: dict[str, int] = {}


def _load_ordinals() -> None:
    with open(DATA / "ordinal_words.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            form, value = line.rstrip("\n").split("\t")[:2]
            _ORDINALS[skeleton_key(form)] = int(value)


_load_ordinals()


def parse_ordinal(text: str) -> int | None:
    """Ordinal words → int (الخامس → 5, الحادي عشر → 11, الحادي والعشرين → 21); else None."""
    words = skeleton_key(text).split()
    if not words:
        return None
    words = [w[1:] if w.startswith("و") and len(w) > 3 else w for w in words]
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
    if any(w not in _ORDINALS for w in words) or len(words) > 2:
        return None
    total = sum(_ORDINALS[w] for w in words)
    return total if total > 0 else None

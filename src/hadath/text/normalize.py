"""Two normalization levels, each with a map from normalized characters back to original offsets.

*standard* (``normalize``): Unicode cleanup (presentation forms/ligatures unfolded NFKC-style,
zero-width and bidi marks removed), diacritics, Quranic marks and tatweel removed, alef variants → ا,
ى → ي, ة → ه, Persian/Urdu letter forms → Arabic, Arabic-Indic and Persian digits → ASCII digits.

*skeleton* (``skeleton``): the seed-000 form of ../shared/tools/degrade.py: only the 28 base letters
survive; hamza-alef becomes ا at a word start and after ال and vanishes elsewhere (لأنه → لنه);
ة ى ء ؤ ئ, diacritics and tatweel vanish; any other run of characters becomes one space.  Raw and
degraded text meet in skeleton space.  One deliberate difference from degrade.py: diacritics and
zero-width marks are transparent when deciding "word start" (degrade.py treats بِأن as word-initial).

Final ي/ى: web text often writes مصطفى as مصطفي (and ة as ه).  The skeleton follows degrade.py
(ى and ة vanish, ي and ه stay), so those spellings give different keys; dictionary builders index an
alias under every key of ``skeleton_variants`` instead of folding ي/ه away (which would merge علي
"Ali" with على "on").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pyarabic.araby as araby

BASE = frozenset("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
_HAMZA_ALEFS = frozenset((araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_MADDA,
                          araby.ALEF_WASLA, "ٲ", "ٳ"))
# letters the skeleton drops without a trace (degrade.py: ة ى ء ؤ ئ)
_DROP = frozenset((araby.TEH_MARBUTA, araby.ALEF_MAKSURA, araby.HAMZA, araby.WAW_HAMZA,
                   araby.YEH_HAMZA))
# invisible characters: removed at both levels and transparent for word-start decisions
_FORMAT = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                    "\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad")
# diacritics: pyarabic's tashkeel + dagger alef + Quranic annotation marks + combining hamza/madda
_MARKS = frozenset(araby.TASHKEEL) | {araby.TATWEEL, araby.MINI_ALEF, "\u0653", "\u0654", "\u0655",
                                      "\u065f"} \
    | {chr(c) for c in range(0x0610, 0x061B)} | {chr(c) for c in range(0x064B, 0x0660)} \
    | {chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)}
_INVISIBLE = _MARKS | _FORMAT

# Persian/Urdu/Kurdish letter forms that stand for an Arabic base letter
_PERSIAN = {"ک": "ك", "ڪ": "ك", "گ": "ك", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي", "ے": "ي",
            "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ة", "پ": "ب", "چ": "ج", "ژ": "ز",
            "ڤ": "ف", "ڨ": "ق", "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن", "ٶ": "ؤ", "ٸ": "ئ"}
_STD_MAP = dict(_PERSIAN)
_STD_MAP.update({a: araby.ALEF for a in _HAMZA_ALEFS})
_STD_MAP.update({araby.ALEF_MAKSURA: araby.YEH, araby.TEH_MARBUTA: araby.HEH})
for _i in range(10):
    _STD_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _STD_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic)
_STD_MAP["\u066b"] = "."  # Arabic decimal separator
_STD_MAP["\u066c"] = ","  # Arabic thousands separator


def _unfold(ch: str) -> str:
    """Presentation forms and ligatures (U+FB50–FDFF, U+FE70–FEFF, fullwidth) → plain letters."""
    o = ord(ch)
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFE or 0xFF01 <= o <= 0xFF5E:
        return unicodedata.normalize("NFKC", ch).replace(" ", "")
    return ch


# anything _expand has to touch; text without these takes the fast path
_NEEDS_CLEAN = re.compile("[\u00ad\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
                          "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufb50-\ufdff\ufe70-\ufeff"
                          "\uff01-\uff5e]")


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


def _expand(text: str) -> tuple[str, list[int]]:
    """Unicode cleanup shared by both levels: unfold presentation forms, drop invisible marks."""
    if not _NEEDS_CLEAN.search(text):
        return text, list(range(len(text)))
    chars: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        u = _unfold(ch)
        for c in u:
            if c in _INVISIBLE:
                continue
            chars.append(c)
            offs.append(i)
    return "".join(chars), offs


def normalize(text: str) -> NormText:
    """Standard level: see the module docstring."""
    clean, offs = _expand(text)
    out: list[str] = []
    o2: list[int] = []
    get = _STD_MAP.get
    for ch, o in zip(clean, offs):
        if ch in _INVISIBLE:
            continue
        out.append(get(ch, ch))
        o2.append(o)
    return NormText("".join(out), o2, len(text))


_STD_TABLE = str.maketrans(_STD_MAP)


def normalize_text(text: str) -> str:
    """``normalize(text).text`` without the offset map: for short strings (a word, an alias) where
    only the normalized form is needed."""
    if _NEEDS_CLEAN.search(text):
        return normalize(text).text
    return text.translate(_STD_TABLE)


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" and ch != araby.TATWEEL


_PERSIAN_TABLE = str.maketrans({k: v for k, v in _PERSIAN.items() if len(v) == 1})
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\uff01-\uff5e]")
_ALEF_RE = re.compile("[" + "".join(sorted(_HAMZA_ALEFS)) + "]")
_BASE_CLASS = "".join(sorted(BASE))
_GONE_CLASS = "".join(sorted(_DROP | _HAMZA_ALEFS | _INVISIBLE))  # dropped without breaking a word
_RUNS = re.compile(f"([{_BASE_CLASS}]+)|[{_GONE_CLASS}]+|[^{_BASE_CLASS}{_GONE_CLASS}]+")


def _visible_before(t: str, i: int) -> int:
    """Index of the last visible character before ``i`` (-1 if none)."""
    i -= 1
    while i >= 0 and t[i] in _INVISIBLE:
        i -= 1
    return i


def _alefs_read(text: str) -> str:
    """Persian letter forms mapped; a hamza-alef that starts a word or follows ال becomes ا (the
    others stay, to be dropped with the other hamza carriers)."""
    t = text.translate(_PERSIAN_TABLE)
    if "أ" in t or "إ" in t or "آ" in t or "ٱ" in t or "ٲ" in t or "ٳ" in t:
        pieces, last = [], 0
        for m in _ALEF_RE.finditer(t):
            i = m.start()
            p1 = _visible_before(t, i)
            p2 = _visible_before(t, p1) if p1 >= 0 else -1
            c1 = t[p1] if p1 >= 0 else ""
            c2 = t[p2] if p2 >= 0 else ""
            if not _is_arabic_letter(c1) or c2 + c1 == "ال":
                pieces += [t[last:i], "ا"]  # kept as a plain alef; otherwise it stays and is dropped
                last = i + 1
        t = "".join(pieces) + t[last:]
    return t


def skeleton(text: str) -> NormText:
    """Seed-000 form with offsets; runs of non-letters collapse to one space (no leading space)."""
    if _PRESENTATION.search(text):
        return _skeleton_slow(text)
    # fast path: work on runs of letters / dropped marks / other characters instead of characters
    t = _alefs_read(text)
    out: list[str] = []
    offs: list[int] = []
    prev_space = True
    for m in _RUNS.finditer(t):
        a, b = m.span()
        if m.group(1):
            out.append(m.group(1))
            offs.extend(range(a, b))
            prev_space = False
        elif t[a] not in _GONE_CLASS and not prev_space:
            out.append(" ")
            offs.append(a)
            prev_space = True
    return NormText("".join(out), offs, len(text))


def _skeleton_slow(text: str) -> NormText:
    clean, offs = _expand(text)
    out: list[str] = []
    o2: list[int] = []
    prev_space = True
    prev1 = prev2 = ""  # the two previous visible characters (after Persian letters are mapped)
    for ch, o in zip(clean, offs):
        if ch in _INVISIBLE:
            continue
        ch = _PERSIAN.get(ch, ch)
        if ch in BASE:
            out.append(ch)
            o2.append(o)
            prev_space = False
        elif ch in _HAMZA_ALEFS:
            if not _is_arabic_letter(prev1) or (prev2 + prev1 == "ال"):
                out.append("ا")
                o2.append(o)
                prev_space = False
        elif ch in _DROP:
            pass
        elif not prev_space:
            out.append(" ")
            o2.append(o)
            prev_space = True
        prev2, prev1 = prev1, ch
    return NormText("".join(out), o2, len(text))


_SPACES = re.compile(r"\s+")


_GONE = re.compile(f"[{_GONE_CLASS}]+")
_NOT_BASE = re.compile(f"[^{_BASE_CLASS}]+")
_BASE_ONLY = re.compile(f"[{_BASE_CLASS}]+").fullmatch  # already a skeleton (most degraded words)


def skeleton_key(text: str) -> str:
    """Skeleton of a short string (an alias, a lexicon entry, a word) as a plain key: the skeleton's
    text with no leading or trailing space.  Same as ``skeleton(text).text.strip()``, without
    building the offset map (dropped marks vanish; every other run of non-letters is one space)."""
    if _BASE_ONLY(text):
        return text
    if _PRESENTATION.search(text):
        return _SPACES.sub(" ", _skeleton_slow(text).text).strip()
    return _NOT_BASE.sub(" ", _GONE.sub("", _alefs_read(text))).strip(" ")


def skeleton_variants(text: str) -> set[str]:
    """Every skeleton key a name may show up under in raw web text.

    Besides the regular key: final ى written ي (مصطفى/مصطفي), final ة written ه (حماة/حماه), per word.
    Index dictionary entries under all of these; look text up with plain ``skeleton_key``.
    """
    words = normalize_web_variants(text)
    return {k for k in (skeleton_key(w) for w in words) if k}


def normalize_web_variants(text: str) -> list[str]:
    """The spelling variants of ``text`` that web text uses for final ى and ة (at most 4 per word pair)."""
    variants = [text]
    if re.search(r"ى(?![\u0621-\u064a])", text):
        variants.append(re.sub(r"ى(?![\u0621-\u064a])", "ي", text))
    if re.search(r"ة(?![\u0621-\u064a])", text):
        variants += [re.sub(r"ة(?![\u0621-\u064a])", "ه", v) for v in list(variants)]
    return variants

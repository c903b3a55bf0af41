"""Fatalities and injuries stated in a sentence: "49 شهيدًا" → 49, "مقتل سبعة أشخاص" → 7,
"أكثر من 360 مصابًا" → 360, "مقتل جندي وإصابة آخر" → 1 and 1; vague quantities ("عشرات",
"المئات") give nothing (codebook: null).

A number counts when a casualty word sits next to it: after it ("49 شهيدا", "360 مصابا") or before
it ("مقتل 15 شخصا", "إصابة ستة أشخاص").  The first figure wins: "49 شهيدًا بينهم 17 طفلًا" → 49.
"""
from __future__ import annotations

from functools import lru_cache

from hadath.text.normalize import skeleton_key

# number words in skeleton space (so degraded text is read too); tens/hundreds cover news usage
_UNITS = {"واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5,
          "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
          "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "احد عشر": 11, "عشرين": 20, "عشرون": 20,
          "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50,
          "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80,
          "تسعين": 90, "تسعون": 90, "مي": 100, "ماي": 100, "مايه": 100, "ميه": 100, "الف": 1000,
          "اثنا": 2, "اثني": 2}
_WORDS = {skeleton_key(k) or k: v for k, v in _UNITS.items()}

FATAL = ("يقتل", "تقتل", "قتلت", "قتلوا", "قتلى", "شهيد", "شهدا", "قتيل", "قتلا", "قتل", "مقتل", "استشهاد", "استشهد", "قتلوا", "لقي", "ضحي",
         "ضحايا", "جثث", "جثه", "وفا", "موت")
INJURED = ("مصاب", "مصابين", "مصابون", "جريح", "جرحا", "جرح", "اصاب", "اصيب", "اصابه", "اصابات",
           "جروح")
_FATAL = {skeleton_key(w) for w in FATAL}
_INJ = {skeleton_key(w) for w in INJURED}
_THOUSANDS = {skeleton_key(w) for w in ("ألف", "آلاف", "الف", "الاف")}
_YEAR_WORDS = {skeleton_key(w) for w in ("عام", "العام", "سنة", "لعام", "منذ", "في")}
# a singular or dual person noun right after a casualty word states a count of its own: "مقتل جندي"
# → 1, "وإصابة آخر" → 1, "مقتل شخصين" → 2 (duals only of nouns whose plural is broken, so they
# cannot be a plural in ـين)
_ONE = ("شخص", "رجل", "امرأة", "طفل", "طفلة", "فتاة", "فتى", "شاب", "شابة", "جندي", "شرطي", "ضابط",
        "عنصر", "مدني", "مواطن", "مواطنة", "صحفي", "صحافي", "ناشط", "مسلح", "قائد", "قيادي", "طالب",
        "حارس", "عامل", "سائق", "مستوطن", "أسير", "معتقل", "آخر", "أخرى")
_TWO = ("شخصين", "شخصان", "رجلين", "طفلين", "جنديين", "جنديان", "امرأتين")
_COUNT_NOUNS = {**{skeleton_key(w): 1 for w in _ONE}, **{skeleton_key(w): 2 for w in _TWO}}
_CONJ = ("و", "ف", "ب", "ل", "ال", "وال", "بال")


def _count_noun(word: str, after: str = "") -> int | None:
    """The count a person noun states by itself, also with its accusative tanween alef ("قتلت
    القوات مسلحا" → 1) and a people's nominative dual ("قتل فلسطينيان" → 2).  The alef form is
    one before nothing, a preposition, a time word, و or another accusative ("مسلحا فلسطينيا");
    before a genitive it is a dual in construct ("ضابطا شرطة", "سائقا شاحنات": two)."""
    k = skeleton_key(word)
    n = _COUNT_NOUNS.get(k)
    if n is None and k.endswith("ا") and _COUNT_NOUNS.get(k[:-1]) == 1:
        n = 1 if _ends_phrase(after) else 2
    if n is None and k.endswith("يان") and len(k) >= 6 and not k.startswith(("ال", "وال", "بال")):
        n = 2  # a people's dual: "مقتل عراقيين" is ambiguous, "قتل عراقيان" is two
    return n


# hedges between a casualty word and its count ("مقتل ما لا يقل عن ثلاثة", "مقتل نحو عشرين")
_FILLER = {skeleton_key(w) for w in ("ما", "لا", "يقل", "تقل", "عن", "نحو", "حوالي", "حوالى", "قرابة", "زهاء")}
# what may follow a singular person noun that counts one: a preposition, a time word, و
_ONE_ENDS = {skeleton_key(w) for w in ("في", "من", "على", "خلال", "قرب", "عند", "أمام", "داخل", "بعد", "قبل",
                                        "إثر", "جراء", "برصاص", "بنيران", "و", "أمس", "اليوم", "الليلة", "مساء",
                                        "صباح", "فجر", "ظهر", "ليلة", "عصر", "أول")}


def _ends_phrase(word: str) -> bool:
    """Nothing, punctuation, a preposition, a time word, a word behind ب/ل/و, or an accusative
    adjective follows."""
    k = skeleton_key(word) if word.strip() else ""
    return not k or not any(c.isalpha() for c in word) or k in _ONE_ENDS or k.startswith(("ب", "ل", "و")) or \
        k.endswith("ا")


@lru_cache(maxsize=65536)
def parse_number(word: str) -> int | None:
    """An integer from digits (ASCII or Arabic-Indic) or a number word; None when vague or none."""
    try:
        from hadath.text.numbers import parse_number as shared_parse  # the text layer's, when present
        v = shared_parse(word)
        if isinstance(v, int) and not isinstance(v, bool):
            return v
    except Exception:  # noqa: BLE001 — missing module or a parse error: use the local reading
        pass
    digits = "".join(str(int(c)) if c.isdigit() else "" for c in word)
    if digits and len(digits) == sum(c.isdigit() for c in word):
        return int(digits)
    k = skeleton_key(word)
    for pre in ("", "و"):
        if k.startswith(pre) and k[len(pre):] in _WORDS:
            return _WORDS[k[len(pre):]]
    return None


@lru_cache(maxsize=65536)
def _kind(word: str) -> str | None:
    k = skeleton_key(word)
    stripped = [k[len(p):] for p in _CONJ if k.startswith(p) and len(k) - len(p) >= 3]
    # a hamza-alef after a proclitic is lost in skeleton form (وإصابة → وصاب): try it restored
    cands = [k] + stripped + ["ا" + c for c in stripped]
    for c in cands:
        for base in (c, c[:-1] if c.endswith("ا") else c):  # tanween alef: شهيدا، مصابا
            if base in _FATAL:
                return "fatal"
            if base in _INJ:
                return "injured"
    return None


def casualties(words: list[str]) -> tuple[int | None, int | None]:
    """(fatalities, injuries) stated in one sentence's words (original spellings)."""
    fatal = injured = None
    words = [w for w in words if skeleton_key(w) not in _FILLER]  # "مقتل ما لا يقل عن ثلاثة"
    kinds = [_kind(w) for w in words]
    if not any(kinds):
        return None, None  # a figure counts only next to a casualty word: no such word, no figure
    for i, w in enumerate(words):
        n = parse_number(w)
        if n is not None and i + 1 < len(words) and skeleton_key(words[i + 1]) in _THOUSANDS:
            n *= 1000  # "15 ألف شخص", "عشرات الآلاف" is no figure
        if n is None or n <= 0 or n > 100000:
            continue
        if 1900 <= n <= 2100 and (i == 0 or skeleton_key(words[i - 1]) in _YEAR_WORDS
                                  or not (i + 1 < len(words) and kinds[i + 1])):
            continue  # a year, not a count
        kind = None
        # a casualty word right after (one noun such as "شخصا" may sit between) or just before
        for j in (i + 1, i - 1, i + 2, i - 2, i - 3):  # nearest first
            if 0 <= j < len(words) and kinds[j]:
                kind = kinds[j]
                break
        else:
            # "قتلت قوات الأمن الباكستانية ستة متشددين": a killing verb heading its long subject
            for j in (i - 4, i - 5, i + 3, i + 4):  # "أربعة من حراس الأمن الأفغان قتلوا"
                if 0 <= j < len(words) and kinds[j] == "fatal" and \
                        skeleton_key(words[j]).lstrip("و").startswith("قتل"):
                    kind = "fatal"
                    break
        if kind == "fatal" and fatal is None:
            fatal = n
        elif kind == "injured" and injured is None:
            injured = n
    for i in range(len(words) - 1):
        if kinds[i] and (fatal if kinds[i] == "fatal" else injured) is None:
            n = _count_noun(words[i + 1], words[i + 2] if i + 2 < len(words) else "")
            if n is not None:
                if kinds[i] == "fatal":
                    fatal = n
                else:
                    injured = n
    return fatal, injured

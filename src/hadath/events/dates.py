"""Time expressions in Arabic news and the date an event gets.

``find_dates(doc)`` scans the token stream (skeleton keys, so raw and degraded spellings meet: "الماضي"
and "الماض", "الجمعة" and "الجمع") with a small hand grammar over the words in
``data/dates_words.tsv``, and resolves each expression against ``doc.date`` (publication date):

* absolute: "5 آب 2022", "2022/8/5", "الخامس من أغسطس 2022", "في عام 2004", "15 رمضان 1443هـ" (Hijri,
  converted with hijridate) — these resolve with or without a publication date;
* relative: "اليوم الاثنين", "الاثنين الماضي", "أمس", "أول أمس", "الخامس من أغسطس/آب الجاري",
  "في مارس الماضي", "العام الماضي", "الشهر الماضي", "الأسبوع الماضي", "منذ ثلاثة أعوام" — value None
  when the publication date is unknown (never guessed).

Precision: day / month / year.  Weeks are not a codebook precision: "الأسبوع الماضي", "منذ أسبوعين"
resolve to the MONTH containing (pub − 7·n days) — the month is almost always right, a day would not be.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hadath.doc import Doc, Span, Token

_DATA = Path(__file__).with_name("data") / "dates_words.tsv"


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None  # ISO at its precision: "2022-08-05", "2022-08", "2015"
    precision: str | None  # "day" | "month" | "year" | None
    relative: bool
    rule: str = ""  # which pattern found it (for debugging/eval)


# ---------------------------------------------------------------- vocabulary

def _key(s: str) -> str:
    from hadath.text import skeleton_key
    return skeleton_key(s)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[tuple[str, ...], str]]:
    """class -> {tuple of skeleton words: value}."""
    lex: dict[str, dict[tuple[str, ...], str]] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, value, forms = line.split("\t")
        table = lex.setdefault(cls, {})
        for form in forms.split("|"):
            words = tuple(_key(form).split())
            if not words:
                continue
            table[words] = value
            # degraded text drops final ى (الماضى → الماض, الثانى → الثان): accept the ي-less form too
            if cls in ("past", "current", "ord", "hmonth") and words[-1].endswith("ي") and len(words[-1]) > 3:
                table[words[:-1] + (words[-1][:-1],)] = value
    return lex


_CLITICS = ("و", "ب", "ل", "وب", "ول")  # what ``_Scan.match`` strips from a first word


@lru_cache(maxsize=1)
def _first_words() -> dict[str, frozenset[str]]:
    """first word of an entry -> the classes that have an entry beginning with it."""
    out: dict[str, set[str]] = {}
    for cls, table in _lexicon().items():
        for words in table:
            out.setdefault(words[0], set()).add(cls)
    return {w: frozenset(c) for w, c in out.items()}


_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=1 << 18)
def _starts(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """(classes an entry of which begins with ``word`` as it is, the same or with ``word`` less a clitic
    of _CLITICS): exactly the first-word test of ``_Scan.match``.  One cache entry per distinct word."""
    if not word:
        return _NONE, _NONE
    firsts = _first_words()
    bare = firsts.get(word, _NONE)
    both = bare
    for p in _CLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            both = both | firsts.get(word[len(p):], _NONE)
    return bare, both


def _may_start(cls: str, word: str, strip_wa: bool) -> bool:
    """Whether an entry of ``cls`` can begin at a token whose key is ``word`` (with a stripped clitic
    too when ``strip_wa``); False for '' (numbers, punctuation)."""
    return cls in _starts(word)[strip_wa]


_TANWEEN = re.compile("[\u064b-\u064d]")
_NUM = re.compile(r"(\d{1,4})(م|ه)?")
_CLAUSE = re.compile(r"[،,؛;:\n]|\s-\s")


@dataclass(slots=True)
class _W:
    """One token as the grammar sees it."""

    key: str  # skeleton key ('' for numbers/punctuation)
    num: int | None
    era: str  # 'م', 'ه' or '' (suffix glued to a number: 2022م, 1443هـ)
    punct: str
    start: int
    end: int
    tanween: bool = False  # "أبٍ" (a father) is not the month آب


def _words(doc: Doc) -> list[_W]:
    toks: list[Token] = doc.tokens
    if not toks:
        from hadath.text import tokenize
        toks = tokenize(doc.text)
    out = []
    append, num, tanween = out.append, _NUM.fullmatch, _TANWEEN.search
    for t in toks:
        norm = t.norm
        m = num(norm) if norm[:1].isdigit() else None  # \d only matches what isdigit() accepts
        if m:
            append(_W("", int(m.group(1)), m.group(2) or "", "", t.start, t.end))
        elif t.skel:
            append(_W(t.skel, None, "", "", t.start, t.end, tanween(t.text) is not None))
        else:
            append(_W("", None, "", t.text, t.start, t.end))
    return out


# ---------------------------------------------------------------- grammar

class _Scan:
    def __init__(self, ws: list[_W]) -> None:
        self.ws = ws
        self.lex = _lexicon()

    def key(self, i: int) -> str:
        return self.ws[i].key if 0 <= i < len(self.ws) else ""

    def match(self, cls: str, i: int, strip_wa: bool = True) -> tuple[int, str] | None:
        """Longest entry of class ``cls`` starting at token i → (end index, value)."""
        if not (0 <= i < len(self.ws)) or not _may_start(cls, self.ws[i].key, strip_wa):
            return None  # no entry of the class begins with this word: most tokens, most classes
        table = self.lex.get(cls, {})
        for n in (3, 2, 1):
            if i + n > len(self.ws):
                continue
            words = tuple(self.key(j) for j in range(i, i + n))
            if not all(words):
                continue
            if words in table:
                return i + n, table[words]
            if strip_wa:  # a conjunction/preposition clitic on the first word: "وآذار", "بمارس"
                for p in _CLITICS:
                    if words[0].startswith(p) and len(words[0]) - len(p) >= 3:
                        w2 = (words[0][len(p):],) + words[1:]
                        if w2 in table:
                            return i + n, table[w2]
        return None

    def num(self, i: int) -> int | None:
        return self.ws[i].num if 0 <= i < len(self.ws) else None

    def is_punct(self, i: int, chars: str) -> bool:
        return 0 <= i < len(self.ws) and self.ws[i].punct != "" and self.ws[i].punct in chars

    # -- pieces
    def day(self, i: int) -> tuple[int, int] | None:
        n = self.num(i)
        if n is not None and 1 <= n <= 31 and not self.ws[i].era:
            return i + 1, n
        m = self.match("ord", i)
        if not m:
            return None
        j, v = m[0], int(m[1])
        if v in (20, 30):
            return j, v
        if v == 11:
            v = 1  # الحادي: only with عشر / والعشرين / والثلاثين
        if self.key(j) == "عشر":
            return j + 1, 10 + v
        t = self.match("ord", j, strip_wa=False)
        if t and self.key(j).startswith("و") and int(t[1]) in (20, 30):
            return t[0], int(t[1]) + v
        if m[1] == "11":
            return None
        return j, v

    def month(self, i: int) -> tuple[int, int, str] | None:
        """(end, month, calendar 'g'|'h'); a Gregorian name may carry its other-series twin: أغسطس/آب."""
        if 0 <= i < len(self.ws) and self.ws[i].tanween:
            return None
        m = self.match("month", i)
        if m:
            j, v = m[0], int(m[1])
            # "أغسطس/آب", "آب (أغسطس)", "أغسطس - آب"
            k = j + 1 if self.is_punct(j, "/-(") else j
            t = self.match("month", k, strip_wa=False)
            if t and int(t[1]) == v:
                j = t[0] + (1 if k != j and self.is_punct(t[0], ")") else 0)
            return j, v, "g"
        m = self.match("hmonth", i)
        if m:
            return m[0], int(m[1]), "h"
        return None

    def year(self, i: int) -> tuple[int, int, str] | None:
        """(end, year, era) for a 4-digit year, with an era suffix glued or as the next token."""
        w = self.ws[i] if 0 <= i < len(self.ws) else None
        if w is None or w.num is None or not (1000 <= w.num <= 2100):
            return None
        era, j = w.era, i + 1
        if not era and self.key(j) in ("م", "ه", "هـ"):
            era, j = self.key(j), j + 1
        return j, w.num, era

    def qualifier(self, i: int) -> tuple[int, int] | None:
        for cls, off in (("past", -1), ("current", 0), ("next", 1)):
            m = self.match(cls, i, strip_wa=False)
            if m:
                return m[0], off
        return None


# ---------------------------------------------------------------- resolution helpers

def _iso(d: _dt.date, precision: str) -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[precision]


def _month_rel(pub: _dt.date, month: int, off: int | None) -> int:
    """Year of a month named without a year. off -1: the latest such month strictly before pub's month
    ("مارس الماضي"); 0: pub's year ("أغسطس الجاري"); +1: next one after; None: nearest to pub."""
    if off == -1:
        return pub.year if month < pub.month else pub.year - 1
    if off == 1:
        return pub.year if month > pub.month else pub.year + 1
    if off == 0:
        return pub.year
    delta = month - pub.month  # nearest: within ±6 months, news leans to the past
    if delta > 4:
        return pub.year - 1
    if delta < -7:
        return pub.year + 1
    return pub.year


def _hijri_to_greg(y: int, m: int, d: int) -> _dt.date | None:
    try:
        from hijridate import Hijri
        g = Hijri(y, m, d).to_gregorian()
        return _dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError, ImportError):
        return None


def _nearest_hijri(pub: _dt.date, month: int, day: int) -> _dt.date | None:
    try:
        from hijridate import Gregorian
        hy = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
    except (ValueError, OverflowError, ImportError):
        return None
    options = [g for y in (hy - 1, hy, hy + 1) if (g := _hijri_to_greg(y, month, day))]
    return min(options, key=lambda g: abs((g - pub).days)) if options else None


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _sub_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 - n, 12)
    return _dt.date(y, m + 1, 1)


# ---------------------------------------------------------------- the scanner proper

def find_dates(doc: Doc) -> list[TimeExpr]:
    """All time expressions of the document, in text order, resolved against doc.date."""
    cache = doc.meta.get("_time_exprs")
    if cache is not None and cache[0] == (len(doc.text), doc.date, len(doc.tokens)):
        return cache[1]
    ws = _words(doc)
    sc = _Scan(ws)
    pub = doc.date
    out: list[TimeExpr] = []
    i = 0
    while i < len(ws):
        if ws[i].num is None and not _may_begin(ws[i].key):
            i += 1  # neither a number nor a word any rule of _match_at starts with
            continue
        hit = _match_at(sc, i, pub)
        if hit is None:
            i += 1
            continue
        j, value, precision, relative, rule = hit
        s, e = ws[i].start, ws[j - 1].end
        out.append(TimeExpr(s, e, doc.text[s:e], value, precision, relative, rule))
        i = j
    doc.meta["_time_exprs"] = ((len(doc.text), doc.date, len(doc.tokens)), out)
    return out


Hit = tuple[int, str | None, str | None, bool, str]

# classes whose entries can open an expression at its first token (weekday: _weekday; ord: _day_month;
# month/hmonth: _month_only; unit: _named_period), matched with a clitic stripped
_OPENING_CLASSES = frozenset({"weekday", "ord", "month", "hmonth", "unit"})


@lru_cache(maxsize=1 << 18)
def _may_begin(word: str) -> bool:
    """Whether some rule of ``_match_at`` can match at a non-number token with key ``word``: every rule
    opens with a number, a fixed lead word (يوم، عام، منذ، هذا، أمس …) or an entry of _OPENING_CLASSES."""
    if not word:
        return False
    if word in _DAY_LEAD or word in _YEAR_WORDS or word in _AGO_LEAD or word in _THIS:
        return True
    if any(k[0] == word for k in _DEICTIC):
        return True
    return bool(_starts(word)[True] & _OPENING_CLASSES)


def _match_at(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    for rule in (_numeric, _weekday, _day_month, _month_only, _year, _ago, _named_period, _deictic):
        hit = rule(sc, i, pub)
        if hit:
            return hit
    return None


def _numeric(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """2022/8/5, 5/8/2022, 5-8-2022 (day first, as Arabic news writes it)."""
    a, b, c = sc.num(i), sc.num(i + 2), sc.num(i + 4)
    if a is None or b is None or c is None:
        return None
    if not (sc.is_punct(i + 1, "/-.") and sc.is_punct(i + 3, "/-.") and sc.ws[i + 1].punct == sc.ws[i + 3].punct):
        return None
    end = i + 5
    hijri = sc.ws[i + 4].era == "ه" or sc.key(end) in ("ه", "هـ")
    if hijri:  # Saudi style "بتاريخ 8/2/1433هـ"
        end += sc.ws[i + 4].era != "ه"
        d = _hijri_to_greg(a, b, c) if a >= 1300 else _hijri_to_greg(c, b, a) if c >= 1300 else None
        return (end, d.isoformat(), "day", False, "numeric_hijri") if d else None
    d = _safe_date(a, b, c) if a >= 1000 else _safe_date(c, b, a) if c >= 1000 else None
    if d is None or not (1900 <= d.year <= 2100):
        return None
    return end, d.isoformat(), "day", False, "numeric"


_YEAR_NOUNS = ("العام", "عام", "السن", "سن", "لعام")


def _tail(sc: _Scan, j: int) -> tuple[int, int | None, str, int | None, int | None]:
    """After a month: (end, year, era, month qualifier, year offset) from "2022", "الجاري",
    "العام الماضي", "من العام الماضي", "عام 2012", "من عام 2012"; (j, None, '', None, None) if nothing."""
    y = sc.year(j)
    if y:
        return y[0], y[1], y[2], None, None
    q = sc.qualifier(j)
    if q:
        return q[0], None, "", q[1], None
    k = j + 1 if sc.key(j) == "من" else j
    if sc.key(k) in _YEAR_NOUNS:
        y = sc.year(k + 1)
        if y:
            return y[0], y[1], y[2], None, None
        q = sc.qualifier(k + 1)
        if q and sc.key(k) in ("العام", "السن"):
            return q[0], None, "", None, q[1]
    return j, None, "", None, None


def _resolve_dm(pub: _dt.date | None, day: int | None, month: int, cal: str, year: int | None,
                era: str, off: int | None, year_off: int | None = None) -> tuple[str | None, str, bool]:
    precision = "day" if day else "month"
    if year_off is not None:  # "أغسطس من العام الماضي"
        if pub is None or cal == "h":
            return None, precision, True
        d = _safe_date(pub.year + year_off, month, day or 1)
        return (_iso(d, precision) if d else None), precision, True
    if cal == "h":
        if year is None and pub is not None:  # "15 رمضان": the occurrence nearest the publication date
            g = _nearest_hijri(pub, month, day or 15)
            return (_iso(g, precision) if g else None), precision, True
        if year is None or not (1300 <= year <= 1500):
            return None, precision, year is None
        g = _hijri_to_greg(year, month, day or 15)  # a Hijri month straddles two Gregorian ones
        return (_iso(g, precision) if g else None), precision, False
    if year is not None:
        d = _safe_date(year, month, day or 1)
        return (_iso(d, precision) if d else None), precision, False
    if pub is None:
        return None, precision, True
    d = _safe_date(_month_rel(pub, month, off), month, day or 1)
    return (_iso(d, precision) if d else None), precision, True


def _day_month(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """الخامس من أغسطس/آب الجاري · 5 آب 2022 · 15 رمضان 1443هـ."""
    d = sc.day(i)
    if not d:
        return None
    j = d[0]
    if sc.key(j) == "من":
        j += 1
    if sc.key(j) in ("شهر", "الشهر"):
        j += 1
    m = sc.month(j)
    if not m:
        return None
    k, year, era, off, year_off = _tail(sc, m[0])
    value, prec, rel = _resolve_dm(pub, d[1], m[1], m[2], year, era, off, year_off)
    return k, value, prec, rel, "day_month"


def _month_only(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """في مارس الماضي · مطلع آذار 2003 · شهر أغسطس الجاري.  A bare month name is a date only after a
    temporal cue or before a year/qualifier ("مارس" is also a verb, "آب" a father)."""
    m = sc.month(i)
    if not m:
        return None
    k, year, era, off, year_off = _tail(sc, m[0])
    if year is None and off is None and year_off is None:
        prev = sc.match("cue", i - 1, strip_wa=False) if i > 0 else None
        if not prev or m[2] == "h":
            return None
    value, prec, rel = _resolve_dm(pub, None, m[1], m[2], year, era, off, year_off)
    return k, value, prec, rel, "month"


_YEAR_WORDS = {"عام", "العام", "سن", "السن", "لعام", "ولعام", "وعام", "بعام", "عامي", "سنه", "لسن"}
_YEAR_CUES = {"في", "وفي", "منذ", "ومنذ", "حتى", "وحتى", "مطلع", "اواخر", "اوايل", "منتصف", "نهاي", "بدايه",
              "بداي", "قبل", "بعد", "خلال", "وخلال", "صيف", "شتا", "ربيع", "خريف", "مند"}


def _year(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """عام 2004 · في 2004 · 2004م · 1443هـ."""
    if sc.key(i) in _YEAR_WORDS:
        i += 1
        y = sc.year(i)
        if not y:
            return None
    else:
        y = sc.year(i)
        if not y or not (y[2] or sc.key(i - 1) in _YEAR_CUES):
            return None
    end, year, era = y
    if era == "ه":
        g = _hijri_to_greg(year, 6, 15) if 1300 <= year <= 1500 else None
        # hijridate covers 1343-1500 AH; elsewhere the mean-year formula is right to the year ±1
        greg = g.year if g else (round(621.57 + year * 0.970229) if 1 <= year <= 1600 else None)
        return end, (str(greg) if greg else None), "year", False, "year_hijri"
    return end, str(year), "year", False, "year"


_AGO_LEAD = ("منذ", "ومنذ", "قبل", "وقبل", "مند")


def _ago(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """منذ ثلاثة أعوام · قبل يومين · منذ أسبوع · منذ 5 سنوات."""
    if sc.key(i) not in _AGO_LEAD:
        return None
    j, n, counted = i + 1, 1, True
    num = sc.num(j)
    if num is not None and not sc.ws[j].era and num < 1000:
        n, j = num, j + 1
    else:
        c = sc.match("card", j, strip_wa=False)
        if c:
            n, j = int(c[1]), c[0]
            if n < 10 and sc.key(j) in ("عشر", "عشره"):
                n, j = n + 10, j + 1
        else:
            counted = False
    u = sc.match("unit", j, strip_wa=False)
    if not u or sc.key(j).startswith("ال"):
        return None
    unit, mult = u[1].split(":")
    if int(mult) == 2 and j == i + 1:
        n = 2
    if sc.year(u[0]):  # "منذ عام 2004" is an absolute year
        return None
    if not counted and int(mult) == 1 and sc.key(j) not in _SINGULAR_UNITS:
        return u[0], None, None, True, "ago_vague"  # "منذ سنوات", "منذ عقود": no date, but a time mention
    return _relative(u[0], pub, unit, -n, "ago")


_SINGULAR_UNITS = {"يوم", "يوما", "اسبوع", "اسبوعا", "شهر", "شهرا", "عام", "عاما", "سن", "عقد"}


def _relative(end: int, pub: _dt.date | None, unit: str, n: int, rule: str) -> Hit:
    precision = {"day": "day", "week": "month", "month": "month", "year": "year", "decade": "year"}[unit]
    if pub is None:
        return end, None, precision, True, rule
    if unit == "day":
        d = pub + _dt.timedelta(days=n)
    elif unit == "week":
        d = pub + _dt.timedelta(days=7 * n)
    elif unit == "month":
        d = _sub_months(pub, -n)
    else:
        years = n * (10 if unit == "decade" else 1)
        d = _dt.date(pub.year + years, 1, 1)
    return end, _iso(d, precision), precision, True, rule


_THIS = ("هذا", "هذه", "وهذا")


def _named_period(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """العام الماضي · السنة المقبلة · الشهر الجاري · الأسبوع الماضي · هذا العام."""
    j = i
    this = sc.key(i) in _THIS
    if this:
        j += 1
    if not sc.key(j).startswith(("ال", "وال", "فال", "بال", "خلال")):
        return None
    u = sc.match("unit", j)
    if not u or u[1].split(":")[1] != "1":
        return None
    unit = u[1].split(":")[0]
    if unit == "day" or unit == "decade":
        return None
    if this:
        return _relative(u[0], pub, unit, 0, "period")
    q = sc.qualifier(u[0])
    if not q:
        return None
    return _relative(q[0], pub, unit, q[1], "period")


_DAY_LEAD = {"يوم", "ويوم", "اليوم", "واليوم", "مسا", "ومسا", "صباح", "وصباح", "فجر", "وفجر", "ظهر", "وظهر",
             "ليل", "وليل", "ليله", "عصر", "وعصر", "ظهير", "ليلي", "فجر"}


_NOT_WEEKDAY_BEFORE = {_key(w) for w in ("صلاة", "صلوات", "خطبة", "خطب", "خطيب", "إمام", "مسجد", "جامع", "الواحد",
                                          "وصلاة", "لصلاة", "بصلاة", "يوم", "أيام", "كل")}
_NOT_WEEKDAY_AFTER = {_key(w) for w in ("عشر", "عشرة", "منهم", "منهما", "من", "الذي", "التي")}


def _weekday(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """اليوم الاثنين · يوم الجمعة الماضي · الأحد المقبل · مساء السبت · الاثنين 5 آب 2022."""
    j = i + 1 if sc.key(i) in _DAY_LEAD else i
    w = sc.match("weekday", j)
    if not w:
        return None
    end, wd = w[0], int(w[1])
    bare = j == i
    q = sc.qualifier(end)
    # a following explicit date wins ("الاثنين 22 أغسطس 2022", "الاثنين، 22 آب")
    k = end + 1 if sc.is_punct(end, "،,") else end
    dm = _day_month(sc, k, pub) or _numeric(sc, k, pub)
    if dm:
        return (dm[0],) + dm[1:4] + ("weekday+date",)
    if bare and not q and (sc.key(i - 1) in ("بين", "كلا", "من") or (
            sc.key(j) in ("الاحد", "الجمع") and (i == 0 or sc.is_punct(i - 1, "،,.؛;:«\"(")
                                                   or sc.key(i - 1) in _NOT_WEEKDAY_BEFORE
                                                   or sc.key(end) in _NOT_WEEKDAY_AFTER))):
        # "بين الاثنين" = both; "صلاة الجمعة", "خطبة الجمعة" = the Friday prayer or congregation, "الأحد عشر"
        # = eleven, "الواحد الأحد" = the One, and so may a clause-initial one ("الأحد لا يعرف") — after a
        # verb or a place a bare weekday dates the clause ("في بغداد الجمعة")
        return None
    off = q[1] if q else 0
    if q:
        end = q[0]
    if pub is None:
        return end, None, "day", True, "weekday"
    back = (pub.weekday() - wd) % 7
    if off == -1:  # "الاثنين الماضي": strictly before pub
        back = back or 7
        d = pub - _dt.timedelta(days=back)
    elif off == 1:
        fwd = (wd - pub.weekday()) % 7 or 7
        d = pub + _dt.timedelta(days=fwd)
    else:  # news narrates the past: the latest such weekday on/before pub
        d = pub - _dt.timedelta(days=back)
    return end, d.isoformat(), "day", True, "weekday"


_DEICTIC = {("اليوم",): 0, ("واليوم",): 0, ("امس",): -1, ("وامس",): -1, ("الامس",): -1, ("البارح",): -1,
            ("اول", "امس"): -2, ("اول", "من", "امس"): -2, ("غدا",): 1, ("وغدا",): 1, ("بعد", "غد"): 2,
            ("الليل", "الماضي"): -1, ("الليل", "الماض"): -1}
_NOT_TODAY = {"ذلك", "نفس", "ذات", "هذا", "مثل", "حتى"}  # "ذلك اليوم" is not the publication day


def _deictic(sc: _Scan, i: int, pub: _dt.date | None) -> Hit | None:
    """اليوم · أمس · أول أمس · غدا · الليلة الماضية."""
    for n in (3, 2, 1):
        words = tuple(sc.key(j) for j in range(i, i + n))
        if words in _DEICTIC:
            off = _DEICTIC[words]
            if words[0] in ("اليوم", "واليوم") and sc.key(i - 1) in _NOT_TODAY:
                return None
            end = i + n
            w = sc.match("weekday", end, strip_wa=False)  # "أمس الخميس", "مساء أمس الأحد": one expression
            if w:
                end = w[0]
            if pub is None:
                return end, None, "day", True, "deictic"
            return end, (pub + _dt.timedelta(days=off)).isoformat(), "day", True, "deictic"
    return None


# ---------------------------------------------------------------- event dates

def _clause_breaks(text: str, a: int, b: int) -> int:
    lo, hi = min(a, b), max(a, b)
    return len(_CLAUSE.findall(text, lo, hi))


def resolve_event_date(doc: Doc, sentence: Span, trigger: Span) -> str | None:
    """The date stated for an event in its sentence: the resolved time expression closest to the trigger,
    preferring one in the same clause; None when the sentence states none (the coder decides whether to
    inherit ``document_date``).  An unresolved relative expression closest to the trigger yields None."""
    best: tuple[float, TimeExpr] | None = None
    for te in find_dates(doc):
        if te.start < sentence.start or te.end > sentence.end:
            continue
        if te.end <= trigger.start:
            a, b = te.end, trigger.start
        elif te.start >= trigger.end:
            a, b = trigger.end, te.start
        else:
            a = b = trigger.start
        cost = (b - a) + 200 * _clause_breaks(doc.text, a, b) + (0 if te.start >= trigger.end else 5)
        if best is None or cost < best[0]:
            best = (cost, te)
    return best[1].value if best else None


resolve_date = resolve_event_date  # the name docs/design.md uses


def document_date(doc: Doc, lede_sentences: int = 4, fallback_to_pub: bool = True) -> str | None:
    """The date the lede establishes ("… اليوم الاثنين" → the publication date when it is a Monday);
    else the publication date itself (``fallback_to_pub``) — None when neither is known."""
    if doc.sentences:
        limit = doc.sentences[min(lede_sentences, len(doc.sentences)) - 1].end
    else:
        limit = min(len(doc.text), 600)
    for te in find_dates(doc):
        if te.start >= limit:
            break
        if te.value and te.precision == "day" and te.relative and te.rule in ("weekday", "deictic", "weekday+date"):
            return te.value
    return doc.date.isoformat() if (fallback_to_pub and doc.date) else None

"""Clitic split of one word in skeleton space: (prefix, stem, suffix), decided by a stem lexicon.

prefix = [و|ف] [ب|ك|ل|س] [ال] (ل + ال is written لل); suffix = one pronoun enclitic.  A split is kept
only when the lexicon (data/wordfreq.tsv, SaudiNewsNet counts) says the stem is a word in its own right,
seen more than ``RATIO`` × as often as the whole word itself (stricter ratios for two-letter stems and
for ك, looser after an article): وحماس → و+حماس but وزير, بيروت, وصل, كان stay whole.  data/clitic_exceptions.tsv overrides the rule for listed words
(closed-class له/بها/منهم…, words the rule gets wrong in UD PADT dev).

``stem`` is a LOOKUP form, not always a substring: a hamza-alef the skeleton lost after a proclitic is
restored (لإسرائيل → ل+اسرايل, and in degraded text سرايل → اسرايل), and a ة written ت before a
pronoun is dropped as the skeleton drops ة (حكومتها → حكوم+ها).  ``prefix`` is always a prefix and
``suffix`` a suffix of the word's skeleton.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
RATIO = 0.2  # a split needs stem count > RATIO × whole-word count (tuned on PADT dev)
DEEPER = 1.0  # a split with more pieces needs stem count > DEEPER × the shallower split's count
RATIO_SHORT = 1.0  # two-letter stems (باب → ب+اب?) need more evidence
RATIO_ARTICLE = 0.02  # و/ب/ل/ف/ك + article (وال, بال, لل…) is nearly always a real split
RATIO_KAF = 10.0  # ك "like" is rare in news: كان, كما, كندا stay whole
_FUTURE_STEM = tuple("يتنا")  # س only marks the future before an imperfect verb
MIN_STEM_COUNT = 8  # stems rarer than this in the lexicon are not words of their own
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل", "س")
_ENCLITICS = ("", "ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا")


def _load_freq() -> dict[str, int]:
    freq: dict[str, int] = {}
    path = DATA / "wordfreq.tsv"
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                w, _, c = line.rstrip("\n").partition("\t")
                freq[w] = int(c)
    return freq


def _load_exceptions() -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    path = DATA / "clitic_exceptions.tsv"
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                word, prefix, stem, suffix = (cols + ["", "", "", ""])[:4]
                table[word] = (prefix, stem, suffix)
    return table


FREQ = _load_freq()
EXCEPTIONS = _load_exceptions()
# words spelled with ال that are not article + noun
NOT_ARTICLE = frozenset(("الله", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
                         "اللاتي", "اللواتي", "الي", "الا", "الان", "الف", "الاف", "الفين", "الم",
                         "اللهم", "الماني", "المانيا", "الاتي"))


def _prefixes() -> list[tuple[str, str, bool]]:
    """(written prefix, clitic letters without the article, has article), longest first."""
    out = []
    for c in _CONJ:
        for p in _PREP:
            for art in (False, True):
                if art and p == "س":
                    continue
                written = c + ("لل" if art and p == "ل" else p + ("ال" if art else ""))
                out.append((written, c + p, art))
    out.sort(key=lambda t: -len(t[0]))
    return out


PREFIXES = _prefixes()


def _evidence(stem: str, art: bool, suffix: str, restore: bool, lam_art: bool = False
              ) -> tuple[int, str]:
    """How often the stem occurs as a word of its own, and its lookup form."""
    best, form = 0, stem
    options = [stem]
    if lam_art:
        options.append("ل" + stem)  # ل + اللجنة is written للجنة: the stem's own ل merged
    if suffix and stem.endswith("ت") and len(stem) > 2:
        options.append(stem[:-1])  # ة written ت before a pronoun; the skeleton drops ة
    if restore:
        options.append("ا" + stem)  # hamza-alef the skeleton dropped after a proclitic
    for s in options:
        n = FREQ.get("ال" + s, 0) if art else FREQ.get(s, 0)
        if n > best:
            best, form = n, s
    return best, form


@lru_cache(maxsize=1 << 17)
def split_clitics(skel: str, restore: str = "maybe", no_suffix: bool = False
                  ) -> tuple[str, str, str]:
    """(prefix, stem, suffix) of one skeleton word.

    ``restore`` says whether a hamza-alef may have been lost right after a proclitic: "maybe" (degraded
    text: decide by the lexicon), "" (raw text, no hamza there) or the written prefix after which the
    raw text had a hamza-alef.  ``no_suffix``: the raw word ends in a letter the skeleton drops
    (بناء, قناة), so its skeleton's last letters cannot be a pronoun.
    """
    if skel in EXCEPTIONS and not (no_suffix and EXCEPTIONS[skel][2]):
        return EXCEPTIONS[skel]
    whole = FREQ.get(skel, 0)
    # best candidate per number of pieces (clitics + enclitic); the article is free
    levels: dict[int, tuple[int, str, str, str]] = {}
    n = len(skel)
    for written, clitics, art in PREFIXES:
        if not skel.startswith(written):
            continue
        for suffix in ("",) if no_suffix else _ENCLITICS:
            if (not clitics and not suffix) or (art and suffix):
                continue  # bare article is decided below; article + pronoun does not occur
            if suffix and not skel.endswith(suffix):
                continue
            stem = skel[len(written):n - len(suffix)]
            hamza = bool(clitics) and restore == written
            if len(stem) < (1 if hamza else 2):
                continue
            if "س" in clitics and not stem.startswith(_FUTURE_STEM):
                continue
            may_restore = bool(clitics) and (hamza or (restore == "maybe" and
                                                       (not art or written.endswith("لل"))))
            count, form = _evidence(stem, art, suffix, may_restore, art and written.endswith("لل"))
            if count < MIN_STEM_COUNT or len(form) < 2:
                continue
            if hamza and form[0] == "ا":
                count = max(count, int(whole / RATIO) + 1)  # raw text shows the split: trust it
            pieces = len(clitics) + bool(suffix)
            if art and clitics:
                ratio = RATIO_ARTICLE
            elif "ك" in clitics:
                ratio = RATIO_KAF
            elif len(form) == 2:
                ratio = RATIO_SHORT
            else:
                ratio = RATIO
            if pieces not in levels or count > levels[pieces][0]:
                levels[pieces] = (count, written, form, suffix, ratio)
    best: tuple | None = None
    for pieces in sorted(levels):
        cand = levels[pieces]
        bar = cand[4] * whole if best is None else max(DEEPER, cand[4]) * best[0]
        if cand[0] > bar:
            best = cand
    if best is not None:
        return best[1], best[2], best[3]
    if skel.startswith("ال") and len(skel) >= 4 and skel not in NOT_ARTICLE:
        return "ال", skel[2:], ""
    if restore == "maybe" and whole < MIN_STEM_COUNT and FREQ.get("ا" + skel, 0) >= 50:
        return "", "ا" + skel, ""  # degraded text lost a word-initial hamza-alef (سرايل → اسرايل)
    return "", skel, ""

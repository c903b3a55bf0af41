"""The speed-ups of the place tagger and the date scanner skip work by first-word indexes; they must
find exactly what the exhaustive search finds."""
from __future__ import annotations

import datetime as dt

from hadath.doc import Doc
from hadath.events import dates as D
from hadath.geo import get_gazetteer
from hadath.geo.gazetteer import ta_marbuta_variant
from hadath.geo.tagger import PlaceTagger, _variants

PUB = dt.date(2022, 8, 22)


def _match_exhaustive(gaz, words, i):
    """PlaceTagger._match as it was before the first-word index: every length, every clitic reading."""
    for n in range(min(gaz.max_words, len(words) - i), 0, -1):
        rest = " ".join(w for w, _, _ in words[i + 1:i + n])
        for form, skip in _variants(words[i][0]):
            key = f"{form} {rest}" if rest else form
            if key in gaz.blocked:
                return n, skip, [], key
            entries = gaz.candidates(key)
            if skip and n == 1 and len(form) <= 3 and not any(e.curated for e in entries):
                continue
            if entries:
                return n, skip, entries, key
    return None


def test_place_index_matches_exhaustive_search():
    gaz = get_gazetteer()
    tagger = PlaceTagger(gaz)
    keys = sorted(gaz.names)[::3] + sorted(gaz.blocked)
    for key in keys:
        for text in (key, "و" + key, "لل" + key[2:] if key.startswith("ال") else "ب" + key,
                     key + "ه الشمالي", key.replace(" ", "ه ") + "ه", key + " مدينة"):
            words, pos = [], 0
            for w in text.split(" "):
                words.append((w, pos, pos + len(w)))
                pos += len(w) + 1
            for i in range(len(words)):
                assert tagger._match(words, i) == _match_exhaustive(gaz, words, i), (text, i)


def test_ta_marbuta_first_word():
    gaz = get_gazetteer()
    idx = gaz.first_index()
    for key in gaz.names:
        first = key.split(" ")[0]
        assert len(key.split(" ")) in idx[first]
        assert ta_marbuta_variant(first) == ta_marbuta_variant(key).split(" ")[0]


def _dates(doc: Doc) -> list[tuple]:
    return [(t.start, t.end, t.value, t.precision, t.relative, t.rule) for t in D.find_dates(doc)]


def _texts() -> list[str]:
    texts = []
    for cls, table in D._lexicon().items():
        for words in table:
            form = " ".join(words)
            for clitic in ("", "و", "ب", "وب", "ال"):
                texts += [f"في {clitic}{form} 2022", f"{clitic}{form} الماضي", f"5 {clitic}{form}",
                          f"منذ ثلاثة {clitic}{form}", f"يوم {clitic}{form} 15 {form} 1443هـ"]
    for lead in sorted(D._DAY_LEAD | D._YEAR_WORDS | set(D._AGO_LEAD) | set(D._THIS) | D._YEAR_CUES):
        texts += [f"{lead} 2004", f"{lead} الجمعة الماضي", f"{lead} العام الماضي", f"{lead} يومين"]
    texts += [" ".join(k) + " الخميس" for k in D._DEICTIC]
    texts += ["الاثنين، 22 آب 2022", "8/2/1433هـ", "2022/8/5", "هذا العام", "أول من أمس الخميس",
              "العام الماضي", "منذ عام 2004", "في عام 2004م", "مساء أمس الأحد", "ذلك اليوم"]
    return texts


def test_date_filter_matches_exhaustive_scan(monkeypatch):
    texts = [(text, pub) for pub in (PUB, None) for text in _texts()]
    fast = [_dates(Doc(text, date=pub)) for text, pub in texts]
    # the same scan with both first-word filters switched off: every rule tried at every token
    monkeypatch.setattr(D, "_may_begin", lambda word: True)
    monkeypatch.setattr(D, "_may_start", lambda cls, word, strip_wa: True)
    for (text, pub), got in zip(texts, fast):
        assert got == _dates(Doc(text, date=pub)), text

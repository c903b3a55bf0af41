from hadath.text import looks_degraded, split_sentences


def texts(text, **kw):
    return [text[s.start:s.end] for s in split_sentences(text, **kw)]


def test_terminators_quotes_numbers_and_abbreviations():
    text = ("قال المتحدث «لن نسمح بذلك. سنرد بقوة» ثم غادر. بلغت النسبة 3.5% في 2022/8/5 "
            "حسب www.un.org! هل هذا صحيح؟ قال د. أحمد: \"جاهز. تماما\". انتهى")
    assert texts(text) == [
        "قال المتحدث «لن نسمح بذلك. سنرد بقوة» ثم غادر.",
        "بلغت النسبة 3.5% في 2022/8/5 حسب www.un.org!",
        "هل هذا صحيح؟",
        "قال د. أحمد: \"جاهز. تماما\".",
        "انتهى",
    ]


def test_headline_lines_are_sentences():
    text = "غارات على غزة\n\nقتل 5 أشخاص. وأصيب آخرون\nسطر أخير"
    assert texts(text) == ["غارات على غزة", "قتل 5 أشخاص.", "وأصيب آخرون", "سطر أخير"]


def test_missing_space_after_period_still_splits():
    assert texts("انتهى النزاع.وقال آخر") == ["انتهى النزاع.", "وقال آخر"]


def test_degraded_text_is_cut_into_clause_windows(shared):
    seed = next((shared / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    assert looks_degraded(seed)
    spans = split_sentences(seed)
    assert 8 <= len(spans) <= len(seed.split()) // 4
    assert all(s.label == "clause" for s in spans)
    # windows tile the text: consecutive, no overlaps, every word covered
    covered = sum(len(seed[s.start:s.end].split()) for s in spans)
    assert covered == len(seed.split())
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_punctuated_news_is_not_degraded():
    assert not looks_degraded("قال الرئيس، في كلمة ألقاها أمس: «سنواصل العمل». " * 10)

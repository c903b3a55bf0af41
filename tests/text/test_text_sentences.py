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


def _windows(text):
    spans = split_sentences(text, degraded=True)
    # windows tile the line: in order, no overlap, offsets into the original text, every word covered
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert " ".join(text[s.start:s.end] for s in spans).split() == text.split()
    assert all(s.label == "clause" for s in spans)
    return [text[s.start:s.end] for s in spans]


def test_cue_word_opens_a_clause_window_in_degraded_text():
    first = "اعلنت الحكوم اليوم عن خط جديد لدعم الاقتصاد الوطني في البلاد خلال العام المقبل"
    second = "وقال وزير المال ان الخط ستبد الشهر المقبل بتمويل من البنوك المحلي"
    assert _windows("  " + first + " " + second + " ") == [first, second]


def test_agency_dateline_opens_a_clause_window():
    from hadath.text.clauses import _dateline_starts
    headline = "وصل وفد رسمي الي المدين امس للقا المسولين"
    body = "طهران اف ب اعلنت الاذاع الايراني ان الوفد سيبق يومين"
    assert _windows(headline + " " + body) == [headline, body]
    words = "العالمي نيقوسيا ا ف ب ابد فيورنتينا اهتمامه".split()
    assert _dateline_starts(words) == {1}
    assert _dateline_starts("يقدر ب دولار".split()) == set()  # a lone ب (a dropped number) is no dateline


def test_windows_tile_multiline_degraded_text():
    text = ("عنوان الخبر هنا عن الاجتماع\nبغداد ا ف ب اجتمع الوزرا اليوم في العاصم وقال المتحدث ان "
            "الاجتماع كان ناجحا وضاف ان الجانبين اتفقا عل مواصل الحوار")
    spans = split_sentences(text, degraded=True)
    assert "\n" not in "".join(text[s.start:s.end] for s in spans)
    assert " ".join(text[s.start:s.end] for s in spans).split() == text.split()
    assert text[spans[1].start:].startswith("بغداد ا ف ب")


def test_boundary_lm_sees_where_the_word_sequence_breaks():
    from hadath.text.clauses import LM, _lm

    if not LM.exists():
        import pytest
        pytest.skip("data/clause_lm.npz not built")
    words = "وصل الوفد الى الولايات المتحد وقال الرئيس ان المحادثات مستمر".split()
    r = _lm().ratios(words)
    assert len(r) == len(words) and r[0] == 0
    best = max(range(1, len(words)), key=lambda i: r[i])
    assert words[best] == "وقال"  # the boundary is likeliest before وقال
    assert len(_lm().ratios(["كلمةمجهولة", "اخرىمجهولة"])) == 2  # unknown words back off

from hadath.ner.data import degrade_sentence, fix_bio, map_tags, parse_conll, NEWSFANE_MAP


def test_anercorp_style_splits_on_final_punctuation():
    lines = ["فرانكفورت B-LOC", "أعلن O", ". O", "الصالحية ونايفة O", "ذهب O", "؟ O", "x O"]
    sents = parse_conll(lines)
    assert [s[0] for s in sents] == [["فرانكفورت", "أعلن", "."], ["الصالحية ونايفة", "ذهب", "؟"], ["x"]]


def test_blank_lines_bom_crlf_lrm():
    lines = ["\ufeff\u200eعمان\tB-Population-Center\r", ".\tO\r", "\t", "\u200eزيد\tB-Athlete\r", ""]
    sents = parse_conll(lines)
    assert sents == [(["عمان", "."], ["B-Population-Center", "O"]), (["زيد"], ["B-Athlete"])]
    assert map_tags(sents[0][1], NEWSFANE_MAP) == ["B-LOC", "O"]


def test_fix_bio():
    assert fix_bio(["I-PERS", "I-PERS", "I-LOC", "O", "I-ORG"]) == ["B-PERS", "I-PERS", "B-LOC", "O", "B-ORG"]


def test_degrade_drops_empty_tokens_and_keeps_bio_consistent():
    toks = ["(", "أ.ف.ب", ")", "مدينة", "الرياض", "2015", "."]
    tags = ["O", "B-ORG", "O", "B-LOC", "I-LOC", "O", "O"]
    assert degrade_sentence(toks, tags) == (["ا", "ف", "ب", "مدين", "الرياض"],
                                            ["B-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC"])
    # a dropped entity-initial token hands B- to the next kept token of the entity
    assert degrade_sentence(["U.S.", "الأمريكية"], ["B-ORG", "I-ORG"]) == (["الامريكي"], ["B-ORG"])


def test_drop_overlapping_matches_across_tokenizations():
    from hadath.ner.data import drop_overlapping
    test = [("أعلن اتحاد صناعة السيارات في ألمانيا أمس الأول أن شركات صناعة السيارات".split(), ["O"] * 12)]
    # NewsFANE style: و split off, hamza dropped — still recognized as the same text
    same = ("اعلن اتحاد صناعة السيارات في المانيا امس الاول ان شركات صناعة السيارات".split(), ["O"] * 12)
    other = ("قال رئيس الوزراء البريطاني ديفيد كاميرون اليوم إن الحكومة ستعلن خطة جديدة".split(), ["O"] * 12)
    assert drop_overlapping([same, other], test) == [other]

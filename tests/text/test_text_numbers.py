import pytest

from hadath.text.numbers import find_numbers, parse_number, parse_ordinal


@pytest.mark.parametrize("text,value", [
    ("تسعة وأربعين", 49), ("49", 49), ("٤٩", 49), ("ثلاثة آلاف", 3000), ("مئة", 100),
    ("17 طفلًا", 17), ("خمسة آلاف وثلاثمئة وعشرون", 5320), ("ثلاثة عشر", 13), ("1,500", 1500),
    ("1.5 مليون", 1_500_000), ("مئتي شخص", 200), ("ألفين", 2000), ("تسع وربعين", 49),
    ("قتل 3 و٤٩ جرحى", 3), ("و٤٩", 49), ("عشرات", None), ("مئات الجرحى", None), ("لا شيء", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_find_numbers_gives_original_offsets():
    text = "قتل ثلاثة عشر شخصا وأصيب 5 آخرون والعشرات"
    found = find_numbers(text)
    assert [(text[a:b], v) for a, b, v in found] == [("ثلاثة عشر", 13), ("5", 5), ("والعشرات", None)]


@pytest.mark.parametrize("text,value", [
    ("الخامس", 5), ("الأول", 1), ("الحادي عشر", 11), ("الحادي والعشرين", 21), ("الثلاثين", 30),
    ("العاشرة", 10), ("الرئيس", None),
])
def test_parse_ordinal(text, value):
    assert parse_ordinal(text) == value


def test_a_word_written_with_its_hamza_is_not_read_through_its_skeleton():
    from hadath.text.numbers import parse_number
    # أثناء ("during") has the skeleton of اثنا ("two", as in اثنا عشر)
    assert parse_number("وأثناء") is None and parse_number("أثناء المظاهرة") is None
    assert parse_number("اثنا") == 2 and parse_number("مئة") == 100

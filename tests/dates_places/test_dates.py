"""Every date form of the brief, with a publication date and without one."""
from __future__ import annotations

import datetime as dt

import pytest

from hadath.doc import Doc, Span
from hadath.events.dates import document_date, find_dates, resolve_event_date

PUB = dt.date(2022, 8, 22)  # a Monday


def dates(text: str, pub: dt.date | None = PUB) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.precision) for t in find_dates(Doc(text, date=pub))]


def one(text: str, pub: dt.date | None = PUB) -> tuple[str | None, str | None]:
    found = find_dates(Doc(text, date=pub))
    assert len(found) == 1, found
    return found[0].value, found[0].precision


RELATIVE = [
    ("حسب بيان مشترك اليوم الاثنين.", "2022-08-22", "day"),
    ("اليوم الخميس", "2022-08-18", "day"),  # pub is Monday: the latest Thursday before it
    ("الاثنين الماضي", "2022-08-15", "day"),
    ("يوم الجمعة المقبل", "2022-08-26", "day"),
    ("وفي الخامس من أغسطس/آب الجاري، شنت", "2022-08-05", "day"),
    ("في مارس الماضي عند", "2022-03", "month"),
    ("في مارس الماض عند معبر اريز", "2022-03", "month"),  # degraded: final ى lost
    ("في سبتمبر الماضي", "2021-09", "month"),
    ("تشرين الأول الماضي", "2021-10", "month"),
    ("أمس", "2022-08-21", "day"),
    ("مساء أمس", "2022-08-21", "day"),
    ("أول أمس", "2022-08-20", "day"),
    ("الأسبوع الماضي", "2022-08", "month"),  # weeks resolve to the month (documented choice)
    ("الشهر الماضي", "2022-07", "month"),
    ("منذ ثلاثة أعوام", "2019", "year"),
    ("منذ ثلاث اعوام انش", "2019", "year"),  # degraded
    ("منذ عامين", "2020", "year"),
    ("قبل 5 سنوات", "2017", "year"),
    ("منذ شهرين", "2022-06", "month"),
    ("العام الماضي", "2021", "year"),
    ("السنة المقبلة", "2023", "year"),
    ("هذا العام", "2022", "year"),
    ("الحادي والعشرين من يوليوز", "2022-07-21", "day"),  # Maghrebi month, compound ordinal
    ("العاشر من شباط", "2022-02-10", "day"),
]


@pytest.mark.parametrize("text,value,precision", RELATIVE)
def test_relative_dates_resolve_against_publication_date(text, value, precision):
    assert one(text) == (value, precision)


@pytest.mark.parametrize("text,value,precision", RELATIVE)
def test_relative_dates_stay_unresolved_without_publication_date(text, value, precision):
    v, p = one(text, pub=None)
    assert v is None and p == precision


ABSOLUTE = [
    ("5 آب 2022", "2022-08-05", "day"),
    ("٥ آب ٢٠٢٢", "2022-08-05", "day"),  # Arabic-Indic digits
    ("2022/8/5", "2022-08-05", "day"),
    ("5/8/2022", "2022-08-05", "day"),
    ("الخامس من أغسطس 2022", "2022-08-05", "day"),
    ("الحادي عشر من غشت 2021", "2021-08-11", "day"),
    ("الثالث والعشرين من ديسمبر 2017", "2017-12-23", "day"),
    ("في عام 2004", "2004", "year"),
    ("منذ عام 1967", "1967", "year"),
    ("كانون الثاني 2020", "2020-01", "month"),
    ("في آذار 2003", "2003-03", "month"),
    ("في مارس من عام 2011", "2011-03", "month"),
    ("15 رمضان 1443هـ", "2022-04-16", "day"),  # Hijri → Gregorian
    ("الأول من محرم 1445 هـ", "2023-07-19", "day"),
    ("بتاريخ 8/2/1433هـ", "2012-01-02", "day"),  # numeric Hijri
    ("يونيه 1967", "1967-06", "month"),
    ("جويلية 2019", "2019-07", "month"),
]


@pytest.mark.parametrize("text,value,precision", ABSOLUTE)
@pytest.mark.parametrize("pub", [PUB, None])
def test_absolute_dates_resolve_with_or_without_publication_date(text, value, precision, pub):
    assert one(text, pub) == (value, precision)


@pytest.mark.parametrize("text", [
    "مارس ضغوطا على الحكومة",  # مارس the verb
    "قتل 2004 شخصا",  # a count, not a year
    "في ذلك اليوم",  # not the publication day
    "الأحد لا يعرف",  # "the one"
    "بين الاثنين خلاف",  # "the two"
    "استمر 3 أيام",  # a duration
])
def test_non_dates_are_not_found(text):
    assert dates(text) == []


def test_offsets_point_into_original_text():
    text = "وقال البيان إن الاجتماع عُقد في الخامس من أغسطس/آب الجاري في غزة."
    (t,) = find_dates(Doc(text, date=PUB))
    assert text[t.start:t.end] == t.text == "الخامس من أغسطس/آب الجاري"


def test_resolve_event_date_prefers_the_closest_expression_in_the_clause():
    text = "التقى الوفد أمس في القاهرة، وكان قد زار عمان في مارس الماضي."
    doc = Doc(text, date=PUB)
    sent = Span(0, len(text))
    met = text.index("التقى")
    visited = text.index("زار")
    assert resolve_event_date(doc, sent, Span(met, met + 5)) == "2022-08-21"
    assert resolve_event_date(doc, sent, Span(visited, visited + 3)) == "2022-03"


def test_resolve_event_date_none_without_expression():
    text = "اتفقت الحركتان على تعزيز العمل المشترك."
    assert resolve_event_date(Doc(text, date=PUB), Span(0, len(text)), Span(0, 5)) is None


def test_document_date_from_lede_and_fallback():
    lede = "حذرت الحركتان إسرائيل، حسب بيان مشترك اليوم الاثنين."
    assert document_date(Doc(lede, date=PUB)) == "2022-08-22"
    assert document_date(Doc(lede, date=None)) is None
    assert document_date(Doc("اتفقت الحركتان.", date=PUB)) == "2022-08-22"
    assert document_date(Doc("اتفقت الحركتان.", date=PUB), fallback_to_pub=False) is None


@pytest.mark.parametrize("text,value,precision", RELATIVE[:8] + ABSOLUTE[:8])
def test_same_results_on_pipeline_tokens(text, value, precision):
    from hadath.text.pipe import annotate_text
    doc = annotate_text(Doc(text, date=PUB))
    assert [(t.value, t.precision) for t in find_dates(doc)] == [(value, precision)]


@pytest.mark.parametrize("text,expected", [
    ("في أغسطس آب العام الماضي", [("2021-08", "month")]),  # twin month without slash, year qualifier
    ("في مارس من العام الماضي", [("2021-03", "month")]),
    ("في الـ 20 من آب (أغسطس) عام 2012", [("2012-08-20", "day")]),
    ("يوم الأربعاء 15/7/2015م", [("2015-07-15", "day")]),  # weekday + explicit date = one expression
    ("أمس الأحد", [("2022-08-21", "day")]),
    ("في باب يتحدث عن", []),  # not ب + آب
    ("واحدة من أشهر", []),  # not و + أحد
    ("أحد منسوبي التعليم", []),
])
def test_news_regressions(text, expected):
    assert [(t.value, t.precision) for t in find_dates(Doc(text, date=PUB))] == expected


def test_hijri_without_year_takes_the_occurrence_nearest_publication():
    assert one("في 27 رمضان", dt.date(2022, 4, 20)) == ("2022-04-28", "day")
    assert one("في 27 رمضان", None) == (None, "day")


@pytest.mark.parametrize("text", ["منذ سنوات", "منذ عقود", "منذ شهور", "قبل أيام"])
def test_vague_periods_are_time_mentions_without_a_date(text):
    assert one(text) == (None, None)


def test_one_unit_ago():
    assert one("قبل شهر") == ("2022-07", "month")
    assert one("منذ عام") == ("2021", "year")

"""Background, reference and figurative mentions of violence and protest are not reports of an event.

Each case is paired with a report that must still be coded, so a rule that simply drops everything
fails here too.  Sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from test_events_coder import code


def types(text: str) -> list[str]:
    return [e.event_type for e in code(text).events]


def types_without(text: str, kind: str) -> list[str]:
    """The same coding with one cue kind emptied: shows that kind is what decides."""
    from hadath.doc import Doc
    from hadath.events import EventCoder
    from hadath.events.cues import Cues
    from hadath.text.pipe import annotate_text

    from event_helpers import tag
    cues = Cues()
    cues.drop_kind(kind)
    doc = Doc(text)
    annotate_text(doc)
    tag(doc)
    return [e.event_type for e in EventCoder(cues=cues)(doc).events]


def test_a_suspicion_about_an_act_is_a_topic():
    for text in ("وأفرجت المحكمة عن رجل يشتبه بأنه المتورط في اغتيال زياد النخالة في غزة.",
                 "واعتقلت الشرطة رجلا يشتبه في تورطه بالوقوف وراء اغتيال زياد النخالة في غزة."):
        assert "ASSAULT" not in types(text)
        assert "ASSAULT" in types_without(text, "topic")
    # … but a statement calling the act a crime reports it
    assert "ASSAULT" in types("وارتكبت إسرائيل جريمة اغتيال القائد زياد النخالة في غزة أمس.")


# (why, event type, a mention that is not a report, a report that must still be coded)
REFERENCE_AND_REPORT = [
    ("a toll counted since a date is a statistic", "ASSAULT",
     "وقتل 40 صحافيا منذ بداية الحرب قبل خمسة أعوام.", "وقتل 4 صحافيين أمس في انفجار عبوة ناسفة."),
    # bare قتل after التي is the passive verb, so the relative-clause rule applies
    ("a relative clause describes an earlier act", "ASSAULT",
     "وعرض الفيلم قصة المجزرة التي قتل فيها عشرات المدنيين.", "قتل 12 مدنيا في قصف على السوق أمس."),
    ("a scandal explodes figuratively", "ASSAULT",
     "انفجرت فضيحة جديدة في وجه رئيس الوزراء.", "انفجرت سيارة مفخخة قرب مقر الشرطة وأصيب عشرة أشخاص."),
    ("worry afflicts figuratively", "ASSAULT",
     "أصاب القادة قلق بالغ من القرار.", "أصيب عشرة أشخاص في انفجار عبوة ناسفة أمس."),
    ("a foiled plot did not happen", "ASSAULT",
     "أعلنت الشرطة إحباط عملية كبيرة لخطف جنود.", "خطفت إسرائيل زياد النخالة أمس."),
    ("a definite reference needs something concrete", "ASSAULT",
     "وقالت حماس إن الاعتداء على القرية مرفوض.", "وأسفر الهجوم على القرية عن مقتل ثلاثة أشخاص."),
    ("a career is no march", "PROTEST",
     "ويأمل المنتخب مواصلة مسيرة نجاحه في البطولة.", "وخرجت مسيرة حاشدة في غزة أمس رفع فيها المتظاهرون الأعلام."),
]


@pytest.mark.parametrize("why, event_type, reference, report", REFERENCE_AND_REPORT,
                         ids=[row[0] for row in REFERENCE_AND_REPORT])
def test_a_reference_is_not_coded_but_a_report_is(why, event_type, reference, report):
    assert event_type not in types(reference)
    assert event_type in types(report)


def test_a_politicians_attack_is_verbal():
    d = code("شن أرييل شارون هجوما له على حماس في خطاب أمام البرلمان.")
    assert [e.event_type for e in d.events] == ["ACCUSE"]
    d = code("شن مسلحون هجوما بالصواريخ على حماس أمس.")
    assert [e.event_type for e in d.events] == ["ASSAULT"]


def test_an_attack_launched_on_a_person_is_verbal():
    # no weapon and no casualties: words against a person
    d = code("شنت حماس هجوما على أرييل شارون في بيانها أمس.")
    assert [e.event_type for e in d.events] == ["ACCUSE"]
    d = code("شنت حماس هجوما بالصواريخ على أرييل شارون أمس.")
    assert [e.event_type for e in d.events] == ["ASSAULT"]


def test_preparing_an_attack_is_intended():
    assert [e.status for e in code("وكانت حماس تستعد لشن هجوم على المستوطنين.").events] == ["intended"]
    assert [e.status for e in code("وكانت حماس قد شنت هجوما على المستوطنين.").events] == ["occurred"]


def test_defective_verbs_inflect():
    from hadath.events.lexicon import default_lexicon, key
    lx = default_lexicon()
    for w in ("اعتدت", "اعتدوا", "اعتدينا"):
        assert [m.entry.form for m in lx.match([key(w, "norm")], "norm")] == ["اعتدى/يعتدي"], w


def test_unnamed_civilians_are_victims_and_unnamed_gunmen_are_doers():
    from hadath.pipeline import Pipeline
    doc = Pipeline()("قتل 5 أشخاص في انفجار سيارة مفخخة. وخطف مسلحون أربعة مهندسين أمس.")
    got = [(e.event_type, [m.root for m in e.actors], [m.root for m in e.recipients]) for e in doc.events]
    assert ("ASSAULT", [], ["CVL"]) in got
    assert ("ASSAULT", ["UAF"], ["CVL"]) in got


def test_habitual_violence_against_unnamed_civilians_is_not_a_report():
    from hadath.pipeline import Pipeline
    assert not Pipeline()("وتقول القصة إن الساحرة تخطف الأطفال.").events


def test_violence_anchored_in_time_and_place_is_a_report_without_named_parties():
    assert "ASSAULT" in types("وفي بيروت، وقع هجوم على سوق شعبي صباح أمس.")
    assert "ASSAULT" not in types("وفي بيروت، وقع هجوم على سوق شعبي.")


def test_a_protest_addresses_whom_the_protesters_demand_from():
    d = code("وتظاهر آلاف الفلسطينيين في غزة أمس مطالبين إسرائيل برفع الحصار.")
    protests = [e for e in d.events if e.event_type == "PROTEST"]
    assert protests and [m.root for m in protests[0].recipients] == ["ISR"]


def test_accidents_and_disasters_are_not_violence():
    assert "ASSAULT" not in types("أصيب 16 جنديا من الشرطة إثر حادث انقلاب السيارة التي تقلهم.")
    assert "ASSAULT" in types_without("أصيب 16 جنديا من الشرطة إثر حادث انقلاب السيارة التي تقلهم.", "accident")


def test_describing_an_attack_is_not_a_verbal_attack():
    d = code("ووصف أرييل شارون الهجوم على حماس بأنه عمل إرهابي.")
    assert "ACCUSE" not in [e.event_type for e in d.events]


def test_arrested_civilians_are_on_the_receiving_end():
    from hadath.pipeline import Pipeline
    doc = Pipeline()("وذكر المكتب في بيان أن 251 شخصا اعتقلوا في المداهمات.")
    coerce = [e for e in doc.events if e.event_type == "COERCE"]
    assert coerce and [m.root for m in coerce[0].recipients] == ["CVL"] and not coerce[0].actors


def test_a_count_then_min_names_the_victims():
    d = code("وأعلنت إسرائيل مقتل ثمانية من عناصر حماس في غارة.")
    assert ("ASSAULT", ["ISR"], ["HAMAS"], "occurred") in [
        (e.event_type, sorted(m.root for m in e.actors), sorted(m.root for m in e.recipients), e.status)
        for e in d.events]


def test_rockets_that_fell_are_an_attack():
    assert "ASSAULT" in types("وسقطت ثلاثة صواريخ على تل أبيب أمس.")

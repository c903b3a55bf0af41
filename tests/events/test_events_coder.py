"""Event coding with hand-made actor mentions (tests/events/event_helpers.py), so these tests do not
depend on the actor tagger's current state."""
from __future__ import annotations

import datetime as dt

from hadath.doc import Doc
from hadath.events import EventCoder
from hadath.text.pipe import annotate_text

from event_helpers import tag


def code(text: str, date: str | None = None) -> Doc:
    doc = Doc(text, date=dt.date.fromisoformat(date) if date else None)
    annotate_text(doc)
    tag(doc)
    return EventCoder()(doc)


def dyads(doc: Doc) -> list[tuple[str, list[str], list[str], str]]:
    return [(e.event_type, sorted(m.root for m in e.actors), sorted(m.root for m in e.recipients), e.status)
            for e in doc.events]


def test_vso_compound_subject_and_dual_pro_drop():
    d = code("اتفقت حركتا حماس والجهاد الإسلامي على تعزيز العمل المشترك بينهما، وحذرتا إسرائيل من عواقب أي غدر.")
    got = dyads(d)
    assert ("AGREE", ["HAMAS", "PIJ"], ["HAMAS", "PIJ"], "occurred") in got
    assert ("THREATEN", ["HAMAS", "PIJ"], ["ISR"], "occurred") in got
    assert not any(t == "COOPERATE" for t, *_ in got)  # the agreement's content is not a second event


def test_svo_order():
    d = code("حماس والجهاد تحذران إسرائيل.")
    assert dyads(d) == [("THREATEN", ["HAMAS", "PIJ"], ["ISR"], "occurred")]


def test_meeting_is_mutual():
    d = code("التقى وفد من حركة حماس في بيروت بالأمين العام لحركة الجهاد الإسلامي زياد النخالة.")
    assert dyads(d) == [("CONSULT", ["HAMAS", "PIJ"], ["HAMAS", "PIJ"], "occurred")]
    assert d.events[0].location and d.events[0].location["country"] == "LBN"


def test_passive_victim_subject_and_agent_phrase():
    d = code("كما استشهد خلال العدوان الإسرائيلي قادة من سرايا القدس.")
    assert dyads(d) == [("ASSAULT", ["ISR"], ["PIJ"], "occurred")]


def test_masdar_genitive_agent_and_lam_victim():
    d = code("وفي أعقاب اغتيال إسرائيل لمؤسس حماس الشيخ أحمد ياسين.")
    assert dyads(d) == [("ASSAULT", ["ISR"], ["HAMAS"], "occurred")]
    assert d.events[0].mode == "targeted"


def test_status_negated_intended_denied():
    assert dyads(code("لم تهاجم حماس إسرائيل."))[0][3] == "negated"
    assert dyads(code("ستلتقي حماس مع الجهاد في بيروت."))[0][3] == "intended"
    assert dyads(code("نفت حماس أنها هاجمت إسرائيل."))[0][3] == "denied"


def test_questions_and_speculation_are_not_events():
    assert code("هل تهاجم حماس إسرائيل؟").events == []
    assert code("من المفترض أن تنسحب إسرائيل من غزة.").events == []


def test_casualties_from_a_following_sentence_and_merging():
    text = ("شنت قوات الاحتلال الإسرائيلي عدوانا على غزة. "
            "ووصل عدد شهداء العدوان الإسرائيلي على القطاع إلى 49 شهيدا، إضافة إلى أكثر من 360 مصابا.")
    d = code(text)
    assaults = [e for e in d.events if e.event_type == "ASSAULT"]
    assert len(assaults) == 1  # the second sentence tells of the same attack
    e = assaults[0]
    assert (e.fatalities, e.injuries) == (49, 360)
    assert [m.root for m in e.recipients] == ["PSE"]  # attacked place → its population
    assert e.extra_evidence and d.text[e.extra_evidence[0].start:].startswith("ووصل")


def test_vague_numbers_give_no_figure():
    d = code("شنت قوات الاحتلال غارات على غزة أدت إلى استشهاد عشرات الفلسطينيين.")
    assert d.events and d.events[0].fatalities is None


def test_offsets_point_into_the_original_text():
    text = "قال مراسلنا: هاجمت حماس إسرائيل أمس."
    d = code(text)
    e = d.events[0]
    assert text[e.trigger.start:e.trigger.end] == "هاجمت"
    rec = e.to_record(d)
    assert rec["evidence"]["sentence"] == text[rec["evidence"]["start"]:rec["evidence"]["end"]]
    for a in rec["evidence"]["actors"]:
        assert text[a["start"]:a["end"]] == a["text"]


def test_degraded_text_codes_the_same_event():
    d = code("وفي اعقاب اغتيال اسرايل لمسس حماس الشيخ احمد ياسين اتخذت الفصال خطوات")
    assert ("ASSAULT", ["ISR"], ["HAMAS"], "occurred") in dyads(d)


def test_thanks_reach_the_specified_recipients():
    d = code("وعبرت حماس والجهاد عن الشكر لكل من يدعم الشعب الفلسطيني، خصوصا إيران وحزب الله.")
    assert dyads(d) == [("SUPPORT", ["HAMAS", "PIJ"], ["HEZBOLLAH", "IRN"], "occurred")]


def test_quoted_claim_names_its_source():
    d = code("وقالت حماس إن قوات الاحتلال قصفت غزة.")
    assert dyads(d) == [("ASSAULT", ["ISR"], ["PSE"], "occurred")]
    assert d.events[0].source_says.root == "HAMAS"
    assert d.events[0].to_record(d)["source_says"] == "HAMAS"


def test_verbal_attack_is_an_accusation():
    d = code("شن الاحتلال هجوما لاذعا على حماس.")
    assert [t for t, *_ in dyads(d)] == ["ACCUSE"]


def test_reporter_is_not_the_doer():
    d = code("وقالت حماس إنهم هاجموا إسرائيل.")
    assert all("HAMAS" not in a for _, a, _, _ in dyads(d))


def test_a_proposal_takes_the_place_of_its_content():
    d = code("أعلن أرييل شارون اقتراحا بأن تنسحب إسرائيل وتسحب قواتها ومستوطنيها من قطاع غزة.")
    agree = [e for e in d.events if e.event_type == "AGREE"]
    assert agree and agree[0].location and agree[0].location["country"] == "PSE"

"""Words that look like an act and are not one (a citation, a possibility, a habit, a figure of
speech, the place an attack is named after), and an attacked place read behind a VSO subject.
Made-up sentences; mentions come from the alias table of test_events_coverage."""
from __future__ import annotations

from test_events_coverage import ALIASES, code as _code, dyad, ev

MORE = dict(ALIASES, **{
    "الطائرات الإسرائيلية": ("ISR", "ORG", "MIL"), "فرنسا": ("FRA", "GPE", None),
    "الدبلوماسي التونسي": ("TUN", "PER", "GOV"), "إيران": ("IRN", "GPE", None),
    "موسكو": ("RUS", "GPE", None), "قطري": ("QAT", "GPE", None), "الصحفيين": ("CVL", "POP", "CVL"), "صحفيا": ("CVL", "POP", "CVL"),
})


def code(text: str, degraded: bool = False):
    return _code(text, degraded=degraded, aliases=MORE)


def test_cited_is_not_martyred():
    assert ev(code("واستشهد وزير الخارجية المصري بتجربة الهند في مكافحة الفقر."), "ASSAULT") == []
    # by a weapon, an attack or an agent it is a killing
    (e,) = ev(code("واستشهد وزير الخارجية المصري برصاص مسلحين في بغداد."), "ASSAULT")
    assert dyad(e)[2] == ["EGY"]
    (e,) = ev(code("استشهد شاب برصاص الجيش الإسرائيلي في بغداد."), "ASSAULT")
    assert dyad(e)[1] == ["ISR"]


def test_qad_before_a_present_verb_is_a_possibility():
    (e,) = ev(code("وقال مصدر إن الدبلوماسي التونسي قد يزور إيران."), "CONSULT")
    assert e.status == "intended" and dyad(e)[1] == ["IRN", "TUN"]  # the subject stands before قد
    # قد before a past verb says it has happened
    (e,) = ev(code("وقد قصف الجيش الإسرائيلي مواقع حماس في بغداد."), "ASSAULT")
    assert e.status == "occurred"


def test_a_recurring_act_in_the_present_is_a_pattern():
    assert ev(code("تنظيم داعش يقتل المدنيين ويستهدف المساجد كل جمعة في بغداد."), "ASSAULT") == []
    assert ev(code("وتقصف الطائرات الإسرائيلية بغداد يوميا."), "ASSAULT") == []
    # an ongoing act with no recurrence cue is reported, "منذ الصباح" included
    (e,) = ev(code("وتقصف الطائرات الإسرائيلية بغداد منذ الصباح."), "ASSAULT")
    assert dyad(e) == ("ASSAULT", ["ISR"], ["IRQ"])


def test_a_catastrophe_that_explodes_is_a_figure_of_speech():
    assert ev(code("انفجرت كارثة إنسانية في بغداد أمس."), "ASSAULT") == []
    assert ev(code("انفجرت سيارة مفخخة في بغداد أمس."), "ASSAULT") != []


def test_the_attacked_place_stands_after_a_vso_subject():
    (e,) = ev(code("قصفت الطائرات الإسرائيلية طهران."), "ASSAULT")
    assert dyad(e) == ("ASSAULT", ["ISR"], ["IRN"])


def test_a_place_named_in_an_attack_noun_is_where_not_who():
    (e,) = ev(code("وأسفر هجوم موسكو عن مقتل عشرة أشخاص."), "ASSAULT")
    assert dyad(e) == ("ASSAULT", [], ["RUS"])  # Moscow's dead; no doer named
    # with a target named, the state is the attacker
    d = code("وجاء اغتيال إسرائيل لقائد في حركة حماس في بغداد أمس بعد أسبوع من التهديدات.")
    assert any(dyad(e)[1] == ["ISR"] for e in ev(d, "ASSAULT"))


def test_arrests_of_unnamed_civilians_in_a_noun_with_no_count_are_generic():
    # "اعتقال المدنيين الذي تتزايد قائمتهم": a pattern; a toll elsewhere in the sentence changes nothing
    d = code("ولم يتوقف الأمر على اعتقال الصحفيين الذي تتزايد قائمتهم، بل قتل ثلاثة إعلاميين في بغداد.")
    assert ev(d, "COERCE") == []
    # a count or a quantity makes it a report
    for text in ("وأعلنت الشرطة اعتقال 16 صحفيا في طهران.", "وأعلنت الشرطة اعتقال عدد من الصحفيين في طهران."):
        assert ev(code(text), "COERCE") != [], text


def test_attacks_that_happened_are_no_verbal_attack_by_a_person():
    from hadath.doc import Mention
    from hadath.events.cues import default_cues
    from hadath.events.lexicon import default_lexicon, key
    from hadath.events.wording import verbal_attack

    person = [Mention(0, 4, "تونر", None, None, type="PER")]

    def verbal(text: str) -> bool:
        words = [key(w, "norm") for w in text.split()]
        (m,) = [m for m in default_lexicon().match(words, "norm") if m.entry.event_type == "ASSAULT"]
        return verbal_attack(m, words, person, default_cues(), "norm")
    # "ووقعت الهجمات خلال زيارة …": وقع means "happened" here; the person launched nothing
    assert not verbal("ووقعت الهجمات خلال زيارة الرئيس")
    # a person who "launches" an attack with no weapon near it attacks with words
    assert verbal("وشن الوزير هجوما على الحكومة")


def test_without_or_will_not_before_a_masdar_negates_it():
    (e,) = ev(code("وجاء ذلك دون التزام قطري حقيقي بدعم حماس."), "SUPPORT")
    assert e.status == "negated"
    (e,) = ev(code("وقالت إن إسرائيل لن تخرج إلى هجوم شامل على حماس."), "ASSAULT")
    assert e.status == "negated"
    # "لم" negates the verb it stands before, not an act further on: "لم توضح أسباب احتجاز" — it happened
    (e,) = ev(code("وقالت إن الشرطة المصرية لم توضح أسباب اعتقال عشرة أشخاص في القاهرة."), "COERCE")
    assert e.status == "occurred"


def test_interests_that_meet_and_cars_that_gather_are_no_events():
    assert ev(code("وتوجهات الإدارة الأمريكية لا تلتقي بالضرورة مع مصالح السعودية.")) == []
    (e,) = ev(code("والتقى وزير الخارجية المصري مع أمير قطر لبحث المصالح المشتركة."), "CONSULT")
    assert dyad(e)[1] == ["EGY", "QAT"]
    assert ev(code("وعلى الحدود تجمعت مئات السيارات والشاحنات عند المعبر."), "PROTEST") == []
    assert ev(code("وتجمع مئات المحتجين أمام السفارة في القاهرة."), "PROTEST") != []

"""Where an attack happened and who was there: the owner of the building a bomber struck, the
target a participle names, victims named by a people's nisba after a bare verb — and protests
whose only named party is the crowd itself; then words that are not a party where they stand.
Each rule has a positive and a negative made-up sentence.  Mentions come from the alias table of
test_events_coverage (plus the few below), so most tests do not depend on the actor tagger; the last
ones run the whole pipeline, because what they guard against is a name the tagger finds."""
from __future__ import annotations

import pytest
from test_events_coverage import ALIASES, code as _code, dyad, ev

from hadath.events.casualties import casualties

MORE = dict(ALIASES, **{
    "شركة أمريكية": ("USA", "ORG", None), "سعودي": ("SAU", "GPE", None),
    "رجال شرطة عراقيون": ("IRQ", "ORG", "COP"), "مسلحو داعش": ("ISIS", "ORG", "REB"),
    "عراقيان": ("IRQ", "GPE", None), "امرأة بلجيكية": ("BEL", "POP", "CVL"),
    "للقوات الأمريكية": ("USA", "ORG", "MIL"), "اسماعيل خان": (None, "PER", None),
    "الشمري": (None, "PER", None), "بارزاني": ("KRG", "PER", None), "ميقاتي": ("LBN", "PER", None),
    "السفارة الأمريكية": ("USA", "ORG", "GOV"), "الولايات المتحدة": ("USA", "GPE", None),
    "تنظيم داعش": ("ISIS", "ORG", "REB"), "مسؤول تركي": ("TUR", "PER", "GOV"),
    "مصريون": ("EGY", "GPE", None), "للقوات الأمريكية": ("USA", "ORG", "MIL"), "الصحافيين": ("CVL", "POP", "CVL"), "وكالة فرانس برس": (None, "ORG", None),
})


def code(text: str, degraded: bool = False):
    return _code(text, degraded=degraded, aliases=MORE)


def actors(e) -> list[str]:
    return dyad(e)[1]


def recipients(e) -> list[str]:
    return dyad(e)[2]


# ---- a bomber outside a building: its owner is the target; the bomber is named before نفسه
def test_the_owner_of_the_building_a_bomber_struck_is_the_target():
    for deg in (False, True):
        (e,) = ev(code("وأفاد مسؤولون بأن مهاجما انتحاريا فجر نفسه خارج مكتب شركة أمريكية للأمن.",
                       degraded=deg), "ASSAULT")
        assert (actors(e), recipients(e)) == ([], ["USA"]), deg
    # the subject stands between the verb and نفسه
    (e,) = ev(code("فجر انتحاري سعودي نفسه عند نقطة تفتيش في المدينة."), "ASSAULT")
    assert actors(e) == ["SAU"]


def test_no_subject_beyond_the_site_of_the_object():
    (e,) = ev(code("فجر انتحاري سيارة مفخخة أمام مطعم يقصده رجال شرطة عراقيون."), "ASSAULT")
    assert actors(e) == []
    (e,) = ev(code("فجر مسلحو داعش سيارة مفخخة أمام مطعم في المدينة."), "ASSAULT")
    assert actors(e) == ["ISIS"]


def test_a_participle_after_the_act_names_its_target():
    (e,) = ev(code("قامت امرأة بلجيكية بتفجير نفسها مستهدفة دورية للقوات الأمريكية جنوب بغداد."), "ASSAULT")
    assert "USA" in recipients(e) and "BEL" in actors(e)
    (e,) = ev(code("قامت امرأة بلجيكية بتفجير نفسها قرب دورية للقوات الأمريكية جنوب بغداد."), "ASSAULT")
    assert "USA" not in recipients(e)


# ---- a people's nisba right after a bare past verb, nothing after it: the victims
def test_a_peoples_nisba_after_a_bare_verb_is_the_victim():
    for deg in (False, True):
        (e,) = ev(code("قتل عراقيان في تفجير سيارة مفخخة في بغداد.", degraded=deg), "ASSAULT")
        assert (actors(e), recipients(e)) == ([], ["IRQ"]), deg
        assert e.fatalities == 2, deg
    # with an object after it, the nisba is the doer
    (e,) = ev(code("قتل عراقيان جنديا أمريكيا في بغداد."), "ASSAULT")
    assert actors(e) == ["IRQ"]


def test_an_accusative_person_noun_counts_one_but_a_construct_dual_does_not():
    assert casualties("قتلت مسلحا في المدينة".split()) == (1, None)
    assert casualties("قتلت مسلحا فلسطينيا".split()) == (1, None)
    # "ضابطا شرطة": two officers, in construct
    assert casualties("قتل ضابطا شرطة في هجوم".split()) == (2, None)


def test_a_member_noun_before_a_partitive_names_the_victims_even_without_a_count():
    # degraded text drops "23" from "مقتل 23 عنصرا من …"; one member noun still makes the party the victim
    for deg in (False, True):
        (e,) = ev(code("أعلنت السلطات الإيرانية اعتقال عنصر من حركة حماس في طهران.", degraded=deg), "COERCE")
        assert dyad(e) == ("COERCE", ["IRN"], ["HAMAS"]), deg


def test_hedges_between_a_casualty_word_and_its_count_are_skipped():
    assert casualties("أعلن مقتل ما لا يقل عن ثلاثة مسلحين".split()) == (3, None)
    assert casualties("مقتل نحو عشرين شخصا".split()) == (20, None)
    # a hedge does not make a count out of a number that is no toll
    assert casualties("قال إن ما لا يقل عن ثلاثة وزراء استقالوا".split()) == (None, None)


def test_the_owner_of_a_vehicle_that_launched_the_attack_is_its_doer():
    d = code("أعلن مسؤول مقتل ثلاثة مسلحين في غارة شنتها طائرة بدون طيار تابعة للقوات الأمريكية.")
    assert any(actors(e) == ["USA"] for e in ev(d, "ASSAULT"))
    # without "تابعة" the ل-phrase is not the doer
    d = code("أعلن مسؤول مقتل ثلاثة مسلحين في غارة شنتها طائرة بدون طيار على مواقع للقوات الأمريكية.")
    assert all("USA" not in actors(e) for e in ev(d, "ASSAULT"))


def test_throwing_a_grenade_is_an_explosives_attack():
    (e,) = ev(code("ألقى مسلحون قنبلة يدوية على دورية للشرطة المصرية في القاهرة."), "ASSAULT")
    assert (e.mode, actors(e)) == ("explosives", ["UAF"])
    # protesters who throw firebombs are the attackers, not civilians on the receiving end
    (e,) = ev(code("وبادر المتظاهرين بإلقاء العبوات الحارقة على الشرطة المصرية في القاهرة."), "ASSAULT")
    assert [m.entity_id for m in e.actors] == ["CVL"] and recipients(e) == ["EGY"]
    # "ألقى كلمة" is a speech
    assert ev(code("ألقى وزير الخارجية المصري كلمة في القاهرة."), "ASSAULT") == []


# ---- the doer behind "على أيدي" is the actor of a passive killing
def test_the_party_behind_ala_aydi_is_the_doer():
    (e,) = ev(code("قتل متظاهران على أيدي الشرطة المصرية في القاهرة."), "ASSAULT")
    assert actors(e) == ["EGY"] and [m.entity_id for m in e.recipients] == ["CVL"]


# ---- protests: the crowd is the actor when no one else is named
def test_an_ongoing_sit_in_of_protesters_is_reported_with_the_crowd_as_actor():
    for deg in (False, True):
        (e,) = ev(code("ويعتصم آلاف المتظاهرين داخل مقر الحكومة في القاهرة.", degraded=deg), "PROTEST")
        assert e.status == "occurred" and actors(e) == ["EGY"], deg  # civilians of the place's country
        assert [m.entity_id for m in e.actors] == ["CVL"], deg
    # a present protest verb with nobody named is generic
    assert ev(code("ويعتصم كل يوم في القاهرة."), "PROTEST") == []


def test_going_out_to_protest_is_a_protest_that_happened():
    (e,) = ev(code("نزل آلاف الأشخاص إلى الشوارع للاحتجاج على الغلاء في القاهرة."), "PROTEST")
    assert e.status == "occurred"
    # the same masdar with no going-out verb before it refers to a protest told elsewhere
    assert ev(code("وتحدث الوزير طويلا عن الاحتجاج على الغلاء."), "PROTEST") == []


def test_going_out_to_protest_reads_through_a_bracketed_aside():
    (e,) = ev(code("نزل آلاف الأشخاص (25 ألفا حسب المنظمين) إلى الشوارع للاحتجاج على الغلاء في القاهرة."), "PROTEST")
    assert e.status == "occurred"
    # a comma ends the reach: the masdar belongs to another clause
    assert ev(code("نزل الوزير إلى الشارع، وتحدث طويلا عن الاحتجاج على الغلاء."), "PROTEST") == []


def test_a_later_mention_of_the_crowd_is_the_same_protest():
    d = code("تظاهر عمال مصريون في القاهرة احتجاجا على القرار. وتجمع المحتجون في ساحة التحرير صباحا.")
    (e,) = ev(d, "PROTEST")
    assert actors(e) == ["EGY"] and len(e.extra_evidence) == 1


# ---- the whole pipeline: names the tagger finds that are no party where they stand
@pytest.fixture(scope="module")
def pipeline():
    from hadath.pipeline import Pipeline
    return Pipeline()


def parties(doc, etype: str) -> list[tuple[list[str], list[str]]]:
    return [([m.text for m in e.actors], [m.text for m in e.recipients]) for e in doc.events if e.event_type == etype]


def test_an_unknown_name_after_a_place_head_is_the_place(pipeline):
    d = pipeline("وفي هجوم آخر قتل 29 شخصا عندما فجر انتحاري نفسه في مركز للشرطة في منطقة ديرا اسماعيل خان "
                 "الباكستانية.", date="2026-11-17")
    ((acts, _),) = parties(d, "ASSAULT")
    assert not any("خان" in a for a in acts)
    # after a definite head a new clause may begin: the person there is the one who praised
    d = pipeline("وبحسب بيان لرئاسة الإقليم أشاد العطية بقيادة بارزاني الحرب ضد الإرهاب.", date="2026-11-17")
    ((acts, _),) = parties(d, "SUPPORT")
    assert acts == ["العطية"]


def test_the_genitive_of_a_prepositional_noun_is_not_the_subject(pipeline):
    # "رفضهم لترشيح ميقاتي": the supporters reject Mikati's nomination; Mikati is not the rejecter
    d = pipeline("تجمع عدد من أنصار الحريري في طرابلس معلنين رفضهم لترشيح ميقاتي.", date="2026-11-17")
    assert all("ميقاتي" not in acts for acts, _ in parties(d, "REJECT"))
    assert any("ميقاتي" in recs for _, recs in parties(d, "REJECT"))


def test_the_object_before_a_coordinated_verb_with_a_pronoun_is_not_its_subject(pipeline):
    # "وتدعوهم": "them" is the students; the students do not invite anyone
    d = pipeline("وتستضيف الجامعة الطلاب وتدعوهم لزيارة بريطانيا.", date="2026-11-17")
    assert all("الطلاب" not in acts for acts, _ in parties(d, "REQUEST"))
    # "أما X فـ…": the topic is the subject of the ف-clause's verb
    d = pipeline("أما السفارة البريطانية فكثيرا ما تستقبل الطلاب وتدعوهم لزيارة بريطانيا.", date="2026-11-17")
    assert all(acts[:1] == ["السفارة البريطانية"] for acts, _ in parties(d, "CONSULT"))


def test_a_source_declining_to_be_named_rejects_nothing(pipeline):
    d = pipeline('وصرح مسؤول تركي رفض الكشف عن هويته لوكالة فرانس "نعرف ان المهاجم شاب من مدينة اديامان".',
                 date="2026-11-17")
    assert parties(d, "REJECT") == []
    d = pipeline("ورفض مسؤول تركي طلب الحكومة اليونانية.", date="2026-11-17")
    assert parties(d, "REJECT") != []


def test_the_announcer_is_not_the_attacker(pipeline):
    # the authorities announce who carried out the attack; they did not carry it out
    d = pipeline("أعلنت السلطات التركية أن شابا هو منفذ الهجوم الانتحاري في المدينة، وقتل ضابطا شرطة في هجوم "
                 "استهدفهما في أنقرة.", date="2026-11-17")
    assert all("السلطات التركية" not in acts for acts, _ in parties(d, "ASSAULT"))
    assert any(e.fatalities == 2 for e in d.events if e.event_type == "ASSAULT")  # "ضابطا شرطة": two
    # an army announcing its own strike is its doer
    d = pipeline("أعلن الجيش التركي أن طائراته قصفت مواقع حزب العمال الكردستاني في شمال العراق.", date="2026-11-17")
    assert any(acts and "طائراته" in acts[0] for acts, _ in parties(d, "ASSAULT"))


def test_an_attack_noun_as_subject_inherits_no_doer():
    for deg in (False, True):
        d = code("اعتقلت الشرطة المصرية عشرة أشخاص في القاهرة. وقد استهدف الهجوم حشدا من الشبان في بغداد أمس.",
                 degraded=deg)
        assert [dyad(e) for e in ev(d, "ASSAULT")] == [("ASSAULT", [], ["IRQ"])], deg
    # with no noun after it, the verb's "he" is the subject of the sentence before
    d = code("اعتقلت الشرطة المصرية عشرة أشخاص في القاهرة. وقد استهدف حشدا من الشبان في بغداد أمس.")
    assert [dyad(e)[1] for e in ev(d, "ASSAULT")] == [["EGY"]]


def test_a_later_mention_that_adds_parties_is_another_event():
    d = code("قصفت طائرات أمريكية مواقع في بغداد أمس. وأضاف أن القيادي أشرف على هجمات ضد القوات العراقية والسعودية.")
    assert sorted(dyad(e) for e in ev(d, "ASSAULT")) == [("ASSAULT", [], ["IRQ", "SAU"]), ("ASSAULT", ["USA"], ["IRQ"])]
    # a later mention with no new party is the same event ("الغارة" told again)
    d = code("قصفت طائرات أمريكية مواقع في بغداد أمس. وقال مسؤول إن الغارة أسفرت عن مقتل ثلاثة أشخاص في بغداد.")
    assert [dyad(e)[1] for e in ev(d, "ASSAULT")] == [["USA"]]


# ---- the held-out 9000s: who struck, when a ministry announces it and a preposition hides a party
def test_the_owner_behind_a_lam_noun_of_an_attack_is_the_doer_not_the_announcer(pipeline):
    d = pipeline("أعلنت وزارة الدفاع العراقية أمس، عن مقتل 23 عنصرا من تنظيم داعش وتدمير سيارة مفخخة بقصف "
                 "لطيران التحالف الدولي في قضاء بيجي.", date="2015-07-24")
    (e,) = [e for e in d.events if e.event_type == "ASSAULT"]
    assert [m.entity_id for m in e.actors] == ["US_COALITION"] and "ISIS" in {m.root for m in e.recipients}
    # a ministry announcing its own forces' strike stays the doer
    d = pipeline("أعلنت وزارة الدفاع العراقية أن قواتها قصفت مواقع تنظيم داعش في بيجي.", date="2015-07-24")
    assert any("IRQ" in {m.root for m in e.actors} for e in d.events if e.event_type == "ASSAULT")


def test_a_party_inside_a_prepositional_phrase_is_not_the_doer(pipeline):
    d = pipeline("وأضاف أن «التحالف وجه ضربة جوية على تجمع لإرهابيي داعش، ما أسفرت عن قتل 21 منهم قرب بيجي».",
                 date="2015-07-24")
    assert all("ISIS" not in {m.root for m in e.actors} for e in d.events if e.event_type == "ASSAULT")
    # the masdar's genitive is not the verb's subject
    d = pipeline("ولم تتحرك تركيا، فقد رفضت دعم المقاتلين الأكراد السوريين.", date="2015-07-24")
    assert all("KURDS" not in {m.root for m in e.actors} for e in d.events if e.event_type == "REJECT")


def test_a_past_verb_with_the_attack_right_after_it_is_passive(pipeline):
    d = pipeline("وقال مسؤولون إن القيادي في حركة حماس قد استهدف في غارة جوية إسرائيلية على غزة.", date="2015-07-24")
    assert any(("ISR" in {m.root for m in e.actors}, "HAMAS" in {m.root for m in e.recipients}) == (True, True)
               for e in d.events if e.event_type == "ASSAULT")
    # with an object after the attack noun, the subject is the doer
    d = pipeline("وقالت الحكومة إن إسرائيل قصفت بغارة جوية مواقع حماس.", date="2015-07-24")
    assert all("HAMAS" not in {m.root for m in e.actors} for e in d.events if e.event_type == "ASSAULT")

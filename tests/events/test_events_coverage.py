"""General-news coverage: events common outside the Palestinian–Israeli seed articles (signing,
expulsions, repelled attacks, crowd control, claims, appeals, artillery …).  Each rule has a positive
and a negative made-up sentence.  Mentions are hand-made (a small alias table below), so these tests
do not depend on the actor tagger."""
from __future__ import annotations

import datetime as dt

from hadath.doc import Doc, Mention, Place
from hadath.events import EventCoder
from hadath.text.normalize import skeleton
from hadath.text.pipe import annotate_text

from event_helpers import _find

# alias → (root, type, sector)
ALIASES = {
    "الرئيس الروسي فلاديمير بوتين": ("RUS", "PER", "GOV"), "نظيره الصيني شي جين بينغ": ("CHN", "PER", "GOV"),
    "الجيش السوداني": ("SDN", "ORG", "MIL"), "قوات الدعم السريع": ("RSF", "ORG", "MIL"),
    "النيجر": ("NER", "GPE", None), "السفير الفرنسي": ("FRA", "ORG", "GOV"), "مالي": ("MLI", "GPE", None),
    "الشرطة المصرية": ("EGY", "ORG", "COP"), "الحوثيين": ("HOUTHIS", "ORG", "REB"),
    "جماعة الحوثي": ("HOUTHIS", "ORG", "REB"), "طائرات أمريكية": ("USA", "ORG", "MIL"),
    "حركة الشباب": ("SHABAAB", "ORG", "REB"), "أشخاص": ("CVL", "POP", "CVL"), "مدنيا": ("CVL", "POP", "CVL"),
    "مدنيين": ("CVL", "POP", "CVL"), "الأشخاص": ("CVL", "POP", "CVL"), "العراقية": ("IRQ", "GPE", None),
    "الأمين العام للأمم المتحدة": ("UN", "ORG", "IGO"), "السودان": ("SDN", "GPE", None),
    "كوريا الشمالية": ("PRK", "GPE", None), "كوريا الجنوبية": ("KOR", "GPE", None),
    "الولايات المتحدة": ("USA", "GPE", None), "الجيش": ("XMIL", "ORG", "MIL"),
    "الجيش الإسرائيلي": ("ISR", "ORG", "MIL"), "حماس": ("HAMAS", "ORG", "REB"),
    "مسلحون": ("UAF", "ORG", "UAF"), "تنظيم داعش": ("ISIS", "ORG", "REB"),
    "وزير الخارجية المصري": ("EGY", "ORG", "GOV"), "حركة حماس": ("HAMAS", "ORG", "REB"),
    "قطر": ("QAT", "GPE", None), "فرنسا": ("FRA", "GPE", None), "السلطات الإيرانية": ("IRN", "ORG", "GOV"),
    "السعودية": ("SAU", "GPE", None), "الحوثيون": ("HOUTHIS", "ORG", "REB"), "روسيا": ("RUS", "GPE", None),
    "حزب الله": ("HEZBOLLAH", "ORG", "REB"), "إسرائيل": ("ISR", "GPE", None), "القطرية": ("QAT", "GPE", None),
    "الرئيس التركي": ("TUR", "ORG", "GOV"), "اللبنانية": ("LBN", "GPE", None), "أمير قطر": ("QAT", "ORG", "GOV"),
    "الجيش التركي": ("TUR", "ORG", "MIL"), "فلسطينيا": ("PSE", "GPE", None),
}
PLACES = {"طهران": "IRN", "القاهرة": "EGY", "الفاشر": "SDN", "بغداد": "IRQ", "مقديشو": "SOM",
          "محافظة الحديدة": "YEM", "كوريا": "KOR", "السودان": "SDN", "موسكو": "RUS", "أنقرة": "TUR",
          "الرياض": "SAU"}


def code(text: str, date: str = "2026-11-17", degraded: bool = False, aliases: dict | None = None) -> Doc:
    if degraded:
        text = skeleton(text).text
    doc = Doc(text, date=dt.date.fromisoformat(date))
    doc.degraded = degraded
    annotate_text(doc)
    doc.mentions = [Mention(s, e, doc.text[s:e], root, root, typ, sector)
                    for s, e, _, (root, typ, sector) in _find(doc, aliases or ALIASES)]
    doc.places = [Place(s, e, doc.text[s:e], doc.text[s:e], None, None, None, cc, "city")
                  for s, e, _, cc in _find(doc, PLACES)]
    return EventCoder()(doc)


def ev(doc: Doc, etype: str | None = None):
    return [e for e in doc.events if etype is None or e.event_type == etype]


def dyad(e) -> tuple[str, list[str], list[str]]:
    return (e.event_type, sorted({m.root for m in e.actors if m.root}), sorted({m.root for m in e.recipients if m.root}))


# ---- signing an agreement (وقع … اتفاقية): AGREE 057; وقع alone means "happened"
def test_sign_agreement_after_long_subject():
    d = code("وقع الرئيس الروسي فلاديمير بوتين ونظيره الصيني شي جين بينغ اتفاقية للتعاون في مجال الطاقة.")
    (e,) = ev(d)
    assert dyad(e) == ("AGREE", ["CHN", "RUS"], ["CHN", "RUS"]) and e.cameo == "057"


def test_waqa_happened_is_not_a_signing():
    assert ev(code("وقع انفجار في بغداد رغم اتفاق الهدنة بين الجيش وحماس."), "AGREE") == []


# ---- repelling an attack: both armed sides are parties
def test_repelled_attack_is_fighting_between_two_sides():
    d = code("وقال الجيش السوداني إن قواته صدت هجوما شنته قوات الدعم السريع على المدينة.")
    (e,) = ev(d, "ASSAULT")
    assert dyad(e) == ("ASSAULT", ["RSF", "SDN"], ["RSF", "SDN"])


def test_repel_needs_an_attack_object():
    assert ev(code("صد الجيش السوداني الباب بقوة."), "ASSAULT") == []


# ---- expelling a diplomat: SANCTION expel, CAMEO 161
def test_expel_ambassador():
    (e,) = ev(code("طردت النيجر السفير الفرنسي ومنحته 48 ساعة لمغادرة البلاد."))
    assert dyad(e) == ("SANCTION", ["NER"], ["FRA"]) and (e.mode, e.cameo) == ("expel", "161")


def test_expelling_something_else_is_not_a_sanction():
    assert ev(code("طردت النيجر الجراد من الحقول.")) == []


# ---- security forces vs protesters: one-sided repression (CAMEO 175), tear gas = crowd-control
def test_clash_with_protesters_is_repression():
    (e,) = ev(code("اشتبكت قوات الأمن مع محتجين في طهران وأطلقت الغاز المسيل للدموع لتفريقهم."))
    assert dyad(e) == ("ASSAULT", ["IRN"], ["IRN"]) and (e.mode, e.cameo) == ("crowd-control", "175")
    assert [m.entity_id for m in e.recipients] == ["CVL"]  # civilians, of the country where it happened


def test_tear_gas_to_disperse():
    (e,) = ev(code("واستخدمت الشرطة المصرية الغاز المسيل للدموع لتفريق المتظاهرين في القاهرة."))
    assert dyad(e) == ("ASSAULT", ["EGY"], ["EGY"]) and e.mode == "crowd-control"


def test_clash_between_armed_sides_stays_mutual():
    (e,) = ev(code("اشتبك الجيش السوداني مع قوات الدعم السريع في الفاشر."))
    assert dyad(e) == ("ASSAULT", ["RSF", "SDN"], ["RSF", "SDN"]) and e.cameo == "190"


def test_police_reporting_deaths_is_not_a_party():
    d = code("وأعلنت الشرطة في بغداد مقتل سبعة أشخاص في انفجار.")
    assert all("IRQ" not in dyad(e)[1] for e in ev(d, "ASSAULT"))


# ---- artillery and tanks are heavy weapons (CAMEO 194), not aerial; the author behind ل is the actor
def test_artillery_shelling_by_genitive_author():
    (e,) = ev(code("قتل 12 مدنيا على الأقل في قصف مدفعي لقوات الدعم السريع على مدينة الفاشر."))
    assert dyad(e) == ("ASSAULT", ["RSF"], ["SDN"])
    assert (e.mode, e.cameo, e.fatalities) == ("heavy-weapons", "194", 12)


def test_air_shelling_stays_aerial():
    (e,) = ev(code("قتل 5 مدنيين في قصف جوي ومدفعي لقوات الدعم السريع على مدينة الفاشر."))
    assert e.mode == "aerial"


def test_lam_after_a_victim_noun_is_the_victim():
    d = code("أعلن الجيش الإسرائيلي استهداف لحماس في بغداد.")
    assert all("HAMAS" not in dyad(e)[1] for e in ev(d, "ASSAULT"))


# ---- the owner of a targeted thing is the recipient ("مواقع للحوثيين")
def test_owned_target_nisba_plural():
    (e,) = ev(code("شنت طائرات أمريكية غارات على مواقع للحوثيين في محافظة الحديدة."))
    assert dyad(e) == ("ASSAULT", ["USA"], ["HOUTHIS"])


def test_owned_target_not_across_a_place():
    (e,) = ev(code("شنت طائرات أمريكية غارات على محافظة الحديدة للحوثيين."))
    assert dyad(e)[2] == ["YEM"]  # the place, not a party named after it


# ---- a place inside a longer actor mention is a partial match, not a recipient
def test_partial_place_is_not_a_recipient():
    d = code("هددت كوريا الشمالية بالرد على المناورات العسكرية المشتركة بين الولايات المتحدة وكوريا الجنوبية.")
    assert all(dyad(e)[2] != ["KOR"] or "USA" in dyad(e)[2] for e in ev(d))


def test_whole_place_still_a_recipient():
    (e,) = ev(code("قصفت قوات الدعم السريع السودان."))
    assert dyad(e) == ("ASSAULT", ["RSF"], ["SDN"])


# ---- a named doer, a finite past verb and a weapon as instrument: a report even with a thing as target
def test_targeted_ship_with_missile():
    (e,) = ev(code("أعلنت جماعة الحوثي أنها استهدفت سفينة تجارية في البحر الأحمر بصاروخ باليستي."))
    assert dyad(e) == ("ASSAULT", ["HOUTHIS"], [])


def test_weapon_not_as_instrument_is_no_report():
    assert ev(code("وقد أثارت تجربة صواريخ جدلا، فهاجم الجيش رغبة الحكومة في الحوار."), "ASSAULT") == []


# ---- an explosion and the killing it caused are one event (one record, figures on it)
def test_explosion_and_its_deaths_are_one_event():
    (e,) = ev(code("أسفر انفجار سيارة مفخخة في مقديشو عن مقتل سبعة أشخاص."))
    assert dyad(e) == ("ASSAULT", [], ["SOM"]) and e.fatalities == 7 and e.mode == "explosives"


def test_two_attacks_by_different_sides_stay_two():
    d = code("قصفت قوات الدعم السريع الفاشر، وقصف الجيش السوداني مواقع لحركة الشباب في مقديشو.")
    assert len(ev(d, "ASSAULT")) == 2


# ---- "تظاهر … احتجاجا على": one protest; a nisba after a place head is a place, not an actor
def test_protest_with_adverbial_purpose_is_one_event_placed_and_dated():
    d = code("وتظاهر آلاف الأشخاص في العاصمة العراقية بغداد الجمعة احتجاجا على انقطاع الكهرباء.")
    (e,) = ev(d)
    assert dyad(e) == ("PROTEST", ["IRQ"], []) and [m.entity_id for m in e.actors] == ["CVL"]
    assert e.location and e.location["name"] == "بغداد"
    assert e.date == "2026-11-13"  # published Tuesday 17th: the Friday before


def test_protest_noun_alone_is_still_coded():
    d = code("وخرجت مظاهرات حاشدة في العاصمة العراقية بغداد احتجاجا على انقطاع الكهرباء.")
    assert len(ev(d, "PROTEST")) == 1 and ev(d, "PROTEST")[0].actors == []


# ---- bare weekdays: a date, except the Friday prayer and "eleven"
def test_bare_weekday_after_place_is_a_date():
    (e,) = ev(code("قتل ثلاثة مدنيين في الفاشر الأحد.", date="2026-11-17"))
    assert e.date == "2026-11-15"


def test_friday_prayer_is_not_a_date():
    (e,) = ev(code("تظاهر آلاف الأشخاص بعد صلاة الجمعة في بغداد.", date="2026-11-17"))
    assert e.date == "2026-11-17"


# ---- a claim of responsibility names the attack's author; a claim alone is no attack
def test_claim_makes_the_claimant_the_author():
    (e,) = ev(code("أسفر انفجار سيارة مفخخة في مقديشو عن مقتل سبعة أشخاص، وتبنت حركة الشباب الهجوم."))
    assert dyad(e) == ("ASSAULT", ["SHABAAB"], ["SOM"]) and e.fatalities == 7


def test_claim_announced_in_next_sentence():
    d = code("قتل ثلاثة مدنيين في انفجار عبوة ناسفة في مقديشو. وأعلنت حركة الشباب مسؤوليتها عن الهجوم.")
    (e,) = ev(d, "ASSAULT")
    assert dyad(e) == ("ASSAULT", ["SHABAAB"], ["SOM"])


def test_claim_alone_is_not_an_attack():
    assert ev(code("وتبنت حركة الشباب الهجوم الذي وقع قرب الحدود."), "ASSAULT") == []


def test_denied_claim_attributes_nothing():
    d = code("قتل ثلاثة مدنيين في انفجار عبوة ناسفة في مقديشو، ولم تتبن حركة الشباب الهجوم.")
    assert all(dyad(e)[1] == [] for e in ev(d, "ASSAULT"))


# ---- a call for a ceasefire: REQUEST yield, addressed to the parties where the fighting is
def test_appeal_for_ceasefire():
    (e,) = ev(code("دعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار في السودان."))
    assert dyad(e) == ("REQUEST", ["UN"], ["SDN"]) and (e.mode, e.cameo) == ("yield", "0256")


def test_other_call_about_a_place_needs_an_addressee():
    assert ev(code("دعا الأمين العام للأمم المتحدة إلى التحقيق في الفاشر.")) == []


# ---- more general-news kinds (probe set 2)
def test_troop_deployment_is_mobilize():
    (e,) = ev(code("نشرت الولايات المتحدة ألفي جندي إضافي في الشرق الأوسط."))
    assert dyad(e) == ("MOBILIZE", ["USA"], [])


def test_deployment_masdar_in_a_resolution_is_not_an_act():
    assert ev(code("جددت الولايات المتحدة دعوتها لتطبيق القرار الذي يتضمن نشر قوات دولية."), "MOBILIZE") == []


def test_release_with_subject_before_an():
    (e,) = ev(code("أفرجت حماس عن ثلاث رهائن في غزة."))
    assert (e.event_type, e.mode, [m.root for m in e.actors]) == ("RETREAT", "release", ["HAMAS"])


def test_reached_agreement_and_signed_memorandum():
    (e,) = ev(code("توصلت الولايات المتحدة وحماس إلى اتفاق لوقف إطلاق النار."))
    assert dyad(e) == ("AGREE", ["HAMAS", "USA"], ["HAMAS", "USA"])
    (e,) = ev(code("وقعت النيجر ومالي مذكرة تفاهم للتعاون العسكري."))
    assert dyad(e) == ("AGREE", ["MLI", "NER"], ["MLI", "NER"]) and e.cameo == "057"


def test_reached_without_agreement_is_nothing():
    assert ev(code("توصلت الولايات المتحدة وحماس إلى نتيجة مختلفة.")) == []


def test_truce_after_long_subject_and_trigger_inside_a_name():
    (e,) = ev(code("أعلنت الحكومة السودانية وقوات الدعم السريع هدنة لمدة ثلاثة أيام.".replace(
        "الحكومة السودانية", "الجيش السوداني")))
    assert dyad(e) == ("RETREAT", ["RSF", "SDN"], ["RSF", "SDN"])  # no SUPPORT from "الدعم" in the name


def test_support_word_outside_a_name_still_codes():
    (e,) = ev(code("أعلن الجيش السوداني الدعم الكامل لحماس."))
    assert dyad(e)[0] == "SUPPORT"


def test_passive_killing_by_agent_phrase_and_dual_subject():
    (e,) = ev(code("قتل متظاهران برصاص الشرطة المصرية في القاهرة."))
    assert dyad(e) == ("ASSAULT", ["EGY"], ["EGY"])


def test_killing_of_plural_with_article_stays_a_noun_reading():
    assert all(not e.actors for e in ev(code("أدان الجيش السوداني قتل المدنيين في الفاشر."), "ASSAULT"))


# ---- partitive من: the party behind it names the group before it
def test_armed_men_from_a_group_are_that_group():
    for deg in (False, True):
        (e,) = ev(code("هاجم مسلحون من تنظيم داعش مواقع الجيش السوداني.", degraded=deg))
        assert dyad(e) == ("ASSAULT", ["ISIS"], ["SDN"]), deg


def test_delegation_from_a_movement_is_met():
    for deg in (False, True):
        (e,) = ev(code("اجتمع وزير الخارجية المصري مع وفد من حركة حماس.", degraded=deg))
        assert dyad(e) == ("CONSULT", ["EGY", "HAMAS"], ["EGY", "HAMAS"]), deg


def test_count_before_partitive_still_names_the_victims():
    (e,) = ev(code("قتلت قوات الدعم السريع ثمانية من عناصر حماس."))
    assert dyad(e) == ("ASSAULT", ["RSF"], ["HAMAS"])


# ---- condemnation: ACCUSE needs the party accused (codebook §3: no opinion without a recipient)
def test_condemned_attack_with_unnamed_attacker_is_not_coded():
    for deg in (False, True):
        assert ev(code("أدانت السعودية الهجوم الذي استهدف ناقلة نفط.", degraded=deg)) == []


def test_condemned_attack_names_the_attacker():
    for deg in (False, True):
        (e,) = ev(code("أدانت السعودية الهجوم الذي شنه الحوثيون على ناقلة نفط.", degraded=deg))
        assert dyad(e) == ("ACCUSE", ["SAU"], ["HOUTHIS"]), deg


# ---- a threat to retaliate: its target is the party of what it answers
def test_threat_to_respond_targets_the_parties_of_the_drills():
    for deg in (False, True):
        d = code("هددت كوريا الشمالية بالرد على المناورات العسكرية المشتركة بين الولايات المتحدة "
                 "وكوريا الجنوبية.", degraded=deg)
        (e,) = ev(d)
        assert dyad(e) == ("THREATEN", ["PRK"], ["KOR", "USA"]), deg


def test_threat_to_respond_with_no_party_named_is_not_coded():
    assert ev(code("هددت روسيا بالرد على أي خطوة تصعيدية في المنطقة.")) == []


# ---- degraded text drops ة: "تظاهر" is then both the verb and the noun "تظاهرة"
def test_degraded_clause_opening_protest_verb_is_coded():
    (e,) = ev(code("وتظاهر الاف الاشخاص في العاصم العراقي بغداد الجمع احتجاجا عل انقطاع الكهربا", degraded=True))
    assert dyad(e)[:2] == ("PROTEST", ["IRQ"]) and e.location is not None


def test_degraded_protest_noun_after_a_verb_stays_one_event():
    (e,) = ev(code("ونظم الاشخاص تظاهر حاشد في بغداد الجمع", degraded=True))
    assert dyad(e)[:2] == ("PROTEST", ["IRQ"])


# ---- release, withdrawal of troops, mediation, siege (lexicon rows)
def test_release_with_sarah_and_firing_stays_firing():
    for deg in (False, True):
        (e,) = ev(code("أطلقت السلطات الإيرانية سراح السفير الفرنسي.", degraded=deg))
        assert dyad(e) == ("RETREAT", ["IRN"], ["FRA"]) and e.mode == "release", deg
    assert not ev(code("أطلقت السلطات الإيرانية سراح السفير الفرنسي."), "ASSAULT")
    assert not ev(code("أطلقت جماعة الحوثي صواريخ على السفير الفرنسي."), "RETREAT")


def test_withdrawing_troops_but_not_a_bill():
    for deg in (False, True):
        (e,) = ev(code("سحبت فرنسا قواتها من مالي.", degraded=deg))
        assert dyad(e)[:2] == ("RETREAT", ["FRA"]) and e.mode == "withdraw", deg
    assert ev(code("سحبت فرنسا مشروع القانون من البرلمان.")) == []


def test_mediation_between_two_parties():
    for deg in (False, True):
        (e,) = ev(code("توسطت قطر بين الجيش السوداني وقوات الدعم السريع.", degraded=deg))
        assert dyad(e) == ("CONSULT", ["QAT"], ["RSF", "SDN"]) and e.cameo == "045", deg
    assert ev(code("توسط المنزل بين الحديقة والشارع.")) == []


def test_siege_is_coerce_restrict():
    for deg in (False, True):
        (e,) = ev(code("فرضت قوات الدعم السريع حصارا على الجيش السوداني.", degraded=deg))
        assert dyad(e) == ("COERCE", ["RSF"], ["SDN"]) and e.mode == "restrict", deg
    assert ev(code("فرضت قوات الدعم السريع رسوما على التجار.")) == []


# ---- a member named by his organisation ("قيادي في حزب الله") stands for it
def test_member_of_an_organisation_is_the_organisation():
    for deg in (False, True):
        e = ev(code("اغتالت إسرائيل قياديا بارزا في حزب الله.", degraded=deg), "ASSAULT")[0]
        assert dyad(e) == ("ASSAULT", ["ISR"], ["HEZBOLLAH"]), deg
        e = ev(code("قتلت طائرات أمريكية عنصرا في تنظيم داعش.", degraded=deg), "ASSAULT")[0]
        assert dyad(e) == ("ASSAULT", ["USA"], ["ISIS"]), deg


def test_official_in_a_place_is_not_a_member():
    # "في السعودية" is where the official is, not what he belongs to: the state is no recipient
    (e,) = ev(code("اعتقل الجيش الإسرائيلي مسؤولا في السعودية."), "COERCE")
    assert dyad(e) == ("COERCE", ["ISR"], [])
    # a verb's object not headed by a member noun keeps في as a place/topic preposition
    assert not any(dyad(e)[2] == ["HEZBOLLAH"] for e in ev(code("قصف الجيش الإسرائيلي مخزنا في حزب الله.")))


# ---- a visit's destination named as a place (the capital, the country after إلى) is the host
def test_visit_to_a_capital_names_the_host_state():
    for deg in (False, True):
        (e,) = ev(code("زار أمير قطر العاصمة السعودية الرياض.", degraded=deg), "CONSULT")
        assert dyad(e) == ("CONSULT", ["QAT", "SAU"], ["QAT", "SAU"]) and e.mode == "visit", deg
        (e,) = ev(code("وصل الرئيس التركي إلى العاصمة القطرية الدوحة.", degraded=deg), "CONSULT")
        assert dyad(e) == ("CONSULT", ["QAT", "TUR"], ["QAT", "TUR"]) and e.cameo == "042", deg


def test_arrival_of_troops_or_counts_is_no_visit():
    assert ev(code("وصل الجيش التركي إلى العاصمة اللبنانية."), "CONSULT") == []
    assert ev(code("وصل عدد القتلى في السودان إلى خمسين."), "CONSULT") == []
    assert ev(code("وصلت المساعدات إلى قطر."), "CONSULT") == []


def test_arrival_in_a_foreign_city_is_a_visit_to_its_state():
    for deg in (False, True):
        (e,) = ev(code("وصل الرئيس التركي إلى بغداد في زيارة رسمية.", degraded=deg), "CONSULT")
        assert dyad(e) == ("CONSULT", ["IRQ", "TUR"], ["IRQ", "TUR"]) and e.cameo == "042", deg
    # travel inside one's own state is no visit
    assert ev(code("وصل الرئيس التركي إلى أنقرة."), "CONSULT") == []


# ---- a ruler's bare title: the ruler of the state the sentence places him in
def test_bare_crown_prince_is_the_ruler_of_the_place():
    for deg in (False, True):
        (e,) = ev(code("استقبل ولي العهد السفير الفرنسي في الرياض.", degraded=deg), "CONSULT")
        assert dyad(e) == ("CONSULT", ["FRA", "SAU"], ["FRA", "SAU"]), deg
        assert any(m.text == "ولي العهد" or m.text == skeleton("ولي العهد").text for m in e.actors), deg
    # where he goes is not whose crown prince he is: no state, so no visit to Moscow by Russia
    assert ev(code("وصل ولي العهد إلى موسكو."), "CONSULT") == []
    # a title before a name leaves the person to the name ("ولي العهد الأمير …")
    doc = code("استقبل ولي العهد الأمير فيصل السفير الفرنسي في الرياض.")
    assert not any(m.root == "SAU" for e in doc.events for m in e.actors)


# ---- closing a crossing or a border restricts movement (CAMEO 191); closing markets does not
def test_closing_a_crossing_is_coerce_restrict():
    for deg in (False, True):
        (e,) = ev(code("أغلقت السلطات الإيرانية معبر الحدود مع العراق.", degraded=deg), "COERCE")
        assert dyad(e)[:2] == ("COERCE", ["IRN"]) and e.mode == "restrict" and e.cameo == "191", deg
    assert ev(code("أغلق المؤشر العام للسوق على ارتفاع طفيف.")) == []
    assert ev(code("أغلقت المحلات التجارية أبوابها في القاهرة.")) == []


# ---- an unnamed attacker before the object: the object's owner behind ل is still the target
def test_owned_target_after_an_unnamed_subject():
    for deg in (False, True):
        e = ev(code("قصفت طائرات حربية مواقع للحوثيين في محافظة الحديدة.", degraded=deg), "ASSAULT")[0]
        assert dyad(e) == ("ASSAULT", [], ["HOUTHIS"]), deg


# ---- "killed X and wounded Y in one bombing" is one event; two attacks in two cities are two
def test_killed_and_wounded_clauses_of_one_attack_are_one_event():
    for deg in (False, True):
        (e,) = ev(code("قتل سبعة أشخاص وأصيب عشرون آخرون في تفجير انتحاري في بغداد.", degraded=deg), "ASSAULT")
        assert (e.fatalities, e.injuries, e.mode, e.recipients[0].root) == (7, 20, "explosives", "IRQ"), deg
    doc = code("قتل 7 أشخاص في تفجير في بغداد، فيما أسفر انفجار قنبلة عن مقتل ستة أشخاص في مقديشو.")
    assert sorted((e.location or {}).get("name") for e in ev(doc, "ASSAULT")) == ["بغداد", "مقديشو"]


# ---- sanctions and official protests beyond "فرض عقوبات": assets, diplomatic rank, summoned envoys
def test_asset_freezes_downgrades_and_summons():
    for deg in (False, True):
        (e,) = ev(code("جمدت الولايات المتحدة أصول شركات العراقية.", degraded=deg))
        assert dyad(e) == ("SANCTION", ["USA"], ["IRQ"]) and e.cameo == "163", deg
        (e,) = ev(code("خفضت السعودية مستوى تمثيلها الدبلوماسي مع قطر.", degraded=deg))
        assert dyad(e) == ("SANCTION", ["SAU"], ["QAT"]) and e.cameo == "161", deg
        (e,) = ev(code("استدعت السلطات الإيرانية السفير الفرنسي للاحتجاج.", degraded=deg))
        assert dyad(e) == ("ACCUSE", ["IRN"], ["FRA"]) and e.cameo == "114", deg
    assert ev(code("جمدت الشركة خطة التوسع.")) == []
    assert ev(code("استدعت المدرسة أولياء الأمور.")) == []


def test_emergency_and_curfew_are_coerce_restrict():
    (e,) = ev(code("أعلنت السلطات الإيرانية حالة الطوارئ في طهران."))
    assert dyad(e)[:2] == ("COERCE", ["IRN"]) and e.cameo == "1724"
    (e,) = ev(code("فرضت السلطات الإيرانية حظر التجول في طهران."))
    assert dyad(e)[:2] == ("COERCE", ["IRN"]) and e.cameo == "1723"


def test_a_count_may_stand_between_the_preposition_and_its_noun():
    for text in ("أفرجت إسرائيل عن 30 أسيرا فلسطينيا.", "أفرجت إسرائيل عن ثلاثين أسيرا فلسطينيا."):
        (e,) = ev(code(text))
        assert dyad(e) == ("RETREAT", ["ISR"], ["PSE"]), text


def test_ministry_is_not_and_he_visited_him():
    # وزارة reads as و + زار + ه ("and he visited him"): never a visit
    for deg in (False, True):
        assert ev(code("قالت وزارة الخارجية إن قطر والسعودية تعملان معا.", degraded=deg), "CONSULT") == [], deg


# ---- who reports a death is its source, not its author
def test_the_reporter_of_a_death_toll_is_not_the_killer():
    for deg in (False, True):
        doc = code("أفادت السلطات الإيرانية بمقتل سبعة أشخاص في طهران.", degraded=deg)
        assert [dyad(e)[1] for e in ev(doc, "ASSAULT")] == [[]], deg
    # … while a party announcing its enemy's dead claims them
    assert ("ASSAULT", ["ISR"], ["HAMAS"]) in [dyad(e) for e in ev(code("أعلنت إسرائيل مقتل ثمانية من عناصر حماس."))]


def test_road_accidents_anywhere_in_the_sentence_are_no_attack():
    text = "لقي أربعة أشخاص مصرعهم وأصيب خمسة آخرون صباح اليوم بإصابات حرجة جراء حادث مروع بعد اصطدام مركبتهما بعمود الإنارة."
    for deg in (False, True):
        assert ev(code(text, degraded=deg), "ASSAULT") == [], deg
    # soldiers wounded with their vehicles destroyed is an attack's toll
    assert ev(code("هاجم مسلحون قافلة للجيش التركي وأصيب ستة جنود وتعرضت 30 مركبة للتدمير."), "ASSAULT")


def test_firing_rounds_and_dispersing_rioters():
    (e,) = ev(code("أطلقت الشرطة المصرية طلقات لتفريق مثيري الشغب في القاهرة."), "ASSAULT")
    assert dyad(e)[1] == ["EGY"] and e.mode in ("firearms", "crowd-control")


# ---- hundreds killed over a period is a statistic, not one attack
def test_a_toll_over_a_period_is_not_an_event():
    for text in ("ومنذ تولي الرئيس الحكم في مايو قتل أكثر من 750 شخصا في السودان.",
                 "ادى التمرد المستمر منذ ست سنوات الى مقتل 15 ألف شخص على الأقل."):
        assert ev(code(text), "ASSAULT") == [], text
    # … while one bombing's toll, with a period named after it, is an event
    assert ev(code("أدى التفجير إلى مقتل 120 شخصا في بغداد، في ما يعد أكثر التفجيرات دموية منذ عام."), "ASSAULT")


def test_thousands_are_read_as_thousands():
    from hadath.events.casualties import casualties
    assert casualties("أسفرت الحرب عن مقتل 15 ألف شخص".split())[0] == 15000
    assert casualties("قتل 12 شخصا".split())[0] == 12


def test_a_party_killed_is_not_its_own_killer():
    # "قتل" read with the soldier as its subject, "وأصيب" with him as victim: one report of losses
    for deg in (False, True):
        d = code("قال مسؤول إن جنديا من الجيش التركي قتل وأصيب آخر في اشتباكات قرب الحدود.", degraded=deg)
        assert [dyad(e) for e in ev(d, "ASSAULT")] == [("ASSAULT", [], ["TUR"])], deg
    # … while an army killing its own country's civilians keeps its actor
    assert ["TUR"] in [dyad(e)[1] for e in ev(code("قتل الجيش التركي ثلاثة مدنيين وأصيب خمسة آخرون في أنقرة."))]


def test_a_counted_party_before_a_killing_verb_is_its_victims():
    for deg in (False, True):
        (e,) = ev(code("وقال مسؤول إن ثلاثة جنود من الجيش التركي قتلوا في هجوم.", degraded=deg), "ASSAULT")
        assert dyad(e)[1:] == ([], ["TUR"]), deg
    # … unless the verb has an object: then the counted party did the killing
    (e,) = ev(code("وقال إن خمسة من حركة الشباب قتلوا ثلاثة مدنيين."), "ASSAULT")
    assert dyad(e)[1] == ["SHABAAB"]


def test_fears_and_whoever_clauses_are_not_acts():
    assert ev(code("وتخشى السعودية أن تستغل روسيا الوضع وترسل قوات إلى الحدود.")) == []
    assert ev(code("ويعاقب بالإعدام كل من يتعمد قتل أشخاص يتمتعون بحماية دولية."), "ASSAULT") == []
    # the same acts, reported, are coded
    assert ev(code("أرسلت روسيا قوات إلى الحدود."))
    assert ev(code("قتل مسلحون أشخاصا في بغداد."), "ASSAULT")

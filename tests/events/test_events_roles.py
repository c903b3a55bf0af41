"""Who did it and to whom: argument rules added for actor accuracy (issue 5).

Each rule is shown with a sentence where it applies and a control where it must not.  Sentences are
written for these tests.  Most use the hand-made mentions of event_helpers.py; those that need the
knowledge base (civilians, unidentified armed groups, nationality adjectives) run the full pipeline.
"""
from __future__ import annotations

import pytest

from test_events_coder import code, dyads


@pytest.fixture(scope="module")
def pipeline():
    from hadath.pipeline import Pipeline
    return Pipeline()


def roots(ms) -> list[str]:
    return sorted(m.root for m in ms)


def assaults(doc):
    return [(roots(e.actors), roots(e.recipients)) for e in doc.events if e.event_type == "ASSAULT"]


# ---------------------------------------------------------------- subject and object
def test_the_noun_between_a_complementizer_and_its_verb_is_the_subject():
    # after إنّ/أنّ the subject comes first; the noun after the verb is its object
    assert assaults(code("وقالت حماس إن قوات الاحتلال قصفت الجهاد الإسلامي.")) == [(["ISR"], ["PIJ"])]
    # control: with nothing before the verb, the noun after it is still the (VSO) subject
    assert assaults(code("قصفت الجهاد الإسلامي إسرائيل.")) == [(["PIJ"], ["ISR"])]


def test_a_noun_that_opens_the_clause_before_its_verb_is_the_subject():
    assert assaults(code("وحماس هاجمت المستوطنين في الضفة الغربية.")) == [(["HAMAS"], ["ISR"])]
    assert assaults(code("هاجمت المستوطنين حماس في الضفة الغربية.")) == [(["ISR"], ["HAMAS"])]


def test_a_coordinated_verb_shares_the_subject_of_the_verb_before_it():
    got = dyads(code("اقتحمت قوات الاحتلال مكاتب حماس واعتدت على الموظفين في غزة."))
    assert ("ASSAULT", ["ISR"], ["PSE"], "occurred") in got
    assert not any(t == "ASSAULT" and a == ["HAMAS"] for t, a, *_ in got)  # the raided offices' owner
    # control: a noun right before an uncoordinated verb stays its subject
    assert assaults(code("وحماس هاجمت المستوطنين.")) == [(["HAMAS"], ["ISR"])]


def test_a_nationality_adjective_inside_a_prepositional_phrase_is_not_the_object(pipeline):
    doc = pipeline("قتل خمسة أشخاص في غارة إسرائيلية على خان يونس أمس.")
    assert ("ISR" in roots(doc.events[0].actors)) and "ISR" not in roots(doc.events[0].recipients)
    # control: a nationality adjective on the object noun itself names the target
    assert assaults(code("قصفت حماس المواقع الإسرائيلية.")) == [(["HAMAS"], ["ISR"])]


def test_the_genitive_of_a_prepositional_phrase_is_no_subject():
    # "حول مقر السلطة": the Authority is where they gathered, not who protested
    d = code("وتظاهر آلاف حول مقر السلطة في غزة احتجاجا على الاعتقالات.")
    assert [(roots(e.actors), roots(e.recipients)) for e in d.events if e.event_type == "PROTEST"] == [([], ["PA"])]
    # control: without the preposition the party before the noun is its subject
    d = code("وتظاهر آلاف من أنصار السلطة في غزة احتجاجا على الاعتقالات.")
    assert [roots(e.actors) for e in d.events if e.event_type == "PROTEST"] == [["PA"]]


def test_an_unresolved_misc_name_is_no_party():
    from hadath.doc import Doc, Mention
    from hadath.events import EventCoder
    from hadath.text.pipe import annotate_text

    from event_helpers import tag

    def coded(with_misc: bool):
        doc = Doc("وقال شهود إن العشاء هاجم المستوطنين في الضفة الغربية.")
        annotate_text(doc)
        tag(doc)
        s = doc.text.index("العشاء")
        doc.mentions.append(Mention(s, s + 6, "العشاء", None, None, "MISC" if with_misc else "ORG", origin="ner"))
        doc.mentions.sort(key=lambda m: m.start)
        return [(e.event_type, [m.text for m in e.actors]) for e in EventCoder()(doc).events]

    assert not any("العشاء" in actors for _, actors in coded(True))
    assert ("ASSAULT", ["العشاء"]) in coded(False)  # an unknown ORG is still a candidate party


# ---------------------------------------------------------------- agents and victims
def test_an_agent_phrase_names_the_doer_of_a_killing(pipeline):
    doc = pipeline("وقتل ثلاثة أشخاص برصاص الجيش الإسرائيلي في جنين.")
    assert assaults(doc) == [(["ISR"], ["PSE"])]
    doc = pipeline("وقتل ثلاثة أشخاص في جنين.")
    assert assaults(doc) == [([], ["PSE"])]


def test_a_bare_verb_then_an_attack_by_someone_is_passive():
    # "قتل جنديان في هجوم لحماس": the soldiers were killed, in an attack by Hamas
    assert assaults(code("وقتل خمسة من عناصر الجهاد الإسلامي في هجوم لحماس.")) == [(["HAMAS"], ["PIJ"])]
    assert assaults(code("وقتل خمسة من عناصر حماس في غارة إسرائيلية على غزة.")) == [(["ISR"], ["HAMAS"])]
    # control: an attack with no party named leaves the doer named before it
    assert assaults(code("قتلت حماس خمسة من عناصر الجهاد الإسلامي في هجوم.")) == [(["HAMAS"], ["PIJ"])]


def test_a_nationality_after_the_victims_noun_is_theirs(pipeline):
    # "قتل جنديان أمريكيان": the adjective describes the (dual) soldiers, who were killed
    doc = pipeline("قتل جنديان أمريكيان في هجوم لطالبان أمس.")
    assert assaults(doc) == [(["TALIBAN"], ["USA"])]
    # control: right after the act, the adjective names who did it
    doc = pipeline("قتل ثلاثة أشخاص في قصف أمريكي على القرية.")
    assert [a for a, _ in assaults(doc)] == [["USA"]]


def test_the_subject_of_a_support_verb_on_the_attack_is_its_doer(pipeline):
    doc = pipeline("وقتل ثلاثة جنود في هجوم شنه متمردون على قاعدة عسكرية.")
    assert [a for a, _ in assaults(doc)] == [["UAF"]]
    doc = pipeline("وقتل ثلاثة جنود في هجوم وصفه مسلحون بأنه رد على القصف.")
    assert all("UAF" not in a for a, _ in assaults(doc))  # وصف is not a support verb


def test_a_genitive_after_the_prepositions_noun_is_the_target():
    assert assaults(code("أطلقت إسرائيل قذيفة على تجمع لحماس في غزة.")) == [(["ISR"], ["HAMAS"])]
    # control: two words away, the party is not what was hit
    assert assaults(code("أطلقت إسرائيل قذيفة على تجمع قريب من حماس في غزة.")) == [(["ISR"], ["PSE"])]


def test_a_count_its_noun_and_min_name_the_victims():
    assert assaults(code("قتلت إسرائيل 11 مسلحا من حماس في غزة.")) == [(["ISR"], ["HAMAS"])]
    assert assaults(code("قتلت إسرائيل 11 مسلحا قرب غزة من جهة حماس.")) == [(["ISR"], ["PSE"])]


def test_a_genitive_of_another_noun_is_not_the_victim_of_a_killing_noun():
    # "مقتل جنديين في هجوم لحماس": لحماس belongs to هجوم, so Hamas did it
    assert all("HAMAS" not in r for _, r in assaults(code("أعلنت إسرائيل مقتل جنديين في هجوم لحماس.")))
    # control: a ل-phrase right after the genitive is the victim ("اغتيال إسرائيل لمؤسس حماس")
    assert assaults(code("وشهدت غزة اغتيال إسرائيل لمؤسس حماس.")) == [(["ISR"], ["HAMAS"])]


def test_its_forces_are_the_first_party_of_the_sentence(pipeline):
    doc = pipeline("وأعلن الجيش الأمريكي أن قواته قتلت ثلاثة أشخاص في غارة.")
    assert [a for a, _ in assaults(doc)] == [["USA"]]
    doc = pipeline("وأعلن الجيش الأمريكي أن قوات عراقية قتلت ثلاثة أشخاص في غارة.")
    assert [a for a, _ in assaults(doc)] == [["IRQ"]]


# ---------------------------------------------------------------- unnamed civilians
def test_civilians_take_the_country_where_it_happened(pipeline):
    doc = pipeline("قتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد أمس.")
    victims = doc.events[0].recipients
    assert [(m.entity_id, m.root) for m in victims] == [("CVL", "IRQ")]
    # no place stated: they stay civilians of no stated nationality
    doc = pipeline("قتل خمسة أشخاص في انفجار سيارة مفخخة أمس.")
    assert [(m.entity_id, m.root) for m in doc.events[0].recipients] == [("CVL", "CVL")]


def test_a_dateline_gives_unplaced_civilians_their_country(pipeline):
    doc = pipeline("بعقوبة ـ أ ف ب: قتل خمسة أشخاص في انفجار سيارة مفخخة أمس.")
    assert roots(doc.events[0].recipients) == ["IRQ"]
    doc = pipeline("قال مصدر أمني في بعقوبة إن خمسة أشخاص قتلوا في انفجار سيارة مفخخة أمس.")
    assert all(m.root in ("CVL", "IRQ") for m in doc.events[0].recipients)  # a place, not a dateline


def test_unnamed_residents_and_rebels_are_known_parties(pipeline):
    doc = pipeline("فتحت دبابات روسية النار على سكان القرية.")
    assert assaults(doc) == [(["RUS"], ["CVL"])]
    doc = pipeline("قتل متمردون ثلاثة جنود.")
    assert [a for a, _ in assaults(doc)] == [["UAF"]]


# ---------------------------------------------------------------- protests
def test_protest_targets_in_slogans_and_at_premises():
    d = code("وتجمع المتظاهرون في غزة وهتفوا الموت للاحتلال في الساحة.")
    assert [roots(e.recipients) for e in d.events if e.event_type == "PROTEST"] == [["ISR"]]
    d = code("وتظاهر آلاف الفلسطينيين في غزة أمام مقر السلطة.")
    assert [roots(e.recipients) for e in d.events if e.event_type == "PROTEST"] == [["PA"]]
    d = code("وتظاهر آلاف الفلسطينيين في غزة أمام عدسات الكاميرات.")
    assert [roots(e.recipients) for e in d.events if e.event_type == "PROTEST"] == [[]]


# ---------------------------------------------------------------- the statement's adversary
def test_an_aggression_with_no_doer_is_the_adversary_the_statement_names():
    text = ("وحذرت حماس الاحتلال من التصعيد. وترحم المجتمعون على الشهداء كافة وشهداء العدوان الأخير، "
            "وفي المقدمة منهم القائد زياد النخالة.")
    assert ("ASSAULT", ["ISR"], ["PIJ"], "occurred") in dyads(code(text))
    # no adversary named that way in the document: nobody is made up
    text = ("وحذرت حماس من التصعيد. وترحم المجتمعون على الشهداء كافة وشهداء العدوان الأخير، وفي المقدمة "
            "منهم القائد زياد النخالة.")
    assert not any(t == "ASSAULT" and a for t, a, *_ in dyads(code(text)))
    # named in the same sentence, the adversary has some other role there
    text = "واتهم الرجل بالتخابر مع العدو لدفعه العدوان على غزة."
    assert not any(t == "ASSAULT" and a for t, a, *_ in dyads(code(text)))


def _degraded(text: str, *cuts: str, date=None):
    """Code a degraded document whose clause windows are cut before each of ``cuts`` (as the text
    layer's artificial windows may be)."""
    from hadath.doc import Doc, Span
    from hadath.events import EventCoder
    from hadath.text.tokenize import tokenize

    from event_helpers import tag
    doc = Doc(text, degraded=True, date=date)
    doc.tokens = tokenize(text, degraded=True)
    bounds = [0] + [text.index(c) for c in cuts] + [len(text) + 1]
    doc.sentences = [Span(a, b - 1, "sent") for a, b in zip(bounds, bounds[1:])]
    tag(doc)
    return EventCoder()(doc)


def test_a_degraded_window_that_opens_with_a_specifier_lists_the_victims():
    text = ("حذرت حماس الاحتلال من التصعيد وترحم المجتمعون على الشهدا كاف وشهدا العدوان الاخير "
            "وفي المقدم منهم القايد زياد النخال")
    doc = _degraded(text, "وترحم", "وفي المقدم")
    assert ("ASSAULT", ["ISR"], ["PIJ"], "occurred") in dyads(doc)
    text = ("حذرت حماس الاحتلال من التصعيد وترحم المجتمعون على الشهدا كاف وشهدا العدوان الاخير "
            "وقال القايد زياد النخال")
    doc = _degraded(text, "وترحم", "وقال")
    assert not any(t == "ASSAULT" for t, *_ in dyads(doc))


def test_a_degraded_window_may_end_with_the_next_clauses_date():
    import datetime as dt
    pub = dt.date(2022, 8, 22)
    doc = _degraded("والتقت حماس والجهاد في غزة وفي الخامس من اغسطس الجاري قصفت اسرايل حماس", "قصفت", date=pub)
    assert [e.date for e in doc.events if e.event_type == "ASSAULT"] == ["2022-08-05"]
    # a date before that window's own event is its own: the next window does not take it
    doc = _degraded("وفي الخامس من اغسطس الجاري التقت حماس والجهاد في غزة ثم قصفت اسرايل حماس", "ثم قصفت",
                    date=pub)
    assert [e.date for e in doc.events if e.event_type == "ASSAULT"] == ["2022-08-22"]


def test_civilians_right_after_a_killing_noun_are_its_victims(pipeline):
    # degraded text drops the count ("قتل 12 مدنيا" → "قتل مدنيا"): the civilians are still the victims
    doc = pipeline("قتل مدنيا عل الاقل في قصف مدفعي لقوات الدعم السريع عل مدين الفاشر", date="2026-11-17")
    assert assaults(doc) == [(["RSF_SDN"], ["SDN"])] and doc.events[0].recipients[0].text == "مدنيا"
    # control: a state's nisba after an attack noun still names its author
    doc = pipeline("أدانت مصر القصف الإسرائيلي لمواقع حركة حماس", date="2026-11-17")
    assert [(e.event_type, roots(e.actors), roots(e.recipients)) for e in doc.events
            if e.event_type == "ACCUSE"] == [("ACCUSE", ["EGY"], ["ISR"])]


# ---------------------------------------------------------------- the attack a killing was done with
def test_an_attack_noun_after_a_killing_with_a_named_doer_is_how_it_was_done(pipeline):
    doc = pipeline("قتلت القوات الأمريكية قياديا في تنظيم القاعدة بغارة جوية في اليمن.")
    (e,) = [e for e in doc.events if e.event_type == "ASSAULT"]  # not a second raid "by" al-Qaeda
    assert roots(e.actors) == ["USA"] and roots(e.recipients) == ["AQ"] and (e.mode, e.cameo) == ("aerial", "195")


def test_an_attack_noun_in_another_clause_or_with_its_own_victim_stays_an_act(pipeline):
    # after a comma: a second raid, told on its own
    doc = pipeline("قتلت القوات الأمريكية قياديا في تنظيم القاعدة في اليمن، وبغارة أخرى قتلت خمسة مدنيين.")
    assert len([e for e in doc.events if e.event_type == "ASSAULT"]) == 2
    # "باغتيال X": an act with its own victim is not the instrument of the one before
    doc = pipeline("أشعلت إسرائيل المواجهة مع حماس باغتيال إسماعيل هنية في طهران.")
    assert any(e.event_type == "ASSAULT" and "HAMAS" in roots(e.recipients) for e in doc.events)


# ---------------------------------------------------------------- bare قتل: verb or verbal noun
def test_bare_qatala_with_a_subject_and_an_object_is_the_verb(pipeline):
    for text in ("قتل الجيش العراقي خمسة مسلحين من تنظيم داعش.", "قتل الجيش العراقي عنصرا في تنظيم داعش."):
        (e,) = [e for e in pipeline(text).events if e.event_type == "ASSAULT"]
        assert roots(e.actors) == ["IRQ"] and roots(e.recipients) == ["ISIS"], text


def test_bare_qatala_without_an_object_stays_the_killing_of(pipeline):
    # "قتل الجندي الإسرائيلي أيضا": nothing after the definite phrase but an adverb — he was killed
    (e,) = [e for e in pipeline("قتل الجندي الإسرائيلي أيضا.").events if e.event_type == "ASSAULT"]
    assert roots(e.actors) == [] and roots(e.recipients) == ["ISR"]
    # "مهمات قصف التنظيم إلى سوريا": a preposition ends the phrase; سوريا is not an object
    doc = pipeline("قال كاميرون إنه يريد مساعدة الولايات المتحدة في تدمير تنظيم داعش، ويريد البرلمان مد "
                   "مهمات قصف التنظيم إلى سوريا.")
    (e,) = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert roots(e.actors) == [] and roots(e.recipients) == ["ISIS"]  # the bombing of the organisation


# ---------------------------------------------------------------- police with no state named
def test_police_with_no_state_named_still_hold_the_subject_place(pipeline):
    # the Brotherhood member was arrested; the Brotherhood did not arrest anyone
    (e,) = [e for e in pipeline("اعتقلت الشرطة عضوا في جماعة الإخوان المسلمين.").events
            if e.event_type == "COERCE"]
    assert [m.root for m in e.actors] == [None] and e.actors[0].text == "الشرطة"
    assert roots(e.recipients) == ["MB"]
    # control: with a place, the police are that state's
    (e,) = [e for e in pipeline("اعتقلت الشرطة خمسة محتجين في القاهرة أمس.").events if e.event_type == "COERCE"]
    assert roots(e.actors) == ["EGY"]


def test_a_visitor_known_only_by_an_adjective_makes_no_state_visit(pipeline):
    # a journalist of Russian television arriving in Kyiv is no Russia → Ukraine visit …
    doc = pipeline("وصلت صحفية من التلفزيون الروسي إلى كييف في مهمة.")
    assert not [e for e in doc.events if e.event_type == "CONSULT"]
    # … while a state's minister arriving there is
    doc = pipeline("وصل وزير الخارجية الروسي إلى كييف في زيارة رسمية.")
    (e,) = [e for e in doc.events if e.event_type == "CONSULT"]
    assert sorted(roots(e.actors)) == ["RUS", "UKR"] and e.cameo == "042"


def test_unidentified_aircraft_are_an_unidentified_attacker(pipeline):
    doc = pipeline("قصفت طائرات مجهولة قافلة شاحنات إيرانية قرب الحدود.")
    assert assaults(doc) == [(["UAF"], ["IRN"])]


def test_violence_between_two_unknown_names_without_weapon_or_victims_is_not_coded(pipeline):
    # a football club "targets" a player
    assert assaults(pipeline("ريال مدريد يستهدف رويس لتعويض رحيل بن زيما المرتقب")) == []


def test_a_state_after_a_direction_word_is_where_not_who(pipeline):
    doc = pipeline("قتل 15 شخصا عندما فجر انتحاري نفسه في سوق مزدحمة بشمال أفغانستان.")
    assert all("AFG" not in roots(e.actors) for e in doc.events)
    assert assaults(doc)


def test_ma_before_an_outcome_verb_is_which_not_not(pipeline):
    doc = pipeline("واشتبك المحتجون مع الشرطة، ما أدى لمقتل شاب في الخرطوم.")
    assert [e.status for e in doc.events if e.event_type == "ASSAULT"] == ["occurred"]

"""Who is NOT the doer: parties that stand near a violent act without doing it — a reporter whose
pronoun does not agree, a party whose rally was attacked, the owner of a raided home, a court, an
earlier clause's subject that a relative or plural verb cannot refer to — and tolls that count a
period.  Each rule has a positive and a negative made-up sentence; mentions come from the small alias
table of test_events_coverage, so these tests do not depend on the actor tagger."""
from __future__ import annotations

from test_events_coverage import ALIASES, code as _code, dyad, ev

MORE = dict(ALIASES, **{
    "السلطات التركية": ("TUR", "ORG", "GOV"), "حزب الشعب الديمقراطي": ("HDP", "ORG", "PTY"),
    "القيادي في حركة حماس": ("HAMAS", "ORG", "REB"), "القوات الإسرائيلية": ("ISR", "ORG", "MIL"),
    "المحكمة الكويتية": ("KWT", "ORG", "JUD"), "الجندي الإسرائيلي": ("ISR", "ORG", "MIL"),
    "كتائب القسام": ("HAMAS", "ORG", "REB"), "النظام السوري": ("SYR", "ORG", "GOV"),
    "الثوار": ("SYR_OPP", "ORG", "REB"), "قوات النظام": ("SYR", "ORG", "MIL"),
    "الحكومة الإسرائيلية": ("ISR", "ORG", "GOV"), "الإسرائيلي": ("ISR", "GPE", None),
    "المتظاهرين": ("CVL", "POP", "CVL"), "امرأة بلجيكية": ("BEL", "POP", "CVL"),
})


def code(text: str, degraded: bool = False):
    return _code(text, degraded=degraded, aliases=MORE)


def actors(e) -> list[str]:
    return dyad(e)[1]


# ---- a reporting verb's subject is the doer only when the pronoun on أنّ agrees with it
def test_a_pronoun_of_another_gender_is_not_the_reporter():
    for deg in (False, True):
        (e,) = ev(code("وأشارت السلطات التركية إلى أنه فجر نفسه وسط حشد في المدينة.", degraded=deg), "ASSAULT")
        assert actors(e) == [], deg
    # "أعلنت السلطات أنها اعتقلت": she (the authorities) did it
    (e,) = ev(code("وأعلنت السلطات التركية أنها اعتقلت خمسة أشخاص في أنقرة."), "COERCE")
    assert actors(e) == ["TUR"]
    (e,) = ev(code("وأعلن الجيش التركي أنه قتل عشرة مسلحين في الجبال."), "ASSAULT")
    assert actors(e) == ["TUR"]


# ---- an occasion after خلال names whose rally it was, not who attacked it
def test_the_party_of_an_attacked_rally_is_not_the_attacker():
    (e,) = ev(code("قتل أربعة أشخاص في هجوم خلال اجتماع لحزب الشعب الديمقراطي في أنقرة."), "ASSAULT")
    assert "HDP" not in actors(e)
    # … while خلال before an attack noun names its doer
    (e,) = ev(code("قتل ثلاثة فلسطينيين خلال العدوان الإسرائيلي على غزة."), "ASSAULT")
    assert actors(e) == ["ISR"]


# ---- raids: the owner of the raided home is its target, not the raider
def test_the_owner_of_a_raided_home_is_not_the_raider():
    for deg in (False, True):
        d = code("داهمت قوة عسكرية منزل القيادي في حركة حماس واعتقلت نجله.", degraded=deg)
        assert ev(d, "COERCE") and all("HAMAS" not in actors(e) for e in ev(d)), deg
        assert any("HAMAS" in dyad(e)[2] for e in ev(d, "COERCE")), deg
    d = code("داهمت القوات الإسرائيلية منزل القيادي في حركة حماس واعتقلت نجله.")
    assert [dyad(e) for e in ev(d, "COERCE")] == [("COERCE", ["ISR"], ["HAMAS"])]


def test_imminent_danger_is_not_a_raid():
    assert ev(code("وقال إن الجماعات المتطرفة تشكل خطرا داهما على المجتمع.")) == []
    assert ev(code("وقال إن خطر داهم يهدد المدينة.")) == []


# ---- an act someone is convicted of or charged with: the court or accuser is not its doer
def test_a_court_is_not_the_bomber():
    d = code("ودانت المحكمة الكويتية المتهم في تفجير السفارة في بغداد.")
    assert all("KWT" not in actors(e) for e in ev(d, "ASSAULT"))
    assert ev(code("وقال إن المحكمة الكويتية قضت ببراءة المتهم.")) == []


def test_a_judicial_verb_leaves_other_acts_alone():
    # the accusation itself is still coded, with its accuser
    (e,) = ev(code("اتهمت السعودية الحوثيين بشن هجوم على الحدود."), "ACCUSE")
    assert dyad(e)[1:] == (["SAU"], ["HOUTHIS"])


# ---- a ل-phrase in another clause is not the victim of a masdar
def test_a_far_lam_phrase_is_not_the_victim():
    d = code("ومع مرور عام على اختطاف جثة الجندي الإسرائيلي، نشرت كتائب القسام، الذراع العسكري لحركة حماس، بيانا.")
    assert all(dyad(e)[1:] != (["ISR"], ["HAMAS"]) for e in ev(d, "ASSAULT"))


# ---- a plural verb's pronoun is several people, not a single state or body
def test_a_plural_verb_does_not_inherit_a_single_body():
    d = code("شن النظام السوري غارات على المدينة، وتمكن مقاتلون من تحرير حواجز، واقتحموا حاجزين في البلدة.")
    assert all("SYR" not in actors(e) for e in ev(d, "COERCE"))
    for deg in (False, True):
        d = code("وأكد الجيش التركي تمسكه بالتهدئة، واعتقلوا خمسة أشخاص في القرية.", degraded=deg)
        assert [actors(e) for e in ev(d, "COERCE")] == [[]], deg
    # … but a plural party, or one headed by a plural noun, may be "they"
    for text in ("وأكد عناصر حماس تمسكهم بالتهدئة، واعتقلوا خمسة أشخاص في غزة.",
                 "وأكد الحوثيون تمسكهم بالتهدئة، واعتقلوا خمسة أشخاص في القرية.",
                 "وأكد جنود الجيش التركي تمسكهم بالتهدئة، واعتقلوا خمسة أشخاص في القرية."):
        assert [len(actors(e)) for e in ev(code(text), "COERCE")] == [1], text


# ---- a verb right after an indefinite noun describes it (a relative clause)
def test_a_relative_verb_does_not_inherit_an_earlier_subject():
    text = ("قال الجيش الإسرائيلي إن حماس تعد لهجوم. "
            "وجددت جماعات يهودية دعواتها للمشاركة في فعاليات خاصة تستهدف المسجد الأقصى يوم الأحد.")
    assert all("ISR" not in actors(e) and "HAMAS" not in actors(e) for e in ev(code(text), "ASSAULT"))


# ---- tolls counted by a report or over a period
def test_report_and_period_tolls_are_statistics():
    for text in ("وأوضح التقرير أن قوات النظام قتلت 143 شخصا.",
                 "قتلت قوات النظام 150 شخصا خلال الشهر الماضي.",
                 "وقال المرصد إن الغارات أسفرت عن مقتل 4844 مدنيا.",
                 "ووثقت الشبكة في تقريرها مقتل 39 طفلا خلال أيام العيد."):
        assert ev(code(text), "ASSAULT") == [], text
    # … one attack with a large toll, and a small toll in a report, are events
    assert ev(code("قتل 120 شخصا في تفجير انتحاري في بغداد أمس."), "ASSAULT")
    assert ev(code("وأوضح التقرير أن قوات النظام قتلت 12 شخصا في قصف على بلدة."), "ASSAULT")


def test_a_count_right_after_the_trigger_may_look_like_a_year():
    from hadath.events.coder import _statistic
    from hadath.events.cues import default_cues
    from hadath.events.lexicon import key

    def stat(text: str, t: int) -> bool:
        raw = text.split()
        return _statistic([key(w, "norm") for w in raw], raw, t, default_cues(), "norm")
    assert stat("أسفرت الغارات عن مقتل 2076 مقاتلا من الفصائل", 3)  # a count, not the year 2076
    # "آلاف المتظاهرين" counts the people dispersed, not a toll; a year after "عام" is no count
    assert not stat("ألقت الشرطة قنابل لتفريق آلاف المتظاهرين", 3)
    assert not stat("قتل عام 2014 ثلاثة أشخاص في هجوم", 0)


# ---- a support verb may stand far before its noun, with only its subject, times and counts between
def test_a_far_support_verb_gives_its_subject():
    for deg in (False, True):
        d = code("وقالت مصادر إن طائرات أمريكية شنت مساء أول من أمس قرابة خمس غارات على مواقع حركة الشباب.",
                 degraded=deg)
        assert [actors(e) for e in ev(d, "ASSAULT")] == [["USA"]], deg
    # … but not the subject of an earlier, unrelated verb
    d = code("وقال الجيش التركي إن خلية نفذت أمس في مدينة بعيدة عمليات قتل مدنيين.")
    assert all("TUR" not in actors(e) for e in ev(d, "ASSAULT"))


def test_a_civilian_suicide_bomber_is_the_actor():
    # civilians (type POP, sector CVL) are moved to the receiving end of violence — not one who blows
    # herself up
    d = code("وقامت امرأة بلجيكية اعتنقت الإسلام بتفجير نفسها مستهدفة دورية في بغداد.")
    assert [actors(e) for e in ev(d, "ASSAULT")] == [["BEL"]]
    d = code("قتل انفجار امرأة بلجيكية في بغداد.")
    assert [dyad(e)[1:] for e in ev(d, "ASSAULT")] == [([], ["BEL"])]


def test_a_named_defence_minister_arriving_is_a_visit():
    table = dict(MORE, **{"أحمد سالم": ("EGY", "PER", "MIL"), "القوات المصرية": ("EGY", "ORG", "MIL")})
    d = _code("وصل وزير الدفاع المصري أحمد سالم اليوم إلى العاصمة العراقية بغداد في زيارة غير معلنة.", aliases=table)
    assert [e.mode for e in ev(d, "CONSULT")] == ["visit"]
    # … armed forces arriving are a deployment, not a visit
    d = _code("وصلت القوات المصرية اليوم إلى العاصمة العراقية بغداد.", aliases=table)
    assert ev(d, "CONSULT") == []


def test_the_doer_behind_ala_yad_is_not_the_target():
    # "هجوم على X" names X as the target, but "على يد X" (by the hand of X) names the doer
    table = dict(MORE, **{"مسلحين إسلاميين": ("UAF", "ORG", "UAF"), "حزب الشعب": ("HDP", "ORG", "PTY")})
    d = _code("ووقع هجوم مماثل في أنقرة على يد مسلحين إسلاميين.", aliases=table)
    assert all("UAF" not in dyad(e)[2] for e in ev(d, "ASSAULT"))
    d = _code("ووقع هجوم على مقر حزب الشعب في أنقرة.", aliases=table)
    assert any("HDP" in dyad(e)[2] for e in ev(d, "ASSAULT"))

"""Counterparts ("نظيره القطري") are the other state's officials; phone calls are CONSULT/phone."""
import hadath


def _dyads(text):
    doc = hadath.process(text, date="2023-01-10")
    return [(r["event_type"], r["mode"], sorted(a["root"] for a in r["actors"]),
             sorted(a["root"] for a in r["recipients"])) for r in doc.records()]


def test_meeting_with_a_counterpart_is_a_mutual_consult_between_both_states():
    assert ("CONSULT", None, ["EGY", "QAT"], ["EGY", "QAT"]) in _dyads(
        "التقى وزير الخارجية المصري نظيره القطري في الدوحة اليوم.")


def test_phone_call_with_a_counterpart_is_consult_by_phone():
    assert ("CONSULT", "phone", ["FRA", "IRN"], ["FRA", "IRN"]) in _dyads(
        "اتصل الرئيس الفرنسي بنظيره الإيراني هاتفيا امس.")


def test_object_noun_owned_by_an_actor_makes_that_actor_the_target():
    # "مواقع لحركة حماس": the positions belong to Hamas, so Hamas is what was struck
    assert ("ASSAULT", None, ["ISR"], ["HAMAS"]) in [
        (t, None, a, r) for t, _, a, r in _dyads("قصفت الطائرات الإسرائيلية مواقع لحركة حماس في غزة.")]

"""The knowledge base files: loading, generated organs, lint."""
from __future__ import annotations

from hadath.actors import load_kb
from hadath.actors.kb import adjective_forms, expand
from hadath.actors.lint import lint


def test_codebook_ids_and_roots():
    kb = load_kb()
    for eid, root in [("HAMAS", "HAMAS"), ("QASSAM", "HAMAS"), ("SARAYA_AL_QUDS", "PIJ"),
                      ("AQSA_BRIGADES", "FATAH"), ("PA", "PA"), ("ISR_MIL", "ISR"), ("PSE_POP", "PSE"),
                      ("HEZBOLLAH", "HEZBOLLAH"), ("HOUTHIS", "HOUTHIS"), ("EU", "EU"), ("UN", "UN"),
                      ("ARAB_LEAGUE", "ARAB_LEAGUE"), ("HRW", "HRW"), ("AIPAC", "AIPAC"), ("ISR_SET", "ISR")]:
        assert kb.get(eid).root == root, eid
    assert kb.get("ISR_SET").sector == "SET"
    assert kb.get("PA_GOV").root == "PA"          # Palestinian state organs are the PA's


def test_every_arab_league_state_and_p5_has_organs():
    kb = load_kb()
    states = "EGY SAU ARE QAT KWT BHR OMN YEM IRQ SYR LBN JOR PSE LBY TUN DZA MAR MRT SDN SOM DJI COM"
    for iso in states.split() + ["IRN", "TUR", "ISR", "USA", "RUS", "CHN", "FRA", "GBR"]:
        assert kb.get(iso).type == "STATE", iso
        assert kb.get(iso).aliases, iso
    for iso in ["EGY", "IRN", "USA", "RUS", "CHN", "FRA", "GBR", "TUR", "SAU"]:
        for organ in ("GOV", "MIL", "COP", "MFA", "HOS", "POP"):
            assert kb.get(f"{iso}_{organ}") is not None, (iso, organ)


def test_template_expansion():
    forms = adjective_forms(["إسرائيلي"], [])
    assert "قوات إسرائيلية" in expand("قوات {a.f}", forms)
    assert {"الجنود الإسرائيليون", "الجنود الإسرائيليين"} <= set(expand("الجنود {A.pl}", forms))
    assert "جنديين إسرائيليين" in expand("جنديين {a.pl}", forms)
    assert expand("حكومة {N}", {"N": []}) == []


def test_sizes():
    s = load_kb().stats()
    assert s["entities"] >= 1500 and s["aliases"] >= 6000 and s["people"] >= 150


def test_lint_has_no_errors():
    errors = [f for f in lint(load_kb()) if f.level == "error"]
    assert errors == []


def test_people_have_affiliations():
    kb = load_kb()
    people = [e for e in kb.entities.values() if e.type == "PERSON"]
    assert all(p.affiliations for p in people), [p.id for p in people if not p.affiliations]

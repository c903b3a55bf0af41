from hadath.store.codes import cameo_table
from hadath.network.scores import PLOVER_TYPES, QUAD_CLASS, goldstein, is_cooperation, quad_class


def test_every_plover_type_has_a_quad_class_following_the_manual():
    assert len(PLOVER_TYPES) == 16
    assert {t for t, q in QUAD_CLASS.items() if q == 1} == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}
    assert {t for t, q in QUAD_CLASS.items() if q == 2} == {"COOPERATE", "AID", "RETREAT"}
    assert {t for t, q in QUAD_CLASS.items() if q == 3} == {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
    assert quad_class("SANCTION") == 4 and quad_class("assault") == 4 and quad_class("CRIME") is None
    assert is_cooperation("RETREAT") and not is_cooperation("REQUEST")


def test_goldstein_prefers_the_cameo_code_then_plover_mode_then_type():
    assert sum(g is not None for g, _ in cameo_table().values()) >= 300  # the shipped CAMEO table
    assert goldstein("190", "ASSAULT") == -10.0          # CAMEO: use conventional military force
    assert goldstein("0871", "RETREAT") == 9.0            # CAMEO: declare truce, ceasefire
    assert goldstein(None, "ASSAULT", "aerial") == -9.5   # PLOVER mode score
    assert goldstein("1959", "ASSAULT") == -10.0          # unknown sub-code: its parent 195
    assert goldstein("999", "CONSULT") == 2.5             # unknown code: PLOVER type score
    assert goldstein(None, "ACCUSE") == -3.0              # the manual's "+3" sign slip corrected
    assert goldstein(None, None) == 0.0

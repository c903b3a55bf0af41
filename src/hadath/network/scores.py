"""Quad classes and conflict–cooperation weights of PLOVER events.

Quad class follows the per-type headers of the PLOVER manual (PLOVER_MANUAL.tex, "Quad category: …"
under each event type).  The manual's summary table lists SANCTION under verbal conflict, but the
SANCTION section itself says MATERIAL CONFLICT, as does the issue brief; we follow the section.

Weight: the Goldstein score of the event's CAMEO code, or of its parent code when the sub-code is not in
the table (hadath.store's shipped cameo_goldstein.tsv, derived from cameo-codes.csv);
when the CAMEO code is missing or unknown, the PLOVER score of the (type, mode) pair, else of the type
(PLOVER manual, table "PLOVER conflict–cooperation scores").  The manual prints +3 for plain ACCUSE,
an evident sign slip (all its modes are −2 … −3.5, the older table had −2.0): we use −3.
"""
from __future__ import annotations

from hadath.store.codes import cameo_lookup

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}

QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
PLOVER_TYPES = tuple(QUAD_CLASS)

PLOVER_SCORE: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10.0,
    "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0, "THREATEN": -3.5, "PROTEST": -5.0,
    "SANCTION": -6.0, "MOBILIZE": -5.5, "COERCE": -7.0, "ASSAULT": -9.0,
}

PLOVER_MODE_SCORE: dict[tuple[str, str], float] = {
    ("CONSULT", "visit"): 4.0, ("CONSULT", "third-party"): 1.0, ("CONSULT", "multilateral"): 4.0,
    ("CONSULT", "phone"): 1.5,
    ("RETREAT", "withdraw"): 8.0, ("RETREAT", "release"): 6.5, ("RETREAT", "disarm"): 10.0,
    ("RETREAT", "ceasefire"): 7.5, ("RETREAT", "access"): 6.5, ("RETREAT", "resign"): 4.5,
    ("REQUEST", "assist"): 0.5, ("REQUEST", "change"): -1.0, ("REQUEST", "yield"): -1.0,
    ("REQUEST", "meet"): 0.0,
    ("ACCUSE", "disapprove"): -2.0, ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5,
    ("REJECT", "assist"): -1.5, ("REJECT", "change"): -2.0, ("REJECT", "yield"): -2.0,
    ("REJECT", "meet"): -2.0,
    ("THREATEN", "restrict"): -3.0, ("THREATEN", "arrest"): -3.5, ("THREATEN", "relations"): -3.5,
    ("THREATEN", "expel"): -3.5, ("THREATEN", "territory"): -4.0, ("THREATEN", "violence"): -3.5,
    ("PROTEST", "demo"): -5.0, ("PROTEST", "riot"): -7.0, ("PROTEST", "strike"): -5.0,
    ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5, ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "convict"): -6.0, ("SANCTION", "expel"): -5.5, ("SANCTION", "withdraw"): -6.0,
    ("SANCTION", "discontinue"): -6.0,
    ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5, ("MOBILIZE", "police"): -5.5,
    ("MOBILIZE", "militia"): -6.0,
    ("COERCE", "seize"): -7.0, ("COERCE", "restrict"): -7.0, ("COERCE", "censor"): -6.5,
    ("COERCE", "curfew"): -6.5, ("COERCE", "martial-law"): -7.5, ("COERCE", "arrest"): -7.0,
    ("COERCE", "deport"): -7.0, ("COERCE", "withhold"): -7.0, ("COERCE", "misinformation"): -6.5,
    ("COERCE", "cyber"): -7.0,
    ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "beat"): -7.5, ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5, ("ASSAULT", "targeted"): -9.5, ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8.0, ("ASSAULT", "firearms"): -9.0, ("ASSAULT", "explosives"): -9.0,
    ("ASSAULT", "suicide-attack"): -9.5, ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5, ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "unconventional"): -10.0,
}


def quad_class(event_type: str | None) -> int | None:
    return QUAD_CLASS.get((event_type or "").upper())


def is_cooperation(event_type: str | None) -> bool:
    return quad_class(event_type) in (1, 2)


def goldstein(cameo: str | None, event_type: str | None, mode: str | None = None) -> float:
    """Weight of one event: CAMEO Goldstein, else PLOVER (type, mode) score, else type score, else 0."""
    score, _ = cameo_lookup((cameo or "").strip())  # unknown sub-code: its parent, as ICEWS does
    if score is not None:
        return score
    etype = (event_type or "").upper()
    key = (etype, (mode or "").strip().lower().replace("_", "-"))
    if key in PLOVER_MODE_SCORE:
        return PLOVER_MODE_SCORE[key]
    return PLOVER_SCORE.get(etype, 0.0)

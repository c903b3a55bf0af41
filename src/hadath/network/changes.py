"""Change detection: dyads whose relation shifted sign or strength.

A dyad's *tone* in a window is its mean event weight (−10 … +10).  Between two windows a dyad
- ``turned cooperative`` / ``turned hostile`` when the tone crosses from one side to the other
  (each side at least ``tolerance`` away from 0, so one neutral meeting is not a reversal);
- ``warmed`` / ``cooled`` when the tone moved by at least ``strength_delta`` without changing sign;
- ``appeared`` / ``vanished`` when it has events in only one of the two windows
  (only in ``compare_windows``; ``changes_over_time`` follows each dyad across its active windows).
"""
from __future__ import annotations

import pandas as pd

from hadath.network.dyads import aggregate

TOLERANCE = 1.0
STRENGTH_DELTA = 4.0


def classify(before: float | None, after: float | None, tolerance: float = TOLERANCE,
             strength_delta: float = STRENGTH_DELTA) -> str | None:
    if before is None and after is None:
        return None
    if before is None:
        return "appeared"
    if after is None:
        return "vanished"
    if before <= -tolerance and after >= tolerance:
        return "turned cooperative"
    if before >= tolerance and after <= -tolerance:
        return "turned hostile"
    if after - before >= strength_delta:
        return "warmed"
    if before - after >= strength_delta:
        return "cooled"
    return None


def _row(a: str, b: str, change: str, before: dict | None, after: dict | None, **extra) -> dict:
    def part(d: dict | None) -> dict | None:
        return None if d is None else {"events": int(d["events"]), "mean_score": float(d["mean_score"]),
                                       "coop": int(d["coop"]), "conflict": int(d["conflict"])}
    return {"a": a, "b": b, "change": change, "before": part(before), "after": part(after), **extra}


def compare_windows(first: pd.DataFrame, second: pd.DataFrame, min_events: int = 1,
                    include_new: bool = True, **kw) -> list[dict]:
    """Compare two sets of interactions (from ``load_interactions``) dyad by dyad, undirected."""
    x = {(r["src"], r["dst"]): r for r in aggregate(first, directed=False).to_dict("records")
         if r["events"] >= min_events}
    y = {(r["src"], r["dst"]): r for r in aggregate(second, directed=False).to_dict("records")
         if r["events"] >= min_events}
    out = []
    for key in sorted(set(x) | set(y)):
        b, a = x.get(key), y.get(key)
        change = classify(b and b["mean_score"], a and a["mean_score"], **kw)
        if change and (include_new or (a and b)):
            out.append(_row(*key, change, b, a))
    return sorted(out, key=_magnitude, reverse=True)


def changes_over_time(interactions: pd.DataFrame, window: str = "month", min_events: int = 1,
                      per: pd.DataFrame | None = None, **kw) -> list[dict]:
    """Each undirected dyad followed through the windows where it is active: every sign reversal or
    large shift between consecutive active windows ("FATAH–HAMAS turned cooperative in 2004-03")."""
    if per is None:  # callers that already have the undirected per-window counts pass them in
        per = aggregate(interactions, window=window, directed=False)
    per = per[per["events"] >= min_events]
    out = []
    for (a, b), g in per.groupby(["src", "dst"], sort=True):
        rows = g.sort_values("period").to_dict("records")
        for prev, cur in zip(rows, rows[1:]):
            change = classify(prev["mean_score"], cur["mean_score"], **kw)
            if change:
                out.append(_row(a, b, change, prev, cur, since=prev["period"], period=cur["period"],
                                summary=f"{a}–{b} {change} in {cur['period']}"))
    return sorted(out, key=lambda r: (r["period"], -_magnitude(r)))


def _magnitude(r: dict) -> float:
    before = r["before"]["mean_score"] if r["before"] else 0.0
    after = r["after"]["mean_score"] if r["after"] else 0.0
    return abs(after - before)

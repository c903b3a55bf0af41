"""Measured on the gold seeds (skips without ../shared)."""
from __future__ import annotations


def test_seed_locations_and_dates(shared):
    from hadath.geo.seedeval import run
    res = run()
    assert res["location_events"] == 8 and res["location_in_sentence"] >= 0.85
    assert res["date_events"] == 7 and res["date_resolved_or_inherited"] == 1.0

"""Shared, validated query parameters (bad input → 422 with a clear message)."""
from __future__ import annotations

import datetime as dt
from enum import Enum

from fastapi import HTTPException, Path, Query

from hadath.network.scores import PLOVER_TYPES
from hadath.network.dyads import Window  # noqa: F401  (re-exported for the routes)

ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,64}$"

EventType = Enum("EventType", {t: t for t in PLOVER_TYPES}, type=str)  # the 16 PLOVER types


class Status(str, Enum):
    occurred = "occurred"
    intended = "intended"
    denied = "denied"
    negated = "negated"


Since = Query(None, description="First day, YYYY-MM-DD (inclusive).")
Until = Query(None, description="Last day, YYYY-MM-DD (inclusive).")
WindowQ = Query(Window.month, description="Time window: day, week (ISO), month or year.")


def actor_path(description: str = "Actor root id, e.g. HAMAS, ISR.") -> Path:
    return Path(..., pattern=ID_PATTERN, description=description)


def check_span(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise HTTPException(status_code=422, detail=f"since ({since}) is after until ({until})")

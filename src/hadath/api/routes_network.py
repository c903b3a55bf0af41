"""/api/network, /api/dyads/{a}/{b}, /api/changes and /api/meta."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, HTTPException, Query, Request

from hadath.api.params import EventType, Since, Until, Window, WindowQ, actor_path, check_span
from hadath.network import Span, compare_windows, dyad_series, load_interactions, network_summary
from hadath.network.scores import PLOVER_SCORE, QUAD_CLASS, QUAD_NAMES

router = APIRouter(tags=["network"])


@router.get("/network", summary="The cooperation–conflict network of a span")
def network(request: Request, since: dt.date | None = Since, until: dt.date | None = Until,
            window: Window = WindowQ,
            min_weight: int = Query(1, ge=1, le=100_000, description="Keep dyads with at least this many "
                                                                     "events."),
            directed: bool = Query(False, description="Ordered actor→recipient dyads.")) -> dict:
    check_span(since, until)
    db = request.app.state.db
    with db.cursor() as cur:
        return network_summary(cur, Span(since, until), window.value, min_weight=min_weight,
                               directed=directed, names=db.names())


@router.get("/dyads/{a}/{b}", summary="Time series of one dyad")
def dyad(request: Request, a: str = actor_path("First actor root."), b: str = actor_path("Second actor root."),
         window: Window = WindowQ, since: dt.date | None = Since, until: dt.date | None = Until,
         directed: bool = Query(False, description="Only a→b (default: both directions).")) -> dict:
    check_span(since, until)
    if a == b:
        raise HTTPException(status_code=422, detail="a dyad needs two different actors")
    db = request.app.state.db
    with db.cursor() as cur:
        series = dyad_series(cur, a, b, window.value, Span(since, until), directed=directed)
    names = db.names()
    total = {k: sum(p[k] for p in series) for k in ("events", "coop", "conflict", "q1", "q2", "q3", "q4")}
    total["score"] = round(sum(p["score"] for p in series), 2)
    return {"a": a, "b": b, "a_name": (names.get(a) or {}).get("name", a),
            "b_name": (names.get(b) or {}).get("name", b), "window": window.value, "directed": directed,
            "totals": total, "series": series}


@router.get("/changes", summary="Dyads whose relation changed between two spans")
def changes(request: Request,
            before_since: dt.date | None = Query(None), before_until: dt.date = Query(...),
            after_since: dt.date = Query(...), after_until: dt.date | None = Query(None),
            min_events: int = Query(1, ge=1)) -> dict:
    check_span(before_since, before_until)
    check_span(after_since, after_until)
    db = request.app.state.db
    with db.cursor() as cur:
        first = load_interactions(cur, Span(before_since, before_until))
        second = load_interactions(cur, Span(after_since, after_until))
    return {"changes": compare_windows(first, second, min_events=min_events)}


@router.get("/meta", summary="What the database holds: counts, date range, types")
def meta(request: Request) -> dict:
    db = request.app.state.db
    with db.cursor() as cur:
        docs, = cur.execute("SELECT count(*) FROM documents").fetchone()
        events, geo = cur.execute("SELECT count(*), count(lat) FROM events").fetchone()
        first, last = cur.execute("""SELECT min(COALESCE(e.date_start, d.published)),
            max(COALESCE(e.date_start, d.published)) FROM events e LEFT JOIN documents d USING (doc_id)""").fetchone()
        types = dict(cur.execute("SELECT event_type, count(*) FROM events GROUP BY 1").fetchall())
    return {"documents": docs, "events": events, "events_with_coordinates": geo,
            "first": str(first) if first else None, "last": str(last) if last else None,
            "read_only": db.read_only, "types": {t.value: types.get(t.value, 0) for t in EventType},
            "quad_class": QUAD_CLASS, "quad_names": QUAD_NAMES, "plover_scores": PLOVER_SCORE}

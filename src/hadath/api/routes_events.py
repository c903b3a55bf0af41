"""/api/events: filtered, paged event lists and one event with its evidence and article."""
from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from pydantic import Field, StringConstraints

from hadath.api.params import ID_PATTERN, EventType, Since, Status, Until, check_span
from hadath.network.scores import QUAD_CLASS, QUAD_NAMES, goldstein

router = APIRouter(tags=["events"])
ActorId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Quad = Annotated[int, Field(ge=1, le=4)]

DAY = "COALESCE(e.date_start, d.published)"
_SELECT = f"""SELECT e.event_id, e.doc_id, e.event_type, e.mode, e.cameo, e.status, e.event_date,
       {DAY} AS day, e.location_name, e.lat, e.lon, e.country, e.fatalities, e.injuries, e.record,
       d.source, d.title, d.url, d.published
FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id"""


def _where(actor: list[str], role: str | None, types: list[str], quad: list[int], status: list[str],
           since: dt.date | None, until: dt.date | None, place: str | None, text: str | None,
           geo: bool) -> tuple[str, list[Any]]:
    cond, args = ["TRUE"], []
    for a in actor:  # every listed actor must take part (two actors: the events of that dyad)
        cond.append("e.event_id IN (SELECT event_id FROM event_actors WHERE (root = ? OR entity_id = ?)"
                    + (" AND role = ?)" if role else ")"))
        args += [a, a] + ([role] if role else [])
    if types:
        cond.append("list_contains(?, e.event_type)")
        args.append(types)
    if quad:
        quads = [t for t, q in QUAD_CLASS.items() if q in quad]
        cond.append("list_contains(?, e.event_type)")
        args.append(quads)
    if status:
        cond.append("list_contains(?, e.status)")
        args.append(status)
    if since:
        cond.append(f"{DAY} >= ?")
        args.append(since)
    if until:
        cond.append(f"{DAY} <= ?")
        args.append(until)
    if place:
        cond.append(f"({_fold_sql('e.location_name')} LIKE ? ESCAPE '\\' OR e.country = upper(?))")
        args += [_contains(fold(place)), place]
    if text:
        folded = _contains(fold(text))
        sentence = _fold_sql("json_extract_string(e.record, '$.evidence.sentence')")
        cond.append(f"({sentence} LIKE ? ESCAPE '\\' OR {_fold_sql('d.title')} LIKE ? ESCAPE '\\')")
        args += [folded, folded]
    if geo:
        cond.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    return " AND ".join(cond), args


# Arabic spelling varies (hamza seats, ta marbuta, alef maqsura, diacritics, tatweel): text search
# compares folded forms so "اسرائيل" finds "إسرائيل".  The same folding in SQL and in Python.
_FOLDS = [("[أإآٱ]", "ا"), ("ة", "ه"), ("ى", "ي"), ("[ؤ]", "و"), ("[ئ]", "ي"), ("[\u064B-\u0652\u0640]", "")]


def _contains(s: str) -> str:
    """LIKE pattern for 'contains s', with the user's % and _ taken literally."""
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fold(s: str) -> str:
    import re
    s = s.lower()
    for pattern, repl in _FOLDS:
        s = re.sub(pattern, repl, s)
    return s


def _fold_sql(expr: str) -> str:
    out = f"lower({expr})"
    for pattern, repl in _FOLDS:
        out = f"regexp_replace({out}, '{pattern}', '{repl}', 'g')"
    return out


def _party(a: dict, names: dict) -> dict:
    root = a.get("root")
    return {"id": a.get("id"), "root": root, "text": a.get("text"), "type": a.get("type"),
            "name": (names.get(root) or {}).get("name") if root else None}


def _summary(row: dict, names: dict) -> dict:
    rec = json.loads(row["record"]) if isinstance(row["record"], str) else row["record"]
    quad = QUAD_CLASS.get(row["event_type"])
    return {
        "event_id": row["event_id"], "doc_id": row["doc_id"], "event_type": row["event_type"],
        "mode": row["mode"], "cameo": row["cameo"], "quad": quad, "quad_name": QUAD_NAMES.get(quad),
        "goldstein": goldstein(row["cameo"], row["event_type"], row["mode"]), "status": row["status"],
        "date": row["event_date"], "day": str(row["day"]) if row["day"] else None,
        "location": None if row["location_name"] is None and row["lat"] is None else {
            "name": row["location_name"], "lat": row["lat"], "lon": row["lon"], "country": row["country"]},
        "fatalities": row["fatalities"], "injuries": row["injuries"],
        "actors": [_party(a, names) for a in rec.get("actors") or []],
        "recipients": [_party(a, names) for a in rec.get("recipients") or []],
        "sentence": (rec.get("evidence") or {}).get("sentence"),
        "source": row["source"], "title": row["title"], "url": row["url"],
        "published": str(row["published"]) if row["published"] else None,
    }


def _rows(cur, sql: str, args: list) -> list[dict]:
    res = cur.execute(sql, args)
    cols = [c[0] for c in res.description]
    return [dict(zip(cols, r)) for r in res.fetchall()]


@router.get("/events", summary="Events, filtered and paged")
def list_events(
    request: Request,
    actor: list[ActorId] = Query([], description="Actor root or entity id taking part; "
                             "repeat for events involving all of them (a dyad: actor=FATAH&actor=HAMAS)."),
    role: str | None = Query(None, pattern="^(actor|recipient)$",
                             description="With actor: only where it is the actor, or the recipient."),
    type: list[EventType] = Query([], description="PLOVER event type(s)."),
    quad: list[Quad] = Query([], description="Quad class(es): 1 verbal coop … 4 material conflict."),
    status: list[Status] = Query([], description="Event status(es)."),
    since: dt.date | None = Since, until: dt.date | None = Until,
    place: str | None = Query(None, max_length=100, description="Location name contains, or ISO3 country."),
    text: str | None = Query(None, max_length=200, description="Evidence sentence or title contains."),
    geo: bool = Query(False, description="Only events with coordinates."),
    sort: str = Query("date", pattern="^-?date$", description="date (oldest first) or -date."),
    limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000),
) -> dict:
    check_span(since, until)
    where, args = _where(actor, role, [t.value for t in type], quad, [s.value for s in status], since,
                         until, place, text, geo)
    db = request.app.state.db
    order = "DESC" if sort.startswith("-") else "ASC"
    with db.cursor() as cur:
        total = cur.execute(f"SELECT count(*) FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id "
                            f"WHERE {where}", args).fetchone()[0]
        rows = _rows(cur, f"{_SELECT} WHERE {where} ORDER BY day {order} NULLS LAST, e.event_id "
                          f"LIMIT ? OFFSET ?", args + [limit, offset])
    names = db.names()
    return {"total": total, "limit": limit, "offset": offset, "items": [_summary(r, names) for r in rows]}


@router.get("/events/{event_id}", summary="One event with its evidence and its article")
def get_event(request: Request, event_id: str = Path(..., pattern=r"^[A-Za-z0-9_.:\-]{1,128}$")) -> dict:
    db = request.app.state.db
    with db.cursor() as cur:
        rows = _rows(cur, f"{_SELECT} WHERE e.event_id = ?", [event_id])
        if not rows:
            raise HTTPException(status_code=404, detail=f"no event {event_id}")
        row = rows[0]
        doc = _rows(cur, "SELECT doc_id, title, source, url, published, text, degraded FROM documents "
                         "WHERE doc_id = ?", [row["doc_id"]])
    out = _summary(row, db.names())
    record = json.loads(row["record"]) if isinstance(row["record"], str) else row["record"]
    out["record"] = record
    out["evidence"] = evidence_spans(record)
    article = doc[0] if doc else None
    if article and article["published"]:
        article["published"] = str(article["published"])
    out["article"] = article
    return out


def evidence_spans(record: dict) -> dict:
    """The evidence sentence with its highlights as offsets *within the sentence* (the record keeps
    offsets into the whole article), sorted, overlaps resolved in favour of the trigger."""
    ev = record.get("evidence") or {}
    sentence, base = ev.get("sentence") or "", ev.get("start") or 0
    spans = []
    trig = ev.get("trigger")
    if trig and trig.get("start") is not None:
        spans.append({"kind": "trigger", "start": trig["start"] - base, "end": trig["end"] - base,
                      "text": trig.get("text")})
    recips = {(m.get("start"), m.get("end")) for m in record.get("recipients") or []}
    actors = {(m.get("start"), m.get("end")) for m in record.get("actors") or []}
    for m in ev.get("actors") or []:
        key = (m.get("start"), m.get("end"))
        kind = "actor" if key in actors else "recipient" if key in recips else "actor"
        spans.append({"kind": kind, "start": m["start"] - base, "end": m["end"] - base, "text": m.get("text")})
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(sentence)]
    spans.sort(key=lambda s: (s["start"], s["kind"] != "trigger"))
    kept, last_end = [], -1
    for s in spans:
        if s["start"] >= last_end:
            kept.append(s)
            last_end = s["end"]
    return {"sentence": sentence, "start": base, "end": ev.get("end"), "spans": kept,
            "more": ev.get("more") or []}

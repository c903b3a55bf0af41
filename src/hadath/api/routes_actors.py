"""/api/actors: the actor roots in the store, and one actor's aliases, relations and timeline."""
from __future__ import annotations

import pandas as pd
from fastapi import APIRouter, HTTPException, Request

from hadath.api.params import Window, WindowQ, actor_path
from hadath.network.dyads import aggregate, load_interactions, period_of
from hadath.network.names import kb_entry
from hadath.network.scores import QUAD_CLASS

router = APIRouter(tags=["actors"])

_COUNTS = """SELECT a.root, count(DISTINCT a.event_id) FILTER (WHERE a.role = 'actor') AS as_actor,
       count(DISTINCT a.event_id) FILTER (WHERE a.role = 'recipient') AS as_recipient,
       count(DISTINCT a.event_id) AS events,
       min(COALESCE(e.date_start, d.published)) AS first, max(COALESCE(e.date_start, d.published)) AS last
FROM event_actors a JOIN events e ON e.event_id = a.event_id LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE a.root IS NOT NULL {extra} GROUP BY a.root ORDER BY events DESC, a.root"""


def _row(r: tuple, names: dict) -> dict:
    root, as_actor, as_recipient, events, first, last = r
    n = names.get(root) or {}
    return {"id": root, "name": n.get("name") or root, "name_ar": n.get("name_ar"), "events": events,
            "as_actor": as_actor, "as_recipient": as_recipient,
            "first": str(first) if first else None, "last": str(last) if last else None}


@router.get("/actors", summary="Actor roots with event counts")
def list_actors(request: Request) -> dict:
    db = request.app.state.db
    with db.cursor() as cur:
        rows = cur.execute(_COUNTS.format(extra="")).fetchall()
    names = db.names()
    return {"total": len(rows), "items": [_row(r, names) for r in rows]}


@router.get("/actors/{actor_id}", summary="One actor: names and aliases, relations, timeline")
def get_actor(request: Request, actor_id: str = actor_path(), window: Window = WindowQ) -> dict:
    db = request.app.state.db
    with db.cursor() as cur:
        rows = cur.execute(_COUNTS.format(extra="AND a.root = ?"), [actor_id]).fetchall()
        kb = kb_entry(actor_id)
        if not rows and kb is None:
            raise HTTPException(status_code=404, detail=f"no actor {actor_id} in this database")
        entities = cur.execute("""SELECT entity_id, count(*) FROM event_actors WHERE root = ?
                                  AND entity_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC""", [actor_id]).fetchall()
        inter = load_interactions(cur)
        timeline = cur.execute("""SELECT COALESCE(e.date_start, d.published) AS day, e.event_type, a.role
            FROM event_actors a JOIN events e ON e.event_id = a.event_id LEFT JOIN documents d
            ON d.doc_id = e.doc_id WHERE a.root = ? AND COALESCE(e.date_start, d.published) IS NOT NULL""",
                               [actor_id]).df()
    names = db.names()
    out = _row(rows[0], names) if rows else {"id": actor_id, "name": (kb or {}).get("name") or actor_id,
                                            "events": 0}
    store = names.get(actor_id) or {}
    out["aliases"] = sorted(set((kb or {}).get("aliases", [])) | set(store.get("forms", [])))
    out["kb"] = kb
    out["entities"] = [{"id": e, "mentions": n} for e, n in entities]
    mine = inter[(inter["src"] == actor_id) | (inter["dst"] == actor_id)]
    rel = aggregate(mine, directed=False)
    out["relations"] = sorted(({
        "partner": r.dst if r.src == actor_id else r.src,
        "name": (names.get(r.dst if r.src == actor_id else r.src) or {}).get("name"),
        "events": int(r.events), "coop": int(r.coop), "conflict": int(r.conflict), "score": float(r.score),
        "mean_score": float(r.mean_score), "types": r.types} for r in rel.itertuples()),
        key=lambda r: (-r["events"], r["partner"]))
    out["timeline"] = _timeline(timeline, window.value)
    return out


def _timeline(df, window: str) -> list[dict]:
    if df.empty:
        return []
    df = df.assign(day=pd.to_datetime(df["day"]))
    df = df.assign(period=period_of(df["day"], window), quad=df["event_type"].map(QUAD_CLASS))
    out = []
    for period, g in df.groupby("period", sort=True):
        out.append({"period": period, "events": len(g), "as_actor": int((g["role"] == "actor").sum()),
                    "as_recipient": int((g["role"] == "recipient").sum()),
                    "coop": int(g["quad"].isin([1, 2]).sum()), "conflict": int(g["quad"].isin([3, 4]).sum())})
    return out

"""Exports from the store: PLOVER JSONL, ICEWS-style CSV, Parquet (mappings: docs/spine.md).

All three stream the events table in batches, so an export costs one batch of memory, and all three are
rendered from the stored codebook record, so they agree with `hadath extract` field for field.
"""
from __future__ import annotations

import csv
import datetime as _dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from hadath import __version__
from hadath.geo.gazetteer import is_country_place
from hadath.store.codes import cameo_lookup, date_range, root_country
from hadath.store.db import Store
from hadath.store.query import EventFilter

FORMATS = ("plover-jsonl", "icews-csv", "parquet")
Tick = Callable[[], None] | None  # called once per exported event (a progress bar)
BATCH = 5000
CODER = f"hadath {__version__}"
CODEBOOK = "hadath codebook v1.1 (PLOVER event types and modes)"

_QUERY = """
SELECT e.event_id, e.doc_id, e.quad_class, e.goldstein, e.record, d.published, d.source, d.url,
       d.title, d.ingested_at, s.sent_idx
FROM events e JOIN documents d USING (doc_id)
LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.start_off = e.sentence_start
{where}ORDER BY d.published NULLS LAST, e.doc_id, e.sentence_start, e.event_id
"""


def iter_events(store: Store, tick: Tick = None,
                where: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Each stored event (optionally filtered) as {event_id, doc_id, quad_class, goldstein, record
    (dict), published, ...}; ``tick`` is called once per event (a progress bar)."""
    clause, params = (where or EventFilter()).sql()
    cur = store.con.execute(_QUERY.format(where=clause), params)
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(BATCH):
        for row in rows:
            item = dict(zip(names, row))
            rec = item["record"]
            item["record"] = json.loads(rec) if isinstance(rec, str) else rec
            if tick:
                tick()
            yield item


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, (_dt.date, _dt.datetime)) else value


# --- PLOVER JSONL -------------------------------------------------------------------------------

def _plover_entity(a: dict[str, Any]) -> dict[str, Any]:
    return {"code": a.get("root"), "sector": a.get("sector"), "entity_text": a.get("text"),
            "identifier_id": a.get("id"), "identifier_text": a.get("name"), "type": a.get("type")}


def _plover_dates(rec_date: str | None, published: Any) -> dict[str, Any]:
    first, last = date_range(rec_date)
    if first is None:  # PLOVER requires a date: fall back to the publication date, and say so
        pub = _iso(published)
        return {"date": pub, "date_precision": "publication" if pub else None}
    precision = {1: "year", 2: "month"}.get(len(rec_date.split("-")), "day")  # type: ignore[union-attr]
    out: dict[str, Any] = {"date": first.isoformat(), "date_precision": precision}
    if last != first:
        out["enddate"] = last.isoformat()  # a month or year: the range it covers
    return out


_CONTEXT = {"intended": ["future"], "negated": ["negation"]}


def plover_record(item: dict[str, Any]) -> dict[str, Any]:
    rec = item["record"]
    ev = rec["evidence"]
    loc = rec.get("location")
    seq = item.get("sent_idx")
    out: dict[str, Any] = {"id": item["event_id"], "has_event": True}
    out.update(_plover_dates(rec.get("date"), item.get("published")))
    out.update({
        "actor": [_plover_entity(a) for a in rec.get("actors") or []],
        "recipient": [_plover_entity(a) for a in rec.get("recipients") or []],
        "event": [rec["event_type"]],
        "mode": [rec["mode"]] if rec.get("mode") else [],
        "context": _CONTEXT.get(rec.get("status"), []),
        "status": rec.get("status"),
        "event_loc": None if not loc else {
            "extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
            "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "country_code": loc.get("country"), "country": root_country(loc.get("country"))},
        "event_text": [ev["sentence"]],
        "trigger": ev.get("trigger", {}).get("text"),
        "quad_code": item.get("quad_class"),
        "event_scale": item.get("goldstein"),
        "cameo": rec.get("cameo"),
        "size": {"dead": rec.get("fatalities"), "injured": rec.get("injuries")},
        "source_says": rec.get("source_says"),
        "text_info": {"sequence": None if seq is None else seq + 1, "start": ev["start"],
                      "end": ev["end"]},
        "cite_info": {"corpus": item.get("source"), "citation": item["doc_id"], "url": item.get("url"),
                      "title": item.get("title"), "language": "ar", "publication": item.get("source"),
                      "coder": CODER, "codebook": CODEBOOK},
        "coder": CODER,
        "coded_date": _iso(item["ingested_at"].date()) if item.get("ingested_at") else None,
    })
    return out


def export_plover_jsonl(store: Store, path: str | Path, tick: Tick = None,
                        where: EventFilter | None = None) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for item in iter_events(store, tick, where):
            f.write(json.dumps(plover_record(item), ensure_ascii=False) + "\n")
            n += 1
    return n


# --- ICEWS-style CSV ----------------------------------------------------------------------------

ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
                 "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
                 "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
                 "Province", "Country", "Latitude", "Longitude"]


def _name(a: dict[str, Any] | None) -> str:
    if not a:
        return ""
    return a.get("name") or a.get("root") or a.get("text") or ""


def _same(a: dict[str, Any] | None, r: dict[str, Any] | None) -> bool:
    if not a or not r:
        return False
    return (a.get("id"), a.get("root"), a.get("text")) == (r.get("id"), r.get("root"), r.get("text"))


def icews_rows(item: dict[str, Any]) -> list[dict[str, Any]]:
    """ICEWS is dyadic: an event with several actors/recipients becomes one row per (actor, recipient)
    pair, self-pairs left out; such rows get Event IDs '<event_id>-1', '-2' … so the column stays
    unique and '<event_id>' still joins back to the other formats."""
    rec = item["record"]
    loc = rec.get("location") or {}
    _, text = cameo_lookup(rec.get("cameo"))
    date = rec.get("date") or _iso(item.get("published")) or ""
    seq = item.get("sent_idx")
    pairs = [(a, r) for a in (rec.get("actors") or [None]) for r in (rec.get("recipients") or [None])]
    # a mutual event (codebook §1: every party in both roles) must not yield X→X rows
    pairs = [(a, r) for a, r in pairs if not _same(a, r)] or pairs[:1]
    rows = []
    for k, (a, r) in enumerate(pairs, start=1):
        rows.append({
            "Event ID": item["event_id"] if len(pairs) == 1 else f"{item['event_id']}-{k}",
            "Event Date": date,
            "Source Name": _name(a), "Source Sectors": (a or {}).get("sector") or "",
            "Source Country": root_country((a or {}).get("root")) or "",
            "Event Text": text or rec["event_type"], "CAMEO Code": rec.get("cameo") or "",
            "Intensity": "" if item.get("goldstein") is None else item["goldstein"],
            "Target Name": _name(r), "Target Sectors": (r or {}).get("sector") or "",
            "Target Country": root_country((r or {}).get("root")) or "",
            "Story ID": item["doc_id"], "Sentence Number": "" if seq is None else seq + 1,
            "Publisher": item.get("source") or "", "District": "",
            "City": "" if is_country_place(loc.get("geonameid")) else loc.get("name") or "",
            "Province": "", "Country": root_country(loc.get("country")) or loc.get("country") or "",
            "Latitude": "" if loc.get("lat") is None else loc["lat"],
            "Longitude": "" if loc.get("lon") is None else loc["lon"],
        })
    return rows


def export_icews_csv(store: Store, path: str | Path, tick: Tick = None,
                     where: EventFilter | None = None) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=ICEWS_COLUMNS)
        writer.writeheader()
        for item in iter_events(store, tick, where):
            for row in icews_rows(item):
                writer.writerow(row)
                n += 1
    return n


# --- Parquet ------------------------------------------------------------------------------------

_LIST = pa.list_(pa.string())
PARQUET_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("event_date", pa.string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()), ("published", pa.date32()),
    ("event_type", pa.string()), ("mode", pa.string()), ("cameo", pa.string()),
    ("quad_class", pa.int32()), ("goldstein", pa.float64()), ("status", pa.string()),
    ("actor_ids", _LIST), ("actor_roots", _LIST), ("actor_names", _LIST), ("actor_texts", _LIST),
    ("actor_sectors", _LIST),
    ("recipient_ids", _LIST), ("recipient_roots", _LIST), ("recipient_names", _LIST),
    ("recipient_texts", _LIST), ("recipient_sectors", _LIST),
    ("location_name", pa.string()), ("geonameid", pa.int64()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("country", pa.string()), ("fatalities", pa.int64()),
    ("injuries", pa.int64()), ("source_says", pa.string()), ("sentence", pa.string()),
    ("sentence_start", pa.int64()), ("sentence_end", pa.int64()), ("sentence_number", pa.int64()),
    ("trigger", pa.string()), ("source", pa.string()), ("url", pa.string()), ("title", pa.string()),
    ("record_json", pa.string()),  # the full codebook record: nothing the flat columns drop is lost
])


def parquet_row(item: dict[str, Any]) -> dict[str, Any]:
    rec = item["record"]
    loc = rec.get("location") or {}
    ev = rec["evidence"]
    first, last = date_range(rec.get("date"))
    row = {
        "event_id": item["event_id"], "doc_id": item["doc_id"], "event_date": rec.get("date"),
        "date_start": first, "date_end": last, "published": item.get("published"),
        "event_type": rec["event_type"], "mode": rec.get("mode"), "cameo": rec.get("cameo"),
        "quad_class": item.get("quad_class"), "goldstein": item.get("goldstein"),
        "status": rec.get("status"),
        "location_name": loc.get("name"), "geonameid": loc.get("geonameid"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "country": loc.get("country"), "fatalities": rec.get("fatalities"),
        "injuries": rec.get("injuries"), "source_says": rec.get("source_says"),
        "sentence": ev["sentence"], "sentence_start": ev["start"], "sentence_end": ev["end"],
        "sentence_number": None if item.get("sent_idx") is None else item["sent_idx"] + 1,
        "trigger": ev.get("trigger", {}).get("text"), "source": item.get("source"),
        "url": item.get("url"), "title": item.get("title"),
        "record_json": json.dumps(rec, ensure_ascii=False),
    }
    for role, key in (("actor", "actors"), ("recipient", "recipients")):
        group = rec.get(key) or []
        for field, src in (("ids", "id"), ("roots", "root"), ("names", "name"), ("texts", "text"),
                           ("sectors", "sector")):
            row[f"{role}_{field}"] = [a.get(src) for a in group]
    return row


def export_parquet(store: Store, path: str | Path, tick: Tick = None,
                   where: EventFilter | None = None) -> int:
    n = 0
    with pq.ParquetWriter(str(path), PARQUET_SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for item in iter_events(store, tick, where):
            batch.append(parquet_row(item))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
                n += len(batch)
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
        n += len(batch)
    return n


EXPORTERS = {"plover-jsonl": export_plover_jsonl, "icews-csv": export_icews_csv,
             "parquet": export_parquet}


def export(store: Store, fmt: str, path: str | Path, tick: Tick = None,
           where: EventFilter | None = None) -> int:
    """Write the stored events (all, or those ``where`` selects) in ``fmt``; returns the number of
    records (CSV: rows) written."""
    return EXPORTERS[fmt](store, path, tick, where)

"""The DuckDB store: one transaction per article, identity by content hash.

Why per article: a run killed half-way leaves only whole articles behind, and the re-run skips them by
hash before even running the pipeline, so every article ends up stored exactly once.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from hadath.doc import Doc
from hadath.store.codes import QUAD_CLASS, cameo_lookup, date_range


class StoreError(Exception):
    """A store problem the user can fix (missing file, locked database); message is one line."""


def schema_sql() -> str:
    return resources.files("hadath.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _connect(path: str | Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no database at {path} (create one with `hadath ingest ... --db {path}`)")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(f"cannot open {path}: {first}") from None


class Store:
    """``Store(path)`` opens (creating if needed) a hadath database; ``Store(path, read_only=True)``
    opens an existing one for queries/exports."""

    def __init__(self, path: str | Path = "hadath.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.con = _connect(path, read_only)
        if not read_only:
            self.con.execute(schema_sql())

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- writing -------------------------------------------------------------------------------

    def has_hash(self, content_hash: str) -> bool:
        return bool(self.existing_hashes([content_hash]))

    def existing_hashes(self, hashes: list[str]) -> set[str]:
        """Which of these content hashes are stored already (one query for a whole batch)."""
        if not hashes:
            return set()
        rows = self.con.execute("SELECT content_hash FROM documents WHERE content_hash IN "
                                "(SELECT unnest(?))", [list(hashes)]).fetchall()
        return {r[0] for r in rows}

    def ingest(self, doc: Doc, *, replace: bool = False) -> bool:
        """Store one processed article atomically; False when its content is already stored."""
        return self.ingest_many([doc], replace=replace)[0]

    def ingest_many(self, docs: list[Doc], *, replace: bool = False) -> list[bool]:
        """Store processed articles in ONE transaction (all or none); per doc, False when its content
        is already stored.  ``replace=True`` re-writes stored content instead (the demo uses it so
        its summary reflects the current pipeline)."""
        con = self.con
        con.begin()
        try:
            present = self.existing_hashes([d.hash for d in docs])
            if replace and present:
                for (doc_id,) in con.execute("SELECT doc_id FROM documents WHERE content_hash IN "
                                             "(SELECT unnest(?))", [list(present)]).fetchall():
                    self._delete(doc_id)
                present = set()
            fresh, seen, stored = [], set(present), []
            for d in docs:
                new = d.hash not in seen
                seen.add(d.hash)
                stored.append(new)
                if new:
                    fresh.append(d)
            self._assign_ids(fresh)
            if fresh:
                self._insert(fresh)
            con.commit()
            return stored
        except BaseException:  # KeyboardInterrupt too: never leave part of a batch behind
            con.rollback()
            raise

    def _assign_ids(self, docs: list[Doc]) -> None:
        """An id already used by other content (an edited article, two files with one name) gets the
        content hash appended, so both are kept and ids stay stable across runs."""
        ids = [d.id for d in docs]
        taken = {r[0] for r in self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()}
        for d in docs:
            if d.id in taken:
                d.id = f"{d.id}~{d.hash[:8]}"
            taken.add(d.id)

    def _delete(self, doc_id: str) -> None:
        con = self.con
        con.execute("DELETE FROM event_actors WHERE event_id IN "
                    "(SELECT event_id FROM events WHERE doc_id = ?)", [doc_id])
        for table in ("events", "mentions", "sentences", "documents"):
            con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def _append(self, table: str, columns: tuple[str, ...], rows: list[list[Any]]) -> None:
        """Bulk insert through Arrow: one statement per table per batch (executemany is ~1 ms/row)."""
        if not rows:
            return
        data = pa.table({c: pa.array([r[i] for r in rows], type=COLUMN_TYPES.get(c))
                         for i, c in enumerate(columns)})
        self.con.register("_hadath_batch", data)
        try:
            cols = ", ".join(columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _hadath_batch")
        finally:
            self.con.unregister("_hadath_batch")

    def _insert(self, docs: list[Doc]) -> None:
        documents, sentences, mentions, events, actors = [], [], [], [], []
        for doc in docs:
            documents.append([doc.id, doc.hash, doc.source, doc.url, doc.title, doc.date, doc.text,
                              doc.degraded])
            sentences += [[doc.id, i, s.start, s.end] for i, s in enumerate(doc.sentences)]
            mentions += [[doc.id, i, m.start, m.end, m.text, m.entity_id, m.root, m.type, m.sector,
                          m.origin] for i, m in enumerate(doc.mentions)]
            for i, ev in enumerate(doc.events):
                event_id = f"{doc.id}:{i}"
                events.append(event_row(event_id, doc, ev.to_record(doc)))
                for role, group in (("actor", ev.actors), ("recipient", ev.recipients)):
                    actors += [[event_id, role, k, m.entity_id, m.root, m.text, m.type, m.sector]
                               for k, m in enumerate(group)]
        self._append("documents", DOCUMENT_COLUMNS, documents)
        self._append("sentences", ("doc_id", "sent_idx", "start_off", "end_off"), sentences)
        self._append("mentions", MENTION_COLUMNS, mentions)
        self._append("events", EVENT_COLUMNS, events)
        self._append("event_actors", ACTOR_COLUMNS, actors)

    # --- reading -------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("documents", "sentences", "mentions", "events", "event_actors")}

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


DOCUMENT_COLUMNS = ("doc_id", "content_hash", "source", "url", "title", "published", "text", "degraded")
MENTION_COLUMNS = ("doc_id", "mention_idx", "start_off", "end_off", "text", "entity_id", "root", "type",
                   "sector", "origin")
ACTOR_COLUMNS = ("event_id", "role", "position", "entity_id", "root", "text", "type", "sector")
# Arrow types for columns whose Python values may all be None or mix int/float in one batch.
COLUMN_TYPES = {
    "published": pa.date32(), "date_start": pa.date32(), "degraded": pa.bool_(),
    "goldstein": pa.float64(), "lat": pa.float64(), "lon": pa.float64(), "geonameid": pa.int64(),
    "quad_class": pa.int32(), "fatalities": pa.int64(), "injuries": pa.int64(),
    "source": pa.string(), "url": pa.string(), "title": pa.string(), "entity_id": pa.string(),
    "root": pa.string(), "sector": pa.string(), "type": pa.string(), "mode": pa.string(),
    "cameo": pa.string(), "event_date": pa.string(), "location_name": pa.string(),
    "country": pa.string(), "source_says": pa.string(), "origin": pa.string(), "text": pa.string(),
}

EVENT_COLUMNS = (
    "event_id", "doc_id", "event_type", "mode", "cameo", "quad_class", "goldstein", "status",
    "event_date", "date_start", "location_name", "geonameid", "lat", "lon", "country", "fatalities",
    "injuries", "source_says", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "record",
)


def event_row(event_id: str, doc: Doc, rec: dict[str, Any]) -> list[Any]:
    """The events-table row of one codebook record (the record itself is kept whole in `record`)."""
    loc = rec.get("location") or {}
    ev = rec["evidence"]
    goldstein, _ = cameo_lookup(rec.get("cameo"))
    start, _ = date_range(rec.get("date"))
    return [event_id, doc.id, rec["event_type"], rec.get("mode"), rec.get("cameo"),
            QUAD_CLASS.get(rec["event_type"]), goldstein, rec.get("status") or "occurred",
            rec.get("date"), start, loc.get("name"), loc.get("geonameid"), loc.get("lat"),
            loc.get("lon"), loc.get("country"), rec.get("fatalities"), rec.get("injuries"),
            rec.get("source_says"), ev["start"], ev["end"], ev["trigger"]["start"],
            ev["trigger"]["end"], json.dumps(rec, ensure_ascii=False)]

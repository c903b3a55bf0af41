"""Queries the CLI (and anyone else) runs against the store."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hadath.pipeline import parse_date
from hadath.store.db import Store

# The day an event is filed under: its own (first) day, else its article's publication date.
EVENT_DAY = "coalesce(e.date_start, d.published)"


@dataclass(frozen=True)
class EventFilter:
    """Which events: ``actor`` matches an entity id or a root (case-insensitive) in either role;
    ``since``/``until`` are inclusive ISO dates on EVENT_DAY.  Queries alias events `e`, documents `d`."""

    actor: str | None = None
    event_type: str | None = None
    since: str | None = None
    until: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """('WHERE …' or '', parameters)."""
        where: list[str] = []
        params: list[Any] = []
        if self.actor:
            where.append("e.event_id IN (SELECT event_id FROM event_actors "
                         "WHERE upper(entity_id) = ? OR upper(root) = ?)")
            params += [self.actor.upper(), self.actor.upper()]
        if self.event_type:
            where.append("e.event_type = ?")
            params.append(self.event_type.upper())
        if self.since:
            where.append(f"{EVENT_DAY} >= ?")
            params.append(parse_date(self.since))
        if self.until:
            where.append(f"{EVENT_DAY} <= ?")
            params.append(parse_date(self.until))
        return (f"WHERE {' AND '.join(where)} " if where else ""), params


def query_events(store: Store, *, actor: str | None = None, event_type: str | None = None,
                 since: str | None = None, until: str | None = None,
                 limit: int = 50) -> list[dict[str, Any]]:
    """Stored events, newest first, with their codebook record parsed."""
    where, params = EventFilter(actor, event_type, since, until).sql()
    sql = ("SELECT e.event_id, coalesce(e.event_date, CAST(d.published AS VARCHAR)) AS date, "
           "e.event_type, e.status, e.record FROM events e JOIN documents d USING (doc_id) "
           f"{where}ORDER BY {EVENT_DAY} DESC NULLS LAST, e.event_id LIMIT ?")
    rows = store.query(sql, params + [limit])
    for r in rows:
        r["record"] = json.loads(r["record"]) if isinstance(r["record"], str) else r["record"]
    return rows

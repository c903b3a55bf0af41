"""A readable Rich summary of a store (what `hadath demo` prints): events per type, top actor pairs,
and example events with their Arabic evidence, trigger highlighted."""
from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from hadath.store.db import Store


def type_counts(store: Store, doc_ids: list[str] | None = None) -> list[tuple[str, int]]:
    where, params = _scope(doc_ids)
    return [tuple(r) for r in store.con.execute(  # type: ignore[misc]
        f"SELECT event_type, count(*) n FROM events e {where} GROUP BY 1 ORDER BY n DESC, 1",
        params).fetchall()]


def top_pairs(store: Store, doc_ids: list[str] | None = None, n: int = 8) -> list[tuple[str, str, int]]:
    """(actor root, recipient root, events) for the most frequent directed pairs of resolved actors."""
    where, params = _scope(doc_ids)
    sql = f"""
        SELECT a.root, r.root, count(DISTINCT e.event_id) n
        FROM events e
        JOIN event_actors a ON a.event_id = e.event_id AND a.role = 'actor'
        JOIN event_actors r ON r.event_id = e.event_id AND r.role = 'recipient'
        {where} {'AND' if where else 'WHERE'} a.root IS NOT NULL AND r.root IS NOT NULL
              AND a.root <> r.root
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT {int(n)}"""
    return [tuple(r) for r in store.con.execute(sql, params).fetchall()]  # type: ignore[misc]


def examples(store: Store, doc_ids: list[str] | None = None, n: int = 3) -> list[dict[str, Any]]:
    """n events of different types where possible (the most complete ones: both roles resolved)."""
    where, params = _scope(doc_ids)
    rows = store.con.execute(f"SELECT event_id, record FROM events e {where} ORDER BY event_id",
                             params).fetchall()
    recs = [(eid, json.loads(r) if isinstance(r, str) else r) for eid, r in rows]
    recs.sort(key=lambda x: -(bool(x[1]["actors"]) + bool(x[1]["recipients"])))
    picked, types = [], set()
    for eid, rec in recs:
        if rec["event_type"] not in types:
            picked.append({"event_id": eid, **rec})
            types.add(rec["event_type"])
        if len(picked) == n:
            break
    return picked


def _scope(doc_ids: list[str] | None) -> tuple[str, list[Any]]:
    if doc_ids is None:
        return "", []
    return "WHERE e.doc_id IN (SELECT unnest(?))", [doc_ids]


def _who(actors: list[dict[str, Any]]) -> str:
    return " + ".join(a.get("root") or f"«{a.get('text')}»" for a in actors) or "—"


def evidence_text(rec: dict[str, Any]) -> Text:
    ev = rec["evidence"]
    sentence = ev["sentence"]
    t = Text(" ".join(sentence.split()) if "\n" in sentence else sentence)
    if "\n" not in sentence:
        lo, hi = ev["trigger"]["start"] - ev["start"], ev["trigger"]["end"] - ev["start"]
        if 0 <= lo < hi <= len(sentence):
            t.stylize("bold yellow", lo, hi)
    return t


def print_summary(store: Store, console: Console, doc_ids: list[str] | None = None) -> None:
    counts = type_counts(store, doc_ids)
    total = sum(n for _, n in counts)
    if not total:
        console.print("No events coded yet (the event coder found none in these articles).")
        return
    console.print(f"[bold]{total} events by PLOVER type[/]")
    by_type = Table()
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    for t, n in counts:
        by_type.add_row(t, str(n))
    console.print(by_type)
    pairs = top_pairs(store, doc_ids)
    if pairs:
        console.print("[bold]Top actor → recipient pairs[/]")
        table = Table()
        for col in ("actor", "recipient", "events"):
            table.add_column(col, justify="right" if col == "events" else "left")
        for a, r, n in pairs:
            table.add_row(a, r, str(n))
        console.print(table)
    console.print("[bold]Example events[/]")
    for rec in examples(store, doc_ids):
        head = (f"[bold]{rec['event_type']}[/] {_who(rec['actors'])} → {_who(rec['recipients'])}"
                f"  status={rec['status']} date={rec['date'] or '—'}  ({rec['event_id']})")
        console.print(head, highlight=False)
        console.print(Text("   ") + evidence_text(rec))

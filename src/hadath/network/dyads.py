"""Dyad-level counts over stored events.

One *interaction* is one (event, actor root, recipient root) triple: an event with actors [HAMAS, PIJ]
and recipient [ISR] gives HAMAS→ISR and PIJ→ISR.  Self-pairs (a mutual event lists every party on both
sides) are dropped, unresolved actors (root NULL) never enter the network.  Events the text denies or
negates did not happen, so by default only `occurred` and `intended` events count.
The date of an interaction is the event's `date_start`, else the article's publication date.
"""
from __future__ import annotations

from enum import Enum

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from hadath.network.scores import QUAD_CLASS, goldstein

WINDOWS = ("day", "week", "month", "year")
# the same choices as an Enum, for the CLI and the API to validate against
Window = Enum("Window", {w: w for w in WINDOWS}, type=str)
DEFAULT_STATUSES = ("occurred", "intended")

_SQL = """
SELECT e.event_id, e.doc_id, d.source, e.event_type, e.mode, e.cameo,
       COALESCE(e.date_start, d.published) AS day,
       a.root AS src, r.root AS dst
FROM events e
JOIN event_actors a ON a.event_id = e.event_id AND a.role = 'actor' AND a.root IS NOT NULL
JOIN event_actors r ON r.event_id = e.event_id AND r.role = 'recipient' AND r.root IS NOT NULL
LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE a.root <> r.root AND list_contains(?, e.status)
"""


@dataclass(frozen=True)
class Span:
    """A closed date range; None means open on that side."""

    since: dt.date | None = None
    until: dt.date | None = None

    def label(self) -> str:
        return f"{self.since or '…'} – {self.until or '…'}"


def load_interactions(con: duckdb.DuckDBPyConnection, span: Span = Span(),
                      statuses: tuple[str, ...] = DEFAULT_STATUSES) -> pd.DataFrame:
    """One row per (event, actor root, recipient root) with its quad class and weight."""
    df = con.execute(_SQL, [list(statuses)]).df()
    df = df.drop_duplicates(["event_id", "src", "dst"])
    df["day"] = pd.to_datetime(df["day"])
    if span.since:
        df = df[df["day"] >= pd.Timestamp(span.since)]
    if span.until:
        df = df[df["day"] <= pd.Timestamp(span.until)]
    df = df.copy()
    df["quad"] = df["event_type"].map(QUAD_CLASS).fillna(0).astype(int)
    cache: dict[tuple, float] = {}  # few distinct (code, type, mode) triples: score each once
    df["weight"] = [cache[k] if k in cache else cache.setdefault(k, goldstein(*k))
                    for k in zip(df["cameo"].tolist(), df["event_type"].tolist(), df["mode"].tolist())]
    df["source"] = df["source"].fillna(df["doc_id"])
    return df.reset_index(drop=True)


def period_of(days: pd.Series, window: str) -> pd.Series:
    """Label of the window each date falls in: 2004-03-07 (day), 2004-W10 (ISO week), 2004-03, 2004."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    if window == "day":
        return days.dt.strftime("%Y-%m-%d")
    if window == "week":
        iso = days.dt.isocalendar()
        return iso["year"].astype(str) + "-W" + iso["week"].astype(int).map("{:02d}".format)
    if window == "month":
        return days.dt.strftime("%Y-%m")
    return days.dt.strftime("%Y")


def undirected(df: pd.DataFrame) -> pd.DataFrame:
    """The same interactions with each pair in alphabetical order (A–B and B–A pooled)."""
    out = df.copy()
    swap = out["src"] > out["dst"]
    out.loc[swap, ["src", "dst"]] = out.loc[swap, ["dst", "src"]].to_numpy()
    # a mutual event gives A→B and B→A: count it once in the undirected view
    return out.drop_duplicates(["event_id", "src", "dst"])


def aggregate(df: pd.DataFrame, window: str | None = None, directed: bool = True) -> pd.DataFrame:
    """Counts per dyad (and per period when ``window`` is given).

    Columns: src, dst, [period], events, q1..q4, coop, conflict, score (sum of weights),
    mean_score, docs (distinct articles), sources (distinct outlets), types (dict type → count).
    """
    if not directed:
        df = undirected(df)
    keys = ["src", "dst"]
    if window:
        df = df.assign(period=period_of(df["day"], window))
        keys.append("period")
    cols = keys + ["events", "q1", "q2", "q3", "q4", "coop", "conflict", "score", "mean_score", "docs",
                   "sources", "types"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    # vectorised: one groupby for the numbers, one for the type counts (a Python loop per group was
    # minutes on 50k events by week)
    df = df.assign(**{f"q{i}": (df["quad"] == i).astype(int) for i in (1, 2, 3, 4)})
    grouped = df.groupby(keys, sort=True)
    out = grouped.agg(events=("event_id", "size"), q1=("q1", "sum"), q2=("q2", "sum"), q3=("q3", "sum"),
                      q4=("q4", "sum"), score=("weight", "sum"), mean_score=("weight", "mean"),
                      docs=("doc_id", "nunique"), sources=("source", "nunique"))
    out["coop"] = out["q1"] + out["q2"]
    out["conflict"] = out["q3"] + out["q4"]
    out["score"] = out["score"].round(2)
    out["mean_score"] = out["mean_score"].round(2)
    types: dict[tuple, dict[str, int]] = {}
    for key, n in df.groupby(keys + ["event_type"], sort=True).size().items():
        types.setdefault(key[:-1], {})[key[-1]] = int(n)
    out["types"] = [types[k if isinstance(k, tuple) else (k,)] for k in out.index]
    out = out.reset_index()
    for c in ("events", "q1", "q2", "q3", "q4", "coop", "conflict", "docs", "sources"):
        out[c] = out[c].astype(int)
    return out[cols]

"""One call that gives the CLI and the API the whole picture of a window: dyads, graph, blocs,
central actors, changes and the time series of the network (for the dashboard's slider)."""
from __future__ import annotations

from typing import Any

import duckdb
import networkx as nx
import pandas as pd

from hadath.network.changes import changes_over_time
from hadath.network.dyads import Span, aggregate, load_interactions, period_of
from hadath.network.graph import bloc_of, blocs, build_graph, centrality
from hadath.network.names import display_names


def network_summary(con: duckdb.DuckDBPyConnection, span: Span = Span(), window: str = "month",
                    min_weight: int = 1, directed: bool = False, names: dict | None = None
                    ) -> dict[str, Any]:
    """JSON-ready dict: nodes, edges (the whole span), blocs, centrality, changes, periods
    (per window: its label and its edges, so a client can replay the network over time)."""
    inter = load_interactions(con, span)
    names = names if names is not None else display_names(con)
    dyads = aggregate(inter, directed=directed)
    g = build_graph(dyads, min_weight=min_weight, directed=directed)
    groups = blocs(g)
    member = bloc_of(groups)
    cent = {c["actor"]: c for c in centrality(g)}
    nodes = [{"id": n, "name": names.get(n, {}).get("name", n), "name_ar": names.get(n, {}).get("name_ar"),
              "bloc": member.get(n), **{k: v for k, v in cent[n].items() if k != "actor"}}
             for n in sorted(g.nodes)]
    edges = [{"source": a, "target": b, **d} for a, b, d in sorted(g.edges(data=True))]
    periods, per_undirected = [], None
    if not inter.empty:
        per = aggregate(inter, window=window, directed=directed)
        per_undirected = per if not directed else aggregate(inter, window=window, directed=False)
        by_period: dict[str, list[dict]] = {}
        cols = ["period", "src", "dst", "events", "coop", "conflict", "score", "mean_score"]
        for r in per.loc[per["events"] >= min_weight, cols].to_dict("records"):  # itertuples is slow here
            by_period.setdefault(r["period"], []).append(
                {"source": r["src"], "target": r["dst"], "events": int(r["events"]), "coop": int(r["coop"]),
                 "conflict": int(r["conflict"]), "score": float(r["score"]),
                 "mean_score": float(r["mean_score"])})
        periods = [{"period": p, "edges": e} for p, e in sorted(by_period.items())]
    return {
        "span": {"since": str(span.since) if span.since else None,
                 "until": str(span.until) if span.until else None,
                 "first": str(inter["day"].min().date()) if len(inter) else None,
                 "last": str(inter["day"].max().date()) if len(inter) else None},
        "window": window, "directed": directed, "min_weight": min_weight,
        "interactions": int(len(inter)), "events": int(inter["event_id"].nunique()) if len(inter) else 0,
        "nodes": nodes, "edges": edges, "blocs": groups,
        "centrality": list(cent.values()),
        "changes": changes_over_time(inter, window=window, per=per_undirected) if len(inter) else [],
        "periods": periods,
    }


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, window: str = "month",
                span: Span = Span(), directed: bool = False) -> list[dict[str, Any]]:
    """Per window, the counts between a and b (a→b only when directed), gaps filled with zeros."""
    inter = load_interactions(con, span)
    pair = {(a, b)} if directed else {(a, b), (b, a)}
    sel = inter[[(s, d) in pair for s, d in zip(inter["src"], inter["dst"])]]
    if sel.empty:
        return []
    sel = sel.assign(src=a, dst=b)
    if not directed:  # a mutual event is both a→b and b→a: once in the undirected series
        sel = sel.drop_duplicates(["event_id"])
    per = aggregate(sel, window=window, directed=True)
    by_period = {r["period"]: r for r in per.to_dict("records")}
    days = pd.Series(pd.date_range(sel["day"].min(), sel["day"].max(), freq="D"))
    out = []
    for label in dict.fromkeys(period_of(days, window)):
        r = by_period.get(label)
        out.append({"period": label, "events": int(r["events"]) if r else 0,
                    **{k: int(r[k]) if r else 0 for k in ("q1", "q2", "q3", "q4", "coop", "conflict",
                                                          "docs", "sources")},
                    "score": float(r["score"]) if r else 0.0,
                    "mean_score": float(r["mean_score"]) if r else None,
                    "types": r["types"] if r else {}})
    return out


def to_graphml(summary: dict[str, Any]) -> str:
    """GraphML of a summary's graph (types flattened to a string: GraphML has no dict attributes)."""
    g = nx.DiGraph() if summary["directed"] else nx.Graph()
    for n in summary["nodes"]:
        g.add_node(n["id"], **{k: ("" if v is None else v) for k, v in n.items() if k != "id"})
    for e in summary["edges"]:
        attrs = {k: v for k, v in e.items() if k not in ("source", "target")}
        attrs["types"] = ",".join(f"{k}:{v}" for k, v in sorted(attrs["types"].items()))
        g.add_edge(e["source"], e["target"], **attrs)
    return "\n".join(nx.generate_graphml(g))

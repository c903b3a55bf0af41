"""The signed actor graph, its blocs and its central actors."""
from __future__ import annotations

import networkx as nx
import pandas as pd

BLOC_SEED = 7  # louvain is randomised: a fixed seed keeps blocs stable from run to run


def sign_of(score: float, tolerance: float = 0.0) -> int:
    return 1 if score > tolerance else -1 if score < -tolerance else 0


def build_graph(dyads: pd.DataFrame, min_weight: int = 1, directed: bool = False) -> nx.Graph:
    """Graph from ``aggregate(...)`` rows (no period column): one edge per dyad with at least
    ``min_weight`` interactions.  Edge data: events, coop, conflict, q1..q4, score, mean_score, sign,
    docs, sources, types.  ``weight`` = events (the volume), so weighted algorithms use volume."""
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for row in dyads.itertuples(index=False):
        if row.events < min_weight:
            continue
        g.add_edge(row.src, row.dst, weight=int(row.events), events=int(row.events), coop=int(row.coop),
                   conflict=int(row.conflict), q1=int(row.q1), q2=int(row.q2), q3=int(row.q3),
                   q4=int(row.q4), score=float(row.score), mean_score=float(row.mean_score),
                   sign=sign_of(row.score), docs=int(row.docs), sources=int(row.sources),
                   types=dict(row.types))
    return g


def cooperation_graph(g: nx.Graph) -> nx.Graph:
    """Undirected graph of the dyads whose net score is cooperative, weighted by that score."""
    coop = nx.Graph()
    coop.add_nodes_from(g.nodes)
    for a, b, d in g.edges(data=True):
        if d["score"] > 0:
            w = coop[a][b]["weight"] + d["score"] if coop.has_edge(a, b) else d["score"]
            coop.add_edge(a, b, weight=w)
    return coop


def blocs(g: nx.Graph) -> list[list[str]]:
    """Communities of the cooperation graph (Louvain, fixed seed), largest first, members sorted."""
    coop = cooperation_graph(g)
    if coop.number_of_nodes() == 0:
        return []
    if coop.number_of_edges() == 0:
        parts = [{n} for n in coop.nodes]
    else:
        parts = nx.community.louvain_communities(coop, weight="weight", seed=BLOC_SEED)
    return sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p))


def centrality(g: nx.Graph) -> list[dict]:
    """Per actor: volume (interactions), net score, degree, betweenness and PageRank, by volume."""
    if g.number_of_nodes() == 0:
        return []
    und = g.to_undirected() if g.is_directed() else g
    degree = nx.degree_centrality(und)
    between = nx.betweenness_centrality(und)
    try:
        rank = nx.pagerank(g, weight="weight")
    except (nx.PowerIterationFailedConvergence, ImportError):  # pagerank needs scipy on some builds
        rank = {n: 0.0 for n in g.nodes}
    rows = []
    for n in g.nodes:
        edges = list(g.in_edges(n, data=True)) + list(g.out_edges(n, data=True)) if g.is_directed() \
            else list(g.edges(n, data=True))
        rows.append({"actor": n, "volume": sum(d["events"] for *_, d in edges),
                     "score": round(sum(d["score"] for *_, d in edges), 2),
                     "partners": und.degree(n), "degree": round(degree[n], 4),
                     "betweenness": round(between[n], 4), "pagerank": round(rank.get(n, 0.0), 4)})
    return sorted(rows, key=lambda r: (-r["volume"], r["actor"]))


def bloc_of(blocs_: list[list[str]]) -> dict[str, int]:
    return {actor: i for i, members in enumerate(blocs_) for actor in members}

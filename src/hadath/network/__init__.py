"""Alliance network analytics over stored events (issue 7).

- ``dyads``: interactions (event × actor root × recipient root) and their counts per dyad/window
- ``scores``: PLOVER quad classes and Goldstein-style weights
- ``graph``: the signed actor graph, blocs (Louvain on the cooperation graph), centrality
- ``changes``: dyads whose relation changed sign or strength
- ``summary``: everything for one span, as the CLI and the API serve it
"""
from __future__ import annotations

from hadath.network.changes import changes_over_time, compare_windows
from hadath.network.dyads import Span, aggregate, load_interactions
from hadath.network.graph import blocs, build_graph, centrality
from hadath.network.scores import QUAD_CLASS, goldstein, quad_class
from hadath.network.summary import dyad_series, network_summary, to_graphml

__all__ = ["Span", "aggregate", "load_interactions", "build_graph", "blocs", "centrality",
           "changes_over_time", "compare_windows", "QUAD_CLASS", "goldstein", "quad_class",
           "network_summary", "dyad_series", "to_graphml"]

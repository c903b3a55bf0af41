"""Rich tables of a network summary (what `hadath network` prints)."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from hadath.network.scores import QUAD_NAMES


def _tone(score: float) -> str:
    colour = "green" if score > 0 else "red" if score < 0 else "white"
    return f"[{colour}]{score:+.2f}[/{colour}]"


def print_summary(s: dict[str, Any], top: int = 15, console: Console | None = None) -> None:
    console = console or Console(width=None if Console().is_terminal else 120)
    span = s["span"]
    console.print(f"[bold]{s['events']}[/bold] events, {s['interactions']} dyadic interactions, "
                  f"{len(s['nodes'])} actors, {len(s['edges'])} dyads; {span['first']} … {span['last']}")
    names = {n["id"]: n["name"] for n in s["nodes"]}
    arrow = "→" if s["directed"] else "–"

    t = Table(title="Dyads (by volume)", title_justify="left")
    for col in ("dyad", "events", *(f"q{i}" for i in range(1, 5)), "score", "mean", "docs", "sources",
                "types"):
        t.add_column(col, justify="left" if col in ("dyad", "types") else "right",
                     no_wrap=col != "types", overflow="fold")
    for e in sorted(s["edges"], key=lambda e: (-e["events"], e["source"], e["target"]))[:top]:
        types = " ".join(f"{k[:7]}:{v}" for k, v in sorted(e["types"].items(), key=lambda kv: -kv[1])[:3])
        t.add_row(f"{e['source']} {arrow} {e['target']}", str(e["events"]), *(str(e[f"q{i}"]) for i in range(1, 5)),
                  f"{e['score']:+.1f}", _tone(e["mean_score"]), str(e["docs"]), str(e["sources"]), types)
    console.print(t)
    console.print("[dim]" + " · ".join(f"q{k} {v}" for k, v in QUAD_NAMES.items()) + "[/dim]")

    b = Table(title="Blocs (Louvain communities of the cooperation graph)", title_justify="left")
    b.add_column("bloc", justify="right")
    b.add_column("members")
    for i, members in enumerate(s["blocs"]):
        b.add_row(str(i + 1), ", ".join(f"{m} ({names.get(m, m)})" if names.get(m, m) != m else m
                                        for m in members))
    console.print(b)

    c = Table(title="Central actors", title_justify="left")
    for col in ("actor", "volume", "net score", "partners", "betweenness", "pagerank"):
        c.add_column(col, justify="left" if col == "actor" else "right")
    for r in s["centrality"][:top]:
        c.add_row(r["actor"], str(r["volume"]), _tone(r["score"]), str(r["partners"]),
                  f"{r['betweenness']:.3f}", f"{r['pagerank']:.3f}")
    console.print(c)

    ch = Table(title=f"Changes between consecutive active {s['window']}s", title_justify="left")
    for col in ("when", "dyad", "change", "tone before", "tone after", "events before/after"):
        ch.add_column(col)
    for r in s["changes"][:top * 2]:
        ch.add_row(r["period"], f"{r['a']}–{r['b']}", r["change"], _tone(r["before"]["mean_score"]),
                   _tone(r["after"]["mean_score"]), f"{r['before']['events']}/{r['after']['events']}")
    console.print(ch if s["changes"] else "[dim]No sign or strength changes between windows.[/dim]")

"""CLI: `hadath network` (dyads, blocs, central actors, changes) and `hadath serve` (API + dashboard)."""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from enum import Enum
from pathlib import Path

import typer
from hadath.network.dyads import Window

DEFAULT_DB = "hadath.duckdb"


class Format(str, Enum):
    table = "table"
    json = "json"
    graphml = "graphml"


def _open(db: Path):
    import duckdb
    if not db.is_file():
        raise typer.BadParameter(f"no database at {db} (run `hadath ingest` or `hadath demo` first)",
                                 param_hint="--db")
    return duckdb.connect(str(db), read_only=True)


def network(db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file written by ingest/demo."),
            since: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="First day (YYYY-MM-DD)."),
            until: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"], help="Last day (YYYY-MM-DD)."),
            window: Window = typer.Option(Window.month, help="Time window for series and changes."),
            fmt: Format = typer.Option(Format.table, "--format", help="table, json or graphml."),
            min_weight: int = typer.Option(1, min=1, help="Keep dyads with at least this many events."),
            directed: bool = typer.Option(False, help="Ordered actor→recipient dyads (default: undirected)."),
            top: int = typer.Option(15, min=1, help="Rows per table."),
            output: Path = typer.Option(None, "-o", "--output", help="Write json/graphml here.")) -> None:
    """The cooperation–conflict network of the stored events: dyads, blocs, central actors, changes."""
    from hadath.network import Span, network_summary, to_graphml
    if since and until and since > until:
        raise typer.BadParameter("--since is after --until", param_hint="--since")
    con = _open(db)
    summary = network_summary(con, Span(since and since.date(), until and until.date()), window.value,
                              min_weight=min_weight, directed=directed)
    if fmt is Format.table:
        from hadath.network.tables import print_summary
        print_summary(summary, top=top)
        return
    text = to_graphml(summary) if fmt is Format.graphml else json.dumps(summary, ensure_ascii=False, indent=1)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
    else:
        typer.echo(text)


def serve(db: Path = typer.Option(None, "--db", help="DuckDB file to serve (opened read-only)."),
          host: str = typer.Option("127.0.0.1", help="Interface to bind; 0.0.0.0 exposes it to the network."),
          port: int = typer.Option(8000, min=1, max=65535),
          sample: bool = typer.Option(False, help="Serve a small built-in sample database instead."),
          writable: bool = typer.Option(False, help="Open the database read-write (default read-only).")
          ) -> None:
    """REST API (/api, docs at /docs) and the web dashboard (/) over one database."""
    import uvicorn

    from hadath.api import create_app
    if sample:
        from hadath.network.sample_db import build_sample_db
        with tempfile.TemporaryDirectory(prefix="hadath-sample-") as tmp:  # removed when the server stops
            _run(uvicorn, create_app, build_sample_db(Path(tmp) / "sample.duckdb"), host, port, writable)
        return
    if db is None:
        raise typer.BadParameter("give --db FILE (or --sample)", param_hint="--db")
    if not db.is_file():
        raise typer.BadParameter(f"no database at {db}", param_hint="--db")
    _run(uvicorn, create_app, db, host, port, writable)


def _run(uvicorn, create_app, db: Path, host: str, port: int, writable: bool) -> None:
    typer.echo(f"hadath: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(create_app(db, read_only=not writable), host=host, port=port, log_level="warning")


def register(app: typer.Typer, *, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("network")(network)
    app.command("serve")(serve)

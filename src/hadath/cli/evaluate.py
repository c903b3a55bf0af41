"""CLI: `hadath eval` — the events evaluation (seeds, degraded seeds, GSR).  Other families add
`eval ner` / `eval text` subcommands; this callback then does nothing."""
from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer, *, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    @eval_app.callback(invoke_without_command=True)
    def eval_events(
        ctx: typer.Context,
        only: str = typer.Option("all", help="all | seeds | gsr"),
        limit: int = typer.Option(0, help="score only the first N GSR sentences per type (0: all)"),
        out: Path = typer.Option(None, help="folder to write the system's seed records (JSONL)"),
        errors: Path = typer.Option(None, help="file to write GSR false positives/negatives (TSV)"),
        as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    ) -> None:
        """Event coder accuracy: seeds exact and type+dyad F1 (raw and degraded) with the reference
        scorer, GSR sentence-level ASSAULT/PROTEST detection P/R/F1 and actor accuracy."""
        if ctx.invoked_subcommand is not None:
            return
        from hadath.events.evaluation import format_report, run
        from hadath.shared import require_shared

        if only not in ("all", "seeds", "gsr"):
            raise typer.BadParameter("--only must be all, seeds or gsr")
        res = run(require_shared(), only=only, limit=limit or None, out_dir=out, errors_out=errors)
        typer.echo(json.dumps(res, indent=1) if as_json else format_report(res))

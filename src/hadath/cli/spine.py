"""CLI commands: spine (to be filled in by its issue)."""
from __future__ import annotations

import typer


def register(app: typer.Typer, *, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    pass

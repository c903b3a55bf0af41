"""The `hadath` command line.  Each command family lives in its own module with a ``register``
function, so the families can grow independently:

- ``spine``   extract, ingest, events, export, demo
- ``actors``  actors lint/show/find/suggest
- ``ner``     ner, train ner, eval ner
- ``evaluate`` eval (events on seeds/GSR), eval text
- ``network`` network, serve
"""
from __future__ import annotations

import typer

from hadath import __version__

app = typer.Typer(name="hadath", help="Arabic news → PLOVER political events, actors and networks.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
train_app = typer.Typer(help="Train the shipped models from ../shared/data.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure accuracy (events by default; `eval ner`, `eval text`).",
                       invoke_without_command=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hadath {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """hadath reads Arabic news and writes PLOVER event data."""


def _register_all() -> None:
    from hadath.cli import actors_cmd, evaluate, ner_cmd, network_cmd, spine
    for module in (spine, actors_cmd, ner_cmd, evaluate, network_cmd):
        module.register(app, train_app=train_app, eval_app=eval_app)


_register_all()


def main() -> None:
    app()

"""CLI commands of the spine: extract, ingest, events, export, demo (docs/spine.md).

Exit codes: 0 when anything was processed, 1 when nothing was, 2 for usage errors (missing input,
unknown format, bad date).  Problems with one input are one line on stderr, never a traceback.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from hadath.io import Article, Skip, missing_inputs, read_inputs
from hadath.io.report import LazyProgress, RunReport
from hadath.pipeline import parse_date

INPUTS_HELP = ("Files (.txt .html .jsonl .jsonl.gz .csv), folders (read recursively) or - for stdin.")
DB_HELP = "DuckDB database file."

# options several commands share, declared once so their flags and help stay the same
DB_OPTION = typer.Option(Path("hadath.duckdb"), "--db", help=DB_HELP)
SOURCE_OPTION = typer.Option(None, "--source", help="Source name for inputs without one.")
WORKERS_OPTION = typer.Option(1, "--workers", "-w", help="Processes to run the pipeline on (Dask).")
# the event filters of `hadath events` and `hadath export`
ACTOR_FILTER = typer.Option(None, "--actor", help="Only events with this entity id or root (e.g. HAMAS, "
                            "ISR), in either role.")
TYPE_FILTER = typer.Option(None, "--type", help="Only this PLOVER type, e.g. ASSAULT.")
SINCE_FILTER = typer.Option(None, "--since", help="Earliest date (YYYY-MM-DD).")
UNTIL_FILTER = typer.Option(None, "--until", help="Latest date (YYYY-MM-DD).")


class Format(str, Enum):
    plover_jsonl = "plover-jsonl"
    icews_csv = "icews-csv"
    parquet = "parquet"


def _usage_error(message: str) -> None:
    from rich.markup import escape
    Console(stderr=True, soft_wrap=True).print(f"[red]hadath: {escape(message)}[/]", highlight=False)
    raise typer.Exit(2)


def _check_inputs(inputs: list[str], date: str | None) -> None:
    missing = missing_inputs(inputs)
    if missing:
        _usage_error(f"no such file or directory: {', '.join(missing)}")
    if date is not None and parse_date(date) is None:
        _usage_error(f"--date {date!r} is not a date (use YYYY-MM-DD)")


def _articles(inputs: list[str], report: RunReport, *, date: str | None,
              source: str | None) -> Iterator[Article]:
    for item in read_inputs(inputs, date=date, source=source):
        if isinstance(item, Skip):
            report.skip(item.origin, item.reason)
        else:
            yield item


def _check_dates(since: str | None, until: str | None) -> None:
    for flag, value in (("--since", since), ("--until", until)):
        if value is not None and parse_date(value) is None:
            _usage_error(f"{flag} {value!r} is not a date (use YYYY-MM-DD)")


def _workers_check(workers: int) -> None:
    if workers < 1:
        _usage_error("--workers must be at least 1")


# --- extract --------------------------------------------------------------------------------------

def extract(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, metavar="INPUT..."),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Write JSONL here (default stdout)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for .txt/stdin input "
                                       "(YYYY-MM-DD); relative dates resolve against it."),
    source: Optional[str] = SOURCE_OPTION,
    workers: int = WORKERS_OPTION,
) -> None:
    """Articles → codebook §1 event records, one JSON object per line (no database needed)."""
    from hadath.scale import process_articles

    _check_inputs(inputs, date)
    _workers_check(workers)
    report = RunReport("extracted")
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        _usage_error(f"cannot write {output}: {exc.strerror or exc}")
    try:
        for article, doc, err in process_articles(_articles(inputs, report, date=date, source=source),
                                                  workers=workers):
            if doc is None:
                report.skip(article.origin, err or "pipeline error")
                continue
            records = doc.records()
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()  # per article: a killed run keeps everything written so far
            report.done(len(records))
    except KeyboardInterrupt:
        report.note("hadath: interrupted")
    except BrokenProcessPool:  # a worker died (out of memory?): keep what was written, say so
        report.note("hadath: a worker process died; output so far is complete up to here")
    except BrokenPipeError:  # `hadath extract … | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        if output:
            out.close()
    raise typer.Exit(report.finish())


# --- ingest ---------------------------------------------------------------------------------------

def ingest(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, metavar="INPUT..."),
    db: Path = DB_OPTION,
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for .txt/stdin input."),
    source: Optional[str] = SOURCE_OPTION,
    workers: int = WORKERS_OPTION,
    recode: bool = typer.Option(False, "--recode", help="Re-code articles that are already stored "
                                "(after upgrading hadath): their rows are replaced, ids kept."),
) -> None:
    """Articles → the DuckDB store (re-ingesting the same content changes nothing)."""
    from hadath.store import Store, StoreError
    from hadath.store.ingest import ingest_articles

    _check_inputs(inputs, date)
    _workers_check(workers)
    try:
        store = Store(db)
    except StoreError as exc:
        _usage_error(str(exc))
    report = RunReport("stored")
    try:
        ingest_articles(store, _articles(inputs, report, date=date, source=source), report,
                        workers=workers, replace=recode)
    except KeyboardInterrupt:
        report.note("hadath: interrupted (everything processed so far is committed)")
    except BrokenProcessPool:
        report.note("hadath: a worker process died (out of memory?); what was processed is committed, "
                    "re-run to finish")
    finally:
        store.close()
    raise typer.Exit(report.finish(f" into {db}"))


# --- events ---------------------------------------------------------------------------------------

def _snippet(evidence: dict, width: int = 60) -> str:
    """The evidence sentence cut, at word boundaries, to a window around the trigger."""
    sentence, base = evidence["sentence"], evidence["start"]
    at = max(0, evidence["trigger"]["start"] - base)
    lo, hi = max(0, at - width // 3), min(len(sentence), at + width)
    if lo > 0:
        lo = sentence.find(" ", lo) + 1 or at
    if hi < len(sentence):
        hi = sentence.rfind(" ", lo, hi) if sentence.rfind(" ", lo, hi) > at else hi
    text = " ".join(sentence[lo:hi].split())
    return ("…" if lo else "") + text + ("…" if hi < len(sentence) else "")


def _who(actors: list[dict]) -> str:
    return ", ".join(a.get("root") or f"?{a.get('text', '')}" for a in actors) or "—"


def events(
    db: Path = DB_OPTION,
    actor: Optional[str] = ACTOR_FILTER,
    event_type: Optional[str] = TYPE_FILTER,
    since: Optional[str] = SINCE_FILTER,
    until: Optional[str] = UNTIL_FILTER,
    limit: int = typer.Option(50, "--limit", help="At most this many events."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Print the codebook records as JSONL instead."),
) -> None:
    """Stored events as a table (newest first)."""
    from rich.table import Table

    from hadath.store import Store, StoreError
    from hadath.store.query import query_events

    _check_dates(since, until)
    try:
        with Store(db, read_only=True) as store:
            rows = query_events(store, actor=actor, event_type=event_type, since=since, until=until,
                                limit=limit)
    except StoreError as exc:
        _usage_error(str(exc))
    if jsonl:
        for r in rows:
            print(json.dumps(r["record"], ensure_ascii=False))
        return
    console = Console()
    title = f"{len(rows)} event{'s' * (len(rows) != 1)}"
    if console.width < 110:  # a narrow terminal: one heading line + the evidence per event
        console.print(f"[bold]{title}[/]")
        for r in rows:
            rec = r["record"]
            status = "" if r["status"] == "occurred" else f" ({r['status']})"
            console.print(f"[bold]{r['date'] or '—'}  {r['event_type']}{status}[/]  "
                          f"{_who(rec['actors'])} → {_who(rec['recipients'])}  [dim]{r['event_id']}[/]",
                          highlight=False)
            console.print(f"    {_snippet(rec['evidence'])}", highlight=False, markup=False)
        return
    table = Table(title=title, expand=True)
    for col in ("date", "type", "actor", "target", "status", "id"):
        table.add_column(col, no_wrap=col in ("date", "type", "status"), overflow="fold")
    table.add_column("evidence", ratio=1, overflow="fold")
    for r in rows:
        rec = r["record"]
        table.add_row(r["date"] or "", r["event_type"], _who(rec["actors"]), _who(rec["recipients"]),
                      r["status"], r["event_id"], _snippet(rec["evidence"]))
    console.print(table)


# --- export ---------------------------------------------------------------------------------------

def export(
    fmt: Format = typer.Option(..., "--format", "-f", help="plover-jsonl, icews-csv or parquet."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    db: Path = DB_OPTION,
    actor: Optional[str] = ACTOR_FILTER,
    event_type: Optional[str] = TYPE_FILTER,
    since: Optional[str] = SINCE_FILTER,
    until: Optional[str] = UNTIL_FILTER,
) -> None:
    """Stored events (all, or a filtered subset) as PLOVER JSONL, ICEWS-style CSV or Parquet."""
    from hadath.store import Store, StoreError
    from hadath.store.export import export as run_export
    from hadath.store.query import EventFilter

    _check_dates(since, until)
    where = EventFilter(actor, event_type, since, until)
    console = Console(stderr=True, soft_wrap=True, highlight=False)
    try:
        with Store(db, read_only=True) as store:
            total = store.counts()["events"] if where == EventFilter() else None
            progress = LazyProgress(console, f"exporting {fmt.value}", "events", total)
            try:
                n = run_export(store, fmt.value, output, tick=progress.advance, where=where)
            finally:
                progress.close()
    except StoreError as exc:
        _usage_error(str(exc))
    except OSError as exc:
        _usage_error(f"cannot write {output}: {exc.strerror or exc}")
    console.print(f"hadath: wrote {n} {fmt.value} record{'s' * (n != 1)} to {output}", markup=False)


# --- demo -----------------------------------------------------------------------------------------

def sample_path() -> Path:
    """The bundled sample articles (src/hadath/samples/articles.jsonl)."""
    from importlib import resources
    return Path(str(resources.files("hadath").joinpath("samples", "articles.jsonl")))


def demo(
    db: Path = typer.Option(Path("hadath-demo.duckdb"), "--db", help=DB_HELP),
) -> None:
    """Process the bundled sample articles into a database and print what was found."""
    from hadath.store import Store, StoreError
    from hadath.store.ingest import ingest_articles
    from hadath.store.summary import print_summary

    report = RunReport("stored")
    try:
        store = Store(db)
    except StoreError as exc:
        _usage_error(str(exc))
    try:
        articles = list(_articles([str(sample_path())], report, date=None, source=None))
        # replace=True: re-running the demo re-codes the samples with the current pipeline
        ingest_articles(store, iter(articles), report, workers=1, replace=True)
        code = report.finish(f" into {db}")
        console = Console()
        console.print(f"[bold]hadath demo[/]: {len(articles)} sample articles → {db}")
        print_summary(store, console, doc_ids=[a.id for a in articles])
        console.print(f"Explore: hadath events --db {db}   ·   "
                      f"hadath export --db {db} --format plover-jsonl -o events.jsonl")
    finally:
        store.close()
    raise typer.Exit(code)


def register(app: typer.Typer, *, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(ingest)
    app.command()(events)
    app.command()(export)
    app.command()(demo)

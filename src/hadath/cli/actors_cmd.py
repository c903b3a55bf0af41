"""``hadath actors …``: lint, show, find, suggest, stats over the actor knowledge base."""
from __future__ import annotations

import datetime as _dt
import gzip
import json
from collections import Counter
from pathlib import Path

import typer

actors_app = typer.Typer(help="Actor knowledge base: lint, show, find, suggest, stats.", no_args_is_help=True)


@actors_app.command("lint")
def lint_cmd(warnings: bool = typer.Option(True, help="Also print warnings.")) -> None:
    """Check the KB data files: ids, roots/parents, affiliations, duplicate aliases, overlapping roles."""
    from hadath.actors import load_kb
    from hadath.actors.lint import lint

    findings = lint(load_kb())
    errors = [f for f in findings if f.level == "error"]
    for f in findings:
        if f.level == "error" or warnings:
            typer.echo(f"{f.level}\t{f.code}\t{f.message}")
    typer.echo(f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s)")
    raise typer.Exit(1 if errors else 0)


@actors_app.command("show")
def show_cmd(entity_id: str = typer.Argument(..., help="Entity id, e.g. HAMAS, ISR_MIL, PER_ZIAD_NAKHALEH"),
             date: str = typer.Option(None, help="Resolve a person's affiliation at this ISO date.")) -> None:
    """Print one entity: root, type, sector, parent, names, aliases, affiliations."""
    from hadath.actors import load_kb

    kb = load_kb()
    e = kb.get(entity_id) or kb.get(entity_id.upper())
    if e is None:
        typer.echo(f"unknown id {entity_id}", err=True)
        raise typer.Exit(1)
    when = _dt.date.fromisoformat(date) if date else None
    root, sector = kb.resolve(e, when)
    typer.echo(json.dumps({
        "id": e.id, "root": e.root, "resolved_root": root, "resolved_sector": sector, "type": e.type,
        "sector": e.sector, "parent": e.parent, "country": e.country, "name_en": e.name_en, "qid": e.qid,
        "source": e.source, "aliases": e.aliases,
        "affiliations": [{"org": a.org, "role": a.role, "start": a.start and a.start.isoformat(),
                          "end": a.end and a.end.isoformat()} for a in e.affiliations],
    }, ensure_ascii=False, indent=1))


@actors_app.command("find")
def find_cmd(text: str = typer.Argument(..., help="Arabic text (or @FILE)"),
             date: str = typer.Option(None, help="Document date (ISO) for people's affiliations."),
             as_json: bool = typer.Option(False, "--json", help="JSON lines output.")) -> None:
    """What the matcher resolves in TEXT, with character offsets."""
    from hadath.actors import ActorTagger
    from hadath.doc import Doc
    from hadath.text.pipe import annotate_text

    if text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    doc = Doc(text=text, date=_dt.date.fromisoformat(date) if date else None)
    ActorTagger()(annotate_text(doc))
    for m in doc.mentions:
        if as_json:
            typer.echo(json.dumps({"start": m.start, "end": m.end, "text": m.text, "id": m.entity_id,
                                   "root": m.root, "type": m.type, "sector": m.sector, "origin": m.origin,
                                   "name": m.name}, ensure_ascii=False))
        else:
            typer.echo(f"{m.start}\t{m.end}\t{m.text}\t{m.entity_id or '-'}\t{m.root or '-'}\t{m.type}\t"
                       f"{m.sector or '-'}\t{m.origin}")


def _read_inputs(paths: list[Path], limit: int) -> list[str]:
    """Texts from .txt files and .jsonl(.gz) files (fields text or content)."""
    texts: list[str] = []
    for p in paths:
        if p.suffix in (".jsonl", ".gz", ".json"):
            opener = gzip.open if p.suffix == ".gz" else open
            with opener(p, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if len(texts) >= limit:
                        break
                    row = json.loads(line)
                    texts.append(row.get("text") or row.get("content") or "")
        else:
            texts.append(p.read_text(encoding="utf-8"))
    return texts[:limit]


@actors_app.command("suggest")
def suggest_cmd(inputs: list[Path] = typer.Argument(None, help="Text or JSONL(.gz) files to scan."),
                db: Path = typer.Option(None, "--db", help="DuckDB store: use its unresolved mentions."),
                top: int = typer.Option(50, help="How many candidates."),
                limit: int = typer.Option(2000, help="At most this many documents from INPUTS.")) -> None:
    """Frequency-ranked unresolved mentions: candidates for new KB entries."""
    from hadath.text import skeleton_key

    counts: Counter[tuple[str, str]] = Counter()
    example: dict[tuple[str, str], str] = {}
    if db is not None:
        import duckdb
        con = duckdb.connect(str(db), read_only=True)
        for text, typ, n in con.execute(
                "SELECT text, type, count(*) FROM mentions WHERE entity_id IS NULL GROUP BY text, type").fetchall():
            key = (skeleton_key(text or ""), typ or "")
            counts[key] += n
            example.setdefault(key, text)
    elif inputs:
        from hadath.actors import ActorTagger
        from hadath.doc import Doc
        from hadath.text.pipe import annotate_text

        tagger = ActorTagger()
        for t in _read_inputs(list(inputs), limit):
            doc = tagger(annotate_text(Doc(text=t)))
            for m in doc.mentions:
                if m.entity_id is None:
                    key = (skeleton_key(m.text), m.type)
                    counts[key] += 1
                    example.setdefault(key, m.text)
    else:
        typer.echo("give --db FILE or INPUT files", err=True)
        raise typer.Exit(2)
    if not counts:
        typer.echo("no unresolved mentions (is an NER model shipped? `hadath train ner`)")
    for (key, typ), n in counts.most_common(top):
        typer.echo(f"{n}\t{typ}\t{example[(key, typ)]}")


@actors_app.command("stats")
def stats_cmd() -> None:
    """Counts: entities, aliases, people, affiliations, by type."""
    from hadath.actors import load_kb

    for k, v in load_kb().stats().items():
        typer.echo(f"{k}\t{v}")


def register(app: typer.Typer, *, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")

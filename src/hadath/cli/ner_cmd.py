"""CLI: `hadath ner`, `hadath train ner`, `hadath eval ner` (see docs/ner.md)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer


def _tagger(model_dir: Optional[Path]):
    from hadath.ner import NerTagger, get_tagger
    tagger = NerTagger.load(model_dir) if model_dir else get_tagger()
    if tagger is None:
        raise SystemExit("hadath: no NER model shipped (run `hadath train ner`)")
    return tagger


def ner(conll: Optional[Path] = typer.Option(None, "--conll", help="CoNLL 'token tag' file (blank line "
                                             "between sentences, or ANERcorp style); tags are ignored."),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (default stdout)."),
        model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: shipped)."),
        ) -> None:
    """Tag named entities.  With --conll: 'token<TAB>tag' lines, same sentence breaks.  Without it:
    Arabic text on stdin → one JSON entity per line {start, end, label, text}."""
    tagger = _tagger(model)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        if conll:
            from hadath.ner.data import read_conll
            # the file's sentences are tagged together, in order: the second stage compares each
            # name with how it was tagged in the sentences around it
            sents = [tokens for tokens, _ in read_conll(conll)]
            for tokens, tags in zip(sents, tagger.tag_sentences(sents)):
                for tok, tag in zip(tokens, tags):
                    out.write(f"{tok}\t{tag}\n")
                out.write("\n")
        else:
            from hadath.doc import Doc
            from hadath.text.pipe import annotate_text
            doc = tagger(annotate_text(Doc(text=sys.stdin.read())))
            for e in doc.entities:
                out.write(json.dumps({"start": e.start, "end": e.end, "label": e.label,
                                      "text": doc.text[e.start:e.end]}, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()


def _ner_data() -> Path:
    from hadath.shared import require_shared
    return require_shared() / "data"


def train_ner(out: Path = typer.Option(None, "--out", help="Model folder (default: the package's models/)."),
              newsfane: bool = typer.Option(False, help="Add NewsFANE (mapped to 4 types, test/dev overlap dropped)."),
              wojood: bool = typer.Option(False, help="Add the Wojood sample (outer layer mapped)."),
              degraded: float = typer.Option(1.0, help="Fraction of sentences also added degraded."),
              clusters: bool = typer.Option(True, help="Use word-cluster features."),
              gazetteer: bool = typer.Option(True, help="Use gazetteer features."),
              with_dev: bool = typer.Option(True, help="Fold the dev split into training (final model)."),
              c1: float = typer.Option(0.05), c2: float = typer.Option(0.01),
              iterations: int = typer.Option(150),
              rebuild_clusters: bool = typer.Option(False, help="Re-learn clusters from SaudiNewsNet "
                                                    "(needs gensim + scikit-learn; ~3 min)."),
              ) -> None:
    """Train the NER CRF from ../shared/data (fixed seeds; never reads the test split)."""
    from hadath.ner import train as T
    from hadath.ner.tagger import CLUSTERS_FILE, MODELS
    data = _ner_data()
    out = out or MODELS
    out.mkdir(parents=True, exist_ok=True)
    src = MODELS / CLUSTERS_FILE
    if rebuild_clusters or not (out / CLUSTERS_FILE).exists() and not src.exists():
        from hadath.ner.clusters import build
        n = build(data / "news" / "saudinewsnet-2015.jsonl.gz", out / CLUSTERS_FILE)
        typer.echo(f"clustered {n} words")
        src = out / CLUSTERS_FILE
    T.prepare_resources(out, src if src.exists() else None, data)
    cfg = T.Config(newsfane=newsfane, wojood=wojood, degraded=degraded, clusters=clusters,
                   gazetteer=gazetteer, with_dev=with_dev, c1=c1, c2=c2, iterations=iterations)
    T.train(data / "ner", out, cfg, log=typer.echo)


def eval_ner(model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: shipped)."),
             split: str = typer.Option("test", help="test (CAMeL ANERcorp test) or dev."),
             ) -> None:
    """conlleval entity P/R/F1 per type on the ANERcorp test split, raw and degraded."""
    from hadath.ner.conlleval import report
    from hadath.ner.tagger import MODELS
    from hadath.ner.train import evaluate_split, speed
    results = evaluate_split(_ner_data() / "ner", model or MODELS, split)
    for form, scores in results.items():
        typer.echo(f"== {split} ({form}) ==")
        typer.echo(report(scores))
    load, cold, warm = speed(_ner_data() / "ner", model or MODELS)
    files = sorted((model or MODELS).glob("ner*.*"))  # both CRF stages, clusters, gazetteer, name lists
    size = sum(f.stat().st_size for f in files) / 1e6
    typer.echo(f"model {size:.1f} MB ({', '.join(f.name for f in files)}), loads in {load:.2f}s; "
               f"tags {cold:,.0f} tokens/s cold, "
               f"{warm:,.0f} warm (one core)")


def register(app: typer.Typer, *, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("ner")(ner)
    train_app.command("ner")(train_ner)
    eval_app.command("ner")(eval_ner)

"""Throughput of the extract pipeline next to bare tokenization, on the same text in the same run.

    .venv/bin/python bench/throughput.py            # first 500 SaudiNewsNet articles
    .venv/bin/python bench/throughput.py -n 2000 --workers 2

Prints words/s and articles/s for (1) hadath.text.tokenize alone and (2) the full extract path
(Doc → every pipeline component → codebook records → JSON), their ratio, the time per component,
the same in process CPU time (steadier than wall time on a shared machine) with the NER tagger's share of the
"actors" component, the pipeline's load
time, and peak RSS.  The last line is the same figures as one JSON object.
Targets (issue 2): ≥ 50k words/s on one core, within 3× of bare tokenization.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from itertools import islice
from pathlib import Path

from hadath.io import Article, read_inputs
from hadath.pipeline import Pipeline
from hadath.scale import make_doc, process_articles
from hadath.shared import shared_dir
from hadath.text import tokenize


def load_articles(path: str, n: int) -> list[Article]:
    items = (a for a in read_inputs([path]) if isinstance(a, Article))
    return list(islice(items, n))


CPU: dict[str, float] = {}  # the same figures in process CPU seconds (steadier on a shared machine)


def bench_tokenize(texts: list[str]) -> float:
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        tokenize(text)
    CPU["tokenize"] = time.process_time() - c
    return time.perf_counter() - t


def bench_pipeline(pipeline: Pipeline, articles: list[Article]) -> tuple[float, dict[str, float], list]:
    """Whole extract path, timed per component too; returns (seconds, per-component seconds, docs).
    CPU seconds go to ``CPU`` ("pipeline" and one entry per component)."""
    per = dict.fromkeys(pipeline.names, 0.0)
    cpu = dict.fromkeys(pipeline.names, 0.0)
    docs = []
    t0, c0 = time.perf_counter(), time.process_time()
    for article in articles:
        doc = make_doc(article)
        for name, component in zip(pipeline.names, pipeline.components):
            t, c = time.perf_counter(), time.process_time()
            doc = component(doc)
            per[name] += time.perf_counter() - t
            cpu[name] += time.process_time() - c
        for rec in doc.records():
            json.dumps(rec, ensure_ascii=False)
        doc.tokens = []  # kept only for the store timing, which does not read tokens: keeps RSS honest
        docs.append(doc)
    CPU["pipeline"] = time.process_time() - c0
    CPU.update({f"component:{k}": v for k, v in cpu.items()})
    return time.perf_counter() - t0, per, docs


def time_ner() -> dict[str, float]:
    """Count the CPU seconds spent inside the NER tagger (part of the "actors" component) from now on:
    ``{"ner": seconds}``, updated as the pipeline runs (empty without a shipped model)."""
    from hadath.ner import get_tagger
    tagger = get_tagger()
    if tagger is None:
        return {}
    spent = {"ner": 0.0}
    cls = type(tagger)
    untimed = cls.__call__

    def timed(self, doc):
        c = time.process_time()
        try:
            return untimed(self, doc)
        finally:
            spent["ner"] += time.process_time() - c

    cls.__call__ = timed
    return spent


def bench_store(docs: list) -> float:
    """What `ingest` adds on top of extract: DuckDB writes in batches of 64 (a fresh temp file)."""
    import tempfile

    from hadath.store import Store
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        t = time.perf_counter()
        for i in range(0, len(docs), 64):
            store.ingest_many(docs[i:i + 64])
        elapsed = time.perf_counter() - t
        store.close()
    return elapsed


def bench_workers(articles: list[Article], workers: int) -> float:
    t = time.perf_counter()
    for _ in process_articles(iter(articles), workers=workers):
        pass
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=500, help="articles to read (default 500)")
    ap.add_argument("--input", help="input file (default: ../shared SaudiNewsNet)")
    ap.add_argument("--workers", type=int, default=0, help="also time the Dask path on N processes")
    args = ap.parse_args()
    path = args.input
    if path is None:
        shared = shared_dir()
        if shared is None:
            sys.exit("bench: ../shared not found; pass --input FILE")
        path = str(shared / "data/news/saudinewsnet-2015.jsonl.gz")
    articles = load_articles(path, args.n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    t = time.perf_counter()
    pipeline = Pipeline()
    load_s = time.perf_counter() - t
    bench_tokenize(texts[:20])  # warm-up (regex compilation, caches)
    tok_s = bench_tokenize(texts)
    ner = time_ner()
    pipe_s, per, docs = bench_pipeline(pipeline, articles)
    events = sum(len(d.events) for d in docs)
    store_s = bench_store(docs)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    out = {"input": Path(path).name, "articles": len(articles), "words": words, "events": events,
           "tokenize_words_per_s": round(words / tok_s), "pipeline_words_per_s": round(words / pipe_s),
           "pipeline_articles_per_s": round(len(articles) / pipe_s, 1),
           "ratio_pipeline_to_tokenize": round(pipe_s / tok_s, 2), "pipeline_load_s": round(load_s, 2),
           "component_s": {k: round(v, 3) for k, v in per.items()},
           "pipeline_cpu_words_per_s": round(words / CPU["pipeline"]),
           "ratio_cpu_pipeline_to_tokenize": round(CPU["pipeline"] / CPU["tokenize"], 2),
           "component_cpu_s": {k: round(CPU[f"component:{k}"], 3) for k in per},
           "ner_cpu_s_within_actors": round(ner.get("ner", 0.0), 3),
           "store_ms_per_article": round(1000 * store_s / max(1, len(docs)), 2), "peak_rss_mb": round(rss_mb)}
    print(f"{len(articles)} articles, {words:,} words from {out['input']}; {events} events")
    print(f"  bare tokenize : {words / tok_s:>10,.0f} words/s  {len(articles) / tok_s:>8,.1f} articles/s")
    print(f"  extract path  : {words / pipe_s:>10,.0f} words/s  {len(articles) / pipe_s:>8,.1f} articles/s"
          f"   ({pipe_s / tok_s:.1f}× tokenize)")
    print("  per component : " + ", ".join(f"{k} {v:.2f}s" for k, v in per.items())
          + f"   (pipeline load {load_s:.1f}s)")
    print(f"  CPU time      : tokenize {words / CPU['tokenize']:,.0f} words/s, extract "
          f"{words / CPU['pipeline']:,.0f} words/s ({CPU['pipeline'] / CPU['tokenize']:.1f}×); "
          + ", ".join(f"{k} {CPU[f'component:{k}']:.2f}s"
                      + (f" (of which NER {ner['ner']:.2f}s)" if k == "actors" and ner else "") for k in per))
    print(f"  ingest adds   : {1000 * store_s / max(1, len(docs)):.2f} ms/article (DuckDB, batches of 64)")
    if args.workers > 1:
        w_s = bench_workers(articles, args.workers)
        out["workers"] = args.workers
        out["workers_words_per_s"] = round(words / w_s)
        print(f"  dask ×{args.workers}      : {words / w_s:>10,.0f} words/s  "
              f"{len(articles) / w_s:>8,.1f} articles/s (incl. worker start-up)")
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"  peak RSS      : {out['peak_rss_mb']} MB")
    print(json.dumps(out))


if __name__ == "__main__":
    main()

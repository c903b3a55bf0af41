"""Running the pipeline over a stream of articles: in-process, or on N processes with Dask.

Parallel runs go in waves: the reader (main process) fills ``workers × 2`` chunks of articles, a Dask
bag maps them over a process pool that lives for the whole run (each worker loads the pipeline once),
and results come back in input order, so `extract` output is deterministic and `ingest` can commit as
results arrive.  Memory stays at one wave, whatever the input size.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any

from hadath.doc import Doc
from hadath.io import Article
from hadath.pipeline import Pipeline, get_pipeline

# Swappable so tests (and embedders) can run the spine with a pipeline of their own.
PipelineFactory = Callable[[], Pipeline | Callable[[Doc], Doc]]
pipeline_factory: PipelineFactory = get_pipeline

Result = tuple[Article, Doc | None, str | None]  # (article, processed doc, error reason)


def make_doc(article: Article) -> Doc:
    from hadath.pipeline import parse_date
    return Doc(text=article.text, id=article.id, date=parse_date(article.date), source=article.source,
               url=article.url, title=article.title)


def process_one(pipeline: Callable[[Doc], Doc], article: Article) -> Result:
    """One article through the pipeline; a component crash becomes an error line, not a dead run."""
    try:
        return article, pipeline(make_doc(article)), None
    except Exception as exc:  # noqa: BLE001 — a bug in one component must not lose the whole run
        return article, None, f"pipeline error ({type(exc).__name__}: {exc})"


def _slim(doc: Doc | None) -> Doc | None:
    """Drop the layers nothing downstream reads, so results pickle back cheaply from workers."""
    if doc is not None:
        doc.tokens = []
        doc.entities = []
    return doc


def _process_chunk(chunk: list[Article]) -> list[tuple[Doc | None, str | None]]:
    pipeline = pipeline_factory()
    out = []
    for article in chunk:
        _, doc, err = process_one(pipeline, article)
        out.append((_slim(doc), err))
    return out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process_articles(articles: Iterable[Article], *, workers: int = 1,
                     chunk_size: int = 16) -> Iterator[Result]:
    """Every article processed, in input order."""
    if workers <= 1:
        pipeline = pipeline_factory()
        for article in articles:
            yield process_one(pipeline, article)
        return
    import dask
    import dask.bag as db

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for wave in _chunks(_chunks(articles, chunk_size), workers * 2):
            bag = db.from_sequence(wave, npartitions=len(wave)).map(_process_chunk)
            (results,) = dask.compute(bag, scheduler="processes", pool=pool)
            for chunk, chunk_results in zip(wave, results):
                for article, (doc, err) in zip(chunk, chunk_results):
                    yield article, doc, err

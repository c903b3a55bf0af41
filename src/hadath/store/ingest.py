"""Articles → pipeline → store, as `hadath ingest` and `hadath demo` run it.

Stored content is recognised by hash before the pipeline runs (re-runs are cheap); processed articles
are committed in transactions of at most BATCH_ARTICLES or BATCH_SECONDS of work, and on Ctrl-C or a
crash the finished ones are committed first.  A transaction is all or nothing, so even `kill -9` leaves
only whole articles and the re-run completes the rest (docs/spine.md, "The store").
"""
from __future__ import annotations

import time
from collections.abc import Iterator

from hadath.doc import Doc, content_hash
from hadath.io import Article
from hadath.io.report import RunReport
from hadath.scale import process_articles
from hadath.store.db import Store

BATCH_ARTICLES = 64  # at most this many articles per transaction …
BATCH_SECONDS = 1.0  # … and a commit at least every second (one per article costs ~10 ms of fsync)


def ingest_articles(store: Store, articles: Iterator[Article], report: RunReport, *, workers: int = 1,
                    replace: bool = False) -> int:
    """Process and store; already-stored content is skipped before the pipeline runs.  Returns the
    number of newly stored articles."""

    def fresh() -> Iterator[Article]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= BATCH_ARTICLES:
                yield from _unseen(batch)
                batch = []
        yield from _unseen(batch)

    def _unseen(batch: list[Article]) -> Iterator[Article]:
        if replace:
            yield from batch
            return
        hashes = [content_hash(a.text) for a in batch]
        present = store.existing_hashes(hashes)
        for a, h in zip(batch, hashes):
            if h in present:
                report.already_stored()
            else:
                yield a

    pending: list[tuple[Doc, int]] = []
    stored, last = 0, time.perf_counter()

    def flush() -> None:
        nonlocal pending, stored, last
        if pending:
            flags = store.ingest_many([d for d, _ in pending], replace=replace)
            for (doc, n_events), new in zip(pending, flags):
                if new:
                    stored += 1
                    report.done(n_events)
                else:
                    report.already_stored()
        pending, last = [], time.perf_counter()

    try:
        for article, doc, err in process_articles(fresh(), workers=workers):
            if doc is None:
                report.skip(article.origin, err or "pipeline error")
                continue
            pending.append((doc, len(doc.events)))
            if len(pending) >= BATCH_ARTICLES or time.perf_counter() - last >= BATCH_SECONDS:
                flush()
    finally:  # Ctrl-C or a crash: what was processed is still committed
        flush()
    return stored

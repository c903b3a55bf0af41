"""Rebuild the text layer's derived data files from ../shared (run by hand, not at run time).

    python -m hadath.text.build_data wordfreq     # data/wordfreq.tsv from SaudiNewsNet
    python -m hadath.text.build_data clitics      # data/clitic_exceptions.tsv from UD PADT dev
    python -m hadath.text.build_data cues         # data/clause_cues.tsv from SaudiNewsNet
    python -m hadath.text.build_data clauses      # data/clauses.crfsuite from SaudiNewsNet
    python -m hadath.text.build_data ngrams       # data/clause_lm.npz (boundary LM) from SaudiNewsNet

wordfreq.tsv: skeleton word → count in SaudiNewsNet 2015 (CC BY-NC-SA 4.0), words seen ≥ MIN_COUNT
times.  It is the stem lexicon that decides clitic splits (see tokenize.py).
"""
from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

from hadath.shared import shared_dir

DATA = Path(__file__).with_name("data")
MIN_COUNT = 8
_BASE = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_HAMZA = re.compile(r"(?<![\u0621-\u064a])([أإآ])|(?<=ال)[أإآ]")
_NON_BASE = re.compile(f"[^{_BASE}\\s\u064b-\u065f\u0670ةىءؤئأإآـ]+")
_DROPPED = re.compile("[\u064b-\u065f\u0670ةىءؤئأإآـ]")


def degrade(text: str) -> str:
    """Fast corpus version of ../shared/tools/degrade.py (same output on undiacritized text)."""
    text = _HAMZA.sub("ا", text)
    text = _NON_BASE.sub(" ", text)
    return _DROPPED.sub("", text)


def news_articles(limit: int | None = None):
    path = shared_dir() / "data/news/saudinewsnet-2015.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            rec = json.loads(line)
            yield (rec.get("title") or "") + "\n" + (rec.get("content") or "")


def build_wordfreq() -> None:
    counts: collections.Counter[str] = collections.Counter()
    for text in news_articles():
        counts.update(degrade(text).split())
    DATA.mkdir(exist_ok=True)
    with open(DATA / "wordfreq.tsv", "w", encoding="utf-8") as f:
        f.write("# skeleton word\tcount in SaudiNewsNet 2015 (CC BY-NC-SA 4.0); built by build_data.py\n")
        for w, c in counts.most_common():
            if c < MIN_COUNT:
                break
            f.write(f"{w}\t{c}\n")


def build_clause_cues(max_articles: int = 6000, min_count: int = 40, min_share: float = 0.4) -> None:
    """data/clause_cues.tsv: degraded words that start a sentence at least min_share of the time."""
    from hadath.text.sentences import _punctuated

    starts: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    for text in news_articles(max_articles):
        for s in _punctuated(text):
            words = degrade(text[s.start:s.end]).split()
            if words:
                starts[words[0]] += 1
                total.update(words)
    rows = [(w, starts[w], total[w]) for w in starts
            if total[w] >= min_count and starts[w] / total[w] >= min_share]
    rows.sort(key=lambda r: -r[1])
    with open(DATA / "clause_cues.tsv", "w", encoding="utf-8") as f:
        f.write("# degraded word\tsentence starts\toccurrences   (SaudiNewsNet 2015; fallback when"
                " clauses.crfsuite is absent)\n")
        for w, n, t in rows:
            f.write(f"{w}\t{n}\t{t}\n")


if __name__ == "__main__":
    what = sys.argv[1:] or ["wordfreq"]
    if "wordfreq" in what:
        build_wordfreq()
    if "clitics" in what:
        from hadath.text.segment_eval import build_exceptions
        build_exceptions()
    if "cues" in what:
        build_clause_cues()
    if "clauses" in what:
        from hadath.text.clauses import train
        train()
    if "ngrams" in what:
        from hadath.text.clauses import build_lm
        build_lm()

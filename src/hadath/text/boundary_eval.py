"""Clause-window boundary F1 on degraded UD sentences (the seed-000 situation, measured).

Each UD sentence is degraded with the seed-000 rules, CHUNK consecutive sentences are run together
into one unpunctuated text, and the windows ``split_sentences`` finds are compared with the true
sentence starts (the first word of a chunk is not counted: it is always a start).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hadath.text.build_data import degrade
from hadath.text.segment_eval import _conllu_sentences, padt_sentence_words
from hadath.text.sentences import split_sentences

CHUNK = 10


def ud_sentences(path: Path) -> Iterator[str]:
    """Sentence texts: PUD's # text lines; PADT (no # text) rebuilt from its written words."""
    if "pud" in path.name:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    yield line[len("# text = "):].strip()
        return
    for sent in _conllu_sentences(path):
        words = [w.replace("\x00", "") for w, _ in padt_sentence_words(sent)]
        if words:
            yield " ".join(words)


def boundary_f1(sentences: list[str], chunk: int = CHUNK) -> dict:
    tp = fp = fn = 0
    for k in range(0, len(sentences), chunk):
        parts = [" ".join(degrade(s).split()) for s in sentences[k:k + chunk]]  # as degrade.py
        parts = [p for p in parts if p]
        text = " ".join(parts)
        gold, pos = set(), 0
        for p in parts:
            gold.add(pos)
            pos += len(p) + 1
        gold.discard(0)
        pred = {s.start for s in split_sentences(text, degraded=True)} - {0}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    prec = tp / max(tp + fp, 1)
    rec = tp / max(tp + fn, 1)
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / max(prec + rec, 1e-9),
            "boundaries": tp + fn}

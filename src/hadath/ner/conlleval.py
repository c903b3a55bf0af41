"""Entity-level scoring equivalent to conlleval: an entity counts only when its span AND type match.

Chunks are read the conlleval way: a chunk starts at B-X, or at I-X that does not continue a chunk of
type X; it ends before O, B-, or a tag of another type.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end_exclusive, type) of every chunk in a BIO sequence."""
    out: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        pre, _, typ = tag.partition("-")
        continues = pre == "I" and typ == kind and start >= 0
        if start >= 0 and not continues:
            out.add((start, i, kind))
            start, kind = -1, ""
        if pre in ("B", "I") and not continues:
            start, kind = i, typ
    return out


@dataclass
class Score:
    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(gold: list[list[str]], pred: list[list[str]]) -> dict[str, Score]:
    """Per-type scores and "overall" over aligned sentences of gold and predicted tags."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError("gold and predicted sentences differ in length")
        gc, pc = chunks(g), chunks(p)
        for c in gc:
            n_gold[c[2]] += 1
        for c in pc:
            n_pred[c[2]] += 1
        for c in gc & pc:
            tp[c[2]] += 1
    types = sorted(set(n_gold) | set(n_pred))
    scores = {t: Score(tp[t], n_pred[t], n_gold[t]) for t in types}
    scores["overall"] = Score(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return scores


def report(scores: dict[str, Score]) -> str:
    lines = [f"{'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for t, s in scores.items():
        lines.append(f"{t:<8} {s.precision:6.2%} {s.recall:6.2%} {s.f1:6.2%} {s.gold:6d} {s.pred:6d}")
    return "\n".join(lines)

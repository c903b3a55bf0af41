"""Clause windows for degraded text (seed-000 form: no punctuation, so no sentence marks).

A linear-chain CRF (python-crfsuite) labels each skeleton word B (a sentence starts here) or I.  It
learned Arabic discourse cues — و + verb of saying (وقال ويضيف واضاف), وفي, كما, ومن جهته … — from
SaudiNewsNet 2015 sentences degraded with the seed-000 rules (build_data.py clauses); the model is
data/clauses.crfsuite.  Without the model file a cue list (data/clause_cues.tsv) is used instead.
Windows shorter than MIN_WORDS words are merged into the previous one.  A news-agency dateline
(CITY ا ف ب / اف ب, what "CITY (أ ف ب) -" degrades to) always opens a window at the city word: the news
data the CRF learned from has no such datelines, and AFP wire copy (as in PADT) opens articles with one.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

from hadath.doc import Span

DATA = Path(__file__).with_name("data")
MODEL = DATA / "clauses.crfsuite"
MIN_WORDS = 4
THRESHOLD = 0.5  # marginal probability of "B" that opens a window (tuned on PADT dev)
MAX_WORDS = 45  # a longer window is cut where a start is likeliest …
LONG_THRESHOLD = 0.05  # … if that likelihood reaches this
_WORD = re.compile(r"[\u0621-\u064a]+")
_TAGGER_LOCK = threading.Lock()
DATELINE_MARKS = (("ا", "ف", "ب"), ("اف", "ب"))  # أ ف ب / أف ب (AFP) after degrading


def word_features(words: list[str], i: int) -> list[str]:
    w = words[i]
    prev = words[i - 1] if i else "<s>"
    prev2 = words[i - 2] if i > 1 else "<s>"
    nxt = words[i + 1] if i + 1 < len(words) else "</s>"
    nxt2 = words[i + 2] if i + 2 < len(words) else "</s>"
    return ["w=" + w, "p=" + prev, "n=" + nxt, "pw=" + prev + "|" + w, "wn=" + w + "|" + nxt,
            "p2=" + prev2, "n2=" + nxt2, "w3=" + w[:3], "w2=" + w[:2], "pe2=" + prev[-2:],
            "ws=" + w[-2:], "nw3=" + nxt[:3], "len=" + str(min(len(w), 8)),
            "pe3=" + prev[-3:], "pp=" + prev2 + "|" + prev, "wv=" + w[:2] + "|" + nxt[:2],
            "ppl=" + str(min(len(prev), 8))]


@lru_cache(maxsize=1)
def _tagger():
    if not MODEL.exists():
        return None
    import pycrfsuite
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


@lru_cache(maxsize=1)
def _cues() -> frozenset[str]:
    path = DATA / "clause_cues.tsv"
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8") as f:
        return frozenset(line.split("\t")[0] for line in f if line.strip() and not line.startswith("#"))


def clause_starts(words: list[str]) -> list[bool]:
    """For each skeleton word: does a clause window start here?"""
    if not words:
        return []
    tagger = _tagger()
    if tagger is not None:
        features = [word_features(words, i) for i in range(len(words))]
        with _TAGGER_LOCK:  # a crfsuite Tagger holds the current sequence: one user at a time
            tagger.set(features)
            probs = [tagger.marginal("B", i) for i in range(len(words))]
        starts = [p >= THRESHOLD for p in probs]
        _cut_long_windows(starts, probs)
    else:
        cues = _cues()
        starts = [w in cues for w in words]
    datelines = _dateline_starts(words)
    for i in datelines:
        starts[i] = True
    starts[0] = True
    last = 0
    for i in range(1, len(words)):  # no windows of a few words
        if starts[i]:
            if i - last < MIN_WORDS and i not in datelines:
                starts[i] = False
            else:
                last = i
    return starts


def _dateline_starts(words: list[str]) -> set[int]:
    """Indices of the place word before an agency mark (بغداد ا ف ب): a dateline starts there."""
    found = set()
    for i in range(1, len(words)):
        for mark in DATELINE_MARKS:
            if tuple(words[i:i + len(mark)]) == mark and len(words[i - 1]) > 1:
                found.add(i - 1)
    return found


def _cut_long_windows(starts: list[bool], probs: list[float]) -> None:
    """Windows longer than MAX_WORDS are cut at their likeliest inner start, recursively."""
    bounds = [i for i, s in enumerate(starts) if s] + [len(starts)]
    if not starts[0]:
        bounds.insert(0, 0)
    for a, b in zip(bounds, bounds[1:]):
        if b - a > MAX_WORDS:
            inner = range(a + MIN_WORDS, b - MIN_WORDS)
            best = max(inner, key=probs.__getitem__, default=None)
            if best is not None and probs[best] >= LONG_THRESHOLD:
                starts[best] = True
                _cut_long_windows(starts, probs)
                return


def split_clauses(text: str, base: int = 0) -> list[Span]:
    """Clause windows of one degraded line; offsets are ``base`` + positions in ``text``."""
    matches = list(_WORD.finditer(text))
    if not matches:
        stripped = text.strip()
        if not stripped:
            return []
        s = len(text) - len(text.lstrip())
        return [Span(base + s, base + s + len(stripped), "clause")]
    starts = clause_starts([m.group() for m in matches])
    spans: list[Span] = []
    begin = 0  # window starts at the line start so no character is left out
    for i in range(1, len(matches)):
        if starts[i]:
            end = matches[i - 1].end()
            spans.append(_trim(text, begin, end, base))
            begin = matches[i].start()
    spans.append(_trim(text, begin, len(text), base))
    return [s for s in spans if s.end > s.start]


def _trim(text: str, start: int, end: int, base: int) -> Span:
    chunk = text[start:end]
    s = start + len(chunk) - len(chunk.lstrip())
    e = start + len(chunk.rstrip())
    return Span(base + s, base + max(s, e), "clause")


def train(max_articles: int = 4000, path: Path = MODEL) -> None:
    """Train the B/I clause-start CRF on degraded SaudiNewsNet sentences (build_data.py clauses).

    Tried on 2026-11-23 and left out, because none beat this model on held-out PADT test (0.591) by
    more than noise (PADT dev has 702 boundaries, so ±0.02 is noise): UD PADT dev sentences ×5 in
    training (test 0.599; in 2-fold CV on dev halves, +0.00); 2,000 instead of 4,000 articles (dev 0.554
    vs 0.557); runs of 10 sentences across article ends instead of 8 within one (dev 0.552); labels
    B/I1/I2/I3/I, which give the CRF a length prior (dev 0.567, test 0.564, PUD 0.279, 8.4 MB);
    those labels plus ±3 words, و/ف + verb-prefix shapes, the word without و/ف and word2vec cluster
    ids of ±2 words (dev 0.566, test 0.586, PUD 0.324, 11 MB, 2× slower to train).  Decoding
    thresholds 0.25–0.6 and MIN_WORDS 3–5 all give dev 0.55–0.56: the marginals are near 0 or 1."""
    import pycrfsuite

    from hadath.text.build_data import degrade, news_articles
    from hadath.text.sentences import _punctuated

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": 1.0, "c2": 0.01, "max_iterations": 60, "feature.minfreq": 3})
    docs = [[degrade(text[s.start:s.end]).split() for s in _punctuated(text)]
            for text in news_articles(max_articles)]
    for sentences in docs:
        sentences = [s for s in sentences if s]
        # train on runs of ~8 consecutive sentences, as a degraded article would run them together
        for k in range(0, len(sentences), 8):
            words: list[str] = []
            labels: list[str] = []
            for sent in sentences[k:k + 8]:
                labels += ["B"] + ["I"] * (len(sent) - 1)
                words += sent
            trainer.append([word_features(words, i) for i in range(len(words))], labels)
    trainer.train(str(path))

"""Clause windows for degraded text (seed-000 form: no punctuation, so no sentence marks).

A linear-chain CRF (python-crfsuite) labels each skeleton word B (a sentence starts here) or I.  It
learned Arabic discourse cues — و + verb of saying (وقال ويضيف واضاف), وفي, كما, ومن جهته … — from
SaudiNewsNet 2015 sentences degraded with the seed-000 rules (build_data.py clauses); the model is
data/clauses.crfsuite.  Without the model file a cue list (data/clause_cues.tsv) is used instead.
Windows shorter than MIN_WORDS words are merged into the previous one.  A news-agency dateline
(CITY ا ف ب / اف ب, what "CITY (أ ف ب) -" degrades to) always opens a window at the city word: the news
data the CRF learned from has no such datelines, and AFP wire copy (as in PADT) opens articles with one.

The CRF's P(start) is combined with a hidden-event bigram language model (Stolcke & Shriberg 1996):
r = log P(</s> | w[i-1]) + log P(w[i] | <s>) − log P(w[i] | w[i-1]), from Kneser–Ney-style discounted
counts of degraded SaudiNewsNet sentences (data/clause_lm.npz, build_data.py ngrams) — the word
sequence "breaks" where a sentence ends.  logit P(start) += LM_WEIGHT · (r − LM_OFFSET).
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
LM = DATA / "clause_lm.npz"
LM_WEIGHT = 0.5  # weight of the hidden-event LM log-ratio on the CRF's logit (tuned on PADT dev)
LM_OFFSET = -1.0  # … and the log-ratio at which it is neutral
DISCOUNT = 0.75  # absolute discount of the bigram counts
_KEY = 1 << 21  # bigram key = id(v) · _KEY + id(w); vocabulary ids < 2^21


class BoundaryLM:
    """Hidden-event bigram LM: how likely a sentence boundary falls between two words."""

    def __init__(self, path: Path):
        import numpy as np

        with np.load(path) as z:
            vocab = z["vocab"].tobytes().decode("utf-8").split("\n")
            self.lstart = z["lstart"].astype(np.float64)  # log P(w | <s>)
            self.lend = z["lend"].astype(np.float64)  # log P(</s> | w)
            self.count = z["count"].astype(np.float64)  # c(w) as a context
            self.alpha = z["alpha"].astype(np.float64)  # back-off mass of w as a context
            self.pcont = z["pcont"].astype(np.float64)  # continuation probability of w
            self.keys = z["keys"]
            self.pairs = z["pairs"].astype(np.float64)  # c(v w), kept where ≥ 2
            self.lstart_unk, self.lend_unk, self.pcont_unk = (float(x) for x in z["unk"])
        self.ids = {w: i for i, w in enumerate(vocab)}

    def ratios(self, words: list[str]):
        """r[i] = log P(boundary before words[i]) − log P(none); r[0] = 0."""
        import numpy as np

        get = self.ids.get
        ids = np.fromiter((get(w, -1) for w in words), dtype=np.int64, count=len(words))
        known = ids >= 0
        safe = np.maximum(ids, 0)
        lstart = np.where(known, self.lstart[safe], self.lstart_unk)
        lend = np.where(known, self.lend[safe], self.lend_unk)
        pcont = np.where(known, self.pcont[safe], self.pcont_unk)
        v, w = safe[:-1], safe[1:]
        both = known[:-1] & known[1:]
        key = np.where(both, v * _KEY + w, -1)
        pos = np.minimum(np.searchsorted(self.keys, key), len(self.keys) - 1)
        n = np.where(both & (self.keys[pos] == key), self.pairs[pos], 0.0)
        p = np.where(known[:-1], np.maximum(n - DISCOUNT, 0.0) / self.count[v] + self.alpha[v] * pcont[1:],
                     pcont[1:])
        r = np.zeros(len(words))
        r[1:] = lend[:-1] + lstart[1:] - np.log(p)
        return r


@lru_cache(maxsize=1)
def _lm() -> BoundaryLM | None:
    return BoundaryLM(LM) if LM.exists() else None


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


def features(words: list[str]) -> list[list[str]]:
    """CRF features of every word of one line."""
    return [word_features(words, i) for i in range(len(words))]


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
        feats = features(words)
        with _TAGGER_LOCK:  # a crfsuite Tagger holds the current sequence: one user at a time
            tagger.set(feats)
            probs = [tagger.marginal("B", i) for i in range(len(words))]
        lm = _lm()
        if lm is not None:
            probs = _with_lm(probs, lm.ratios(words))
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


def _with_lm(probs: list[float], ratios) -> list[float]:
    """logit P(start) += LM_WEIGHT · (r − LM_OFFSET)."""
    import numpy as np

    p = np.clip(np.asarray(probs), 1e-4, 1 - 1e-4)
    z = np.log(p / (1 - p)) + LM_WEIGHT * (ratios - LM_OFFSET)
    return (1 / (1 + np.exp(-np.clip(z, -50, 50)))).tolist()


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


def build_lm(skip_articles: int = 4000, path: Path = LM, min_word: int = 3, min_pair: int = 2) -> None:
    """data/clause_lm.npz: bigram statistics of degraded SaudiNewsNet sentences (build_data.py ngrams).

    Counted on the articles after the first ``skip_articles`` (those train the CRF), with <s> and </s>
    around each sentence; words seen < min_word times are unknown, pairs seen < min_pair times are
    left to the back-off.  Interpolated absolute discounting with Kneser–Ney continuation counts."""
    import collections

    import numpy as np

    from hadath.text.build_data import degrade, news_articles
    from hadath.text.sentences import _punctuated

    uni: collections.Counter[str] = collections.Counter()
    big: collections.Counter[tuple[str, str]] = collections.Counter()
    for k, text in enumerate(news_articles()):
        if k < skip_articles:
            continue
        for s in _punctuated(text):
            words = degrade(text[s.start:s.end]).split()
            if words:
                seq = ["<s>", *words, "</s>"]
                uni.update(seq)
                big.update(zip(seq, seq[1:]))
    vocab = ["<s>", "</s>"] + sorted((w for w, c in uni.items() if c >= min_word and w not in ("<s>", "</s>")),
                                     key=lambda w: (-uni[w], w))
    ids = {w: i for i, w in enumerate(vocab)}
    assert len(vocab) < _KEY
    count = np.array([uni[w] for w in vocab], dtype=np.float64)
    follow = np.zeros(len(vocab))
    precede = np.zeros(len(vocab))
    keys, pairs = [], []
    for (v, w), n in big.items():
        iv, iw = ids.get(v), ids.get(w)
        if iv is not None:
            follow[iv] += 1
        if iw is not None:
            precede[iw] += 1
        if iv is not None and iw is not None and n >= min_pair:
            keys.append(iv * _KEY + iw)
            pairs.append(n)
    keys_a = np.array(keys, dtype=np.int64)
    order = np.argsort(keys_a)
    keys_a, pairs_a = keys_a[order], np.minimum(np.array(pairs, dtype=np.int64)[order], 65535)
    total = precede.sum()
    pcont = np.maximum(precede, 0.5) / total
    pcont_unk = 0.5 / total
    count = np.maximum(count, 1)
    alpha = DISCOUNT * np.maximum(follow, 1) / count

    def pair_count(iv: int, iw: int) -> float:
        key = iv * _KEY + iw
        j = int(np.searchsorted(keys_a, key))
        return float(pairs_a[j]) if j < len(keys_a) and keys_a[j] == key else 0.0

    s_id, e_id = ids["<s>"], ids["</s>"]
    lstart = np.log([max(pair_count(s_id, i) - DISCOUNT, 0) / count[s_id] + alpha[s_id] * pcont[i]
                     for i in range(len(vocab))])
    lend = np.log([max(pair_count(i, e_id) - DISCOUNT, 0) / count[i] + alpha[i] * pcont[e_id]
                   for i in range(len(vocab))])
    unk = np.array([np.log(alpha[s_id] * pcont_unk), np.log(pcont[e_id]), pcont_unk])
    np.savez_compressed(path, vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
                        lstart=lstart.astype(np.float32), lend=lend.astype(np.float32),
                        count=count.astype(np.float32), alpha=alpha.astype(np.float32),
                        pcont=pcont.astype(np.float32), keys=keys_a, pairs=pairs_a.astype(np.uint16), unk=unk)

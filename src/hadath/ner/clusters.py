"""Word clusters learned from unlabeled news (SaudiNewsNet), keyed by skeleton form.

Training-time only (needs gensim + scikit-learn): word2vec over skeleton tokens, then k-means at
several granularities.  Keying by skeleton makes raw and degraded text share one cluster id.
The shipped table (models/ner_clusters.tsv: ``skel<TAB>c64<TAB>c256<TAB>c1024``) is read by
hadath.ner.features with the standard library alone.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from hadath.text import skeleton_key

GRANULARITIES = (64, 256, 1024, 4096)
_WORD = re.compile(r"[\u0621-\u064a\u0670\u0640]+")


def _stable_hash(s: str) -> int:
    """gensim seeds each vector with hash(word); Python's str hash changes per process."""
    import zlib
    return zlib.crc32(s.encode("utf-8"))


def news_sentences(path: Path, limit: int | None = None):
    """Skeleton-token lists, one per line of article text."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit and n >= limit:
                break
            art = json.loads(line)
            for para in (art.get("title") or "", *(art.get("content") or "").split("\n")):
                toks = [skeleton_key(w) for w in _WORD.findall(para)]
                toks = [t for t in toks if t]
                if len(toks) > 2:
                    yield toks


def build(news: Path, out: Path, *, vocab: int = 150_000, min_count: int = 3, seed: int = 13) -> int:
    """Learn the cluster table; one worker thread and fixed seeds keep it reproducible."""
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans
    import numpy as np

    sents = list(news_sentences(news))
    model = Word2Vec(sents, vector_size=100, window=5, min_count=min_count, workers=1, sg=0,
                     epochs=5, seed=seed, max_final_vocab=vocab, hashfxn=_stable_hash)
    words = model.wv.index_to_key
    vecs = model.wv.vectors / (np.linalg.norm(model.wv.vectors, axis=1, keepdims=True) + 1e-9)
    cols = []
    for k in GRANULARITIES:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        cols.append(km.fit_predict(vecs))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(c[i]) for c in cols) + "\n")
    return len(words)


if __name__ == "__main__":
    import sys
    n = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{n} words clustered")

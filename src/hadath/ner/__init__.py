"""Arabic named-entity recognition: a CRF (python-crfsuite) trained by ``hadath train ner`` on
ANERcorp + NewsFANE (+ degraded copies) and shipped in hadath/models/.

``get_tagger()`` → the cached NerTagger, or None when no model file is shipped.
"""
from __future__ import annotations

from functools import lru_cache

from hadath.ner.tagger import NerTagger


@lru_cache(maxsize=1)
def get_tagger() -> NerTagger | None:
    return NerTagger.load()


__all__ = ["NerTagger", "get_tagger"]

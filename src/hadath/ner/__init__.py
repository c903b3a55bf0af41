"""Arabic named-entity recognition: two stacked CRFs (python-crfsuite; stage 2 adds label consistency
across neighbouring sentences) trained by ``hadath train ner`` on ANERcorp (+ degraded copies) and
shipped in hadath/models/ (see docs/ner.md).  Tagging scores the same models in numpy
(``hadath.ner.fast``: crfsuite's tags, several times faster).

``get_tagger()`` → the cached NerTagger, or None when no model file is shipped.
"""
from __future__ import annotations

from functools import lru_cache

from hadath.ner.tagger import NerTagger


@lru_cache(maxsize=1)
def get_tagger() -> NerTagger | None:
    return NerTagger.load()


__all__ = ["NerTagger", "get_tagger"]

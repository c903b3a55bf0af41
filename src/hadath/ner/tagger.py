"""The shipped CRF tagger: tokens → BIO tags, and Doc → ``doc.entities``."""
from __future__ import annotations

from pathlib import Path

import pycrfsuite

from hadath.doc import Doc, Span
from hadath.ner.conlleval import chunks
from hadath.ner.features import Featurizer, load_clusters, load_gazetteer

MODELS = Path(__file__).resolve().parent.parent / "models"
MODEL_FILE = "ner.crfsuite"
CLUSTERS_FILE = "ner_clusters.tsv"
GAZETTEER_FILE = "ner_gazetteer.tsv"


class NerTagger:
    def __init__(self, model: Path, featurizer: Featurizer) -> None:
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        self.featurizer = featurizer

    @classmethod
    def load(cls, model_dir: Path | None = None) -> "NerTagger | None":
        """The tagger from ``model_dir`` (default: the package's models/), or None without a model."""
        d = Path(model_dir) if model_dir else MODELS
        if not (d / MODEL_FILE).exists():
            return None
        feats = Featurizer(load_clusters(d / CLUSTERS_FILE), load_gazetteer(d / GAZETTEER_FILE))
        return cls(d / MODEL_FILE, feats)

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return self._crf.tag(self.featurizer.sentence(tokens))

    def __call__(self, doc: Doc) -> Doc:
        """Tag each sentence of ``doc`` (the whole text when it has none) and set ``doc.entities``."""
        toks = doc.tokens
        sents = doc.sentences or [Span(0, len(doc.text))]
        entities: list[Span] = []
        i = 0
        for sent in sents:
            while i < len(toks) and toks[i].start < sent.start:
                i += 1
            j = i
            while j < len(toks) and toks[j].end <= sent.end:
                j += 1
            if j > i:
                tags = self.tag_tokens([t.text for t in toks[i:j]])
                for s, e, label in sorted(chunks(tags)):
                    entities.append(Span(toks[i + s].start, toks[i + e - 1].end, label))
            i = j
        doc.entities = entities
        return doc

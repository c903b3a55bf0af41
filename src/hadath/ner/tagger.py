"""The shipped CRF tagger: tokens → BIO tags, and Doc → ``doc.entities``."""
from __future__ import annotations

from pathlib import Path

import pycrfsuite

from hadath.doc import Doc, Span
from hadath.ner.conlleval import chunks
from hadath.ner.fast import FastTagger
from hadath.ner.features import (STAGE2_LOCAL, Featurizer, load_clusters, load_gazetteer, load_lexicon,
                                 stage2_features)
from hadath.ner.gazetteers import load_names, load_phrases
from hadath.ner.linear_crf import read_crfsuite

MODELS = Path(__file__).resolve().parent.parent / "models"
MODEL_FILE = "ner.crfsuite"
MODEL2_FILE = "ner2.crfsuite"  # optional stage 2 (label consistency across sentences)
LEXICON_FILE = "ner_lexicon.tsv"  # optional stage-2 table: training-label features per word
CLUSTERS_FILE = "ner_clusters.tsv"
GAZETTEER_FILE = "ner_gazetteer.tsv"
NAMES_FILE = "ner_names.tsv"
PHRASES_FILE = "ner_phrases.tsv"  # multi-word person and state names (gazetteers.build_phrases)
KNOWN_FILE = "ner_attributes.txt"  # the attributes the models know, headed by their fingerprint


def _fingerprint(paths: list[Path]) -> str:
    import hashlib
    h = hashlib.sha1()
    for p in paths:
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def write_known_attributes(model_dir: Path) -> Path:
    """Save the attributes ``model_dir``'s CRF models were trained with (run after training).  The
    header fingerprints the model files, so a file left over from other models is ignored on load."""
    models = [model_dir / MODEL_FILE, model_dir / MODEL2_FILE]
    attrs: set[str] = set()
    for m in models:
        if m.exists():
            crf = pycrfsuite.Tagger()
            crf.open(str(m))
            attrs.update(a for a, _ in crf.info().state_features)
            crf.close()
    out = model_dir / KNOWN_FILE
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# {_fingerprint(models)}\n")
        f.writelines(a + "\n" for a in sorted(attrs))
    return out


def load_known_attributes(model_dir: Path) -> frozenset[str] | None:
    """The saved attribute set when it belongs to the models now in ``model_dir``; else None (tag
    with every feature: slower, same tags)."""
    path = model_dir / KNOWN_FILE
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        if header != "# " + _fingerprint([model_dir / MODEL_FILE, model_dir / MODEL2_FILE]):
            return None
        return frozenset(line.rstrip("\n") for line in f)


class NerTagger:
    def __init__(self, model: Path, featurizer: Featurizer, model2: Path | None = None,
                 fast: bool = True) -> None:
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        self._crf_path = model
        self._crf2 = None
        if model2 is not None and model2.exists():
            self._crf2 = pycrfsuite.Tagger()
            self._crf2.open(str(model2))
        self.featurizer = featurizer
        self.quiet_stage1 = True  # stage 2 only where stage 1 disagrees with itself nearby (docs/ner.md)
        self.lexicon = load_lexicon(model.parent / LEXICON_FILE) if self._crf2 is not None else {}
        # the numpy scorer (hadath.ner.fast): same tags as crfsuite, several times faster; None when
        # the model files cannot be read that way (then crfsuite tags). ``use_fast = False``: crfsuite.
        self._fast = None
        if fast and not STAGE2_LOCAL:
            try:
                self._fast = FastTagger(featurizer, read_crfsuite(model),
                                        read_crfsuite(model2) if self._crf2 is not None else None)
            except (ValueError, OSError, UnicodeDecodeError):
                self._fast = None
        self.use_fast = self._fast is not None
        self.near_ties = 0  # calls the fast path handed to crfsuite

    @classmethod
    def load(cls, model_dir: Path | None = None) -> "NerTagger | None":
        """The tagger from ``model_dir`` (default: the package's models/), or None without a model."""
        d = Path(model_dir) if model_dir else MODELS
        if not (d / MODEL_FILE).exists():
            return None
        feats = Featurizer(load_clusters(d / CLUSTERS_FILE), load_gazetteer(d / GAZETTEER_FILE),
                           load_names(d / NAMES_FILE), known=load_known_attributes(d),
                           phrases=load_phrases(d / PHRASES_FILE))
        return cls(d / MODEL_FILE, feats, d / MODEL2_FILE)

    def tag_sentences(self, sents: list[list[str]]) -> list[list[str]]:
        """Tag the sentences of one text in reading order: with a stage-2 model, each word's tags
        also depend on how stage 1 tagged the same word in the sentences around it."""
        if self.use_fast and self._fast is not None:
            tags = self._fast.tag_sentences(sents, self.lexicon, self.quiet_stage1)
            if tags is not None:
                return tags
            self.near_ties += 1  # a near tie on a best path: crfsuite decides (see fast.TIE_MARGIN)
        return self.tag_sentences_crfsuite(sents)

    def tag_sentences_crfsuite(self, sents: list[list[str]]) -> list[list[str]]:
        """``tag_sentences`` by python-crfsuite on the feature lists (the reference the fast path is
        tested against)."""
        x1 = [self.featurizer.sentence(s) for s in sents]
        tags1 = [self._crf.tag(x) if x else [] for x in x1]
        if self._crf2 is None:
            return tags1
        # quiet_stage1: a sentence where no word's stage-1 tag disagrees with the majority of its other
        # occurrences nearby keeps stage 1's tags (x is None); stage 2 runs where consistency matters
        x2 = stage2_features(self.featurizer, sents, tags1, base=x1, signal=[], lexicon=self.lexicon,
                             skip_quiet=self.quiet_stage1)
        return [t1 if x is None else self._crf2.tag(x) if x else [] for x, t1 in zip(x2, tags1)]

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        """One sentence on its own (use tag_sentences for a text's sentences together)."""
        if not tokens:
            return []
        return self.tag_sentences([tokens])[0]

    def __call__(self, doc: Doc) -> Doc:
        """Tag each sentence of ``doc`` (the whole text when it has none) and set ``doc.entities``."""
        toks = doc.tokens
        sents = doc.sentences or [Span(0, len(doc.text))]
        entities: list[Span] = []
        ranges: list[tuple[int, int]] = []
        i = 0
        for sent in sents:
            while i < len(toks) and toks[i].start < sent.start:
                i += 1
            j = i
            while j < len(toks) and toks[j].end <= sent.end:
                j += 1
            if j > i:
                ranges.append((i, j))
            i = j
        tagged = self.tag_sentences([[t.text for t in toks[i:j]] for i, j in ranges])
        for (i, _), tags in zip(ranges, tagged):
            for s, e, label in sorted(chunks(tags)):
                entities.append(Span(toks[i + s].start, toks[i + e - 1].end, label))
        doc.entities = entities
        return doc

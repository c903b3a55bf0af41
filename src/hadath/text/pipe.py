"""The text component: tokens and sentences (or clause windows for degraded text)."""
from __future__ import annotations

from hadath.doc import Doc
from hadath.text.sentences import looks_degraded, split_sentences
from hadath.text.tokenize import tokenize


def annotate_text(doc: Doc) -> Doc:
    doc.degraded = looks_degraded(doc.text)
    doc.tokens = tokenize(doc.text, degraded=doc.degraded)
    doc.sentences = split_sentences(doc.text, degraded=doc.degraded)
    return doc

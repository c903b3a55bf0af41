"""Sentence spans for punctuated text, clause windows for degraded (unpunctuated) text.

(Minimal first version; the text-layer issue makes it robust and measures boundary F1.)
"""
from __future__ import annotations

import re

from hadath.doc import Span

_END = re.compile(r"[.!?؟…\n]+[\"'»”)\]]*\s*")


def looks_degraded(text: str) -> bool:
    """Seed-000-style text: long stretches with no punctuation, hamza, ة, ى or digits."""
    if len(text) < 200:
        return not re.search(r"[.،,؟!:؛\n]", text) and not re.search(r"[ةىأإآءؤئ]", text)
    return sum(text.count(c) for c in ".،,؟!:؛\n") < len(text) / 400


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            s = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            spans.append(Span(s, m.start() + len(m.group().rstrip()), "sent"))
        start = end
    if text[start:].strip():
        s = start + (len(text[start:]) - len(text[start:].lstrip()))
        spans.append(Span(s, len(text.rstrip()), "sent"))
    return spans

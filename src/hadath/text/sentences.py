"""Sentence spans for punctuated text, clause windows for degraded (unpunctuated) text.

Punctuated text: a sentence ends at . ! ? ؟ … (with any closing quotes/brackets after it) or at a line
break, so headlines and paragraph lines without final punctuation are sentences of their own.  A
period does not end a sentence between digits (3.5, 2022.8.5), after a one-letter abbreviation (د.
U.S.), inside a URL or e-mail, or inside a «…» / “…” / "…" quotation that closes within 400
characters.  Degraded text (no punctuation) is cut into clause windows by clauses.py.
Spans never include surrounding white space; label "sent" or "clause".
"""
from __future__ import annotations

import re

from hadath.doc import Span

_TERMINATOR = re.compile(r"[.!?؟…]+|\n")
_CLOSERS = "\"'»”’)]›"
_OPEN_CLOSE = {"«": "»", "“": "”", "‹": "›"}
_MAX_QUOTE = 400
_ABBREV = re.compile(r"(?:^|[\s(«\"“.])(?:\w|Mr|Mrs|Dr|Jr|Sr|St|No|Co|Inc|Ltd|etc|vs|ص|ج|م\.م)$")


_RAW_ONLY = re.compile(r"[ةىأإآءؤئ0-9\u0660-\u0669]")


def looks_degraded(text: str) -> bool:
    """Seed-000-style text: long stretches with no punctuation, hamza, ة, ى or digits."""
    if len(text) < 200:
        return not re.search(r"[.،,؟!:؛\n]", text) and not re.search(r"[ةىأإآءؤئ0-9]", text)
    few_marks = sum(text.count(c) for c in ".،,؟!:؛\n") < len(text) / 400
    # raw Arabic has a ة, ى, hamza or digit every ~20 characters; degraded text has none
    return few_marks and len(_RAW_ONLY.findall(text)) < len(text) / 200


def _quote_open_at(text: str, pos: int, open_quotes: list[tuple[str, int]]) -> bool:
    """Is ``pos`` inside a quotation that closes soon (so a period there does not end the sentence)?"""
    while open_quotes and pos - open_quotes[-1][1] > _MAX_QUOTE:
        open_quotes.pop()
    if not open_quotes:
        return False
    closer, start = open_quotes[-1]
    close = text.find(closer, pos, start + _MAX_QUOTE)
    return close != -1


def _is_boundary(text: str, m: re.Match, open_quotes: list[tuple[str, int]]) -> bool:
    s, e = m.span()
    if m.group() == "\n":
        open_quotes.clear()
        return True
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < len(text) else ""
    if m.group() == ".":
        if prev.isdigit() and nxt.isdigit():
            return False  # 3.5, 2022.8.5
        if nxt and nxt.isalnum() and not ("\u0621" <= nxt <= "\u064a" and "\u0621" <= prev <= "\u064a"):
            return False  # www.un.org, U.S.A — but النزاع.وقال is a missing space
        if _ABBREV.search(text, max(0, s - 6), s):
            return False
    if _quote_open_at(text, s, open_quotes):
        return False
    return True


def _punctuated(text: str, base: int = 0) -> list[Span]:
    spans: list[Span] = []
    open_quotes: list[tuple[str, int]] = []
    start = 0
    ascii_quote_open = -1
    pos = 0
    for m in _TERMINATOR.finditer(text):
        # track quotation marks between the last terminator and this one
        for q in re.finditer(r"[«“‹»”›\"]", text[pos:m.start()]):
            ch, qpos = q.group(), pos + q.start()
            if ch in _OPEN_CLOSE:
                open_quotes.append((_OPEN_CLOSE[ch], qpos))
            elif ch == '"':
                if ascii_quote_open >= 0:
                    ascii_quote_open = -1
                    if open_quotes and open_quotes[-1][0] == '"':
                        open_quotes.pop()
                else:
                    ascii_quote_open = qpos
                    open_quotes.append(('"', qpos))
            elif open_quotes and open_quotes[-1][0] == ch:
                open_quotes.pop()
        pos = m.end()
        if not _is_boundary(text, m, open_quotes):
            continue
        end = m.end()
        if m.group() != "\n":
            while end < len(text) and text[end] in _CLOSERS:
                if text[end] == '"':
                    ascii_quote_open = -1
                end += 1
            pos = end
        _add(spans, text, start, end, base)
        start = end
    _add(spans, text, start, len(text), base)
    return spans


def _add(spans: list[Span], text: str, start: int, end: int, base: int, label: str = "sent") -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + (len(chunk) - len(chunk.lstrip()))
        spans.append(Span(base + s, base + s + len(stripped), label))


def split_sentences(text: str, degraded: bool | None = None) -> list[Span]:
    """Sentence spans (punctuated text) or clause windows (degraded text), in original offsets."""
    if degraded is None:
        degraded = looks_degraded(text)
    if not degraded:
        return _punctuated(text)
    from hadath.text.clauses import split_clauses
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        spans.extend(split_clauses(line.group(), base=line.start()))
    return spans

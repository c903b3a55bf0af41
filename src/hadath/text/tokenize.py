"""Words with offsets and a clitic split in skeleton space.

(Minimal first version; the text-layer issue refines the clitic rules and measures them on UD.)
"""
from __future__ import annotations

import re

from hadath.doc import Token
from hadath.text.normalize import normalize, skeleton_key

# a word: a run of letters/digits/diacritics; anything else non-space is a one-char punctuation token
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]+|[^\w\s]", re.UNICODE)
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س")
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه", "ي", "ك")


def split_clitics(skel: str) -> tuple[str, str, str]:
    """(prefix, stem, suffix) of a skeleton word; conservative: keeps a stem of ≥ 2 letters."""
    prefix = ""
    for p in _PREFIXES:
        if skel.startswith(p) and len(skel) - len(p) >= 3:
            prefix = p
            break
    return prefix, skel[len(prefix):], ""


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        w = m.group()
        skel = skeleton_key(w)
        is_punct = not skel and not any(c.isalnum() for c in w)
        pre, stem, suf = split_clitics(skel) if skel else ("", "", "")
        tokens.append(Token(s, e, w, normalize(w).text, skel, pre, stem, suf, is_punct,
                            normalize(w).text.isdigit()))
    return tokens

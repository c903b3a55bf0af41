"""Words with original offsets, normal/skeleton forms and a clitic split (see clitics.py).

Tokens: a number (``3.5``, ``1,000``, ``٤٩``), a word (letters/digits with their diacritics and
zero-width joiners), or one punctuation character.  Invisible marks between words are skipped.
Analyses are cached per distinct word form, which keeps tokenization well above 100k words/s.
"""
from __future__ import annotations

import re

from hadath.doc import Token
from hadath.text.clitics import split_clitics
from hadath.text.normalize import _HAMZA_ALEFS, normalize, skeleton_key
from hadath.text.sentences import looks_degraded

_WORD_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED\u200c\u200d"
_TOKEN = re.compile(
    r"\d+(?:[.,\u066b\u066c]\d+)+"  # a number with decimal or thousands separators
    rf"|[\w{_WORD_MARKS}]+"
    r"|[^\w\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u00ad]",
    re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_FINAL_DROPPED = frozenset("ءؤئةى")  # بناء, قناة: what the skeleton ends with cannot be an enclitic
_MARK_CHARS = "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a\u0640" + "".join(
    chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u200c\u200d"
_CACHE_MAX = 200_000
_cache: dict[tuple[str, bool], tuple] = {}


def _hamza_prefix(word: str, skel: str) -> str:
    """The skeleton prefix after which the raw word had a hamza-alef the skeleton dropped (لأن → ل)."""
    for i, ch in enumerate(word):
        if ch in _HAMZA_ALEFS and i > 0:
            if word[max(0, i - 2):i] == "ال":
                continue
            before = skeleton_key(word[:i])
            if before and " " not in before and skel.startswith(before):
                return before
            return ""
    return ""


def analyze(word: str, degraded: bool = False) -> tuple:
    """(norm, skel, prefix, stem, suffix, is_punct, is_number) of one token's text, cached."""
    key = (word, degraded)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    norm = normalize(word).text
    skel = skeleton_key(word)
    is_number = bool(_NUMBER.fullmatch(norm))
    is_punct = not skel and not is_number and not any(c.isalnum() for c in norm)
    if skel and " " not in skel:
        if degraded:
            pre, stem, suf = split_clitics(skel, "maybe")
        else:
            pre, stem, suf = split_clitics(skel, _hamza_prefix(word, skel),
                                           word.rstrip(_MARK_CHARS)[-1:] in _FINAL_DROPPED)
    else:
        pre, stem, suf = "", skel, ""
    result = (norm, skel, pre, stem, suf, is_punct, is_number)
    if len(_cache) >= _CACHE_MAX:
        _cache.clear()
    _cache[key] = result
    return result


def tokenize(text: str, degraded: bool | None = None) -> list[Token]:
    """Tokens of ``text``; ``degraded`` (default: detected) lets the clitic split guess lost hamzas."""
    if degraded is None:
        degraded = looks_degraded(text)
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        w = m.group()
        a = analyze(w, degraded)
        append(Token(m.start(), m.end(), w, *a))
    return tokens


def match_keys(token: Token) -> list[str]:
    """Dictionary keys to try for a token, most specific first: بالقدس → بالقدس, القدس, قدس."""
    keys = [token.skel]
    if token.prefix or token.suffix:
        if token.prefix.endswith("ال") or token.prefix.endswith("لل"):
            keys.append("ال" + token.stem)
        keys.append(token.stem)
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]

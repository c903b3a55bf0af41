"""PlaceTagger: find gazetteer places in a document, in skeleton space, with original offsets.

Matching runs over the skeleton of the whole text (hadath.text.skeleton), so "معبر إيرز" and the degraded
"معبر اريز", "قطاع غزة" and "قطاع غز" meet.  At each word the longest gazetteer phrase wins ("قطاع غزة"
over "غزة"); the first word may carry a clitic (و ب ل وب ول فب فل, "لل" for "ال": "للقدس" → القدس).  A ``block``
phrase ("سرايا القدس", "كتائب شهداء الأقصى") consumes its words so the place inside is not tagged, and
places wholly inside a person or organisation mention found earlier in the pipeline (doc.mentions of type
PER/ORG, NER spans PERS/ORG) are dropped, unless "في" introduces them ("السلطة في الضفة الغربية").
"""
from __future__ import annotations

import re

from hadath.doc import Doc, Place
from hadath.geo.gazetteer import Gazetteer, choose, get_gazetteer, ta_marbuta_variant

_PREFIXES = ("وب", "ول", "فب", "فل", "و", "ب", "ل")  # not bare ف/ك: "فاتن" is not ف+آتن
_TANWEEN = re.compile("[\u064b-\u064d]")
_NO_LENGTHS: frozenset[int] = frozenset()
_NOT_PLACE_MENTION = {"PER", "PERS", "ORG"}  # not POP: "سكان غزة" still locates an event in غزة


def _variants(word: str) -> tuple[tuple[str, int], ...]:
    """(form, characters of clitic stripped) for the first word of a candidate phrase."""
    out = [(word, 0)]
    if word.startswith("لل") and len(word) > 4:
        out.append(("ال" + word[2:], 1))
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append((word[len(p):], len(p)))
    return tuple(out)


def _word_end(text: str, end: int) -> int:
    while end < len(text) and ("\u0621" <= text[end] <= "\u0652" or text[end] in "\u0670\u0640"):
        end += 1
    return end


class PlaceTagger:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or get_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc.places = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Place]:
        from hadath.text import skeleton
        sk = doc.meta.get("skeleton")  # shared with the actor tagger (same NormText of the same text)
        if sk is None or getattr(sk, "original_length", -1) != len(doc.text):
            sk = skeleton(doc.text)
            doc.meta["skeleton"] = sk
        words: list[tuple[str, int, int]] = []  # (word, skeleton start, skeleton end)
        pos = 0
        for w in sk.text.split(" "):
            if w:
                words.append((w, pos, pos + len(w)))
            pos += len(w) + 1
        context = {w for w, _, _ in words}
        from hadath.text import looks_degraded
        degraded = doc.degraded or looks_degraded(doc.text)  # no ة/hamza: exact spellings can't be trusted
        blocked_spans = [(m.start, m.end) for m in doc.mentions if m.type in _NOT_PLACE_MENTION]
        blocked_spans += [(e.start, e.end) for e in doc.entities if e.label in ("PERS", "ORG")]
        places: list[Place] = []
        starts_of = self.gaz.start_cache.get
        i = 0
        while i < len(words):
            st = starts_of(words[i][0])
            if st is None:
                st = self._starts(words[i][0])
            if not st:  # no gazetteer or block phrase begins with this word (most words)
                i += 1
                continue
            hit = self._match(words, i)
            if hit is None:
                i += 1
                continue
            n, skip, entries, key = hit
            if entries:
                s_sk = words[i][1] + skip
                e_sk = words[i + n - 1][2]
                start, end = sk.span(s_sk, e_sk)
                end = _word_end(doc.text, end)  # skeleton drops a final ة/ى/ء: cover the whole word
                original = doc.text[start:end]
                if degraded:  # no ة/hamza to check against: exact-spelling names are not trusted at all
                    spelled = key not in self.gaz.exact
                else:
                    spelled = (self.gaz.spelling_ok(key, original) and self.gaz.spelled_like(key, original)
                               and not _TANWEEN.search(original))  # "دوماً", "حزماً" are adverbs
                inside = any(a <= start and end <= b for a, b in blocked_spans)
                if inside and doc.text[max(0, start - 4):start].strip() in ("في", "وفي"):
                    inside = False  # "السلطة في الضفة الغربية": the organisation's name carries a real place
                if spelled and not inside:
                    e = choose(entries, context)
                    if e is not None:
                        places.append(e.place(start, end, doc.text[start:end]))
            i += n
        return places

    def _starts(self, word: str) -> tuple[tuple[int, str, int], ...]:
        """The (n words, first form, clitic chars) that can start a gazetteer or block phrase at a word
        spelled ``word``, in the order ``_match`` tries them (longest first, then variant order).
        Pure in ``word`` for one gazetteer, so cached on the gazetteer: most words start nothing."""
        cache = self.gaz.start_cache
        got = cache.get(word)
        if got is None:
            idx = self.gaz.first_index()
            lens = []
            for form, skip in _variants(word):
                ns = idx.get(form, _NO_LENGTHS) | idx.get(ta_marbuta_variant(form), _NO_LENGTHS)
                lens.append((form, skip, ns))
            got = tuple((n, form, skip) for n in range(self.gaz.max_words, 0, -1)
                        for form, skip, ns in lens if n in ns)
            if len(cache) < 200000:
                cache[word] = got
        return got

    def _match(self, words: list[tuple[str, int, int]], i: int):
        """Longest phrase starting at word i: (n words, clitic chars, entries or [] for a block, key)."""
        avail = len(words) - i
        for n, form, skip in self._starts(words[i][0]):
            if n > avail:
                continue
            rest = " ".join([w for w, _, _ in words[i + 1:i + n]])
            key = f"{form} {rest}" if rest else form
            if key in self.gaz.blocked:
                return n, skip, [], key
            entries = self.gaz.candidates(key)
            if skip and n == 1 and len(form) <= 3 and not any(e.curated for e in entries):
                continue  # a clitic plus a 3-letter GeoNames name is usually an ordinary word
            if entries:
                return n, skip, entries, key
        return None

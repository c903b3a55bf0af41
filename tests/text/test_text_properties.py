"""Offset truth for any input string."""
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text import normalize, skeleton, split_sentences, tokenize
from hadath.text.numbers import find_numbers

# Arabic letters, marks, presentation forms, digits, punctuation, quotes, zero-width marks, newlines
ALPHABET = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءؤئأإآٱ") +
                           list("\u064b\u064e\u0650\u0651\u0652\u0640\u0670\u200c\u200f\ufeff") +
                           list("ﻻﷲﺑکیپ٤٩۱0123456789.,،؛؟!?…«»“”\"'()- \n\tAbZ"))
TEXT = st.text(ALPHABET, max_size=120) | st.text(max_size=60)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_normalization_offsets_monotonic_and_in_range(text):
    for nt in (normalize(text), skeleton(text)):
        assert len(nt.offsets) == len(nt.text)
        assert all(0 <= o < len(text) for o in nt.offsets)
        assert all(a <= b for a, b in zip(nt.offsets, nt.offsets[1:]))


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_skeleton_is_idempotent(text):
    once = skeleton(text).text
    assert skeleton(once).text == once


@settings(max_examples=150, deadline=None)
@given(TEXT, st.booleans())
def test_token_and_sentence_spans_slice_the_original(text, degraded):
    for t in tokenize(text, degraded=degraded):
        assert text[t.start:t.end] == t.text and t.text.strip()
        assert t.skel.startswith(t.prefix) and t.skel.endswith(t.suffix)
    spans = split_sentences(text, degraded=degraded)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == text[s.start:s.end].strip()
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    for a, b, _ in find_numbers(text):
        assert 0 <= a < b <= len(text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_fast_skeleton_equals_the_character_loop(text):
    from hadath.text.normalize import _skeleton_slow
    fast, slow = skeleton(text), _skeleton_slow(text)
    assert (fast.text, fast.offsets) == (slow.text, slow.offsets)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_string_only_forms_equal_the_offset_mapped_ones(text):
    # skeleton_key / normalize_text skip the offset map (hot in NER and matching): same strings
    from hadath.text.normalize import normalize_text, skeleton_key
    assert skeleton_key(text) == skeleton(text).text.strip()
    assert normalize_text(text) == normalize(text).text

"""Arabic text layer: normalization, clitic-aware tokens, sentences, numbers — all offset-true.

Every function here maps back to character offsets of the ORIGINAL text.  See docs/text.md.
"""
from hadath.text.normalize import NormText, normalize, skeleton, skeleton_key, skeleton_variants
from hadath.text.sentences import looks_degraded, split_sentences
from hadath.text.tokenize import match_keys, tokenize

__all__ = ["normalize", "skeleton", "skeleton_key", "skeleton_variants", "NormText", "tokenize",
           "match_keys", "split_sentences", "looks_degraded"]

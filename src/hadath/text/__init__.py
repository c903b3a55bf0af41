"""Arabic text layer: normalization, clitic-aware tokens, sentences, numbers — all offset-true.

Every function here maps back to character offsets of the ORIGINAL text.
"""
from hadath.text.normalize import normalize, skeleton, skeleton_key, NormText
from hadath.text.tokenize import tokenize
from hadath.text.sentences import split_sentences, looks_degraded

__all__ = ["normalize", "skeleton", "skeleton_key", "NormText", "tokenize", "split_sentences",
           "looks_degraded"]

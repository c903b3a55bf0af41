"""Clitic segmentation stays accurate on held-out UD data (full figures: bench/text_layer.py)."""
import itertools

from hadath.text import segment_eval


def test_padt_test_segmentation(shared):
    words = itertools.islice(segment_eval.padt_words(shared / "data/ud/padt_v1.3_ar-ud-test.conllu"), 4000)
    result = segment_eval.evaluate(words)
    assert result["with_clitics"] > 500
    assert result["accuracy"] >= 0.96


def test_pud_segmentation(shared):
    words = itertools.islice(segment_eval.pud_words(shared / "data/ud/ar_pud-ud-test.conllu"), 4000)
    assert segment_eval.evaluate(words)["accuracy"] >= 0.95

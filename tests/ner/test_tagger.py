from pathlib import Path

import pycrfsuite
import pytest
from typer.testing import CliRunner

from hadath.doc import Doc, Span
from hadath.ner import get_tagger
from hadath.ner.features import Featurizer
from hadath.ner.tagger import MODEL_FILE, NerTagger

SENTS = [
    (["زار", "محمد", "القاهرة", "."], ["O", "B-PERS", "B-LOC", "O"]),
    (["قال", "أحمد", "علي", "في", "دمشق", "."], ["O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]),
    (["وصل", "محمد", "إلى", "دمشق", "."], ["O", "B-PERS", "O", "B-LOC", "O"]),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> NerTagger:
    """A toy model trained in a temporary folder: exercises the tagger without the shipped model."""
    d = tmp_path_factory.mktemp("ner")
    feats = Featurizer()
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(5):
        for toks, tags in SENTS:
            trainer.append(feats.sentence(toks), tags)
    trainer.set_params({"c2": 0.01, "max_iterations": 50})
    trainer.train(str(d / MODEL_FILE))
    return NerTagger.load(d)


def test_load_without_model_is_none(tmp_path):
    assert NerTagger.load(tmp_path) is None


def test_tag_tokens(tiny):
    assert tiny.tag_tokens(["زار", "محمد", "القاهرة", "."]) == ["O", "B-PERS", "B-LOC", "O"]
    assert tiny.tag_tokens([]) == []


def test_doc_entities_have_original_offsets(tiny):
    from hadath.text.pipe import annotate_text
    text = "زار محمد القاهرة. وصل محمد إلى دمشق."
    doc = tiny(annotate_text(Doc(text=text)))
    got = [(text[e.start:e.end], e.label) for e in doc.entities]
    assert ("محمد", "PERS") in got and ("القاهرة", "LOC") in got and ("دمشق", "LOC") in got
    assert all(isinstance(e, Span) for e in doc.entities)


def test_cli_conll_keeps_sentence_breaks(tmp_path):
    if get_tagger() is None:
        pytest.skip("no shipped NER model")
    from hadath.cli import app
    src = tmp_path / "in.conll"
    src.write_text("زار O\nمحمد B-PERS\n\nقال O\nعلي B-PERS\n.\tO\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    res = CliRunner().invoke(app, ["ner", "--conll", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    blocks = out.read_text(encoding="utf-8").strip("\n").split("\n\n")
    assert [len(b.split("\n")) for b in blocks] == [2, 3]
    assert all(line.split("\t")[1][:2] in ("O", "B-", "I-") for b in blocks for line in b.split("\n"))


def test_shipped_model_finds_common_entities():
    tagger = get_tagger()
    if tagger is None:
        pytest.skip("no shipped NER model")
    tags = tagger.tag_tokens("وقال الرئيس الأمريكي باراك أوباما في واشنطن إن".split())
    assert tags[3:5] == ["B-PERS", "I-PERS"] and tags[6] == "B-LOC"
    degraded = tagger.tag_tokens("وقال الرييس الامريكي باراك اوباما في واشنطن ان".split())
    assert degraded[6] == "B-LOC"

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


def test_known_attribute_file_changes_speed_not_tags(tiny, tmp_path):
    """Tagging with only the attributes the model knows (as bytes) gives the tags of the full feature
    lists; a file whose fingerprint belongs to other model files is ignored."""
    import shutil

    from hadath.ner.tagger import KNOWN_FILE, load_known_attributes, write_known_attributes
    d = tmp_path / "m"
    d.mkdir()
    shutil.copy(Path(tiny._crf_path), d / MODEL_FILE)
    write_known_attributes(d)
    known = load_known_attributes(d)
    assert known and "w=محمد" in known and "w=بيروت" not in known
    fast = NerTagger.load(d)
    assert fast.featurizer.known == known
    sents = [toks for toks, _ in SENTS] + [["زار", "سمير", "بيروت", "أمس", "."]]
    assert fast.tag_sentences_crfsuite(sents) == tiny.tag_sentences_crfsuite(sents) == fast.tag_sentences(sents)
    x = fast.featurizer.sentence(["زار", "سمير", "بيروت"])
    assert all(isinstance(a, bytes) for a in x[0] if a not in ("BOS", "EOS"))
    assert b"w=" + "سمير".encode() not in x[1]  # unknown to the model: dropped
    (d / MODEL_FILE).write_bytes((d / MODEL_FILE).read_bytes() + b"\0")  # "retrained" without the file
    assert load_known_attributes(d) is None and NerTagger.load(d).featurizer.known is None
    (d / KNOWN_FILE).unlink()
    assert load_known_attributes(d) is None


def test_shipped_models_tag_the_same_with_and_without_the_attribute_filter():
    tagger = get_tagger()
    if tagger is None or tagger.featurizer.known is None:
        pytest.skip("no shipped NER model with its attribute file")
    sents = ["وقال الرئيس الأمريكي باراك أوباما في واشنطن إن".split(),
             "التقى أوباما وزير الخارجية السعودي في الرياض .".split(),
             "واستقبل عباس في رام الله وفدا من حركة حماس".split()]
    fast = tagger.tag_sentences(sents)
    slow = NerTagger(tagger._crf_path, Featurizer(tagger.featurizer.clusters, tagger.featurizer.gazetteer,
                                                  tagger.featurizer.names, phrases=tagger.featurizer.phrases),
                     tagger._crf_path.parent / "ner2.crfsuite")
    slow.quiet_stage1 = False
    tagger_all = NerTagger(tagger._crf_path, tagger.featurizer, tagger._crf_path.parent / "ner2.crfsuite")
    tagger_all.quiet_stage1 = False
    assert slow.featurizer.known is None
    assert slow.tag_sentences_crfsuite(sents) == tagger_all.tag_sentences_crfsuite(sents)
    assert slow.tag_sentences(sents) == tagger_all.tag_sentences_crfsuite(sents)  # the numpy path too
    assert any(t != "O" for s in fast for t in s)

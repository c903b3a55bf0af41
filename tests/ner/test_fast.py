"""The numpy tagger (hadath.ner.fast, hadath.ner.linear_crf) against python-crfsuite: same weights, same
Viterbi, same tags."""
from collections import Counter

import numpy as np
import pycrfsuite
import pytest

from hadath.ner import fast as fast_mod
from hadath.ner import get_tagger
from hadath.ner.features import FAMILIES, Featurizer, consistency, stage2_features
from hadath.ner.linear_crf import read_crfsuite, viterbi
from hadath.ner.tagger import MODEL2_FILE, MODEL_FILE, NerTagger
from hadath.text import skeleton_key

TRAIN = [
    (["زار", "محمد", "علي", "القاهرة", "."], ["O", "B-PERS", "I-PERS", "B-LOC", "O"]),
    (["قال", "أحمد", "إن", "شركة", "أرامكو", "ربحت", "."], ["O", "B-PERS", "O", "B-ORG", "I-ORG", "O", "O"]),
    (["وصل", "محمد", "علي", "إلى", "دمشق", "أمس", "."], ["O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "O"]),
    (["وأعلنت", "أرامكو", "عن", "«", "مهرجان", "الجنادرية", "»", "في", "الرياض", "."],
     ["O", "B-ORG", "O", "O", "B-MISC", "I-MISC", "O", "O", "B-LOC", "O"]),
    (["وقال", "الرئيس", "باراك", "أوباما", "في", "واشنطن", "إن", "أرامكو", "شركة", "كبرى"],
     ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "O", "O"]),
    (["دفع", "أحمد", "مئة", "ريال", "في", "جدة"], ["O", "B-PERS", "O", "B-MISC", "O", "B-LOC"]),
]
# made-up text: known and unknown words, quotes, a phrase, punctuation, digits, Latin, one-word and
# empty sentences, words repeated across sentences (stage 2)
MADE_UP = [
    "زار محمد علي الرياض أمس .".split(),
    "وقال أحمد إن « أرامكو » ربحت 30 مليار ريال في 2015 .".split(),
    [],
    "أرامكو".split(),
    "التقى باراك أوباما محمد علي في جدة ثم غادر إلى دمشق".split(),
    "وأكدت شركة سابك و Aramco أن الأرباح ارتفعت %".split(),
    "ووصل سمير أرامكو إلى القاهره والرياض وبالرياض للرياض .".split(),
    "قال \" محمد \" إن ' جدة ' و “ دمشق ” مدن".split(),
    "محمد محمد محمد علي علي أرامكو أرامكو".split(),
    "| |s= s= bg-s= = w= . , ؟ ! ( )".split(),
]


def _train(path, items, **params):
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in items:
        trainer.append(x, y)
    trainer.set_params({"c2": 0.01, "max_iterations": 60, **params})
    trainer.train(str(path))


@pytest.fixture(scope="module")
def two_stage(tmp_path_factory):
    """A toy two-stage model (stage 2 on gold-tag consistency features) with a multi-word name."""
    d = tmp_path_factory.mktemp("ner2")
    phrases = {(skeleton_key("محمد"), skeleton_key("علي")): "PERS"}
    f = Featurizer(phrases=phrases)
    toks = [t for t, _ in TRAIN]
    gold = [g for _, g in TRAIN]
    _train(d / MODEL_FILE, [(f.sentence(t), g) for t, g in TRAIN] * 3)
    _train(d / MODEL2_FILE, list(zip(stage2_features(f, toks, gold, window=2), gold)) * 3,
           **{"feature.possible_transitions": True})
    return NerTagger(d / MODEL_FILE, Featurizer(phrases=phrases), d / MODEL2_FILE)


def _same_as_crfsuite(tagger, sents):
    for quiet in (True, False):
        tagger.quiet_stage1 = quiet
        assert tagger.tag_sentences(sents) == tagger.tag_sentences_crfsuite(sents)
    tagger.quiet_stage1 = True


def test_read_crfsuite_has_crfsuites_weights(two_stage):
    for path in (two_stage._crf_path, two_stage._crf_path.parent / MODEL2_FILE):
        crf = read_crfsuite(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()  # its weights are printed with 6 decimals
        assert set(crf.labels) == set(info.labels) and len(set(crf.attrs)) == len(crf.attrs)
        lab = {x: i for i, x in enumerate(crf.labels)}
        att = {x: i for i, x in enumerate(crf.attrs)}
        assert len(info.state_features) == np.count_nonzero(crf.state)
        for (a, y), w in info.state_features.items():
            assert abs(crf.state[att[a], lab[y]] - w) <= 5e-7
        for (y1, y2), w in info.transitions.items():
            assert abs(crf.trans[lab[y1], lab[y2]] - w) <= 5e-7


def test_read_crfsuite_rejects_other_files(tmp_path):
    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"lCRF" + bytes(100))
    with pytest.raises(ValueError):
        read_crfsuite(bad)


def test_viterbi_picks_crfsuites_paths(two_stage):
    """Random attribute sequences, one at a time and batched: the same labels as crfsuite."""
    path = two_stage._crf_path.parent / MODEL2_FILE
    crf = read_crfsuite(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    rng = np.random.default_rng(7)
    seqs, scores = [], []
    for _ in range(120):
        seq = [[crf.attrs[j] for j in rng.integers(0, len(crf.attrs), rng.integers(0, 6))]
               for _ in range(int(rng.integers(1, 25)))]
        att = {a: i for i, a in enumerate(crf.attrs)}
        s = np.array([crf.state[[att[a] for a in item]].sum(axis=0) if item else np.zeros(len(crf.labels))
                      for item in seq])
        one, _ = viterbi(s, [len(seq)], crf.trans)
        assert [crf.labels[i] for i in one] == tagger.tag(seq)
        seqs.append(seq)
        scores.append(s)
    got, _ = viterbi(np.concatenate(scores), [len(s) for s in seqs], crf.trans)  # (exact ties here:
    # items without attributes score 0 for every label, and both sides then take the first label)
    a = 0
    for seq in seqs:
        assert [crf.labels[i] for i in got[a:a + len(seq)]] == tagger.tag(seq)
        a += len(seq)


def test_toy_two_stage_model_fast_equals_crfsuite(two_stage):
    assert two_stage.use_fast and two_stage._fast is not None and two_stage._fast.trans2 is not None
    ties = two_stage.near_ties
    _same_as_crfsuite(two_stage, MADE_UP)
    _same_as_crfsuite(two_stage, [s for s in MADE_UP if s])
    for s in MADE_UP:
        assert two_stage.tag_tokens(s) == (two_stage.tag_sentences_crfsuite([s])[0] if s else [])
    assert two_stage.near_ties == ties  # the fast path decided every call itself
    assert two_stage.tag_sentences([]) == [] and two_stage.tag_sentences([[], []]) == [[], []]


def _check_scores(tagger, sents, quiet):
    """The fast path's state scores = the sums of each token's feature weights, crfsuite's way: the
    feature lists of Featurizer.sentence / stage2_features (as str, unfiltered)."""
    f = tagger.featurizer
    plain = Featurizer(f.clusters, f.gazetteer, f.names, phrases=f.phrases, use_quotes=f.quotes)
    fast = tagger._fast
    trace: dict = {}
    tags = fast.tag_sentences(sents, tagger.lexicon, quiet, trace)
    x1 = [plain.sentence(s) for s in sents]
    w1 = fast.weights[:, :fast.n1]
    w2 = fast.weights[:, fast.n1:]
    want = [sum((w1[fast.attrs[a]] for a in item if a in fast.attrs), np.zeros(fast.n1)) for x in x1 for item in x]
    np.testing.assert_allclose(trace["stage1"], np.array(want).reshape(-1, fast.n1), rtol=1e-12, atol=1e-12)
    tags1 = [tagger._crf.tag(x) if x else [] for x in x1]  # stage 1 by crfsuite
    signal: list[bool] = []
    x2 = stage2_features(plain, sents, tags1, base=x1, signal=signal, lexicon=tagger.lexicon, skip_quiet=quiet)
    assert trace["chosen"].tolist() == [x is not None and len(x) > 0 for x in x2]
    want2 = [sum((w2[fast.attrs[a]] for a in item if a in fast.attrs), np.zeros(fast.n2))
             for x in x2 if x for item in x]
    if want2:
        np.testing.assert_allclose(trace["stage2"], np.array(want2), rtol=1e-12, atol=1e-12)
    return tags


def test_fast_scores_are_crfsuites_sums(two_stage):
    for quiet in (True, False):
        _check_scores(two_stage, MADE_UP, quiet)
        _check_scores(two_stage, [t for t, _ in TRAIN], quiet)


def test_fast_path_is_really_used(two_stage, monkeypatch):
    """Breaking the numpy path changes the tags (so the equality tests above compare two paths)."""
    two_stage._fast._reset()
    monkeypatch.setattr(two_stage._fast, "trans1", -two_stage._fast.trans1)
    assert two_stage.tag_sentences(MADE_UP) != two_stage.tag_sentences_crfsuite(MADE_UP)
    two_stage._fast._reset()


def test_near_tie_goes_to_crfsuite(two_stage, monkeypatch):
    monkeypatch.setattr(fast_mod, "TIE_MARGIN", float("inf"))
    before = two_stage.near_ties
    assert two_stage.tag_sentences(MADE_UP) == two_stage.tag_sentences_crfsuite(MADE_UP)
    assert two_stage.near_ties == before + 1


def test_word_vectors_are_the_sums_of_the_word_features(two_stage):
    """Each word's five role vectors (found by (family, value)) = the weights of word_lists' features."""
    f, fast = two_stage.featurizer, two_stage._fast
    words = sorted({w for s in MADE_UP + [t for t, _ in TRAIN] for w in s} | {"", "=", "ال", "x y"})
    fast._add_words([w for w in words if w not in fast._ids])
    for w in words:
        lists = f.word_lists(w)
        for role in range(5):
            want = sum((fast.weights[fast.attrs[a]] for a in lists[role] if a in fast.attrs),
                       np.zeros(fast.weights.shape[1]))
            np.testing.assert_allclose(fast._vec[fast._ids[w], role], want, rtol=1e-12, atol=1e-12)


def test_word_lists_expand_the_factors_in_order():
    f = Featurizer(names={skeleton_key("محمد"): ("PF", "PL")}, gazetteer={skeleton_key("جدة"): "LOC"},
                   clusters={skeleton_key("محمد"): ("1", "12"), "رياض": ("3", "31")})
    lists = f.word_lists("محمد")
    assert lists[0][:4] == ["b", "w=محمد", "s=محمد", "st=محمد"] and lists[0][-2:] == ["nm=PF", "nm=PL"]
    assert lists[1] == ["-1s=محمد", "-1st=محمد", "-1sh=ar", "-1pc=", "-1c0=1", "-1c1=12", "-1nm=PF", "-1nm=PL"]
    assert lists[3] == ["-2s=محمد", "-2c=1", "-2nm=PF", "-2nm=PL"]
    assert "cs0=3" in f.word_lists("بالرياض")[0] and "gz=LOC" in f.word_lists("جدة")[0]
    prefixes = [p for spec in FAMILIES.values() for _, p in spec]
    assert len(prefixes) == len(set(prefixes)) and all(p.count("=") <= 1 and p[-1:] in "=blw" for p in prefixes)


def _codes_as_lists(keys, tags1, window):
    """consistency_codes' output in features.consistency's form."""
    ids: dict[str, int] = {}
    kid = np.array([ids.setdefault(k, len(ids)) if k else -1 for s in keys for k in s], dtype=np.int64)
    sent_of = np.repeat(np.arange(len(keys)), [len(s) for s in keys])
    labels = ("B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
    ent = np.array([labels.index(t) if t != "O" else -1 for s in tags1 for t in s], dtype=np.intp)
    maj, sig, at, code = fast_mod.consistency_codes(kid, sent_of, ent, len(keys), window)
    extras = [[] for _ in kid]
    for p, c in zip(at.tolist(), code.tolist()):
        extras[p].append(fast_mod.DYN_VOCAB[c])
    names = (*fast_mod.TYPES, "O")
    majs = ["" if m < 0 else names[m] for m in maj.tolist()]
    out, a = [], 0
    for i, s in enumerate(keys):
        out.append((extras[a:a + len(s)], majs[a:a + len(s)], bool(sig[i])))
        a += len(s)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_consistency_codes_equal_consistency(seed):
    rng = np.random.default_rng(seed)
    vocab = ["", "a", "b", "c", "d", "e"]
    labels = ["O"] * 6 + ["B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    n = int(rng.integers(1, 40))
    keys = [[vocab[j] for j in rng.integers(0, len(vocab), rng.integers(0, 9))] for _ in range(n)]
    tags1 = [[labels[j] for j in rng.integers(0, len(labels), len(s))] for s in keys]
    for window in (0, 1, 3, 10):
        assert _codes_as_lists(keys, tags1, window) == list(consistency(keys, tags1, window))


def test_shipped_model_fast_equals_crfsuite():
    tagger = get_tagger()
    if tagger is None:
        pytest.skip("no shipped NER model")
    assert tagger._fast is not None
    fresh = NerTagger.load()
    _same_as_crfsuite(fresh, MADE_UP)
    for quiet in (True, False):
        fresh.quiet_stage1 = quiet
        assert _check_scores(fresh, MADE_UP, quiet) == fresh.tag_sentences_crfsuite(MADE_UP)
    fresh.quiet_stage1 = True
    docs = [["وقال الرئيس الأمريكي باراك أوباما في واشنطن إن".split(),
             "التقى أوباما وزير الخارجية السعودي في الرياض .".split(),
             "واستقبل عباس في رام الله وفدا من حركة حماس".split(),
             "وقال الرييس الامريكي باراك اوباما في واشنطن ان".split()]]
    for d in docs:
        _same_as_crfsuite(fresh, d)
    assert fresh.near_ties == 0


def test_anercorp_slice_fast_equals_crfsuite(shared):
    from hadath.ner import data as D
    from hadath.ner.train import degraded_copy
    path = shared / "data" / "ner"
    if not (path / "anercorp" / "ANERCorp.txt").exists():
        pytest.skip("ANERcorp is absent from ../shared")
    tagger = NerTagger.load()
    if tagger is None:
        pytest.skip("no shipped NER model")
    _, _, test = D.anercorp_splits(path)
    test = test[:400]
    for sents in ([t for t, _ in test], [t for t, _ in degraded_copy(test)]):
        for a in range(0, len(sents), 20):
            assert tagger.tag_sentences(sents[a:a + 20]) == tagger.tag_sentences_crfsuite(sents[a:a + 20])
    tags = tagger.tag_sentences([t for t, _ in test])
    assert tags == tagger.tag_sentences_crfsuite([t for t, _ in test])
    assert tagger.near_ties == 0
    assert Counter(t for s in tags for t in s)["B-PERS"] > 50  # real tagging happened

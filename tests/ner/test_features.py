from pathlib import Path

import pycrfsuite

from hadath.ner.features import Featurizer, stage2_features
from hadath.ner.gazetteers import kb_people, load_names, petrarch_names
from hadath.ner.tagger import MODEL2_FILE, MODEL_FILE, MODELS, NAMES_FILE, NerTagger
from hadath.text import skeleton_key


def test_name_list_features_on_word_and_neighbours():
    names = {skeleton_key("أحمد"): ("PF",), skeleton_key("وزارة"): ("OH",), skeleton_key("الشيخ"): ("PT",)}
    f = Featurizer(names=names)
    feats = f.sentence(["قال", "الشيخ", "وأحمد", "إن", "وزارة", "الصحة"])
    assert "nm=PF" in feats[2]  # via the clitic-stripped stem
    assert "-1nm=PT" in feats[2] and "+1nm=PF" in feats[1] and "-2nm=PF" in feats[4]
    assert "-1nm=OH" in feats[5] and "nm=OH" in feats[4]
    assert not any(x.startswith("nm=") for x in feats[0])
    assert not any("nm=" in x for x in Featurizer(names=names, use_names=False).sentence(["أحمد"])[0])


def test_shipped_name_lists_know_common_names():
    names = load_names(MODELS / NAMES_FILE)
    assert names, "models/ner_names.tsv is shipped"
    assert "PF" in names[skeleton_key("محمد")] and "PF" in names[skeleton_key("باراك")]
    assert "OH" in names[skeleton_key("وزارة")] and "PT" in names[skeleton_key("السيد")]


def test_kb_and_petrarch_name_readers(shared, tmp_path):
    from hadath.actors import __file__ as actors_init
    people = kb_people(Path(actors_init).parent / "data")
    assert [skeleton_key("زياد"), skeleton_key("النخالة")] in people
    pet = petrarch_names(shared / "data" / "universal-petrarch-arabic" / "actor_dict_ar_v4.txt")
    assert [skeleton_key("نوري"), skeleton_key("المالكي")] in pet


def test_stage2_features_reflect_neighbour_labels():
    f = Featurizer()
    sents = [["قال", "فولكسفاغن", "إن"], ["وباعت", "فولكسفاغن", "سيارات"], ["زار", "محمد", "دمشق"],
             ["غادر", "فولكسفاغن"]]
    tags1 = [["O", "B-ORG", "O"], ["O", "O", "O"], ["O", "B-PERS", "B-LOC"], ["O", "O"]]
    x = stage2_features(f, sents, tags1, window=1)
    assert "dM=ORG" in x[1][1] and "dB=ORG" in x[1][1] and "s1=O" in x[1][1]
    assert "+1dM=ORG" in x[1][0] and "+1s1=O" in x[1][0] and "-1dM=ORG" in x[1][2]
    assert "dM=O" in x[0][1]  # the one other occurrence in reach (sentence 1) was O
    assert not any(a.startswith("dM=") for a in x[3][1])  # sentence 1 is out of reach; 2 has none
    assert x[0][1][: len(f.sentence(sents[0])[1])] == f.sentence(sents[0])[1]  # stage-1 features kept
    assert "s1=B-LOC" in x[2][2] and "-1s1=B-PERS" in x[2][2]


def test_two_stage_tagger_uses_stage2_model(tmp_path):
    f = Featurizer()
    sents = [(["زار", "محمد", "دمشق", "."], ["O", "B-PERS", "B-LOC", "O"]),
             (["قال", "محمد", "إن", "."], ["O", "B-PERS", "O", "O"])]
    for name, feats in ((MODEL_FILE, [f.sentence(t) for t, _ in sents]),
                        (MODEL2_FILE, stage2_features(f, [t for t, _ in sents],
                                                      [g for _, g in sents]))):
        trainer = pycrfsuite.Trainer(verbose=False)
        for x, (_, g) in zip(feats, sents):
            trainer.append(x, g)
        trainer.set_params({"c2": 0.01, "max_iterations": 30})
        trainer.train(str(tmp_path / name))
    tagger = NerTagger.load(tmp_path)
    assert tagger._crf2 is not None
    got = tagger.tag_sentences([t for t, _ in sents])
    assert got == [g for _, g in sents] and tagger.tag_tokens(sents[0][0]) == sents[0][1]
    tagger.quiet_stage1 = False  # stage 2 on every sentence
    assert tagger.tag_sentences([t for t, _ in sents]) == [g for _, g in sents]
    assert tagger.tag_sentences([[], sents[1][0]]) == [[], sents[1][1]]


def test_gold_lexicon_and_its_stage2_features():
    from hadath.ner.features import gold_lexicon
    f = Featurizer()
    lex = gold_lexicon(f, [(["زار", "محمد", "الأهلي"], ["O", "B-PERS", "B-ORG"]),
                           (["للأهلي", "محمد"], ["B-ORG", "O"])])
    assert lex[skeleton_key("الأهلي")[2:]] == ("gM=ORG", "gH=ORG", "gA=ORG")  # key: clitic-free stem
    assert lex[skeleton_key("محمد")] == ("gM=PERS", "gH=PERS") and skeleton_key("زار") not in lex
    x = stage2_features(f, [["وبالأهلي", "فاز"]], [["O", "O"]], lexicon=lex)
    assert "gA=ORG" in x[0][0] and not any(a.startswith("g") and "=" in a for a in x[0][1][-6:])


def test_first_names_bootstrapped_from_title_contexts(tmp_path):
    import json

    from hadath.ner.gazetteers import from_news
    arts = [{"title": "", "content": "استقبل الشيخ زايد الكعبي الوفد. وقال السيد زايد الكعبي إن الأمر مهم."},
            {"title": "", "content": "أكد الدكتور زايد الكعبي أن الاجتماع في الرياض ناجح"},
            {"title": "", "content": "أعلن الرئيس الأمريكي باراك أوباما وقال الرئيس الأمريكي باراك أوباما ثم "
                                     "الرئيس باراك أوباما"}]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in arts), encoding="utf-8")
    first, follow = from_news(path, min_count=3)
    assert skeleton_key("زايد") in first and skeleton_key("باراك") in first  # past الأمريكي too
    assert skeleton_key("الكعبي") in follow and skeleton_key("أوباما") in follow
    assert skeleton_key("الوفد") not in first and skeleton_key("الرياض") not in follow


def test_multiword_name_features_longest_match_with_clitics():
    from hadath.ner.gazetteers import phrase_key
    phrases = {tuple(phrase_key(p.split()).split()): t for p, t in
               (("باراك أوباما", "PERS"), ("المملكة العربية السعودية", "LOC"), ("المملكة العربية", "LOC"))}
    f = Featurizer(phrases=phrases)
    words = "وقال باراك أوباما في للمملكة العربية السعودية".split()
    kd = [[a for a in t if a.startswith("kd")] for t in f.sentence(words)]
    assert kd[1] == ["kd=B-PERS", "kd+1=I-PERS"] and "kd=I-PERS" in kd[2] and "kd+1=B-PERS" in kd[0]
    assert "kd=B-LOC" in kd[4] and "kd=I-LOC" in kd[6]  # the three-word name wins over its prefix
    assert "kd-1=I-LOC" not in kd[3] and "kd+1=B-LOC" in kd[3]
    assert not any(kd[i] for i in range(len(words)) if i not in (0, 1, 2, 3, 4, 5, 6))
    assert not any(a.startswith("kd") for t in f.sentence("وصل أوباما إلى".split()) for a in t)  # one word
    assert not any(a.startswith("kd") for t in Featurizer(phrases=phrases, use_phrases=False).sentence(words)
                   for a in t)


def test_phrase_table_from_kb_people_and_states(shared, tmp_path):
    from hadath.ner.gazetteers import build_phrases, load_phrases, phrase_key
    counts = build_phrases(shared / "data", tmp_path / "p.tsv")
    table = load_phrases(tmp_path / "p.tsv")
    assert counts["PERS"] > 2000 and counts["LOC"] > 50 and set(counts) == {"PERS", "LOC"}
    assert table[tuple(phrase_key("زياد النخالة".split()).split())] == "PERS"
    assert table[tuple(phrase_key("الولايات المتحدة".split()).split())] == "LOC"
    assert tuple(phrase_key("وزارة الخارجية الإسرائيلية".split()).split()) not in table  # KB organs: not phrases

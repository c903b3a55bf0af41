from hadath.ner.conlleval import chunks, evaluate


def test_chunks_follow_conlleval():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]
    assert chunks(tags) == {(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")}


def test_exact_span_and_type_match():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-LOC", "I-LOC"]]
    s = evaluate(gold, pred)
    assert (s["overall"].tp, s["overall"].pred, s["overall"].gold) == (1, 3, 3)
    assert s["LOC"].precision == 0.5 and s["LOC"].recall == 1.0
    assert s["PERS"].f1 == 0.0 and s["ORG"].recall == 0.0
    assert abs(s["overall"].f1 - 1 / 3) < 1e-9


def test_perfect_and_empty():
    gold = [["B-MISC", "I-MISC", "O"]]
    assert evaluate(gold, gold)["overall"].f1 == 1.0
    assert evaluate([["O"]], [["O"]])["overall"].f1 == 0.0

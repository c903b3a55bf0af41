"""The evaluation bridge: the reference scorer run as a subprocess, GSR rows and roles."""
from __future__ import annotations


from hadath.events.evaluation import _main, gsr_rows, score, span_row_id
from hadath.shared import seed_gold


def test_scoring_gold_against_itself_is_perfect(shared):
    gold = seed_gold(shared)
    res = score(shared, gold)
    assert res["exact_f1"] == 1.0 and res["gold"] == len(gold)
    res = score(shared, gold[:-3])
    assert res["exact_r"] < 1.0 and res["exact_p"] == 1.0


def test_gsr_rows_leave_out_ambiguous(shared):
    rows = gsr_rows(shared, "PROTEST")
    assert rows and all(r["label"] in ("yes", "easy no", "difficult no") for r in rows)


def test_gsr_roles_keep_only_country_codes():
    assert _main({"main": "ISR", "role": "MIL"}) == "ISR"
    assert _main({"main": "PSE"}) == "PSE"
    assert _main({"main": "IMG"}) is None and _main({"main": "None"}) is None and _main("UNKNOWN") is None


def test_a_spans_item_is_matched_to_its_row_by_its_text():
    rows_by_id = {"r1": "جملة أولى.", "r2": "جملة ثانية."}
    id_by_text = {t: i for i, t in rows_by_id.items()}
    assert span_row_id({"source": "r1", "text": "جملة أولى."}, rows_by_id, id_by_text) == "r1"
    # an item that carries another row's id (or a publication name) belongs to the row of its text
    assert span_row_id({"source": "r1", "text": "جملة ثانية."}, rows_by_id, id_by_text) == "r2"
    assert span_row_id({"source": "Ad Dustour (Arabic)", "text": "جملة ثانية. "}, rows_by_id, id_by_text) == "r2"
    # a sentence that is not a scored row is left out
    assert span_row_id({"source": "r1", "text": "جملة أخرى."}, rows_by_id, id_by_text) is None

"""The spine on real input: the SaudiNewsNet dump as-is, and the bundled samples through the real
pipeline (checking the record contract, not the other components' accuracy)."""
from __future__ import annotations

import json
from itertools import islice

from typer.testing import CliRunner

from hadath.cli import app
from hadath.cli.spine import sample_path
from hadath.io import Article, read_inputs
from hadath.pipeline import parse_date

RECORD_KEYS = {"doc_id", "event_type", "mode", "cameo", "actors", "recipients", "status", "date",
               "location", "fatalities", "injuries", "evidence", "source_says"}


def test_saudinewsnet_reads_as_is_streaming(shared):
    path = shared / "data/news/saudinewsnet-2015.jsonl.gz"
    first = list(islice(read_inputs([str(path)]), 200))
    assert all(isinstance(a, Article) for a in first)
    assert first[0].id == "saudinewsnet-2015:1" and first[0].source and first[0].url
    assert all(parse_date(a.date) is not None and a.title and len(a.text) > 20 for a in first)


def test_samples_are_valid_articles():
    arts = list(read_inputs([str(sample_path())]))
    assert 5 <= len(arts) <= 10 and all(isinstance(a, Article) for a in arts)
    assert len({a.id for a in arts}) == len(arts) and all(parse_date(a.date) for a in arts)
    assert any("الخامس من آب الجاري" in a.text for a in arts)


def test_real_pipeline_records_keep_the_contract(tmp_path):
    r = CliRunner().invoke(app, ["extract", str(sample_path())])
    assert r.exit_code == 0, r.output
    texts = {a.id: a.text for a in read_inputs([str(sample_path())])}
    for line in r.stdout.splitlines():
        rec = json.loads(line)
        assert set(rec) >= RECORD_KEYS
        ev = rec["evidence"]
        assert texts[rec["doc_id"]][ev["start"]:ev["end"]] == ev["sentence"]

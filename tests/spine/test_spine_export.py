"""Exports round-trip: write PLOVER JSONL / ICEWS CSV / Parquet, read them back, check the fields."""
from __future__ import annotations

import csv
import datetime as dt
import json

import pyarrow.parquet as pq
import pytest

from hadath.store import Store
from hadath.store.codes import cameo_lookup
from hadath.store.export import ICEWS_COLUMNS, export

from .helpers import hand_doc


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "h.duckdb")
    doc = hand_doc("story1")
    doc.date = dt.date(2023, 8, 7)
    doc.source, doc.url = "wafa", "http://example.org/1"
    s.ingest(doc)
    yield s
    s.close()


def test_plover_jsonl(store, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export(store, "plover-jsonl", out) == 2
    consult, assault = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert consult["id"] == "story1:0" and consult["event"] == ["CONSULT"]
    assert consult["date"] == "2023-08-05" and consult["date_precision"] == "day"
    assert [a["code"] for a in consult["actor"]] == ["HAMAS"]
    assert [a["code"] for a in consult["recipient"]] == ["EGY", "PIJ"]
    assert consult["recipient"][0]["entity_text"] == "مصر"
    assert consult["event_loc"]["geonameid"] == 360630 and consult["event_loc"]["country_code"] == "EGY"
    assert consult["quad_code"] == 1 and consult["event_scale"] == cameo_lookup("040")[0]
    assert consult["event_text"][0].startswith("التقى") and consult["text_info"]["sequence"] == 1
    assert consult["cite_info"]["url"] == "http://example.org/1" and consult["cite_info"]["language"] == "ar"
    assert assault["date"] == "2023-08-01" and assault["enddate"] == "2023-08-31"
    assert assault["date_precision"] == "month" and assault["mode"] == ["aerial"]
    assert assault["size"]["dead"] == 3 and assault["recipient"] == []


def test_icews_csv_is_dyadic(store, tmp_path):
    out = tmp_path / "e.csv"
    assert export(store, "icews-csv", out) == 3  # CONSULT HAMAS→{EGY, PIJ} is two dyads, + ASSAULT
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == ICEWS_COLUMNS
    a, b, c = rows
    assert (a["Event ID"], b["Event ID"], c["Event ID"]) == ("story1:0-1", "story1:0-2", "story1:1")
    assert (a["Source Name"], a["Target Name"], b["Target Name"]) == ("Hamas", "Egypt",
                                                                     "Palestinian Islamic Jihad")
    assert a["Target Country"] == "Egypt" and a["Target Sectors"] == "GOV"
    assert a["CAMEO Code"] == "040" and float(a["Intensity"]) == cameo_lookup("040")[0]
    assert a["Event Text"] == cameo_lookup("040")[1]
    assert a["City"] == "Cairo" and a["Country"] == "Egypt" and float(a["Latitude"]) == 30.0444
    assert a["Story ID"] == "story1" and a["Sentence Number"] == "1" and a["Publisher"] == "wafa"
    assert c["Source Country"] == "Israel" and c["Target Name"] == "" and c["Sentence Number"] == "2"


def test_parquet_flat_with_actor_lists(store, tmp_path):
    out = tmp_path / "e.parquet"
    assert export(store, "parquet", out) == 2
    rows = pq.read_table(out).to_pylist()
    consult, assault = rows
    assert consult["actor_roots"] == ["HAMAS"] and consult["recipient_roots"] == ["EGY", "PIJ"]
    assert consult["recipient_names"] == ["Egypt", "Palestinian Islamic Jihad"]
    assert consult["date_start"] == dt.date(2023, 8, 5) and consult["published"] == dt.date(2023, 8, 7)
    assert consult["lat"] == pytest.approx(30.0444) and consult["quad_class"] == 1
    assert assault["recipient_ids"] == [] and assault["fatalities"] == 3
    assert assault["date_end"] == dt.date(2023, 8, 31) and assault["sentence_number"] == 2
    assert json.loads(consult["record_json"])["evidence"]["trigger"]["text"] == "التقى"


def test_empty_store_exports_empty_files(tmp_path):
    with Store(tmp_path / "e.duckdb") as s:
        for fmt, name in (("plover-jsonl", "a.jsonl"), ("icews-csv", "a.csv"), ("parquet", "a.pq")):
            assert export(s, fmt, tmp_path / name) == 0
        assert pq.read_table(tmp_path / "a.pq").num_rows == 0


def test_icews_mutual_event_has_no_self_pairs(tmp_path):
    doc = hand_doc("m")
    consult = doc.events[0]
    consult.recipients = consult.actors + consult.recipients  # mutual: everyone in both roles
    consult.actors = list(consult.recipients)
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(doc)
        export(s, "icews-csv", tmp_path / "m.csv")
    with (tmp_path / "m.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["Event ID"].startswith("m:0")]
    pairs = {(r["Source Name"], r["Target Name"]) for r in rows}
    assert len(rows) == 6 and all(a != b for a, b in pairs)

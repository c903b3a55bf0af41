"""The store: row counts, idempotent ingest, atomic batches, id collisions, derived columns."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from hadath.store import Store
from hadath.store.codes import cameo_lookup, date_range

from .helpers import hand_doc


def test_ingest_writes_every_layer(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        assert store.ingest(hand_doc("d1")) is True
        assert store.counts() == {"documents": 1, "sentences": 2, "mentions": 4, "events": 2,
                                  "event_actors": 4}
        ev = store.query("SELECT * FROM events ORDER BY event_id")
        consult, assault = ev
        assert consult["event_id"] == "d1:0" and consult["quad_class"] == 1
        assert consult["goldstein"] == cameo_lookup("040")[0]
        assert consult["date_start"] == dt.date(2023, 8, 5) and consult["geonameid"] == 360630
        assert assault["date_start"] == dt.date(2023, 8, 1) and assault["fatalities"] == 3
        assert assault["quad_class"] == 4 and assault["goldstein"] == -10.0
        rec = json.loads(consult["record"])
        assert rec == hand_doc("d1").events[0].to_record(hand_doc("d1"))
        roles = store.query("SELECT role, root FROM event_actors WHERE event_id = 'd1:0' "
                            "ORDER BY role, position")
        assert [(r["role"], r["root"]) for r in roles] == [("actor", "HAMAS"), ("recipient", "EGY"),
                                                           ("recipient", "PIJ")]


def test_reingest_same_content_changes_nothing(tmp_path):
    path = tmp_path / "h.duckdb"
    with Store(path) as store:
        store.ingest_many([hand_doc("a"), hand_doc("b", " ثانيا")])
        before = store.counts()
    with Store(path) as store:
        assert store.ingest_many([hand_doc("a"), hand_doc("b", " ثانيا")]) == [False, False]
        assert store.ingest(hand_doc("renamed")) is False  # same content under another id
        assert store.counts() == before


def test_same_id_other_content_is_kept_apart(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        store.ingest(hand_doc("x"))
        edited = hand_doc("x", " مجددا")
        assert store.ingest(edited) is True
        assert edited.id.startswith("x~")
        ids = [r["doc_id"] for r in store.query("SELECT doc_id FROM documents ORDER BY doc_id")]
        assert ids == ["x", edited.id]
        assert store.query("SELECT count(*) n FROM events WHERE doc_id = ?", [edited.id])[0]["n"] == 2


def test_duplicate_within_one_batch_is_stored_once(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        assert store.ingest_many([hand_doc("a"), hand_doc("a2")]) == [True, False]
        assert store.counts()["documents"] == 1


def test_a_batch_that_fails_half_way_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "h.duckdb"
    with Store(path) as store:
        store.ingest(hand_doc("first"))
        real = Store._append

        def dying(self, table, columns, rows):  # the process dies after documents were inserted
            real(self, table, columns, rows)
            if table == "mentions":
                raise KeyboardInterrupt

        monkeypatch.setattr(Store, "_append", dying)
        with pytest.raises(KeyboardInterrupt):
            store.ingest_many([hand_doc("a", " أ"), hand_doc("b", " ب")])
        monkeypatch.setattr(Store, "_append", real)
        assert store.counts()["documents"] == 1
        assert store.query("SELECT count(*) n FROM sentences")[0]["n"] == 2
    with Store(path) as store:  # the re-run
        assert store.ingest_many([hand_doc("first"), hand_doc("a", " أ"), hand_doc("b", " ب")]) == \
            [False, True, True]
        assert store.counts() == {"documents": 3, "sentences": 6, "mentions": 12, "events": 6,
                                  "event_actors": 12}


def test_replace_rewrites_stored_content(tmp_path):
    with Store(tmp_path / "h.duckdb") as store:
        store.ingest(hand_doc("a"))
        doc = hand_doc("a")
        doc.events = doc.events[:1]
        assert store.ingest(doc, replace=True) is True
        assert store.counts()["events"] == 1 and store.counts()["documents"] == 1


def test_date_range_and_cameo_fallback():
    assert date_range("2004-03") == (dt.date(2004, 3, 1), dt.date(2004, 3, 31))
    assert date_range("2004-12") == (dt.date(2004, 12, 1), dt.date(2004, 12, 31))
    assert date_range("2015") == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    assert date_range("2022-08-05") == (dt.date(2022, 8, 5),) * 2
    assert date_range("soon") == (None, None) and date_range(None) == (None, None)
    assert cameo_lookup("0356")[0] == 7.0
    assert cameo_lookup("1959") == cameo_lookup("195")  # unknown sub-code → parent
    assert cameo_lookup(None) == (None, None)


def test_read_only_on_missing_file_is_a_clear_error(tmp_path):
    from hadath.store import StoreError
    with pytest.raises(StoreError, match="no database at"):
        Store(tmp_path / "nope.duckdb", read_only=True)

"""The CLI end to end (toy pipeline): clean stdout, one stderr line per bad input, counts, exit codes,
idempotent and kill-safe ingest, events filters, exports, demo."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from hadath.store import Store

from .helpers import toy_pipeline

runner = CliRunner()
ARTICLES = [
    {"id": "a1", "date": "2023-08-07", "text": "التقى وفد من حماس مسؤولين من مصر في القاهرة."},
    {"id": "a2", "date": "2023-05-10", "text": "قصفت إسرائيل مواقع حركة الجهاد الإسلامي في غزة."},
    {"id": "a3", "date": "2023-09-14", "text": "اعتقلت السلطة الفلسطينية عناصر من حماس في نابلس."},
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_extract_writes_codebook_records_to_clean_stdout(tmp_path, toy):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    r = invoke("extract", src)
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.stdout.splitlines()]
    from hadath.scale import make_doc
    from hadath.io import read_inputs
    expected = [rec for a in read_inputs([str(src)]) for rec in toy_pipeline()(make_doc(a)).records()]
    assert records == expected and len(records) == 3
    assert {r["event_type"] for r in records} == {"CONSULT", "ASSAULT", "COERCE"}
    assert "حماس" in r.stdout  # ensure_ascii=False
    assert "extracted 3 articles, 3 events" in r.stderr


def test_extract_to_file_and_bad_inputs(tmp_path, toy):
    d = tmp_path / "in"
    d.mkdir()
    write_jsonl(d / "good.jsonl", ARTICLES[:2])
    (d / "broken.jsonl").write_text('{"id": "z", "text": "التقى حماس مصر."}\n{oops\n', encoding="utf-8")
    (d / "bin.txt").write_bytes(b"\x00\x00\x01")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "u16.txt").write_bytes("التقى وفد من حماس مسؤولين من مصر.".encode("utf-16"))
    out = tmp_path / "out.jsonl"
    r = invoke("extract", d, "-o", out)
    assert r.exit_code == 0
    assert r.stdout == ""
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["doc_id"] for x in lines) == ["a1", "a2", "u16", "z"]
    skipped = [x for x in r.stderr.splitlines() if "skipped" in x and not x.startswith("hadath: extracted")]
    assert len(skipped) == 3
    assert any("broken.jsonl:2" in x and "malformed JSON" in x for x in skipped)
    assert any("bin.txt" in x and "binary" in x for x in skipped)
    assert any("empty.txt" in x and "empty file" in x for x in skipped)
    assert "extracted 4 articles" in r.stderr and "skipped 3" in r.stderr
    assert "Traceback" not in r.output


def test_exit_codes(tmp_path, toy):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert invoke("extract", tmp_path / "empty.txt").exit_code == 1  # nothing processed
    r = invoke("extract", tmp_path / "missing.txt")
    assert r.exit_code == 2 and "no such file" in r.stderr
    assert invoke("extract", tmp_path / "empty.txt", "--date", "yesterday").exit_code == 2
    assert invoke("export", "--format", "xml", "-o", tmp_path / "x").exit_code == 2
    r = invoke("export", "--db", tmp_path / "none.duckdb", "--format", "parquet", "-o", tmp_path / "x")
    assert r.exit_code == 2 and "no database at" in r.stderr
    assert invoke("events", "--db", tmp_path / "none.duckdb").exit_code == 2


def test_txt_date_flag_reaches_the_doc(tmp_path, toy):
    p = tmp_path / "one.txt"
    p.write_text("قصفت إسرائيل مواقع في غزة.", encoding="utf-8")
    r = invoke("extract", p, "--date", "2022-08-06", "--source", "wafa")
    (rec,) = [json.loads(x) for x in r.stdout.splitlines()]
    assert rec["doc_id"] == "one" and rec["date"] == "2022-08-06"  # toy coder dates events by publication


def test_ingest_twice_changes_nothing(tmp_path, toy):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    db = tmp_path / "h.duckdb"
    r1 = invoke("ingest", src, "--db", db)
    assert r1.exit_code == 0 and "stored 3 articles, 3 events" in r1.stderr
    with Store(db, read_only=True) as s:
        first = s.counts()
    r2 = invoke("ingest", src, "--db", db)
    assert r2.exit_code == 0 and "stored 0 articles" in r2.stderr and "3 already stored" in r2.stderr
    with Store(db, read_only=True) as s:
        assert s.counts() == first == {"documents": 3, "sentences": 3, "mentions": 6, "events": 3,
                                       "event_actors": 6}


def test_interrupted_ingest_keeps_work_and_rerun_completes(tmp_path, monkeypatch):
    import hadath.scale
    rows = [{"id": f"n{i}", "text": f"التقى وفد من حماس مسؤولين من مصر رقم {i}."} for i in range(10)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    db = tmp_path / "h.duckdb"

    def dies_at_seventh():
        inner = toy_pipeline()

        def run(doc):
            if doc.id == "n6":
                raise KeyboardInterrupt
            return inner(doc)
        return run

    monkeypatch.setattr(hadath.scale, "pipeline_factory", dies_at_seventh)
    r = invoke("ingest", src, "--db", db)
    assert "interrupted" in r.stderr and r.exit_code == 0
    with Store(db, read_only=True) as s:
        assert s.counts()["documents"] == 6  # the six processed before Ctrl-C were committed
    monkeypatch.setattr(hadath.scale, "pipeline_factory", toy_pipeline)
    assert invoke("ingest", src, "--db", db).exit_code == 0
    with Store(db, read_only=True) as s:
        ids = [r["doc_id"] for r in s.query("SELECT doc_id FROM documents ORDER BY doc_id")]
        assert ids == sorted(f"n{i}" for i in range(10))
        assert s.counts()["events"] == 10


KILLER = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {tests!r})
    import hadath.scale
    from hadath.store import Store
    from spine.helpers import toy_pipeline
    hadath.scale.pipeline_factory = toy_pipeline
    calls = []
    real = Store._append
    def dying(self, table, columns, rows):
        real(self, table, columns, rows)
        if table == "events":
            calls.append(1)
            if len(calls) == 2:          # the second batch dies mid-transaction: kill -9
                os._exit(9)
    Store._append = dying
    from hadath.cli import app
    sys.argv = ["hadath", "ingest", {src!r}, "--db", {db!r}]
    app()
""")


def test_hard_kill_mid_batch_then_rerun_stores_each_article_once(tmp_path):
    rows = [{"id": f"k{i}", "text": f"قصفت إسرائيل مواقع في غزة رقم {i}."} for i in range(150)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    db = tmp_path / "h.duckdb"
    tests_dir = os.path.dirname(os.path.dirname(__file__))
    script = KILLER.format(tests=tests_dir, src=str(src), db=str(db))
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert p.returncode == 9, p.stderr
    with Store(db, read_only=True) as s:
        done = s.counts()["documents"]
    assert 0 < done < 150  # the first batch survived, the killed one left nothing
    rerun = subprocess.run([sys.executable, "-c", script.replace("len(calls) == 2", "False")],
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{done} already stored" in rerun.stderr
    with Store(db, read_only=True) as s:
        assert s.counts() == {"documents": 150, "sentences": 150, "mentions": 150, "events": 150,
                              "event_actors": 150}
        assert s.query("SELECT count(DISTINCT content_hash) n FROM documents")[0]["n"] == 150


@pytest.fixture
def filled_db(tmp_path, toy):
    db = tmp_path / "h.duckdb"
    assert invoke("ingest", write_jsonl(tmp_path / "in.jsonl", ARTICLES), "--db", db).exit_code == 0
    return db


def _event_ids(db, *args):
    r = invoke("events", "--db", db, "--jsonl", *args)
    assert r.exit_code == 0, r.output
    return sorted(json.loads(x)["doc_id"] for x in r.stdout.splitlines())


def test_events_filters(filled_db):
    assert _event_ids(filled_db) == ["a1", "a2", "a3"]
    assert _event_ids(filled_db, "--actor", "HAMAS") == ["a1", "a3"]  # actor in a1, recipient in a3
    assert _event_ids(filled_db, "--actor", "pij") == ["a2"]          # entity id, case-insensitive
    assert _event_ids(filled_db, "--type", "ASSAULT") == ["a2"]
    assert _event_ids(filled_db, "--since", "2023-06-01") == ["a1", "a3"]
    assert _event_ids(filled_db, "--until", "2023-08-07", "--since", "2023-08-07") == ["a1"]
    assert len(_event_ids(filled_db, "--limit", "1")) == 1
    r = invoke("events", "--db", filled_db, "--actor", "HAMAS")
    assert r.exit_code == 0 and "a1:0" in r.stdout and "CONSULT" in r.stdout


def test_export_command_all_formats(filled_db, tmp_path):
    for fmt, name in (("plover-jsonl", "e.jsonl"), ("icews-csv", "e.csv"), ("parquet", "e.parquet")):
        r = invoke("export", "--db", filled_db, "--format", fmt, "-o", tmp_path / name)
        assert r.exit_code == 0 and (tmp_path / name).stat().st_size > 0
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(json.loads(x)["id"] for x in lines)


def test_workers_give_the_same_output(tmp_path, toy):
    rows = [{"id": f"w{i}", "text": f"قصفت إسرائيل مواقع في غزة رقم {i}."} for i in range(40)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    one = invoke("extract", src)
    two = invoke("extract", src, "--workers", "2")
    assert two.exit_code == 0 and two.stdout == one.stdout and len(one.stdout.splitlines()) == 40


def test_demo_runs_twice_and_summarises(tmp_path, toy):
    db = tmp_path / "demo.duckdb"
    r = invoke("demo", "--db", db)
    assert r.exit_code == 0, r.output
    assert "sample articles" in r.stdout and "events by PLOVER type" in r.stdout
    assert "Example events" in r.stdout
    with Store(db, read_only=True) as s:
        first = s.counts()
    assert invoke("demo", "--db", db).exit_code == 0
    with Store(db, read_only=True) as s:
        assert s.counts() == first and first["documents"] >= 5


def test_recode_replaces_stored_rows(tmp_path, toy, monkeypatch):
    import hadath.scale
    from hadath.text.pipe import annotate_text
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    db = tmp_path / "h.duckdb"
    assert invoke("ingest", src, "--db", db).exit_code == 0
    monkeypatch.setattr(hadath.scale, "pipeline_factory", lambda: annotate_text)  # codes no events
    r = invoke("ingest", src, "--db", db, "--recode")
    assert r.exit_code == 0 and "stored 3 articles, 0 events" in r.stderr
    with Store(db, read_only=True) as s:
        assert s.counts()["documents"] == 3 and s.counts()["events"] == 0
        assert [x["doc_id"] for x in s.query("SELECT doc_id FROM documents ORDER BY 1")] == ["a1", "a2", "a3"]


def test_export_with_filters(filled_db, tmp_path):
    out = tmp_path / "hamas.jsonl"
    r = invoke("export", "--db", filled_db, "--format", "plover-jsonl", "-o", out, "--actor", "hamas",
               "--since", "2023-09-01")
    assert r.exit_code == 0 and "wrote 1 plover-jsonl record" in r.stderr
    (rec,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rec["id"] == "a3:0" and rec["event"] == ["COERCE"]
    assert invoke("export", "--db", filled_db, "--format", "parquet", "-o", tmp_path / "x.pq",
                  "--until", "someday").exit_code == 2

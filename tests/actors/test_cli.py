"""`hadath actors` commands."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from hadath.cli import app

runner = CliRunner()


def test_lint_passes_and_stats_count():
    r = runner.invoke(app, ["actors", "lint", "--no-warnings"])
    assert r.exit_code == 0, r.output
    assert "0 error(s)" in r.output
    r = runner.invoke(app, ["actors", "stats"])
    counts = dict(line.split("\t") for line in r.output.strip().splitlines())
    assert int(counts["entities"]) >= 1500 and int(counts["aliases"]) >= 6000


def test_show_resolves_person_at_date():
    r = runner.invoke(app, ["actors", "show", "PER_ISMAIL_HANIYEH", "--date", "2010-01-01"])
    assert r.exit_code == 0
    assert json.loads(r.output)["resolved_root"] == "HAMAS"
    assert runner.invoke(app, ["actors", "show", "NO_SUCH_ID"]).exit_code == 1


def test_find_reports_offsets():
    text = "وقال وزير الخارجية الإيراني إن حزب الله"
    r = runner.invoke(app, ["actors", "find", text, "--json"])
    rows = [json.loads(x) for x in r.output.strip().splitlines()]
    assert [x["root"] for x in rows] == ["IRN", "HEZBOLLAH"]
    assert all(text[x["start"]:x["end"]] == x["text"] for x in rows)


def test_suggest_from_db(tmp_path):
    import duckdb

    db = tmp_path / "s.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE mentions (doc_id VARCHAR, mention_idx INTEGER, start_off INTEGER, end_off INTEGER,"
                " text VARCHAR, entity_id VARCHAR, root VARCHAR, type VARCHAR, sector VARCHAR, origin VARCHAR)")
    rows = [("d1", 0, 0, 5, "جون دو", None, None, "PER", None, "ner"),
            ("d2", 0, 0, 5, "جون دو", None, None, "PER", None, "ner"),
            ("d2", 1, 9, 12, "حماس", "HAMAS", "HAMAS", "ORG", "REB", "kb"),
            ("d3", 0, 0, 5, "شركة س", None, None, "ORG", None, "ner")]
    con.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    con.close()
    r = runner.invoke(app, ["actors", "suggest", "--db", str(db)])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert lines[0].split("\t") == ["2", "PER", "جون دو"]
    assert not any("حماس" in x for x in lines)

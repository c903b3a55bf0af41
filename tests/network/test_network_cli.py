"""`hadath network` on the sample database (the command family registered on its own Typer app)."""
import json

import typer
from typer.testing import CliRunner

from hadath.cli import network_cmd


def _app() -> typer.Typer:
    app = typer.Typer()
    network_cmd.register(app, train_app=typer.Typer(), eval_app=typer.Typer())
    return app


def test_network_table_json_graphml(sample_db, tmp_path):
    runner = CliRunner()
    r = runner.invoke(_app(), ["network", "--db", str(sample_db)])
    assert r.exit_code == 0, r.output
    for heading in ("Dyads", "Blocs", "Central actors", "Changes", "FATAH–HAMAS", "turned cooperative"):
        assert heading in r.output
    r = runner.invoke(_app(), ["network", "--db", str(sample_db), "--format", "json", "--window", "week",
                               "--since", "2023-04-01", "--until", "2023-06-30", "--min-weight", "2"])
    data = json.loads(r.output)
    assert data["window"] == "week" and data["span"]["since"] == "2023-04-01"
    assert all(e["events"] >= 2 for e in data["edges"])
    out = tmp_path / "net.graphml"
    r = runner.invoke(_app(), ["network", "--db", str(sample_db), "--format", "graphml", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text().startswith("<graphml")


def test_network_rejects_bad_input(sample_db, tmp_path):
    runner = CliRunner()
    assert runner.invoke(_app(), ["network", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2
    assert runner.invoke(_app(), ["network", "--db", str(sample_db), "--window", "fortnight"]).exit_code == 2
    r = runner.invoke(_app(), ["network", "--db", str(sample_db), "--since", "2023-05-01", "--until", "2023-01-01"])
    assert r.exit_code == 2

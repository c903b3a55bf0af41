import datetime as dt

import duckdb
import pytest

from hadath.network import (Span, aggregate, blocs, build_graph, centrality, changes_over_time,
                            compare_windows, dyad_series, load_interactions, network_summary, to_graphml)


@pytest.fixture(scope="module")
def con(sample_db):
    c = duckdb.connect(str(sample_db), read_only=True)
    yield c
    c.close()


def test_interactions_expand_compound_actors_drop_self_pairs_and_denied_events(con):
    inter = load_interactions(con)
    assert not (inter["src"] == inter["dst"]).any()
    statuses = {r[0] for r in con.execute("SELECT DISTINCT status FROM events WHERE list_contains(?, event_id)",
                                          [list(inter["event_id"])]).fetchall()}
    assert statuses == {"occurred"}
    # the denied arrest (June) is stored but not counted
    assert con.execute("SELECT count(*) FROM events WHERE status = 'denied'").fetchone()[0] == 1
    june = inter[(inter["src"] == "HAMAS") & (inter["dst"] == "FATAH") & (inter["day"] >= "2023-06-01")]
    assert june.empty
    # Qatar welcomed the Fatah–Hamas deal: one event, two dyads
    qat = inter[(inter["src"] == "QAT") & (inter["event_type"] == "SUPPORT")]
    assert sorted(qat["dst"]) == ["FATAH", "HAMAS"]
    # PSE protest without recipient never enters the network
    assert "PSE" not in set(inter["src"]) | set(inter["dst"])


def test_directed_and_undirected_counts(con):
    inter = load_interactions(con)
    directed = aggregate(inter, directed=True).set_index(["src", "dst"])
    undirected = aggregate(inter, directed=False).set_index(["src", "dst"])
    # a mutual AGREE lists both parties on both sides: FATAH→HAMAS and HAMAS→FATAH, once undirected
    assert directed.loc[("FATAH", "HAMAS"), "q1"] >= 1 and directed.loc[("HAMAS", "FATAH"), "q1"] >= 1
    fh = undirected.loc[("FATAH", "HAMAS")]
    assert fh["events"] == 7 and fh["coop"] == 4 and fh["conflict"] == 3
    assert fh["types"]["AGREE"] == 1 and fh["q4"] == 1
    assert fh["docs"] == 6 and 1 <= fh["sources"] <= fh["docs"]


def test_windows_and_span(con):
    inter = load_interactions(con, Span(dt.date(2023, 4, 1), dt.date(2023, 4, 30)))
    assert inter["day"].dt.month.eq(4).all() and len(inter) > 0
    monthly = aggregate(load_interactions(con), window="month", directed=False)
    assert sorted(monthly["period"].unique()) == [f"2023-0{m}" for m in range(1, 7)]
    weekly = aggregate(load_interactions(con), window="week", directed=False)
    assert weekly["period"].str.match(r"^2023-W\d\d$").all()
    with pytest.raises(ValueError):
        aggregate(inter, window="fortnight")


def test_graph_blocs_and_centrality(con):
    g = build_graph(aggregate(load_interactions(con), directed=False))
    assert g["ISR"]["PIJ"]["sign"] == -1 and g["HAMAS"]["PIJ"]["sign"] == 1
    groups = blocs(g)
    assert groups == blocs(g)  # fixed seed: stable
    bloc_of = {a: i for i, b in enumerate(groups) for a in b}
    assert bloc_of["HAMAS"] == bloc_of["PIJ"] and bloc_of["IRN"] == bloc_of["HEZBOLLAH"]
    assert bloc_of["HAMAS"] != bloc_of["ISR"]
    cent = centrality(g)
    assert cent[0]["actor"] == "HAMAS" and cent[0]["betweenness"] > 0
    assert len(build_graph(aggregate(load_interactions(con)), min_weight=3).edges) < len(g.edges)


def test_change_detection_finds_the_reconciliation(con):
    inter = load_interactions(con)
    changes = changes_over_time(inter, window="month")
    summaries = {c["summary"] for c in changes}
    assert "FATAH–HAMAS turned cooperative in 2023-04" in summaries
    assert "ISR–PA turned hostile in 2023-05" in summaries
    before = load_interactions(con, Span(until=dt.date(2023, 3, 31)))
    after = load_interactions(con, Span(since=dt.date(2023, 4, 1)))
    cmp = {(c["a"], c["b"]): c["change"] for c in compare_windows(before, after)}
    assert cmp[("FATAH", "HAMAS")] == "turned cooperative"


def test_summary_series_and_graphml(con):
    s = network_summary(con, window="month")
    assert {n["id"] for n in s["nodes"]} >= {"HAMAS", "PIJ", "FATAH", "ISR", "PA", "IRN", "HEZBOLLAH", "EGY",
                                             "QAT"}
    assert [p["period"] for p in s["periods"]][0] == "2023-01"
    names = {n["id"]: n["name"] for n in s["nodes"]}
    assert names["PIJ"] == "Palestinian Islamic Jihad"
    series = dyad_series(con, "FATAH", "HAMAS", "month")
    assert [p["period"] for p in series] == ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05"]
    assert series[2]["events"] == 0 and series[3]["coop"] == 3 and series[0]["conflict"] == 2
    xml = to_graphml(s)
    assert xml.startswith("<graphml") and 'id="HAMAS"' in xml

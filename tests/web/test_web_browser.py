"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright).

Skips without chromium or the playwright package.  Screenshots go to a temporary folder, or to
$HADATH_SCREENSHOTS (e.g. docs/screenshots) when set.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("HADATH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync"]
ACTORS = {"HAMAS", "PIJ", "FATAH", "ISR", "PA", "IRN", "HEZBOLLAH", "EGY", "QAT"}

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_db):
    uvicorn = pytest.importorskip("uvicorn")
    from hadath.api import create_app
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(sample_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


def test_no_file_outside_static_over_raw_http(server):
    """Raw request paths (no client-side normalisation of ../) must not escape the static folder."""
    import http.client
    host, port = server.removeprefix("http://").split(":")
    for path in ("/static/../api/__init__.py", "/static/../../network/sample_db.py", "/static/..%2f__init__.py",
                 "/static/%2e%2e/%2e%2e/store/schema.sql", "/static/....//....//etc/passwd"):
        conn = http.client.HTTPConnection(host, int(port), timeout=5)
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read().decode("utf-8", "replace")
        assert r.status == 404, (path, r.status)
        assert "import" not in body and "CREATE TABLE" not in body and "root:" not in body
        conn.close()
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    conn.request("GET", "/static/style.css")
    assert conn.getresponse().status == 200


@pytest.fixture(scope="module")
def page(server):
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1100}, bypass_csp=True)  # for wait_for_function
        pg.requested = []  # every URL the page asks for: all must stay on our server
        pg.errors = []
        pg.on("request", lambda r: pg.requested.append(r.url))
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.goto(server + "/")
        pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
        yield pg
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    out = Path(os.environ.get("HADATH_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_network_renders_the_actors(page, server, shots):
    ids = set(page.eval_on_selector_all("#network g.node", "els => els.map(e => e.dataset.id)"))
    assert ACTORS <= ids
    colours = page.eval_on_selector_all("#network line.edge", "els => els.map(e => e.getAttribute('stroke'))")
    assert "var(--coop)" in colours and "var(--conf)" in colours
    assert page.locator("#changes li", has_text="turned cooperative").count() >= 1
    assert page.locator("#map path").count() > 10 and page.locator("#map circle").count() >= 10
    assert page.locator("#dyad-chart rect.bar").count() >= 3
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    # the time slider: January alone has no Fatah–Hamas cooperation and fewer edges than the whole span
    total = page.locator("#network line.edge").count()
    page.locator("#time-slider").fill("1")
    assert page.locator("#time-label").inner_text() == "2023-01"
    assert 0 < page.locator("#network line.edge").count() < total
    page.locator("#time-slider").fill("4")  # April: the Cairo reconciliation
    assert page.locator("#time-label").inner_text() == "2023-04"
    fh = page.locator("#network line.edge[data-source=FATAH][data-target=HAMAS]")
    assert fh.get_attribute("stroke") == "var(--coop)"
    page.locator("#network-panel").screenshot(path=str(shots / "network-2023-04.png"))
    page.locator("#time-slider").fill("0")
    assert not page.errors, page.errors
    assert all(u.startswith(server) or u.startswith("data:") for u in page.requested), page.requested


def test_filter_table_and_open_rtl_evidence(page, shots):
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#event-table tbody tr').length === 5")
    types = page.eval_on_selector_all("#event-table tbody tr td:nth-child(2)", "els => els.map(e => e.textContent)")
    assert all(t.startswith("ASSAULT") for t in types)
    assert page.inner_text("#page-info") == "1–5 of 5"
    page.click("#event-table tbody tr:nth-child(1)")
    page.wait_for_selector("#evidence-panel:not([hidden]) mark.trigger")
    assert page.get_attribute("#evidence", "dir") == "rtl"
    assert page.inner_text("#evidence mark.trigger") == "قصف"
    assert page.inner_text("#evidence mark.actor") == "الجيش الإسرائيلي"
    assert page.inner_text("#evidence mark.recipient") == "سرايا القدس"
    page.screenshot(path=str(shots / "evidence.png"))
    page.click("#close-evidence")
    # clicking an edge selects the dyad: timeline and table follow
    page.click("#changes li >> text=FATAH–HAMAS")
    page.wait_for_function("document.querySelector('#dyad-summary').textContent.includes('Fatah')")
    page.wait_for_function("document.querySelector('#page-info').textContent.endsWith('of 9')")
    page.locator("#dyad-panel").screenshot(path=str(shots / "dyad.png"))
    # clicking a node opens the actor card and filters the table to that actor
    page.click("#network g.node[data-id=PIJ] circle")
    page.wait_for_selector("#actor-card:not([hidden]) #actor-relations li")
    assert page.inner_text("#actor-name").startswith("PIJ — Palestinian Islamic Jihad")
    page.wait_for_function("document.querySelector('#page-info').textContent.endsWith('of 8')")

"""The dashboard in a real browser: Playwright driving Debian's chromium, headless.

The browser comes from Debian (scripts/browser-setup.sh), found with shutil.which and passed
as executable_path; Playwright's own browser download is never used. Outside CI the tests
skip with a reason when chromium is missing; with CI=true they fail instead, so CI cannot
pass by skipping. Screenshots go to artifacts/screenshots/; with
COUNTERCLAIM_UPDATE_SCREENSHOTS=1 the incident page's one is copied to
docs/screenshots/incident.png for the README.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import counterclaim
from counterclaim import pipeline
from counterclaim.settings import load_settings
from counterclaim.store import Store
from counterclaim.web.app import create_app
from web_sample import build_sample_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
SAMPLE = Path(counterclaim.__file__).parent / "data" / "sample"
README_SHOT = ROOT / "docs" / "screenshots" / "incident.png"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        message = "Debian's chromium is not installed: run scripts/browser-setup.sh"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(store: Store) -> Iterator[str]:
    """uvicorn on a free loopback port in a background thread, for the life of the block."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        create_app(store, load_settings(environ={})),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A hand-made store: exact figures, a duplicate pair and a hostile document."""
    chromium_path()
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'dashboard.db'}")
    build_sample_store(store)
    with serving(store) as url:
        yield url


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped sample corpus through the whole pipeline, as after the Quickstart."""
    chromium_path()
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.db'}")
    settings = load_settings(environ={})
    report = pipeline.ingest(store, [str(SAMPLE)], settings)
    assert report.new and not report.failed
    pipeline.process(store, settings)
    with serving(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    outside: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        # The dashboard must work offline: any request off this server is a failure.
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    errors: list[str] = []
    new_page = context.new_page()
    new_page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield new_page
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert errors == [], f"script errors: {errors}"


def shoot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_list_to_incident_matrix_map_timeline(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    rows = page.locator("#incidents tbody tr")
    assert rows.count() == 4
    assert page.locator("#map circle.marker-incident").count() == 4
    shoot(page, "incidents")

    page.locator("#incidents").get_by_role(
        "link", name="Balochistan attacks, 1 February 2025"
    ).click()
    page.wait_for_url("**/incidents/inc-baloch")
    assert page.locator("h1").inner_text() == "Balochistan attacks, 1 February 2025"

    matrix = page.locator("#matrix")
    headers = " | ".join(matrix.locator("thead th").all_inner_texts())
    for party in (
        "Baloch Liberation Army",
        "Mohsin Naqvi",
        "Inter-Services Public Relations",
        "Balochistan government",
    ):
        assert party in headers
    assert "Mohsin Naqvi\nPakistan" in headers  # each claimant with the side it speaks for
    # One row per side affected: the separatists' 84 beside the minister's 10.
    pakistan = matrix.locator("tbody tr", has=page.locator("td.about", has_text="Pakistan"))
    killed = pakistan.filter(has=page.locator("th", has_text="killed"))
    assert killed.count() == 1
    cells = killed.locator("td.cell").all_inner_texts()
    assert any(c.startswith("84") for c in cells) and any(c.startswith("10") for c in cells)
    assert "×8.4" in killed.inner_text()
    assert "Baloch Liberation Army 84" in page.locator(".largest").inner_text()

    markers = page.locator("#map circle.marker-place")
    assert markers.count() == 3  # Nushki, Turbat, Quetta
    box = page.locator("#map").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    assert page.locator("#map .countries path").count() > 0  # outlines drawn, offline

    assert page.locator("#timeline circle.dot").count() == 7
    lanes = page.locator("#timeline .lane-label").all_text_contents()
    assert "Baloch Liberation Army" in lanes and len(lanes) == 4

    marks = page.locator(".article mark")
    assert marks.count() >= 5
    shoot(page, "incident")

    # A figure in the matrix leads to its quote, highlighted in the article text.
    matrix.get_by_role("link", name="22").click()
    target = page.locator("mark:target")
    assert target.inner_text() == "the number of wounded at 22"
    assert target.is_visible()


def test_filters_and_search(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    page.get_by_label("Search").fill("fasher")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**q=fasher**")
    assert page.locator("#incidents tbody tr").all_inner_texts()[0].count("El Fasher") >= 1
    assert page.locator("#incidents tbody tr").count() == 1

    page.goto(base_url + "/")
    page.get_by_label("Party").select_option("regional governor")
    page.get_by_role("button", name="Filter").click()
    assert page.locator("#incidents tbody tr").count() == 1
    assert "Kharkiv" in page.locator("#incidents").inner_text()


def test_document_page_escapes_text(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "/incidents/inc-script")
    page.locator(".article .links a", has_text="document page").click()
    page.wait_for_url("**/documents/**")
    assert page.locator("h1").inner_text().startswith('<script>alert("pwned")</script>')
    assert "two <b>suspects</b> were killed" in page.locator(".text mark").inner_text()
    assert page.locator("#claims tbody tr").count() == 1
    assert page.locator("img").count() == 0 and page.locator("main b").count() == 0
    shoot(page, "document")
    assert dialogs == []


def test_document_page_shows_duplicate_group(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/documents")
    page.locator("a", has_text="Militants strike security posts").first.click()
    meta = page.locator("dl.meta").inner_text()
    assert "g-baloch" in meta and "ANI" in meta
    # The other copy in the group is linked.
    assert page.locator("dl.meta a[href^='/documents/']").count() == 1


@pytest.mark.model
def test_sample_corpus_incident(page, sample_url: str) -> None:  # type: ignore[no-untyped-def]
    """After the Quickstart: from the list to an incident, who claims what, from the page."""
    page.goto(sample_url + "/")
    rows = page.locator("#incidents tbody tr")
    assert rows.count() >= 3
    assert page.locator("#map circle.marker-incident").count() >= 1
    shoot(page, "sample-incidents")

    # The incident with the most claims: the richest matrix.
    counts = [int(t) for t in page.locator("#incidents tbody tr td:last-child").all_inner_texts()]
    busiest = rows.nth(counts.index(max(counts)))
    busiest.locator("a.incident-link").click()
    page.wait_for_url("**/incidents/**")

    matrix = page.locator("#matrix")
    assert matrix.locator("thead th.claimant").count() >= 2  # several parties side by side
    figures = matrix.locator("a.figure")
    assert figures.count() >= 2
    assert matrix.locator(".grade").count() >= 1
    assert page.locator("#map .countries path").count() > 0
    assert page.locator("#map circle.marker-place").count() >= 1
    assert page.locator("#timeline circle.dot").count() >= 2
    assert page.locator(".article mark").count() >= 2
    shot = shoot(page, "sample-incident")
    if os.environ.get("COUNTERCLAIM_UPDATE_SCREENSHOTS"):
        # Only on request: a test run must not change tracked files.
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, README_SHOT)

    # Every figure leads to its sentence in an article.
    figures.first.click()
    assert page.locator("mark:target").is_visible()

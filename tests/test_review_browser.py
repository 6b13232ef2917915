"""Analyst review in a real browser (Debian's chromium through Playwright, headless).

One analyst session on a hand-made Sudan incident: correct a value, reject a claim, add a
claim the machine missed by selecting its evidence, merge two claimant columns (the alias
lands in the knowledge-base file), split an incident; after each step the matrix, the
history and the CSV export show the change.
"""

from __future__ import annotations

import csv
import io
import shutil
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from counterclaim.model import Document, Incident
from counterclaim.settings import load_settings
from counterclaim.store import Store
from counterclaim.web.app import create_app
from factories import claim_at, fill_store

pytestmark = pytest.mark.browser

TOKEN = "review-secret"
GENEINA = """Fighting around El Geneina

The Rapid Support Forces said its fighters killed 45 soldiers near El Geneina on Sunday.
The group's media office added that 12 of its fighters were wounded in the clashes.
The Sudanese army said 9 of its soldiers died and that it destroyed 14 RSF vehicles.
Local doctors counted 23 civilians killed when shells hit the market."""
PORT_SUDAN = """Drone strike on Port Sudan

The army said a drone strike on a fuel depot in Port Sudan on Monday killed 3 guards."""


def build_store(store: Store) -> None:
    geneina = Document(GENEINA, title="Fighting around El Geneina", published=date(2025, 5, 5))
    port = Document(PORT_SUDAN, title="Drone strike on Port Sudan", published=date(2025, 5, 6))
    rsf = {"claimant": "Rapid Support Forces", "claimant_actor": "rsf"}
    army = {"claimant": "Sudanese Armed Forces", "claimant_actor": "saf"}
    claims = [
        claim_at(geneina, "killed 45 soldiers", category="killed", value=45, target="soldiers",
                 target_role="opponent", event_date="2025-05-04", **rsf),
        claim_at(geneina, "12 of its fighters were wounded", category="wounded", value=12,
                 target="fighters", target_role="own", claimant="Nyala field command"),
        claim_at(geneina, "9 of its soldiers died", category="killed", value=9,
                 target="soldiers", target_role="own", **army),
        claim_at(geneina, "destroyed 14 RSF vehicles", category="destroyed", value=14,
                 target="RSF vehicles", target_role="opponent", **army),
        claim_at(port, "killed 3 guards", category="killed", value=3, target="guards",
                 target_role="own", event_date="2025-05-05", **army),
    ]  # fmt: skip
    incident = Incident(
        "inc-geneina",
        "el-geneina-2025-05-04",
        "2025-05-04",
        "2025-05-05",
        ["El Geneina"],
        claim_ids=[c.id for c in claims],
        doc_ids=[geneina.id, port.id],
    )
    fill_store(store, [geneina, port], claims, incidents=[incident])


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed: run scripts/browser-setup.sh")
    return path


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    import socket

    import uvicorn

    chromium_path()
    kb_file = tmp_path / "analyst-kb.yaml"
    kb_file.write_text("actors: []\n", encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'review.db'}")
    build_store(store)
    settings = load_settings(environ={}, api_token=TOKEN, kb=str(kb_file))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(store, settings), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", kb_file
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture
def page(served):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport={"width": 1360, "height": 1000})
        errors: list[str] = []
        new_page = context.new_page()
        new_page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield new_page
        browser.close()
        assert errors == [], f"script errors: {errors}"


def row(page, text: str):  # type: ignore[no-untyped-def]
    return page.locator("#review-claims tbody tr", has_text=text)


def export_rows(page, base: str, incident: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    response = page.request.get(f"{base}/api/export?format=csv&incident={incident}")
    assert response.ok
    return list(csv.DictReader(io.StringIO(response.text())))


def select_text(page, needle: str) -> None:  # type: ignore[no-untyped-def]
    found = page.evaluate(
        """(needle) => {
          for (const div of document.querySelectorAll('.text[data-doc]')) {
            const walker = document.createTreeWalker(div, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
              const at = node.data.indexOf(needle);
              if (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + needle.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return true;
              }
            }
          }
          return false;
        }""",
        needle,
    )
    assert found, needle


def test_an_analyst_session_changes_matrix_history_and_export(page, served) -> None:  # type: ignore[no-untyped-def]
    base, kb_file = served
    page.goto(base + "/incidents/inc-geneina")
    matrix = page.locator("#matrix")
    assert "45" in matrix.inner_text()

    # 1. Correct a value: the token is asked once, then kept for the tab.
    row(page, "killed 45 soldiers").get_by_role("button", name="Correct").click()
    page.locator("#review-dialog input[name=value]").fill("40")
    page.locator("#review-dialog input[name=reason]").fill("the statement says forty")
    page.locator("#review-submit").click()
    page.locator("#token-input").fill(TOKEN)
    page.locator("#reviewer-input").fill("Amina")
    page.locator("#token-submit").click()
    page.wait_for_selector("#history-table")
    assert "40" in matrix.inner_text() and "45" not in matrix.inner_text()
    assert matrix.locator(".reviewed-mark").count() == 1
    history = page.locator("#history-table").inner_text()
    assert "value: 45 → 40" in history and "Amina" in history and "forty" in history
    by_evidence = {r["evidence"]: r for r in export_rows(page, base, "inc-geneina")}
    assert by_evidence["killed 45 soldiers"]["value"] == "40"
    assert by_evidence["killed 45 soldiers"]["review"] == "corrected"

    # 2. Reject a claim: out of the matrix and the export, kept in the history.
    row(page, "destroyed 14 RSF vehicles").get_by_role("button", name="Reject").click()
    page.locator("#review-dialog input[name=reason]").fill("vehicles were only damaged")
    page.locator("#review-submit").click()
    page.wait_for_selector("#history-table tr[data-operation=reject]")
    assert "destroyed" not in matrix.inner_text()
    assert row(page, "destroyed 14").count() == 0
    assert "destroyed 14 RSF vehicles" not in {
        r["evidence"] for r in export_rows(page, base, "inc-geneina")
    }

    # 3. Add the claim the machine missed, from its evidence selected in the article.
    select_text(page, "Local doctors counted 23 civilians killed when shells hit the market")
    page.locator("#add-from-selection").click()
    dialog = page.locator("#review-dialog")
    assert dialog.locator("input[name=value]").input_value() == "23"  # read from the selection
    dialog.locator("input[name=claimant]").fill("local doctors")
    dialog.locator("select[name=target_role]").select_option("civilian")
    dialog.locator("input[name=target]").fill("civilians")
    page.locator("#review-submit").click()
    page.wait_for_selector("#history-table tr[data-operation=add]")
    headers = matrix.locator("thead th").all_inner_texts()
    assert "local doctors" in headers
    added = [r for r in export_rows(page, base, "inc-geneina") if r["claimant"] == "local doctors"]
    assert len(added) == 1 and added[0]["value"] == "23" and added[0]["review"] == "added"

    # 4. Merge two claimant columns: one column left, the alias in the knowledge base.
    assert "Nyala field command" in " ".join(headers)
    merge = page.locator("#merge-actors-form")
    merge.locator("select[name=source]").select_option("Nyala field command")
    merge.locator("select[name=into]").select_option("Rapid Support Forces")
    merge.get_by_role("button", name="Merge columns").click()
    page.wait_for_selector("#history-table tr[data-operation=merge-actors]")
    headers = " ".join(matrix.locator("thead th").all_inner_texts())
    assert "Nyala field command" not in headers and "Rapid Support Forces" in headers
    assert "Nyala field command" in kb_file.read_text(encoding="utf-8")
    claimants = {r["claimant"] for r in export_rows(page, base, "inc-geneina")}
    assert "Nyala field command" not in claimants

    # 5. Split the Port Sudan strike out of the El Geneina fighting.
    row(page, "killed 3 guards").locator("input.split-pick").check()
    split = page.locator("#split-form")
    split.locator("input[name=label]").fill("port-sudan-2025-05-05")
    split.get_by_role("button", name="Split the ticked claims into a new incident").click()
    page.wait_for_url("**/incidents/inc_r*")
    assert page.locator("h1").inner_text() == "port-sudan-2025-05-05"
    assert "3" in page.locator("#matrix").inner_text()
    page.goto(base + "/incidents/inc-geneina")
    assert row(page, "killed 3 guards").count() == 0
    operations = page.locator("#history-table tr").evaluate_all(
        "rows => rows.map(r => r.dataset.operation).filter(Boolean)"
    )
    for operation in ("correct", "reject", "add", "merge-actors", "split-incident"):
        assert operation in operations
    geneina = export_rows(page, base, "inc-geneina")
    assert "killed 3 guards" not in {r["evidence"] for r in geneina}
    page.goto(base + "/")
    assert page.locator("#incidents a.incident-link", has_text="port-sudan-2025-05-05").count() == 1
    assert page.locator("#exports a", has_text="ACLED-style table").count() == 1

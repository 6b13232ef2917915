"""Web hardening: hostile stored text and addresses, security headers, body limits, garbage
query values, reads served while a document is processed, the default bind address.

Pages are checked by parsing the served HTML (every tag and attribute), and in the real
browser where chromium is installed: no script of a hostile document may run.
"""

from __future__ import annotations

import base64
import hashlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text as sql

from counterclaim.model import Document, Incident, Place
from counterclaim.settings import Settings, load_settings
from counterclaim.store import Store
from counterclaim.web import views
from counterclaim.web.app import MAX_OFFSET, create_app
from factories import claim_at, fill_store

TOKEN = "hardening-token"
STATIC = Path(views.__file__).parent / "static"
GOMA = Place("Goma", -1.6792, 29.2228, "CD", "North Kivu", "test")

HOSTILE_URLS = [
    "javascript:alert(document.domain)//",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(2)",
    "java\tscript:alert(3)",
    "data:text/html,<script>alert(4)</script>",
    "vbscript:msgbox(5)",
    "//evil.example/relative-to-scheme",
    'https://"><script>alert(6)</script>',
]
SAFE_URL = 'https://example.org/report?id=7&from="feed"'


# -- a store of hostile documents --------------------------------------------------------------
def hostile_text(n: int) -> str:
    return (
        f"<script>alert('title {n}')</script> Clashes near Goma\n\n"
        f'The M23 rebels said <img src=x onerror="alert({n})"> they killed {n + 10} soldiers '
        "near Goma on Friday.\n"
        "A <svg onload=alert(1)> medical source said 4 civilians were wounded."
    )


def build_hostile_store(store: Store) -> dict[str, Document]:
    docs = []
    for n, url in enumerate([*HOSTILE_URLS, SAFE_URL]):
        docs.append(
            Document(
                hostile_text(n),
                url=url,
                title=f"<script>alert('title {n}')</script> Clashes near Goma",
                outlet='"><iframe src="javascript:alert(7)"></iframe>',
                origin="<b onmouseover=alert(8)>M23</b>",
                published=date(2025, 1, 24),
            )
        )
    claims = []
    for n, document in enumerate(docs):
        claims.append(
            claim_at(
                document,
                f"they killed {n + 10} soldiers",
                claimant='"><svg onload=alert(9)>',
                category="killed",
                value=n + 10,
                target="<i>soldiers</i>",
                target_role="opponent",
                event_date="2025-01-24",
                locations=["<script>alert(10)</script>Goma"],
                places=[GOMA],
            )
        )
    incident = Incident(
        "inc-hostile",
        "<script>alert('incident')</script> Goma",
        "2025-01-24",
        "2025-01-24",
        ["<img src=x onerror=alert(11)>"],
        "<script>alert('operation')</script>",
        [c.id for c in claims],
        [d.id for d in docs],
    )
    fill_store(store, docs, claims, incidents=[incident])
    return {d.url or "": d for d in docs}


@pytest.fixture
def hostile(store: Store) -> dict[str, Document]:
    return build_hostile_store(store)


@pytest.fixture
def client(store: Store, hostile: dict[str, Document]) -> TestClient:
    return TestClient(create_app(store, load_settings(environ={})))


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text of inline scripts/styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.inline: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._open = tag if tag in ("script", "style") else None

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.inline.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def page_urls(hostile: dict[str, Document]) -> list[str]:
    return [
        "/",
        "/?q=<script>",
        "/documents",
        "/incidents/inc-hostile",
        "/no-such-page/<script>alert(1)</script>",
        *(f"/documents/{d.id}" for d in hostile.values()),
    ]


# -- addresses -----------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [*HOSTILE_URLS, "", None, "ftp://example.org/x", "https://"])
def test_web_link_refuses_everything_but_http(url: str | None) -> None:
    assert views.web_link(url) is None


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "http://example.org:8080/a?b=c#d", SAFE_URL]
)
def test_web_link_keeps_http_addresses(url: str) -> None:
    assert views.web_link(url) == url


def test_only_http_addresses_become_links(client: TestClient, hostile: dict[str, Document]) -> None:
    for url in page_urls(hostile):
        for tag, attrs in parse(client.get(url).text).tags:
            for name in ("href", "src", "action", "xlink:href"):
                if name in attrs and not (tag == "link" and attrs[name] == "data:,"):  # no icon
                    value = attrs[name]
                    assert value.startswith(("/", "#", "https://example.org/")), (url, tag, value)
    # A refused address is still shown, as text.
    page = client.get(f"/documents/{hostile[HOSTILE_URLS[0]].id}").text
    assert "javascript:alert(document.domain)//</span>" in page
    safe = client.get(f"/documents/{hostile[SAFE_URL].id}").text
    assert 'href="https://example.org/report?id=7&amp;from=&#34;feed&#34;"' in safe


def test_every_page_escapes_hostile_text(client: TestClient, hostile: dict[str, Document]) -> None:
    for url in page_urls(hostile):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        tags = parse(response.text)
        names = [tag for tag, _ in tags.tags]
        # The templates draw their own <svg> maps and <b> labels: stored markup is caught
        # by its attributes below, and these tags no template uses.
        for forbidden in ("iframe", "img", "i"):
            assert forbidden not in names, (url, forbidden)
        assert [a for _, a in tags.tags if "src" in a and a["src"] != "/static/app.js"] == []
        for tag, attrs in tags.tags:
            assert not [a for a in attrs if a.startswith("on")], (url, tag, attrs)
        assert "<script>alert" not in response.text, url
    incident = client.get("/incidents/inc-hostile").text
    assert "&lt;script&gt;alert(&#39;incident&#39;)&lt;/script&gt; Goma" in incident
    assert "&#34;&gt;&lt;svg onload=alert(9)&gt;" in incident  # the claimant, as text
    assert "&lt;img src=x onerror=alert(11)&gt;" in incident  # a place, as text
    document = client.get(f"/documents/{hostile[SAFE_URL].id}").text
    assert "&#34;&gt;&lt;iframe src=&#34;javascript:alert(7)&#34;&gt;" in document  # outlet


def test_dashboard_pages_have_no_inline_script_or_style(
    client: TestClient, hostile: dict[str, Document]
) -> None:
    for url in page_urls(hostile):
        tags = parse(client.get(url).text)
        assert tags.inline == [], url
        assert not [t for t, a in tags.tags if "style" in a], url
        scripts = [a.get("src") for t, a in tags.tags if t == "script"]
        assert scripts == ["/static/app.js"], url


def test_party_classes_follow_the_palette() -> None:
    css = (STATIC / "style.css").read_text()
    for index, colour in enumerate(views.PALETTE):
        assert f".party-{index} {{ --party: {colour}; }}" in css
    assert views.party_class("Rapid Support Forces") == (
        f"party-{views.PALETTE.index(views.party_colour('Rapid Support Forces'))}"
    )


@pytest.mark.browser
def test_no_script_runs_in_the_browser(
    file_store: Store, hostile: dict[str, Document], tmp_path: Path
) -> None:
    """Every page of the hostile store in chromium: no dialog, no script error, nothing the
    Content-Security-Policy had to block (so the dashboard works under it), colours on."""
    from test_dashboard import CHROMIUM_FLAGS, chromium_path

    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    build_hostile_store(file_store)
    events: list[str] = []
    with serving(file_store, load_settings(environ={})) as (host, port):
        base = f"http://{host}:{port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_FLAGS
            )
            page = browser.new_page()
            page.on("dialog", lambda d: (events.append(f"dialog {d.message}"), d.dismiss()))
            page.on("pageerror", lambda exc: events.append(f"error {exc}"))
            page.on(
                "console",
                lambda m: events.append(f"console {m.text}") if m.type == "error" else None,
            )
            for url in [*page_urls(hostile), "/docs"]:
                page.goto(base + url)
                page.wait_for_load_state("load")
                assert page.locator("script:not([src])").count() == (1 if url == "/docs" else 0)
                if url == "/incidents/inc-hostile":
                    party = page.locator("#matrix th.claimant").first
                    colour = party.evaluate("e => getComputedStyle(e).getPropertyValue('--party')")
                    assert colour.strip() in views.PALETTE, colour  # the class set the colour
                    page.locator(".article .links").first.wait_for()
                    assert page.locator(".article .links a[href^='javascript']").count() == 0
            page.locator(".opblock").first.wait_for()  # Swagger UI ran under its policy
            browser.close()
    # Refused addresses are not requested; pages that do not exist answer 404, as they should.
    events = [e for e in events if "404" not in e]
    assert events == []


# -- headers -------------------------------------------------------------------------------------
def assert_security_headers(response: httpx.Response) -> str:
    headers = response.headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    return policy


def test_security_headers_on_every_response(client: TestClient) -> None:
    responses = [
        client.get("/"),
        client.get("/documents"),
        client.get("/incidents/inc-hostile"),
        client.get("/incidents/nope"),
        client.get("/api/claims"),
        client.get("/api/nothing"),
        client.get("/api/claims", params={"limit": 0}),
        client.get("/static/style.css"),
        client.get("/static/app.js"),
        client.get("/openapi.json"),
        client.post("/api/documents", json={"text": "x"}),
    ]
    for response in responses:
        policy = assert_security_headers(response)
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["script-src"] == "'self'", response.url
        assert directives["style-src"] == "'self'", response.url


def test_docs_pages_allow_only_their_own_inline_script(client: TestClient) -> None:
    response = client.get("/docs")
    policy = assert_security_headers(response)
    inline = re.search(r"<script>(.*?)</script>", response.text, re.S)
    assert inline is not None
    digest = base64.b64encode(hashlib.sha256(inline.group(1).encode()).digest()).decode()
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'", f"'sha256-{digest}'"]
    assert "'unsafe-inline'" not in script_src
    assert_security_headers(client.get("/redoc"))


def test_unexpected_error_is_json_with_headers(file_store: Store) -> None:
    client = TestClient(
        create_app(file_store, load_settings(environ={})), raise_server_exceptions=False
    )
    with file_store.engine.begin() as conn:
        conn.execute(sql("DROP TABLE incidents"))  # a broken database, not a bad request
    response = client.get("/api/incidents")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"status": 500, "message": "internal error; see the server log"}
    }
    assert_security_headers(response)


# -- query values --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "params",
    [
        {"offset": "99999999999999999999"},
        {"offset": str(MAX_OFFSET + 1)},
        {"limit": "99999999999999999999"},
        {"offset": "1e3"},
        {"limit": "ten"},
        {"offset": "-1"},
        {"offset": "0x10"},
        {"limit": ""},
    ],
)
@pytest.mark.parametrize(
    "path", ["/api/documents", "/api/claims", "/api/incidents", "/api/actors", "/api/places"]
)
def test_garbage_integers_are_422_json(client: TestClient, path: str, params: dict) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["status"] == 422 and ("offset" in error["message"] or "limit" in error["message"])


def test_largest_offset_is_an_empty_page(client: TestClient) -> None:
    for path in ("/api/documents", "/api/claims", "/api/incidents"):
        body = client.get(path, params={"offset": MAX_OFFSET}).json()
        assert body["items"] == [] and body["offset"] == MAX_OFFSET


def test_dashboard_offset_out_of_range_is_an_error_page(client: TestClient) -> None:
    response = client.get("/documents", params={"offset": "99999999999999999999"})
    assert response.status_code == 422
    assert "text/html" in response.headers["content-type"] and "offset" in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/api/documents?q=%00",
        "/api/claims?q=%00",
        "/api/claims?claimant=M23%00",
        "/api/claims?place=%00Goma",
        "/api/incidents?q=%00",
        "/api/actors?q=%00",
        "/api/places?q=go%00ma",
        "/api/documents/abc%00def",
    ],
)
def test_nul_characters_are_refused(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422, response.text
    assert "NUL character" in response.json()["error"]["message"]


def test_nul_in_a_page_filter_is_an_error_page(client: TestClient) -> None:
    response = client.get("/?q=%00")
    assert response.status_code == 422 and "NUL character" in response.text


INJECTIONS = [
    "' OR '1'='1",
    "%' OR 1=1 --",
    '"; DROP TABLE claims; --',
    "%",
    "_",
    "\\",
    "') UNION SELECT id, text FROM documents --",
]


@pytest.mark.parametrize("injection", INJECTIONS)
@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/claims", "claimant"),
        ("/api/claims", "q"),
        ("/api/claims", "place"),
        ("/api/claims", "target_side"),
        ("/api/documents", "q"),
        ("/api/documents", "outlet"),
        ("/api/documents", "origin"),
        ("/api/incidents", "q"),
        ("/api/incidents", "party"),
        ("/api/incidents", "place"),
        ("/api/actors", "q"),
        ("/api/places", "q"),
    ],
)
def test_filters_are_bound_not_interpolated(
    client: TestClient, store: Store, path: str, param: str, injection: str
) -> None:
    claims_before = store.claim_count()
    response = client.get(path, params={param: injection, "limit": 500})
    assert response.status_code == 200, response.text
    # Matched as plain text: whatever is found holds the very string ("_" is in actor kinds).
    for item in response.json()["items"]:
        assert injection.lower() in views.searchable_text(item), (path, param, injection)
    if "'" in injection or '"' in injection:
        assert response.json()["total"] == 0, (path, param, injection)
    assert store.claim_count() == claims_before


def test_injection_in_ids_and_categories(client: TestClient) -> None:
    for injection in INJECTIONS:
        assert client.get("/api/claims", params={"category": injection}).status_code == 400
        assert client.get("/api/claims", params={"incident": injection}).status_code == 404
        assert client.get("/api/incidents/" + injection.replace("%", "%25")).status_code == 404


# -- a real server -------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(store: Store, settings: Settings) -> Iterator[tuple[str, int]]:
    """uvicorn on a free loopback port, one event loop as `counterclaim serve` runs it."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store, settings), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def raw_request(address: tuple[str, int], head: str, body: bytes) -> str:
    """Send a request head and part of a body, never the rest; the status line the server
    answers within 10 s (a server waiting for the whole body times out instead)."""
    with socket.create_connection(address, timeout=10) as sock:
        sock.sendall(head.encode() + body)
        try:
            return sock.recv(4096).decode("latin-1").split("\r\n", 1)[0]
        except TimeoutError:
            return "timed out: the server waited for the whole body"


@pytest.fixture
def limited_server(file_store: Store) -> Iterator[tuple[str, int]]:
    settings = load_settings(environ={}, api_token=TOKEN, max_file_bytes=64 * 1024)
    with serving(file_store, settings) as address:
        yield address


def test_declared_oversize_body_is_refused_before_reading(
    limited_server: tuple[str, int],
) -> None:
    head = (
        "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
        f"Authorization: Bearer {TOKEN}\r\nContent-Length: {300 * 1024 * 1024}\r\n\r\n"
    )
    assert raw_request(limited_server, head, b"The first bytes only.").startswith("HTTP/1.1 413")


def test_streamed_oversize_body_is_refused_once_counted(limited_server: tuple[str, int]) -> None:
    head = (
        "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
        f"Authorization: Bearer {TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"x" * 16 * 1024
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5))  # 80 KiB, open
    assert raw_request(limited_server, head, chunks).startswith("HTTP/1.1 413")


def test_oversize_body_without_token_is_refused_unread(limited_server: tuple[str, int]) -> None:
    head = (
        "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {300 * 1024 * 1024}\r\n\r\n"
    )
    assert raw_request(limited_server, head, b"").startswith("HTTP/1.1 401")


SENTENCES = [
    "The M23 rebels said they killed {n} soldiers near Goma on Friday.",
    "The Sudanese army said its troops killed {n} RSF fighters near El Obeid.",
    "Ukraine's air force said it shot down {n} drones over Kharkiv overnight.",
    "Police in Srinagar said {n} militants were killed in a gunfight in Kashmir.",
    "The Houthis said {n} people were wounded in air strikes on Hodeidah.",
    "Residents said an air strike killed {n} villagers in Sagaing, Myanmar.",
    "Officials in Mali said {n} soldiers died when their convoy was ambushed.",
    "The Pakistan Army said {n} militants were killed in North Waziristan.",
]


def long_report(paragraphs: int) -> str:
    lines = ["Fighting on many fronts", ""]
    for p in range(paragraphs):
        lines.append(" ".join(s.format(n=p * 10 + i + 2) for i, s in enumerate(SENTENCES)))
    return "\n".join(lines)


@pytest.mark.model
def test_reads_are_served_while_a_document_is_processed(file_store: Store) -> None:
    """A GET answers while a POST is still in the pipeline. Judged by order of completion,
    not by a time limit, so a slow or loaded machine cannot fail it."""
    settings = load_settings(environ={}, api_token=TOKEN)
    with serving(file_store, settings) as (host, port):
        base = f"http://{host}:{port}"
        httpx.get(base + "/api/incidents", timeout=30).raise_for_status()  # warm up
        finished: dict[str, float] = {}
        post_status: list[int] = []

        def post() -> None:
            response = httpx.post(
                base + "/api/documents",
                content=long_report(12).encode(),
                headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
                timeout=600,
            )
            finished["post"] = time.monotonic()
            post_status.append(response.status_code)

        poster = threading.Thread(target=post)
        poster.start()
        deadline = time.monotonic() + 120
        while file_store.document_count() == 0:  # stored: the pipeline starts now
            assert time.monotonic() < deadline and poster.is_alive(), "the POST never stored"
            time.sleep(0.01)
        started = time.monotonic()
        response = httpx.get(base + "/api/incidents", timeout=600)
        finished["get"] = time.monotonic()
        poster.join(timeout=600)
    assert response.status_code == 200 and post_status == [201]
    assert finished["get"] < finished["post"], (
        f"the GET waited for the POST: GET {finished['get'] - started:.2f} s, "
        f"POST done {finished['post'] - started:.2f} s after the GET was sent"
    )


# -- the cost of reads ---------------------------------------------------------------------------
def many_incidents(store: Store, count: int) -> None:
    docs, claims, incidents = [], [], []
    for n in range(count):
        document = Document(
            f"Clash {n}\n\nThe Sudanese army said {n + 3} RSF fighters were killed near Nyala."
        )
        one = claim_at(
            document,
            f"{n + 3} RSF fighters were killed",
            claimant="Sudanese Armed Forces",
            value=n + 3,
            target="RSF fighters",
            target_role="opponent",
        )
        docs.append(document)
        claims.append(one)
        incidents.append(
            Incident(f"inc-{n}", f"Clash {n}", "2025-05-01", None, [], None, [one.id], [])
        )
    fill_store(store, docs, claims, incidents=incidents)


def statements(store: Store, action) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append("statement")

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(seen)


def test_incident_list_reads_the_store_a_fixed_number_of_times(tmp_path: Path) -> None:
    counts = []
    for size in (3, 40):
        store = Store(f"sqlite:///{tmp_path / f'{size}.db'}")
        many_incidents(store, size)
        summaries = views.incident_summaries(store)
        assert len(summaries) == size
        one_by_one = views.summarise(views.load_incident(store, "inc-1"))
        listed = next(s for s in summaries if s.incident.id == "inc-1")
        assert listed.as_dict() == one_by_one.as_dict()
        counts.append(statements(store, lambda store=store: views.incident_summaries(store)))
    assert counts[0] == counts[1], counts


def test_claims_page_builds_only_its_page(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    real = views.claim_dict

    def counting(claim, side=None):  # type: ignore[no-untyped-def]
        built.append(claim.id)
        return real(claim, side)

    monkeypatch.setattr(views, "claim_dict", counting)
    body = client.get("/api/claims", params={"limit": 2, "offset": 3}).json()
    assert len(body["items"]) == 2 and body["total"] == store.claim_count() == 9
    page_ids = [c["id"] for c in body["items"]]
    assert built == page_ids
    every = client.get("/api/claims", params={"limit": 500}).json()["items"]
    assert [c["id"] for c in every[3:5]] == page_ids


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"claimant": '"><SVG onload=alert(9)>'},
        {"category": "killed", "date_from": "2025-01-24"},
        {"text": "SOLDIERS"},
        {"place": "goma"},
        {"incident_id": "inc-hostile"},
        {"text": "%"},
    ],
)
def test_count_claims_agrees_with_claims(
    store: Store, hostile: dict[str, Document], filters: dict[str, str]
) -> None:
    from counterclaim.store import ClaimFilter

    assert store.count_claims(ClaimFilter(**filters)) == len(store.claims(ClaimFilter(**filters)))


# -- the bind address ----------------------------------------------------------------------------
def test_serve_binds_loopback_by_default() -> None:
    import typer.main

    from counterclaim.cli import app

    command = typer.main.get_command(app)
    serve = command.commands["serve"]  # type: ignore[attr-defined]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"

"""The REST API and server-rendered pages, through FastAPI's test client on a real store."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from counterclaim.settings import load_settings
from counterclaim.store import Store
from counterclaim.web.app import create_app
from web_sample import build_sample_store

TOKEN = "s3cret-token"


@pytest.fixture
def sample(store: Store) -> dict[str, object]:
    return build_sample_store(store)


@pytest.fixture
def client(store: Store, sample: dict[str, object]) -> TestClient:
    return TestClient(create_app(store, load_settings(environ={})))


@pytest.fixture
def writer(store: Store, sample: dict[str, object]) -> TestClient:
    settings = load_settings(environ={}, api_token=TOKEN)
    # Ingest semantics only: extraction over posted documents is tested on its own below.
    return TestClient(create_app(store, settings, process_new=False))


def assert_error(response, status: int, fragment: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert fragment.lower() in body["error"]["message"].lower()


# -- schema and docs -------------------------------------------------------------------------
def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/claims",
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/actors",
        "/api/places",
    ):
        assert "get" in paths[path], path
    assert "post" in paths["/api/documents"]
    assert "text/html" in paths["/api/documents"]["post"]["requestBody"]["content"]
    assert not any(p == "/" or p.startswith("/incidents") for p in paths)  # pages stay out


def test_docs_page_loads_assets_locally(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "cdn" not in html.lower() and "https://" not in html
    for line in html.splitlines():
        if "src=" in line or "href=" in line:
            asset = line.split('"')[1]
            if asset.startswith("/"):
                assert client.get(asset).status_code == 200, asset


# -- documents -------------------------------------------------------------------------------
def test_documents_paginated(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert first["total"] == 6 and first["limit"] == 2 and first["offset"] == 0
    assert len(first["items"]) == 2 and "text" not in first["items"][0]
    rest = client.get("/api/documents", params={"limit": 500, "offset": 2}).json()
    ids = [d["id"] for d in first["items"] + rest["items"]]
    assert len(set(ids)) == 6


def test_documents_filters(client: TestClient) -> None:
    found = client.get("/api/documents", params={"q": "El Fasher"}).json()
    assert [d["title"] for d in found["items"]] == ["Shelling hits camp outside El Fasher"]
    by_outlet = client.get("/api/documents", params={"outlet": "example daily"}).json()
    assert by_outlet["total"] == 1
    credited = client.get("/api/documents", params={"origin": "ANI"}).json()
    assert credited["total"] == 2


def test_one_document_with_claims_and_duplicates(client: TestClient, sample) -> None:  # type: ignore[no-untyped-def]
    wire = sample["wire"]
    body = client.get(f"/api/documents/{wire.id}").json()
    assert body["text"] == wire.text
    assert len(body["claims"]) == 4
    assert {c["figure"] for c in body["claims"]} >= {"84", "108", "10"}
    assert [d["id"] for d in body["duplicates"]] == [sample["copy"].id]


def test_unknown_document_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/documents/nope"), 404, "no document with id 'nope'")


# -- claims ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 13),
        ({"claimant": "baloch liberation army"}, 3),
        ({"category": "wounded"}, 2),
        ({"target_side": "civilian"}, 4),
        ({"target_side": "own"}, 3),
        ({"target_side": "pakistan"}, 6),
        ({"target_side": "civilians"}, 4),
        ({"incident": "inc-fasher"}, 3),
        ({"incident": "El Fasher camp shelling"}, 3),
        ({"place": "turbat"}, 4),
        ({"date_from": "2025-02-01", "date_to": "2025-02-28"}, 7),
        ({"date_from": "2025-03-01"}, 2),
        ({"q": "militants"}, 1),
        ({"claimant": "Baloch Liberation Army", "category": "captured"}, 1),
    ],
)
def test_claim_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    body = client.get("/api/claims", params={**params, "limit": 500}).json()
    assert body["total"] == expected, params
    assert len(body["items"]) == expected


def test_claims_pagination(client: TestClient) -> None:
    every = client.get("/api/claims", params={"limit": 500}).json()["items"]
    pages = [
        client.get("/api/claims", params={"limit": 4, "offset": o}).json() for o in range(0, 16, 4)
    ]
    assert [len(p["items"]) for p in pages] == [4, 4, 4, 1]
    assert [c["id"] for p in pages for c in p["items"]] == [c["id"] for c in every]
    assert pages[1]["offset"] == 4 and pages[1]["limit"] == 4 and pages[1]["total"] == 13
    assert client.get("/api/claims").json()["limit"] == 50


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"date_from": "yesterday"}, "date_from"),
    ],
)
def test_bad_query_is_422(client: TestClient, params: dict[str, object], fragment: str) -> None:
    assert_error(client.get("/api/claims", params=params), 422, fragment)


def test_unknown_category_is_400_with_valid_ones(client: TestClient) -> None:
    response = client.get("/api/claims", params={"category": "exploded"})
    assert_error(response, 400, "unknown category 'exploded'")
    assert "killed" in response.json()["error"]["message"]


def test_unknown_incident_filter_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/claims", params={"incident": "nope"}), 404, "nope")


# -- incidents -------------------------------------------------------------------------------
def test_incidents_list(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["total"] == 4
    baloch = next(i for i in body["items"] if i["id"] == "inc-baloch")
    assert set(baloch["parties"]) == {
        "Baloch Liberation Army",
        "Mohsin Naqvi",
        "Inter-Services Public Relations",
        "Balochistan government",
    }
    assert baloch["documents"] == 3
    # The wire story and its syndicated copy share an agency: one origin, not two.
    assert baloch["independent_origins"] == 2
    # The separatists' 84 against the government's 10 dead, on the same side: ×8.4.
    assert "Baloch Liberation Army 84" in baloch["largest_discrepancy"]
    assert baloch["largest_discrepancy_value"] == pytest.approx(8.4)
    fasher = next(i for i in body["items"] if i["id"] == "inc-fasher")
    # Volunteers count at least 40 civilians killed; the RSF denies any.
    assert "civilians" in fasher["largest_discrepancy"]
    assert "denied" in fasher["largest_discrepancy"]


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({"q": "kharkiv"}, ["inc-kharkiv"]),
        ({"party": "rapid support"}, ["inc-fasher"]),
        ({"place": "nushki"}, ["inc-baloch"]),
        ({"date_from": "2025-02-15"}, ["inc-kharkiv"]),
        ({"date_to": "2024-12-31"}, ["inc-fasher"]),
    ],
)
def test_incident_filters(client: TestClient, params: dict[str, str], ids: list[str]) -> None:
    body = client.get("/api/incidents", params=params).json()
    assert [i["id"] for i in body["items"]] == ids


def test_incident_with_matrix(client: TestClient) -> None:
    body = client.get("/api/incidents/inc-baloch").json()
    assert body["label"] == "Balochistan attacks, 1 February 2025"
    matrix = body["matrix"]
    assert "Baloch Liberation Army" in matrix["claimants"]
    figures = {
        (row["category"], claimant): [f["text"] for f in cells]
        for row in matrix["rows"]
        for claimant, cells in row["cells"].items()
    }
    # compare puts the figures about one side in one row, whoever speaks.
    killed_pakistan = next(
        r for r in matrix["rows"] if r["category"] == "killed" and r["target"] == "Pakistan"
    )
    assert {"Baloch Liberation Army", "Mohsin Naqvi"} <= set(killed_pakistan["cells"])
    assert killed_pakistan["spread"] == "×8.4"
    assert "84" in figures[("killed", "Baloch Liberation Army")]
    assert "108" in figures[("killed", "Inter-Services Public Relations")]
    assert all(f["grade"] for cells in killed_pakistan["cells"].values() for f in cells)
    assert matrix["sides"]["Mohsin Naqvi"] == "Pakistan"
    assert body["comparison"]["largest_discrepancy"]["ratio"] == pytest.approx(8.4)
    assert len(body["claims"]) == 7 and len(body["documents"]) == 3


def test_incident_by_label_and_unknown(client: TestClient) -> None:
    assert client.get("/api/incidents/Kharkiv drone strike").json()["id"] == "inc-kharkiv"
    assert_error(client.get("/api/incidents/nope"), 404, "nope")


# -- actors and places -----------------------------------------------------------------------
def test_actors_count_claims(client: TestClient) -> None:
    body = client.get("/api/actors", params={"limit": 500}).json()
    claimants = {a["name"]: a["claims"] for a in body["items"] if a["claims"]}
    assert claimants["Baloch Liberation Army"] == 3
    assert claimants["regional governor"] == 2
    found = client.get("/api/actors", params={"q": "governor", "limit": 500}).json()
    assert any(a["name"] == "regional governor" for a in found["items"])


def test_places_with_coordinates(client: TestClient) -> None:
    body = client.get("/api/places").json()
    quetta = next(p for p in body["items"] if p["name"] == "Quetta")
    assert quetta["latitude"] == pytest.approx(30.18, abs=0.01)
    assert quetta["claims"] == 4
    assert set(quetta["incidents"]) == {"inc-baloch", "inc-script"}
    one = client.get("/api/places", params={"q": "fasher"}).json()
    assert [p["name"] for p in one["items"]] == ["El Fasher"]


# -- writes ----------------------------------------------------------------------------------
ARTICLE = {
    "text": "Clashes in Goma\n\nThe M23 rebels said they killed 30 soldiers near Goma on Friday.",
    "url": "https://example.org/goma",
    "title": "Clashes in Goma",
    "outlet": "Example Congo",
    "published": "2025-01-24",
}


def test_writes_disabled_without_token(client: TestClient) -> None:
    response = client.post("/api/documents", json=ARTICLE)
    assert_error(response, 403, "writes are disabled")
    assert "COUNTERCLAIM_API_TOKEN" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("headers", "fragment"),
    [
        ({}, "missing bearer token"),
        ({"Authorization": "Basic abc"}, "missing bearer token"),
    ],
)
def test_missing_token_is_401(writer: TestClient, headers: dict[str, str], fragment: str) -> None:
    response = writer.post("/api/documents", json=ARTICLE, headers=headers)
    assert_error(response, 401, fragment)
    assert response.headers["www-authenticate"] == "Bearer"


def test_wrong_token_is_403(writer: TestClient) -> None:
    response = writer.post(
        "/api/documents", json=ARTICLE, headers={"Authorization": "Bearer wrong"}
    )
    assert_error(response, 403, "invalid bearer token")


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def test_post_json_then_again_is_already_stored(writer: TestClient, store: Store) -> None:
    before = store.document_count()
    first = writer.post("/api/documents", json=ARTICLE, headers=auth())
    assert first.status_code == 201, first.text
    assert [d["title"] for d in first.json()["new"]] == ["Clashes in Goma"]
    assert store.document_count() == before + 1
    stored = store.document(first.json()["new"][0]["id"])
    assert stored.outlet == "Example Congo" and stored.published.isoformat() == "2025-01-24"
    again = writer.post("/api/documents", json=ARTICLE, headers=auth())
    assert again.status_code == 200
    assert len(again.json()["already_stored"]) == 1 and again.json()["new"] == []


def test_post_json_list_reports_failures(writer: TestClient) -> None:
    records = [ARTICLE, {"title": "no body"}, {**ARTICLE, "text": "Another report\n\nMore."}]
    body = writer.post("/api/documents", json=records, headers=auth()).json()
    assert len(body["new"]) == 2
    assert (
        len(body["failed"]) == 1 and "no non-empty 'text' or 'html'" in body["failed"][0]["reason"]
    )


@pytest.mark.parametrize(
    ("content_type", "payload", "title"),
    [
        (
            "text/plain",
            "Strike on Sanaa\n\nThe Houthis said 3 people were wounded.",
            "Strike on Sanaa",
        ),
        (
            "text/html",
            "<html><head><title>Raid in Kashmir</title></head><body><article>"
            "<h1>Raid in Kashmir</h1>"
            "<p>Police in Srinagar said two militants were killed in a gunfight on Sunday, "
            "and that a search in the orchards around the village went on into the night.</p>"
            "<p>Officials said one soldier was wounded during the operation.</p>"
            "</article></body></html>",
            "Raid in Kashmir",
        ),
        (
            "application/x-ndjson",
            json.dumps({"text": "Sahel ambush\n\nThe army said 12 soldiers died.", "outlet": "X"}),
            "Sahel ambush",
        ),
        (
            "application/rss+xml",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Feed</title>'
            "<item><title>Myanmar airstrike</title><link>https://example.org/m</link>"
            "<description>Residents said an airstrike killed 9 villagers in Sagaing.</description>"
            "<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>",
            "Myanmar airstrike",
        ),
    ],
)
def test_post_raw_formats(writer: TestClient, content_type: str, payload: str, title: str) -> None:
    response = writer.post(
        "/api/documents",
        content=payload.encode(),
        headers={**auth(), "Content-Type": content_type},
    )
    assert response.status_code == 201, response.text
    assert response.json()["new"][0]["title"] == title


@pytest.mark.parametrize(
    ("content_type", "payload", "fragment"),
    [
        ("application/json", b"{not json", "malformed json"),
        ("text/plain", b"   \n ", "empty request body"),
        ("text/plain", b"\xff\xfe\x00bad", "no document could be read"),
        ("application/json", b'{"title": "only a title"}', "no non-empty 'text' or 'html'"),
    ],
)
def test_post_unreadable_is_400(
    writer: TestClient, content_type: str, payload: bytes, fragment: str
) -> None:
    response = writer.post(
        "/api/documents", content=payload, headers={**auth(), "Content-Type": content_type}
    )
    assert_error(response, 400, fragment)


def test_post_over_size_limit(store: Store, sample: dict[str, object]) -> None:
    settings = load_settings(environ={}, api_token=TOKEN, max_file_bytes=100)
    response = TestClient(create_app(store, settings, process_new=False)).post(
        "/api/documents", content=b"x" * 200, headers={**auth(), "Content-Type": "text/plain"}
    )
    assert_error(response, 413, "over the limit of 100")


def test_token_from_environment(store: Store, sample: dict[str, object]) -> None:
    settings = load_settings(environ={"COUNTERCLAIM_API_TOKEN": "from-env"})
    app_client = TestClient(create_app(store, settings, process_new=False))
    ok = app_client.post(
        "/api/documents", json=ARTICLE, headers={"Authorization": "Bearer from-env"}
    )
    assert ok.status_code == 201


# -- errors ----------------------------------------------------------------------------------
def test_unknown_endpoint_and_method(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "/api/nothing-here")
    assert_error(client.delete("/api/claims"), 405, "not allowed")


# -- pages -----------------------------------------------------------------------------------
def test_pages_render(client: TestClient, sample) -> None:  # type: ignore[no-untyped-def]
    home = client.get("/")
    assert home.status_code == 200 and "Balochistan attacks, 1 February 2025" in home.text
    incident = client.get("/incidents/inc-baloch").text
    assert 'id="matrix"' in incident and "Baloch Liberation Army" in incident
    assert '<mark id="claim-' in incident and 'id="timeline"' in incident
    assert client.get("/documents").status_code == 200
    document = client.get(f"/documents/{sample['local'].id}").text
    assert "at least 10" in document and "<mark" in document
    missing = client.get("/incidents/nope")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_pages_load_nothing_from_outside(client: TestClient) -> None:
    for url in ("/", "/incidents/inc-baloch", "/documents"):
        html = client.get(url).text
        assert '<script src="/static/app.js"' in html
        for attr in ('src="http', "src='http", 'href="//', 'rel="stylesheet" href="http'):
            assert attr not in html, (url, attr)


def test_document_text_is_escaped(client: TestClient, sample) -> None:  # type: ignore[no-untyped-def]
    script = sample["script"]
    for url in (f"/documents/{script.id}", "/incidents/inc-script", "/", "/documents"):
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html and "<b>suspects</b>" not in html, url
        assert "<i>Evil</i>" not in html, url
    page = client.get(f"/documents/{script.id}").text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page
    # The highlighted span keeps its markup as text inside the <mark>.
    assert "<mark" in page and "two &lt;b&gt;suspects&lt;/b&gt; were killed</mark>" in page
    assert "&lt;script&gt;police&lt;/script&gt;" in page
    # JSON carries the raw text: escaping is the page's job, not the API's.
    assert client.get(f"/api/documents/{script.id}").json()["text"] == script.text


@pytest.mark.model
def test_post_runs_the_pipeline(store: Store) -> None:
    settings = load_settings(environ={}, api_token=TOKEN)
    app_client = TestClient(create_app(store, settings))
    article = {
        "text": "Fighting in Sudan\n\nThe Sudanese army said on Monday that its soldiers killed "
        "45 fighters of the Rapid Support Forces near El Obeid.",
        "outlet": "Example Sudan Desk",
        "published": "2025-04-07",
    }
    response = app_client.post("/api/documents", json=article, headers=auth())
    assert response.status_code == 201, response.text
    body = response.json()
    if "processing_error" in body:
        pytest.fail(f"pipeline failed on a posted document: {body['processing_error']}")
    assert body["processed"]["claims"] >= 1
    claims = app_client.get("/api/claims", params={"category": "killed"}).json()["items"]
    assert any(c["value"] == 45 for c in claims)


@pytest.mark.model
def test_post_processes_only_what_it_stored(store: Store) -> None:
    """After an upgrade every stored document is stale; a post must not re-extract the archive
    before it answers (that is `counterclaim process`), only the documents it brought."""
    from counterclaim import pipeline
    from counterclaim.actors import KnowledgeBase
    from counterclaim.model import Document

    settings = load_settings(environ={}, api_token=TOKEN)
    archive = [
        Document(text=f"Clashes in Kashmir\n\nPolice said {n} militants were killed in Kupwara.")
        for n in (3, 4, 5)
    ]
    store.add_documents(archive)  # stored, never extracted: stale, as after an upgrade
    app_client = TestClient(create_app(store, settings))
    article = {
        "text": "Raid in Yemen\n\nHouthi officials said 11 civilians were killed in Saada.",
        "published": "2025-03-02",
    }
    response = app_client.post("/api/documents", json=article, headers=auth())
    assert response.status_code == 201, response.text
    assert response.json()["processed"]["documents"] == 1
    version = pipeline.extraction_version(KnowledgeBase.from_settings(settings), settings)
    still_stale = store.documents_needing_extraction(version)
    assert sorted(still_stale) == sorted(d.id for d in archive)
    assert store.documents_needing_extraction(version, [archive[1].id]) == [archive[1].id]
    # The archive is caught up by the command meant for it
    assert pipeline.process(store, settings)["documents"] == 3
    assert store.documents_needing_extraction(version) == []

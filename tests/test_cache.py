"""The dashboard's matrix cache: the store counts its writes, each incident's matrix is
kept while its inputs are unchanged, and every kind of write (ingest, review, split, merge,
a write from another process) shows at once in the list, the page and the claims query."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from counterclaim import review
from counterclaim.incidents import assign_incidents
from counterclaim.model import Claim, Document
from counterclaim.settings import load_settings
from counterclaim.store import Store
from counterclaim.web.app import create_app
from factories import claim_at, claims_by_doc, fill_store

# Short reports written for these tests, from several conflicts.
KHARKIV = Document(
    "Strike on Kharkiv\n\nThe regional governor said a missile strike killed 5 people in "
    "Kharkiv on Monday. The defence ministry in Moscow said it hit 3 military depots.",
    published=date(2025, 3, 3),
    outlet="Example Kharkiv Herald",
)
RAFAH = Document(
    "Rafah strikes\n\nThe health ministry said Israeli strikes killed 18 people in Rafah. "
    "The Israeli military said it killed 6 militants in the area.",
    published=date(2025, 3, 9),
    outlet="Example Gaza Wire",
)
EL_FASHER = Document(
    "Shelling of El Fasher\n\nThe RSF shelled El Fasher and killed 12 civilians, a local "
    "resistance committee said. The RSF denied it had targeted civilians.",
    published=date(2025, 3, 15),
    outlet="Example Darfur Desk",
)


def kharkiv_claims() -> list[Claim]:
    return [
        claim_at(KHARKIV, "a missile strike killed 5 people", category="killed", value=5,
                 claimant="regional governor", target="people", target_role="civilian"),
        claim_at(KHARKIV, "it hit 3 military depots", category="destroyed", value=3,
                 claimant="Russian Ministry of Defence", target="depots",
                 target_role="opponent"),
    ]  # fmt: skip


def rafah_claims() -> list[Claim]:
    return [
        claim_at(RAFAH, "Israeli strikes killed 18 people", category="killed", value=18,
                 claimant="health ministry", target="people", target_role="civilian"),
        claim_at(RAFAH, "it killed 6 militants", category="killed", value=6,
                 claimant="Israeli military", target="militants", target_role="opponent"),
    ]  # fmt: skip


def el_fasher_claims() -> list[Claim]:
    return [
        claim_at(EL_FASHER, "killed 12 civilians", category="killed", value=12,
                 claimant="resistance committee", target="civilians", target_role="civilian"),
    ]  # fmt: skip


def regroup(store: Store) -> None:
    claims = store.claims()
    docs = {d.id: d for d in store.documents()}
    store.save_incidents(assign_incidents(claims, docs))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'cache.db'}")
    fill_store(store, [KHARKIV, RAFAH], [*kharkiv_claims(), *rafah_claims()])
    regroup(store)
    return store


@pytest.fixture
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, load_settings(environ={})))


def incidents(client: TestClient) -> list[dict[str, object]]:
    answer = client.get("/api/incidents", params={"limit": 500})
    assert answer.status_code == 200
    return answer.json()["items"]


def incident_with(client: TestClient, claimant: str) -> dict[str, object]:
    (found,) = [i for i in incidents(client) if claimant in i["parties"]]
    return found


def test_every_write_moves_the_revision(store: Store) -> None:
    seen = [store.revision()]

    def moved() -> bool:
        seen.append(store.revision())
        return seen[-1] > seen[-2]

    store.add_documents([EL_FASHER])
    assert moved()
    store.replace_claims(claims_by_doc(el_fasher_claims()), "test")
    assert moved()
    regroup(store)
    assert moved()
    store.set_provenance(EL_FASHER.id, origin="Sudan Tribune")
    assert moved()
    assert store.revision() == Store(store.url).revision()  # other connections see it too
    store.claims()
    store.incidents()
    assert store.revision() == seen[-1]  # reads do not count


def test_unchanged_store_is_not_compared_again(store: Store, client: TestClient) -> None:
    cache = client.app.state.incident_cache
    first = incidents(client)
    compared = cache.recomputed
    assert compared == len(first) >= 2
    for _ in range(3):
        assert incidents(client) == first
        client.get(f"/api/incidents/{first[0]['id']}")
        client.get("/api/claims", params={"category": "killed"})
    assert cache.recomputed == compared


def test_new_article_recomputes_only_its_incident(store: Store, client: TestClient) -> None:
    cache = client.app.state.incident_cache
    before = incidents(client)
    compared = cache.recomputed
    fill_store(store, [EL_FASHER], el_fasher_claims())
    regroup(store)
    after = incidents(client)
    assert len(after) == len(before) + 1
    assert any("resistance committee" in i["parties"] for i in after)
    assert cache.recomputed == compared + 1  # the new incident alone
    page = client.get(f"/api/incidents/{incident_with(client, 'resistance committee')['id']}")
    assert page.json()["claims"][0]["value"] == 12


def test_review_correction_shows_in_list_page_and_claims(store: Store, client: TestClient) -> None:
    rafah = incident_with(client, "health ministry")
    page = client.get(f"/api/incidents/{rafah['id']}").json()
    assert {c["value"] for c in page["claims"]} == {18, 6}
    ministry = next(c for c in page["claims"] if c["claimant"] == "health ministry")
    review.correct(store, ministry["id"], {"value": 21}, reviewer="test")
    page = client.get(f"/api/incidents/{rafah['id']}").json()
    assert {c["value"] for c in page["claims"]} == {21, 6}
    killed = client.get("/api/claims", params={"claimant": "health ministry"}).json()
    assert [c["value"] for c in killed["items"]] == [21]
    html = client.get(f"/incidents/{rafah['id']}").text
    assert "21" in html


def test_reject_shows_in_list(store: Store, client: TestClient) -> None:
    kharkiv = incident_with(client, "regional governor")
    assert kharkiv["claims"] == 2
    page = client.get(f"/api/incidents/{kharkiv['id']}").json()
    depots = next(c for c in page["claims"] if c["category"] == "destroyed")
    review.reject(store, [depots["id"]], reviewer="test", reason="not a claim")
    assert incident_with(client, "regional governor")["claims"] == 1


def test_split_and_merge_show_at_once(store: Store, client: TestClient) -> None:
    rafah = incident_with(client, "health ministry")
    page = client.get(f"/api/incidents/{rafah['id']}").json()
    military = next(c["id"] for c in page["claims"] if c["claimant"] == "Israeli military")
    result = review.split_incident(store, rafah["id"], [military], reviewer="test")
    listed = {i["id"]: i for i in incidents(client)}
    assert listed[result.incident]["parties"] == ["Israeli military"]
    assert listed[rafah["id"]]["parties"] == ["health ministry"]
    assert client.get(f"/api/incidents/{result.incident}").json()["claims"][0]["id"] == military
    review.merge_incidents(store, rafah["id"], result.incident, reviewer="test")
    listed = {i["id"]: i for i in incidents(client)}
    assert result.incident not in listed
    assert listed[rafah["id"]]["claims"] == 2
    assert client.get(f"/api/incidents/{result.incident}").status_code == 404


def test_write_from_another_process_is_seen(store: Store, client: TestClient) -> None:
    incidents(client)
    other = Store(store.url)  # a CLI ingest running beside the server
    fill_store(other, [EL_FASHER], el_fasher_claims())
    regroup(other)
    other.close()
    assert any("resistance committee" in i["parties"] for i in incidents(client))
    committee = client.get("/api/claims", params={"claimant": "resistance committee"}).json()
    assert committee["total"] == 1


def test_unknown_incident_is_404(client: TestClient) -> None:
    answer = client.get("/api/incidents/no-such-incident")
    assert answer.status_code == 404
    assert "no-such-incident" in answer.json()["error"]["message"]
    assert client.get("/api/claims", params={"incident": "nowhere"}).status_code == 404


def test_incident_found_by_label(client: TestClient) -> None:
    first = incidents(client)[0]
    by_label = client.get(f"/api/incidents/{first['label']}")
    assert by_label.status_code == 200
    assert by_label.json()["id"] == first["id"]


def test_fingerprint_follows_document_provenance(store: Store) -> None:
    before = store.incident_fingerprints()
    store.set_provenance(RAFAH.id, origin="Gaza health ministry")
    after = store.incident_fingerprints()
    changed = {key for key in before if before[key] != after.get(key)}
    rafah_incident = next(c.incident_id for c in store.claims() if c.doc_id == RAFAH.id)
    assert changed == {rafah_incident}


def test_claims_of_one_incident_by_id_and_label(client: TestClient) -> None:
    rafah = incident_with(client, "health ministry")
    for key in (rafah["id"], rafah["label"]):
        answer = client.get("/api/claims", params={"incident": key}).json()
        assert {c["value"] for c in answer["items"]} == {18, 6}


def test_restarted_server_reads_summaries_back(store: Store, client: TestClient) -> None:
    listed = incidents(client)
    restarted = TestClient(create_app(store, load_settings(environ={})))
    assert incidents(restarted) == listed
    cache = restarted.app.state.incident_cache
    assert cache.recomputed == 0  # the list came from the kept summaries
    page = restarted.get(f"/api/incidents/{listed[0]['id']}")
    assert page.status_code == 200 and cache.recomputed == 1  # the page built its matrix
    review.reject(store, [page.json()["claims"][0]["id"]], reviewer="test")
    again = TestClient(create_app(store, load_settings(environ={})))
    changed = {i["id"]: i["claims"] for i in incidents(again)}
    assert changed[listed[0]["id"]] == listed[0]["claims"] - 1
    assert again.app.state.incident_cache.recomputed == 1


def test_dashboard_pages_from_cache(client: TestClient) -> None:
    first = incidents(client)[0]
    home = client.get("/")
    assert home.status_code == 200 and first["label"] in home.text
    assert client.get(f"/incidents/{first['id']}").status_code == 200


def test_the_incident_list_is_paged_and_keeps_its_filters(
    store: Store, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counterclaim.web.app as web_app
    from counterclaim.web.views import list_paging

    assert list_paging({"q": "gaza", "party": None}, 2, 100, 250) == {
        "first": 101,
        "last": 200,
        "matching": 250,
        "previous": "/?q=gaza&page=1",
        "next": "/?q=gaza&page=3",
    }
    assert list_paging({}, 1, 100, 0)["first"] == 0
    monkeypatch.setattr(web_app, "LIST_PAGE", 1)
    paged = TestClient(create_app(store, load_settings(environ={})))
    first = paged.get("/")
    assert first.status_code == 200
    assert first.text.count('class="incident-link"') == 1
    assert 'rel="next" href="/?page=2"' in first.text and 'rel="prev"' not in first.text
    second = paged.get("/", params={"page": 2})
    assert second.text.count('class="incident-link"') == 1
    assert 'rel="prev" href="/?page=1"' in second.text
    assert paged.get("/", params={"page": 0}).status_code == 422
    assert paged.get("/", params={"page": 99}).status_code == 200

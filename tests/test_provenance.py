"""Provenance: agency credits, citation chains, near-duplicate groups, independent origins."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from counterclaim import provenance
from counterclaim.ingest import parse_text
from counterclaim.lexicon import load_data
from counterclaim.model import Claim, Document
from counterclaim.pipeline import update_provenance
from counterclaim.settings import SETTINGS_BY_NAME, load_settings
from counterclaim.store import Store

FILLER = (
    "Residents said the shelling continued into the evening and aid workers struggled to reach "
    "the wounded. "
)


def doc(text: str, **meta: object) -> Document:
    return parse_text("test.txt", text, metadata=dict(meta))


# -- credits --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "KYIV, March 3 (Reuters) - Ukraine said 14 civilians died in a missile strike.",
            "Reuters",
        ),
        ("GAZA, May 4 (AFP) – Hospital officials said 22 people were killed overnight.", "AFP"),
        (
            "Srinagar [India], May 7 (ANI): Police said three militants were killed in Kupwara.",
            "ANI",
        ),
        ("July 10 (UPI) -- Houthi fighters said they shot down a US drone over Marib.", "UPI"),
        (
            "KHARTOUM, Oct. 12 (Xinhua) -- The army said it repelled an attack on El Obeid.",
            "Xinhua",
        ),
        (
            "Goma report\n\nRebels said they seized the airport. Officials disputed it. (AP)",
            "AP",
        ),
        ("Sahel raid\n\nThe junta said 30 jihadists were killed near Djibo. (AFP)", "AFP"),
        (
            "Myanmar clashes\n\nThe resistance said it took two bases in Sagaing. — Reuters",
            "Reuters",
        ),
        ("Yemen strike\nMENAFN - Gulf Times) Xinhua\n\nThe Houthis said 12 people died.", "Xinhua"),
        ("Sudan fighting\nBy AFP\n\nThe RSF said it downed an army drone near Nyala.", "AFP"),
        (
            "Kherson shelling\nSource: Ukrinform\n\nThe governor said two people were hurt.",
            "Ukrinform",
        ),
        (
            "Kashmir firing\n\nThe army said two intruders were killed.\n\n"
            "With reporting from © AFP 2025",
            "AFP",
        ),
        (
            "Balochistan attack\n\nThe group said it killed 12 soldiers.\n\n(With inputs from PTI)",
            "PTI",
        ),
        (
            "Kinshasa\n\nThe army said 40 rebels surrendered in Ituri.\n\n"
            "Associated Press writer Jean Doe in Bunia contributed to this report.",
            "AP",
        ),
        (
            "Drone strike\n\nThe ministry said nine people were killed in Odesa.\n\n"
            "Copyright 2025 The Associated Press. All rights reserved.",
            "AP",
        ),
    ],
)
def test_agency_credits(text: str, agency: str) -> None:
    assert provenance.detect_origin(doc(text)).syndicated_from == agency


def test_syndicated_feed_disclaimer_is_a_credit() -> None:
    text = (
        "Pakistan clash\n\nThe BLA said it killed 15 soldiers in Kech. (ANI)\n\n"
        "Disclaimer: This story is auto-generated from a syndicated feed of ANI; only the "
        "image & headline may have been reworked by the publisher."
    )
    origin = provenance.detect_origin(doc(text))
    assert origin.syndicated_from == "ANI"
    assert origin.origin == "ANI"


@pytest.mark.parametrize(
    "text",
    [
        "Gaza\n\nA hospital director told AFP that 18 bodies had arrived since dawn.",
        "Kyiv\n\nA Ukrainian commander told Reuters by phone that the line was holding.",
        "Sudan\n\nXinhua reported that the army had retaken the bridge, citing military sources.",
        "Moscow\n\nThe Interfax news agency reported that flights were restricted at Vnukovo.",
        "Sahel\n\nThe figures could not be verified, an AFP correspondent said from Bamako.",
        "Red Sea\n\nThe ship sank on Wednesday. Reuters could not independently verify the video.",
        "Myanmar\n\nThe AP Photo shows a burned village. Officials said 11 people died.",
    ],
)
def test_quoting_an_agency_is_not_a_credit(text: str) -> None:
    assert provenance.detect_origin(doc(text)).syndicated_from is None


def test_agency_self_reference_credits_only_a_wire_dateline_copy() -> None:
    wire = (
        "Ship sunk\n\nATHENS – Rescuers pulled six sailors from the Red Sea after the attack, "
        "security firms said on Wednesday.\n\nReuters could not independently verify the video."
    )
    assert provenance.detect_origin(doc(wire)).syndicated_from == "Reuters"


def test_outlet_metadata_credits_when_the_text_names_none() -> None:
    text = "Strike on Sumy\n\nThe regional governor said four people were killed."
    assert provenance.detect_origin(doc(text, outlet="GV Wire (Reuters copy)")).syndicated_from == (
        "Reuters"
    )
    assert provenance.detect_origin(
        doc(text, outlet="TheJournal.ie (with AFP)")
    ).syndicated_from == ("AFP")
    assert provenance.detect_origin(doc(text, outlet="Mint (livemint.com)")).syndicated_from is None
    plain = provenance.detect_origin(doc(text, outlet="Kyiv Independent"))
    assert plain.origin == "Kyiv Independent"


# -- citations ------------------------------------------------------------------------------
def test_citation_shared_by_citing_channel() -> None:
    text = (
        "The clip was shared by The Balochistan Post, a news site based in Quetta, citing "
        "the official channel of the BLA."
    )
    (citation,) = provenance.citations(text)
    assert citation.kind == "citing"
    assert citation.relayer == "The Balochistan Post"
    assert citation.source_party == "BLA"


def test_citation_agency_reported_citing() -> None:
    text = "The TASS news agency reported, citing the regional emergency service, that two died."
    (citation,) = provenance.citations(text)
    assert citation.relayer == "TASS"
    assert citation.source_party == "regional emergency service"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("In Rawalpindi the ISPR said in a statement that 12 soldiers died.", "ISPR"),
        (
            "In a statement, the Houthi military spokesperson said two ships were hit.",
            "Houthi military",
        ),
        (
            "Nine fighters were killed, said Abu Obeida, spokesman for the Qassam Brigades, in a "
            "video statement.",
            "Qassam Brigades",
        ),
        (
            "Forty drones fell, according to a statement by the ministry posted on Telegram.",
            "ministry",
        ),
        ("The Arakan Army said in a post on X that it seized three outposts.", "Arakan Army"),
        (
            "Governor Oleh Syniehubov said on Telegram that a child was injured.",
            "Governor Oleh Syniehubov",
        ),
    ],
)
def test_citation_statements(text: str, party: str) -> None:
    found = provenance.citations(text)
    assert found, text
    assert found[0].source_party == party


def test_citation_quoted_by() -> None:
    first = provenance.citations("“We lost four men,” Mujahid was quoted as saying by Tolo News.")
    assert (first[0].kind, first[0].source, first[0].relayer) == ("quoted", "Mujahid", "Tolo News")
    second = provenance.citations("The Angolan agency Angop quoted him as saying 700 were buried.")
    assert second[0].relayer == "Angop"
    assert second[0].source_party is None  # a pronoun: the speaker is named elsewhere


def test_told_agency_is_a_citation_not_a_credit() -> None:
    text = "Gaza\n\nA civil defence official told AFP that 31 people were killed in Khan Younis."
    origin = provenance.detect_origin(doc(text))
    assert origin.syndicated_from is None
    assert [(c.kind, c.relayer) for c in origin.citations] == [("interview", "AFP")]


# -- near-duplicates ------------------------------------------------------------------------
STATEMENT = (
    "The Sudanese army said on Sunday that its forces killed more than 100 fighters of the "
    "Rapid Support Forces who attacked El Fasher at dawn with armoured vehicles and two tanks. "
    "The paramilitary group denied losing any men and said it had shot down an army drone "
    "over the city. The foreign ministry accused the RSF of shelling a displacement camp, "
    "killing 57 civilians, an accusation the group rejected."
)
REWRITE = (
    "More than 100 Rapid Support Forces fighters were killed when they attacked El Fasher at "
    "dawn with two tanks and armoured vehicles, the Sudanese army said on Sunday. The "
    "paramilitary group said it lost no men and had shot down an army drone above the city. "
    "According to the foreign ministry, RSF shelling of a displacement camp killed 57 "
    "civilians, which the group rejected."
)
UNRELATED = (
    "Myanmar's resistance forces said they captured two army bases in Sagaing region after "
    "a week of fighting, and that 14 junta soldiers surrendered with their weapons. The "
    "military government said its aircraft struck rebel positions near Monywa and denied "
    "losing the bases."
)
UKRAINE = (
    "Ukraine's air force said Russia launched 120 drones and four missiles overnight, and "
    "that air defences shot down 95 drones over nine regions. Regional officials in Kharkiv "
    "reported damage to a power substation and two wounded workers."
)


def test_threshold_default_is_the_setting_and_measured() -> None:
    assert SETTINGS_BY_NAME["near_duplicate_threshold"].default == provenance.DEFAULT_THRESHOLD
    assert load_settings(environ={}).near_duplicate_threshold == 0.25
    params = provenance.lsh_params()
    assert params.bands * params.rows <= provenance.NUM_PERM

    # At the threshold most pairs become candidates; far below it, few do.
    def collide(j: float) -> float:
        return 1 - (1 - j**params.rows) ** params.bands

    assert collide(0.35) > 0.95
    assert collide(0.02) < 0.02


def test_signature_is_deterministic_and_estimates_jaccard() -> None:
    first = provenance.minhash_signature(STATEMENT)
    assert first == provenance.minhash_signature(STATEMENT)
    assert len(first) == provenance.NUM_PERM
    assert provenance.estimated_jaccard(first, provenance.minhash_signature(REWRITE)) >= 0.5
    unrelated = provenance.estimated_jaccard(first, provenance.minhash_signature(UNRELATED))
    assert unrelated < provenance.DEFAULT_THRESHOLD / 2


def _group(store: Store, docs: list[Document], threshold: float | None = None) -> dict[str, str]:
    """Near-duplicate groups made by the pipeline's provenance step (doc id → group)."""
    settings = load_settings(environ={}).with_overrides(near_duplicate_threshold=threshold)
    return update_provenance(store, docs, settings).groups


def _copies_of(store: Store, doc_id: str) -> list[str]:
    group = store.document(doc_id).near_duplicate_group
    return [m for m in store.duplicate_group_members(group) if m != doc_id] if group else []


def test_rewrites_group_and_unrelated_stay_apart(store: Store) -> None:
    docs = [Document(text=t) for t in (STATEMENT, UNRELATED, REWRITE, UKRAINE)]
    store.add_documents(docs)
    groups = _group(store, docs)
    assert groups == {docs[0].id: docs[0].id, docs[2].id: docs[0].id}
    assert _copies_of(store, docs[2].id) == [docs[0].id]
    assert _copies_of(store, docs[1].id) == []
    # Indexed documents are skipped: a second run changes nothing.
    assert _group(store, docs) == {}


def test_bridging_document_merges_groups_under_the_earliest(store: Store) -> None:
    half = len(STATEMENT) // 2
    first_half = STATEMENT[:half] + " " + FILLER * 1
    second_half = FILLER * 1 + STATEMENT[half:]
    a = Document(text=first_half + " Darfur")
    b = Document(text=first_half + " Kordofan")
    c = Document(text=second_half + " Khartoum")
    d = Document(text=second_half + " Omdurman")
    store.add_documents([a, b, c, d])
    _group(store, [a, b])
    _group(store, [c, d])
    before = {x.id: x.near_duplicate_group for x in store.documents(ids=[a.id, b.id, c.id, d.id])}
    assert before[a.id] == before[b.id] == a.id
    assert before[c.id] == before[d.id] == c.id
    bridge = Document(text=STATEMENT + " " + FILLER)
    store.add_documents([bridge])
    _group(store, [bridge])
    after = {x.id: x.near_duplicate_group for x in store.documents()}
    assert set(after.values()) == {a.id}
    assert sorted(store.duplicate_group_members(a.id)) == sorted(
        [a.id, b.id, c.id, d.id, bridge.id]
    )


def test_incremental_in_a_file_store(file_store: Store, tmp_path: Path) -> None:
    first = Document(text=STATEMENT)
    file_store.add_documents([first, Document(text=UNRELATED)])
    update_provenance(file_store, file_store.documents())
    url = file_store.url
    file_store.close()
    reopened = Store(url)
    copy = Document(text=REWRITE, outlet="Sudan Tribune")
    reopened.add_documents([copy])
    report = update_provenance(reopened, [copy])
    assert report.groups == {first.id: first.id, copy.id: first.id}
    stored = reopened.document(copy.id)
    assert stored.near_duplicate_group == first.id
    assert stored.origin == "Sudan Tribune"
    assert len(reopened.signatures([first.id, copy.id])) == 2


def test_stricter_threshold_keeps_rewrites_apart(store: Store) -> None:
    docs = [Document(text=STATEMENT), Document(text=REWRITE)]
    store.add_documents(docs)
    assert _group(store, docs, threshold=0.95) == {}


# -- origins and independence ---------------------------------------------------------------
def _claim(doc_id: str, claimant: str, value: int, end: int = 10) -> Claim:
    return Claim(
        doc_id=doc_id,
        category="killed",
        value=value,
        qualifier="exact",
        evidence="...",
        span_start=0,
        span_end=end,
        claimant=claimant,
        target_role="opponent" if claimant != "reporter" else "other",
    )


def test_claim_origin() -> None:
    wire = Document(
        text="KYIV, May 2 (Reuters) - Ten people were killed.", syndicated_from="Reuters"
    )
    own = Document(text="Ten people were killed in Sumy.", outlet="Kyiv Post")
    relayed = Document(
        text="Ten soldiers were killed, the Balochistan Post reported, citing the BLA.",
        outlet="Daily Times",
    )
    assert provenance.claim_origin(_claim(wire.id, "Ukrainian Air Force", 10), wire) == (
        "Ukrainian Air Force"
    )
    assert provenance.claim_origin(_claim(wire.id, "reporter", 10), wire) == "Reuters"
    assert provenance.claim_origin(_claim(own.id, "reporter", 10), own) == "Kyiv Post"
    whole = len(relayed.text)  # the claim's sentence is the cited one
    assert provenance.claim_origin(_claim(relayed.id, "reporter", 10, whole), relayed) == "BLA"


def test_independent_origins_count_origins_not_articles() -> None:
    wire_texts = [
        f"{city}, May 2 (Reuters) - Officials said ten people were killed in Kramatorsk."
        for city in ("KYIV", "LONDON", "PARIS")
    ]
    copies = [Document(text=t, outlet=o) for t, o in zip(wire_texts, "ABC", strict=True)]
    own_a = Document(text="Ten were killed, our reporter saw.", outlet="Kyiv Independent")
    own_b = Document(text="Ten people died in the strike.", outlet="Ukrainska Pravda")
    rewrite_1 = Document(text="Rewrite one", outlet="Outlet X", near_duplicate_group="g1")
    rewrite_2 = Document(text="Rewrite two", outlet="Outlet Y", near_duplicate_group="g1")
    docs = [*copies, own_a, own_b, rewrite_1, rewrite_2]
    reporter_claims = [_claim(d.id, "reporter", 10) for d in docs]
    party_claims = [_claim(d.id, "BLA", 84) for d in docs]
    counts = provenance.independent_origins(reporter_claims + party_claims, docs)
    # Reuters copies count once, the two outlets once each, the rewrite pair once.
    assert {counts[c.id] for c in reporter_claims} == {4}
    # Eight articles repeating one party's statement are one source.
    assert {counts[c.id] for c in party_claims} == {1}


# -- the dev set ----------------------------------------------------------------------------
@pytest.mark.dev
def test_dev_set_groups_and_credits(dev_dir: Path) -> None:
    gold = [json.loads(line) for line in (dev_dir / "gold.jsonl").read_text().splitlines()]
    with open(dev_dir / "sources.tsv", encoding="utf-8") as handle:
        sources = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    store = Store(":memory:")
    by_name: dict[str, Document] = {}
    for article in gold:
        path = dev_dir / article["doc"]
        name = path.name
        meta = {"url": article.get("url"), "published": article.get("published")}
        if name in sources:
            meta["outlet"] = sources[name]["outlet"]
        by_name[article["doc"]] = parse_text(str(path), path.read_text(), metadata=meta)
    docs = list(by_name.values())
    store.add_documents(docs)
    update_provenance(store, docs)
    for article in gold:
        doc_id = by_name[article["doc"]].id
        predicted = {n for n, d in by_name.items() if d.id in _copies_of(store, doc_id)}
        assert predicted == set(article["near_duplicate_of"]), article["doc"]
        credited = store.document(doc_id).syndicated_from
        assert credited == article["syndicated_from"], article["doc"]
    # The credits come from the text itself: without outlet metadata they are the same.
    for article in gold:
        path = dev_dir / article["doc"]
        text_only = provenance.detect_origin(parse_text(str(path), path.read_text()))
        assert text_only.syndicated_from == article["syndicated_from"], article["doc"]


# -- benchmark and CLI ----------------------------------------------------------------------
def test_bench_duplicates_at_tiny_sizes(tmp_path: Path) -> None:
    from counterclaim.bench import bench_duplicates

    report = bench_duplicates([1000, 200], query_batch=40, directory=tmp_path)
    assert report.sizes == [200, 1000]
    assert [r.size for r in report.results] == [200, 1000]
    assert report.results[0].lookup_ratio == 1.0
    assert all(r.lookup_ms_per_doc > 0 and r.assign_ms_per_doc > 0 for r in report.results)
    assert report.recall >= 0.95
    assert all(r.false_matches == 0 for r in report.results)
    assert set(report.to_dict()) >= {"sizes", "results", "recall", "bands", "rows"}


def test_cli_bench_and_groups(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from counterclaim.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["bench", "duplicates", "--sizes", "150,300", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["recall"] >= 0.95
    bad = runner.invoke(app, ["bench", "duplicates", "--sizes", "ten"])
    assert bad.exit_code == 2

    db = str(tmp_path / "groups.db")
    store = Store(db)
    docs = [
        Document(text=STATEMENT, outlet="Sudan Tribune"),
        Document(text=REWRITE, outlet="Radio Dabanga"),
        Document(text=UNRELATED, outlet="Irrawaddy"),
    ]
    store.add_documents(docs)
    update_provenance(store, docs)
    store.close()
    shown = runner.invoke(app, ["documents", "--groups", "--db", db, "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert [len(g["documents"]) for g in data["groups"]] == [2]
    assert {o["origin"]: o["independent"] for o in data["origins"]} == {
        "Sudan Tribune": 1,
        "Radio Dabanga": 1,
        "Irrawaddy": 1,
    }
    table = runner.invoke(app, ["documents", "--groups", "--db", db])
    assert table.exit_code == 0 and "near-duplicate groups" in table.stdout


# -- credits by position (issue 13) -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("MOSCOW, June 4. /TASS/. Air defences downed 31 drones over Kursk overnight.", "TASS"),
        (
            "(MENAFN- IANS) Raipur, May 9 (IANS) Police said 11 Maoists were killed in Bijapur.",
            "IANS",
        ),
        ("Jakarta, Mar 2 (EFE).- Papuan rebels said they freed two hostage teachers.", "EFE"),
        ("Dhaka, Bangladesh (CNN) Police said six attackers were shot dead at the depot.", "CNN"),
        ("Maiduguri, Sept. 3, 2024 (NAN)Troops said they rescued 22 farmers near Bama.", "NAN"),
        (
            "ADEN, Yemen (AA): A roadside bomb killed four soldiers in Abyan, officials said.",
            "Anadolu Agency",
        ),
        ("GOMA/KINSHASA (Reuters) – M23 rebels said they took the town of Rubaya.", "Reuters"),
        ("Sahel ambush\n\nAFP: Gunmen killed 14 soldiers near Djibo, the army said.", "AFP"),
        ("Tigray talks\n\nAPA-Mekelle Both sides said they would meet again next week.", "APA"),
        (
            "Drone strikes on Odesa\n\nBy AFP Published: Tue 4 Mar 2025, 9:10 AM\n\n"
            "The governor said three people were hurt.",
            "AFP",
        ),
        ("Kashmir gunfight\n\n12 March 2025 - 08:15 By Reuters\n\nTwo militants died.", "Reuters"),
        (
            "Sudan shelling\n\nReuters Published 2 Feb, 2025 10:01am\n\nThe RSF denied it.",
            "Reuters",
        ),
        ("Gaza strike\n\nAFP / 14 May 2025 11:20\n\nMedics said nine people were killed.", "AFP"),
        ("Pakistan raid\n\nPTI | Quetta | Updated: 03-01-2025 10:00 IST\n\nFour died.", "PTI"),
        ("Myanmar airstrike\n\nXinhua\n\nThe junta said it hit a rebel camp in Sagaing.", "Xinhua"),
        ("Kabul blast\n\nBy Xinhua\n\nPolice said the bomb killed three guards.", "Xinhua"),
        ("Kunduz clash\n\nGerman Press Agency dpa\n\nKABUL – The Taliban said 5 died.", "dpa"),
        (
            "Mali attack\n\nThe army said 21 soldiers died at Boulkessi.\n\n"
            "SOURCE: Reuters news agency",
            "Reuters",
        ),
        ("Plateau attack\n\nPolice said 40 villagers were killed in Mangu.\n\n(NAN)", "NAN"),
        (
            "Niger mosque attack\n\nThe ministry said 44 worshippers died.\n\n[Aljazeera]",
            "Al Jazeera",
        ),
        ("Jalisco ambush\n\nThe army said eight gunmen died.\n\nSource: Milenio", "Milenio"),
        (
            "Kurram clashes\n\nThe jirga said 30 people were killed.\n\n"
            "Published in Dawn, May 5th, 2025",
            "Dawn",
        ),
        (
            "Kharkiv strike\n\nThe mayor said two people died.\n\nReuters writes about it.\n\n"
            "Rescuers worked through the night.",
            "Reuters",
        ),
    ],
)
def test_credit_forms_by_position(text: str, agency: str) -> None:
    assert provenance.detect_origin(doc(text)).syndicated_from == agency


@pytest.mark.parametrize(
    "text",
    [
        # quoting an agency, anywhere in the text, is not a credit
        "Goma\n\nA rebel commander told AFP that 16 soldiers surrendered at Sake.",
        "Sanaa\n\nThe Houthis said 12 people died, AFP reported, citing medics.",
        "Kherson\n\nTwo boats were sunk, according to Reuters, which saw the footage.",
        "Quetta\n\nThe attack killed nine, officials told the Associated Press on Monday.",
        # a photo caption's credit is the photographer's agency, not the text's
        "Gaza rescue workers search rubble on May 2, 2025. — AFP\n\n"
        "GAZA CITY: Medics said ten people were killed in an overnight strike.",
        "Libya clashes\n\nFighters gather near the airbase on Sunday.\nAA\n\n"
        "The government said it retook the base from Haftar's forces.\n\n"
        "Its spokesman said three air defence systems were destroyed.\n\n"
        "Haftar's side did not comment.\n\nThe fighting began in April.\n\n"
        "Talks are due in Geneva.",
        # an acronym in a dateline-like position that is not the agency
        "The Armed Forces of the Philippines (AFP) Chief said 12 militants were killed.",
        # "Source link" is page furniture, not a credit
        "Borno raid\n\nTroops said they killed seven fighters.\n\nSource link",
    ],
)
def test_quotes_and_captions_are_not_credits(text: str) -> None:
    assert provenance.detect_origin(doc(text)).syndicated_from is None


def test_newspaper_on_its_own_site_is_not_syndicated() -> None:
    text = "Bannu attack\n\nPolice said six policemen died.\n\nPublished in Dawn, May 5th, 2025"
    own = doc(text, url="https://www.dawn.com/news/123/bannu-attack")
    assert provenance.detect_origin(own).syndicated_from is None
    elsewhere = doc(text, url="https://example-aggregator.net/bannu")
    assert provenance.detect_origin(elsewhere).syndicated_from == "Dawn"
    # an agency stays the source on its own wire site
    wire = doc("MOSCOW, June 4. /TASS/. Two drones fell in Bryansk.", url="https://tass.com/x")
    assert provenance.detect_origin(wire).syndicated_from == "TASS"


# -- copies versus independent reports (issue 13) ----------------------------------------------
WIRE = (
    "Gunmen killed 23 villagers and burned 40 homes in an overnight raid on Kpalang in "
    "northern Benin, the army said on Tuesday.\n"
    "The attackers arrived on motorbikes shortly after midnight and opened fire on residents "
    "gathered near the market, a military spokesman told reporters in Cotonou.\n"
    "Eleven people were wounded and taken to a hospital in Tanguieta, he said, adding that "
    "troops had pursued the assailants toward the border with Burkina Faso.\n"
    "No group has claimed the attack, but jihadist fighters linked to al Qaeda have carried "
    "out a series of raids in the region since 2021.\n"
    "The government declared two days of mourning and promised reinforcements for the "
    "northern posts."
)
WIRE_REWRITE = (
    "Benin's army said on Tuesday that gunmen killed 23 villagers and torched 40 homes during "
    "an overnight attack on Kpalang in the country's north.\n"
    "According to a military spokesman speaking in Cotonou, the attackers came on motorbikes "
    "just after midnight and fired on residents who had gathered close to the market.\n"
    "He said 11 people were injured and taken to hospital in Tanguieta, and that troops chased "
    "the assailants toward the Burkina Faso border.\n"
    "The attack has not been claimed, though fighters tied to al Qaeda have staged a string of "
    "raids in the area since 2021.\n"
    "Authorities declared two days of national mourning and pledged more troops for northern "
    "posts."
)
OWN_REPORT = (
    "Residents of Kpalang were burying their dead on Wednesday after a night attack that the "
    "army says left 23 people dead and 11 wounded.\n"
    "Our correspondent in Natitingou spoke to a farmer who hid in a granary while the houses "
    "around him burned; he counted 40 homes destroyed by morning.\n"
    "Local officials complained that the nearest army post, 15 kilometres away, sent no "
    "patrol until dawn, a charge the defence ministry did not answer.\n"
    "Aid groups warn that villages along the Pendjari park have emptied since 2021 as armed "
    "groups push south from the Sahel.\n"
    "Parliament is due to debate the security budget next week."
)


def test_verifier_tells_a_rewrite_from_an_independent_report() -> None:
    rewrite = provenance.compare_texts(WIRE, WIRE_REWRITE)
    independent = provenance.compare_texts(WIRE, OWN_REPORT)
    assert provenance.verifier_params().is_copy(rewrite), rewrite
    assert not provenance.verifier_params().is_copy(independent), independent
    # the same figures are not enough: the own report keeps 23, 11 and 40 too
    assert independent.figure_count >= 3 and independent.aligned < rewrite.aligned


def test_assign_groups_the_rewrite_not_the_independent_report(store: Store) -> None:
    docs = [Document(text=t) for t in (WIRE, OWN_REPORT, WIRE_REWRITE)]
    store.add_documents(docs)
    # LSH alone (no verifier) may link reports of one event; the verifier keeps them apart
    groups = _group(store, docs, threshold=0.1)
    assert groups == {docs[0].id: docs[0].id, docs[2].id: docs[0].id}
    later = Document(text=OWN_REPORT + "\nThe toll may rise, officials said.")
    store.add_documents([later])
    assert _group(store, [later], threshold=0.1) == {
        docs[1].id: docs[1].id,
        later.id: docs[1].id,
    }


def test_verifier_thresholds_are_data() -> None:
    params = provenance.verifier_params()
    assert params == provenance.VerifierParams(
        **load_data("lexicon/provenance.yaml")["near_duplicates"]
    )
    assert provenance.NO_VERIFIER.is_copy(provenance.compare_texts(WIRE, OWN_REPORT))


def test_pair_and_syndication_scores() -> None:
    gold = [
        {"doc": "a", "near_duplicate_of": ["b"], "syndicated_from": "Reuters"},
        {"doc": "b", "near_duplicate_of": [], "syndicated_from": None},
        {"doc": "c", "near_duplicate_of": [], "syndicated_from": "AP"},
    ]
    predicted = [
        {"doc": "a", "near_duplicate_of": ["b", "c"], "syndicated_from": "reuters"},
        {"doc": "b", "near_duplicate_of": ["a"], "syndicated_from": None},
        {"doc": "c", "near_duplicate_of": ["a"], "syndicated_from": "AFP"},
    ]
    pairs = provenance.near_duplicate_pairs_score(gold, predicted)
    assert (pairs["precision"], pairs["recall"]) == (0.5, 1.0)
    assert provenance.syndication_accuracy(gold, predicted)["accuracy"] == pytest.approx(2 / 3)


def test_crowded_buckets_count_only_holders_that_recur() -> None:
    holders = {
        (0, "rare"): ["kyiv-1"],
        (1, "common-words"): ["gaza-1", "sudan-1", "sahel-1"],
        (2, "more-common-words"): ["gaza-1", "myanmar-1", "yemen-1"],
        (3, "stopword-like"): ["kashmir-1", "drc-1", "pakistan-1"],
    }
    buckets = ["rare", "common-words", "more-common-words", "stopword-like"]
    # Two holders at most make a bucket evidence; gaza-1 recurs in two crowded buckets.
    assert provenance.lsh_candidates(buckets, holders, limit=2) == {"kyiv-1", "gaza-1"}
    # Under a looser cap every holder is a candidate, as without the cap.
    assert provenance.lsh_candidates(buckets, holders, limit=3) == {
        d for found in holders.values() for d in found
    }
    assert provenance.lsh_candidates(["absent"], holders, limit=2) == set()


def test_bucket_holders_are_capped_lowest_ids_first(store: Store) -> None:
    docs = [Document(text=f"Shelling of Kharkiv district {i} overnight.") for i in range(6)]
    store.add_documents(docs)
    store.add_signatures([(d.id, [1, 2], ["shared", f"own-{i}"]) for i, d in enumerate(docs)])
    holders = store.lsh_bucket_holders([(0, "shared"), (1, "own-3"), (1, "none")], 4)
    assert holders[(0, "shared")] == sorted(d.id for d in docs)[:4]
    assert holders[(1, "own-3")] == [docs[3].id]
    assert (1, "none") not in holders
    assert store.lsh_bucket_holders([], 4) == {}


def test_max_bucket_is_data() -> None:
    assert provenance.max_bucket() == load_data("lexicon/provenance.yaml")["lsh"]["max_bucket"]


def test_a_copy_of_a_text_copied_many_times_still_joins(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With a cap of 2, every band bucket of the next copy is crowded by the earlier copies;
    # they recur across those buckets, so the copy still finds them.
    monkeypatch.setattr(provenance, "max_bucket", lambda: 2)
    places = ["El Fasher", "Nyala", "Geneina", "Kadugli", "Omdurman"]
    copies = [Document(text=f"{STATEMENT}\nFiled from {p}.") for p in places]
    store.add_documents(copies)
    first = _group(store, copies)
    assert len(set(first.values())) == 1
    later = Document(text=f"{STATEMENT}\nFiled from Port Sudan.")
    unrelated = Document(text=UKRAINE)
    store.add_documents([later, unrelated])
    groups = _group(store, [later, unrelated])
    assert groups[later.id] == next(iter(first.values()))
    assert unrelated.id not in groups

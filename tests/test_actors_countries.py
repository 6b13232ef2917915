"""Fallback state sides from data/actors/_countries.yaml, on phrases written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counterclaim.actors import KnowledgeBase, target_role
from counterclaim.actors.loading import COUNTRY_FIELDS, load_countries, slug
from counterclaim.actors.tokens import token_key
from counterclaim.errors import KnowledgeBaseError
from counterclaim.lexicon import load_data


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


# ------------------------------------------------------------------ the data file


def test_every_country_entry_is_well_formed() -> None:
    raw = load_data("actors/_countries.yaml")["countries"]
    codes: set[str] = set()
    slugs: set[str] = set()
    words: dict[tuple[str, ...], str] = {}
    for entry in raw:
        assert set(entry) <= COUNTRY_FIELDS, entry
        assert re.fullmatch(r"[A-Z]{2}", entry["code"]), entry
        assert entry["code"] not in codes, entry["code"]
        codes.add(entry["code"])
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"]
        assert slug(entry["name"]) not in slugs, entry["name"]
        slugs.add(slug(entry["name"]))
        for name in ("names", "demonyms", "population"):
            value = entry.get(name, [])
            assert isinstance(value, list) and all(isinstance(v, str) and v for v in value)
        # one meaning per name or demonym across the file ("Congolese" is the DRC's only)
        for word in [entry["name"], *entry.get("names", []), *entry.get("demonyms", [])]:
            owner = words.setdefault(token_key(word), entry["code"])
            assert owner == entry["code"], (word, owner, entry["code"])
        for noun in entry.get("population", []):
            assert noun[:1].isupper(), noun
    assert len(load_countries()) == len(raw)


def test_every_un_member_is_listed() -> None:
    codes = {c.code for c in load_countries()}
    assert len(codes) >= 195  # 193 members, 2 observers, and territories
    for code in ("AM", "AZ", "PE", "ID", "BD", "LK", "EG", "CN", "GE", "EC", "BR", "SS", "KP",
                 "KR", "TL", "CG", "CD", "DM", "DO", "VA", "PS", "XK", "TW", "EH"):  # fmt: skip
        assert code in codes, code


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sri Lanka", "sri-lanka"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("São Tomé and Príncipe", "sao-tome-and-principe"),
        ("Guinea-Bissau", "guinea-bissau"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


# ------------------------------------------------------------------ sides of phrases


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("Azerbaijani soldiers", "azerbaijan"),
        ("Armenian troops", "armenia"),
        ("two Sri Lankan police officers", "sri-lanka"),
        ("Peruvian soldiers", "peru"),
        ("an Indonesian navy patrol boat", "indonesia"),
        ("Bangladeshi border guards", "bangladesh"),
        ("Egyptian conscripts", "egypt"),
        ("Chinese fishing crews", "china"),
        ("Georgian servicemen", "georgia"),
        ("Ecuadorian marines", "ecuador"),
        ("Brazilian federal police officers", "brazil"),
        ("Filipino sailors", "philippines"),
        ("Ivorian gendarmes", "cote-d-ivoire"),
        ("soldiers from Burundi", "burundi"),
        ("Equatorial Guinean troops", "equatorial-guinea"),
        ("Papua New Guinean police", "papua-new-guinea"),
        ("Guinean soldiers", "guinea"),
        ("Bissau-Guinean soldiers", "guinea-bissau"),
        ("North Korean soldiers", "north-korea"),
        ("South Korean sailors", "south-korea"),
        ("Emirati soldiers", "united-arab-emirates"),
        ("UAE troops", "united-arab-emirates"),
        ("Jordanian pilots", "jordan"),
        ("Kosovar police", "kosovo"),
        ("Taiwanese coast guard vessels", "taiwan"),
        ("troops of the Republic of the Congo", "republic-of-the-congo"),
        ("Dominican soldiers", "dominican-republic"),
        ("Malian soldiers", "mali"),  # declared sides keep their ids
        ("Pakistani soldiers", "pakistan"),
        ("Ukrainian troops", "ukraine"),
        ("Russian servicemen", "russia"),
        ("Burmese troops", "myanmar-junta"),
        ("Congolese soldiers", "drc"),
        ("Türkiye's soldiers", "turkey"),
        ("Saudi pilots", "saudi-coalition"),
        ("Sudanese soldiers", "sudan-saf"),
        ("Yemeni soldiers", "yemen-government"),
        ("British sailors", "uk"),
        ("Northern Irish police officers", "uk"),
        ("Irish peacekeepers", "ireland"),
        ("American troops", "usa"),
    ],
)
def test_side_of_phrase_for_every_country(kb: KnowledgeBase, phrase: str, side: str) -> None:
    assert kb.side_of_phrase(phrase) == side


def test_fallback_sides_are_states_without_adversaries(kb: KnowledgeBase) -> None:
    for side_id in ("armenia", "sri-lanka", "peru", "china", "holy-see"):
        side = kb.side(side_id)
        assert side.state and not side.adversaries
    assert kb.side("armenia").names[0] == "Armenia"
    assert "Armenians" in kb.side("armenia").population


def test_covered_countries_get_no_second_side(kb: KnowledgeBase) -> None:
    ids = {s.id for s in kb.sides}
    for covered in ("myanmar", "dr-congo", "sudan", "united-states", "united-kingdom", "yemen"):
        assert covered not in ids, covered
    assert {"pakistan", "ukraine", "russia", "mali", "drc", "myanmar-junta"} <= ids


@pytest.mark.parametrize(
    ("code", "side"),
    [("AM", "armenia"), ("LK", "sri-lanka"), ("PK", "pakistan"), ("MM", "myanmar-junta"),
     ("SD", "sudan-saf"), ("GB", "uk"), ("CH", "switzerland"), ("ZZ", None)],
)  # fmt: skip
def test_state_side_of_country_codes(kb: KnowledgeBase, code: str, side: str | None) -> None:
    assert kb.state_side(code) == side


# ------------------------------------------------------------------ institutions


@pytest.mark.parametrize(
    ("surface", "side", "kind"),
    [
        ("the Armenian Defence Ministry", "armenia", "ministry"),
        ("Armenia's Ministry of Defense", "armenia", "ministry"),
        ("the Azerbaijani Defense Ministry", "azerbaijan", "ministry"),
        ("Sri Lanka's police", "sri-lanka", "police"),
        ("Sri Lankan police", "sri-lanka", "police"),
        ("the Peruvian army", "peru", "state_military"),
        ("Ecuador's armed forces", "ecuador", "state_military"),
        ("the Indonesian military", "indonesia", "state_military"),
        ("Egypt's interior ministry", "egypt", "ministry"),
        ("the Chinese foreign ministry", "china", "ministry"),
        ("Georgia's State Security Service", "georgia", "government"),
        ("the Brazilian navy", "brazil", "state_military"),
        ("Bangladesh's ISPR", "bangladesh", "media_wing"),
        ("Bangladesh ISPR", "bangladesh", "media_wing"),
        ("Armenian authorities", "armenia", "government"),
        ("Colombian police", "colombia", "police"),
    ],
)
def test_state_institutions_resolve_to_the_country(
    kb: KnowledgeBase, surface: str, side: str, kind: str
) -> None:
    actor = kb.lookup(surface)
    assert actor is not None, surface
    assert (actor.side, actor.kind) == (side, kind)
    assert kb.actor(actor.id) == actor  # made on demand, found again by its id
    assert kb.side_of_phrase(surface) == side


@pytest.mark.parametrize(
    ("named_after", "named_before"),
    [
        ("the National Police of Haiti", "Haitian police"),
        ("the Ministry of Health of Sudan", "Sudan's health ministry"),
        ("the Army of Burkina Faso", "the Burkinabe army"),
        ("the police of Sri Lanka", "Sri Lankan police"),
        ("the Ministry of Defence of Peru", "Peru's defence ministry"),
        # and "Ministry of X" of a state the files do not list is its "X ministry"
        ("Peru's Ministry of Defence", "the Peruvian defence ministry"),
        ("Peru's Ministry of the Interior", "the Peruvian interior ministry"),
    ],
)
def test_an_institution_named_after_its_country_is_the_same(
    kb: KnowledgeBase, named_after: str, named_before: str
) -> None:
    found = kb.lookup(named_after)
    assert found is not None and found == kb.lookup(named_before)


def test_a_name_of_its_own_before_of_a_country_is_no_institution(kb: KnowledgeBase) -> None:
    assert kb.lookup("Islamic State of Iraq") == kb.lookup("Islamic State")


def test_institution_names_read_well(kb: KnowledgeBase) -> None:
    assert kb.lookup("the Armenian Defence Ministry").name == "Armenian Defence Ministry"
    assert kb.lookup("Peru's army").name == "Peruvian Army"
    assert kb.lookup("Armenian officials").name == "Armenia government"
    assert kb.government_of("sri-lanka").name == "Sri Lanka government"
    assert kb.lookup("Armenian officials") == kb.lookup("the Armenian government")


@pytest.mark.parametrize(
    ("holder", "office"),
    [
        ("Peru's defence minister", "the Peruvian Defence Ministry"),
        ("the Armenian foreign minister", "Armenia's foreign ministry"),
        ("Kyrgyzstan's deputy health minister", "the Kyrgyz health ministry"),
        ("Sri Lanka's prime minister", "the Sri Lankan government"),
        ("Ecuador's president", "Ecuadorian authorities"),
        ("the Indonesian presidency", "the Indonesian government"),
    ],
)
def test_an_office_holder_is_the_institution_of_the_office(
    kb: KnowledgeBase, holder: str, office: str
) -> None:
    """ANNOTATION.md: heads of state and ministers are aliases of their government or
    ministry, so an incident's matrix has one column for the minister and the ministry."""
    assert kb.lookup(holder) == kb.lookup(office) is not None


@pytest.mark.parametrize(
    "surface", ["the Russian mayor", "a Ukrainian governor", "the Nigerian deputy governor"]
)
def test_a_local_ruler_named_by_the_state_alone_is_none_of_its_actors(
    kb: KnowledgeBase, surface: str
) -> None:
    """A state has many mayors and governors: "the Russian mayor" of an occupied town is not
    the files' Moscow mayor."""
    assert kb.lookup(surface) is None
    assert kb.lookup("the mayor of Moscow").name == "Moscow mayor"


@pytest.mark.parametrize(
    ("spokesman", "body"),
    [
        ("South Sudan's army spokesman Lul Ruai Koang", "South Sudan's army"),
        ("Kenya's army spokesman", "the Kenyan army"),
        ("Pakistan's army spokesman", "the Pakistan Army"),
    ],
)
def test_an_institution_s_spokesman_speaks_for_it_not_the_state(
    kb: KnowledgeBase, spokesman: str, body: str
) -> None:
    assert kb.lookup(spokesman) == kb.lookup(body) is not None
    assert kb.lookup(spokesman).kind == "state_military"


def test_a_former_minister_speaks_for_no_ministry(kb: KnowledgeBase) -> None:
    former = kb.lookup("Peru's former defence minister")
    assert former is None or former != kb.lookup("Peru's defence ministry")


def test_country_qualified_acronym_prefers_the_qualified_country(kb: KnowledgeBase) -> None:
    assert kb.lookup("ISPR").id == "ispr"
    assert kb.lookup("Pakistani ISPR").id == "ispr"
    assert kb.lookup("Bangladesh ISPR").side == "bangladesh"
    assert kb.side_of_phrase("ISPR") == "pakistan"
    assert kb.side_of_phrase("Bangladesh ISPR") == "bangladesh"


def test_listed_actors_still_win(kb: KnowledgeBase) -> None:
    assert kb.lookup("Russian Defence Ministry").id == "russian-defence-ministry"
    assert kb.lookup("US military's Central Command").side == "usa"
    assert not kb.lookup("US military's Central Command").id.startswith("usa/")
    assert kb.lookup("Pakistani authorities").name == "Pakistan government"


def test_no_institution_for_non_institutions(kb: KnowledgeBase) -> None:
    assert kb.lookup("Peruvian farmers") is None
    assert kb.lookup("Armenian villagers") is None
    assert kb.lookup("Sri Lankan fishermen") is None
    with pytest.raises(KnowledgeBaseError):
        kb.actor("armenia/farmers")
    with pytest.raises(KnowledgeBaseError):
        kb.actor("martians/army")


# ------------------------------------------------------------------ target roles


@pytest.mark.parametrize(
    ("claimant", "target", "role"),
    [
        ("the Armenian Defence Ministry", "Armenian troops", "own"),
        ("Azerbaijan's Defence Ministry", "Armenian troops", "opponent"),
        ("the Azerbaijani Defence Ministry", "Azerbaijani soldiers", "own"),
        ("Armenia's Ministry of Defence", "Azerbaijani servicemen", "opponent"),
        ("Sri Lanka's police", "Sri Lankan police officers", "own"),
        ("the Peruvian army", "Peruvian soldiers", "own"),
        ("Ecuador's armed forces", "Colombian guerrillas", "opponent"),
        ("Bangladesh ISPR", "Bangladesh Army soldiers", "own"),
        ("the Indonesian military", "Indonesian soldiers", "own"),
        ("Egypt's army", "Egyptian conscripts", "own"),
        ("Georgian Interior Ministry", "Georgian police officers", "own"),
        ("the Indian Army", "Chinese soldiers", "opponent"),
        ("the Thai army", "Cambodian soldiers", "opponent"),
        ("the Armenian Defence Ministry", "Armenian villagers", "civilian"),
    ],
)
def test_target_roles_across_countries(
    kb: KnowledgeBase, claimant: str, target: str, role: str
) -> None:
    actor = kb.lookup(claimant)
    assert actor is not None, claimant
    assert target_role(actor.side, target, kb) == role


def test_neutral_claimant_counts_other(kb: KnowledgeBase) -> None:
    assert target_role("neutral", "Armenian troops", kb, claimant_is_neutral=True) == "other"


# ------------------------------------------------------------------ user files


def test_user_file_can_use_and_extend_a_fallback_side(tmp_path: Path) -> None:
    user = tmp_path / "armenia.yaml"
    user.write_text(
        """
sides:
  - id: armenia
    members: [Yerkrapah]
actors:
  - {id: am-mod, name: Armenian Defence Ministry, kind: ministry, side: armenia, country: AM}
  - {id: ge-mvd, name: Georgian Interior Ministry, kind: ministry, side: georgia, country: GE}
""",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([user])
    assert kb.lookup("the Armenian Defence Ministry").id == "am-mod"
    assert kb.lookup("Georgia's Interior Ministry").id == "ge-mvd"
    assert kb.side("armenia").state
    assert "Armenian" in kb.side("armenia").demonyms
    assert kb.side_of_phrase("Yerkrapah veterans") == "armenia"


def test_user_side_covering_a_country_replaces_its_fallback(tmp_path: Path) -> None:
    user = tmp_path / "peru.yaml"
    user.write_text(
        "sides:\n  - {id: peru-state, name: Peru, state: true, names: [Peru],"
        " demonyms: [Peruvian]}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([user])
    assert "peru" not in {s.id for s in kb.sides}
    assert kb.side_of_phrase("Peruvian soldiers") == "peru-state"
    assert kb.state_side("PE") == "peru-state"


@pytest.mark.parametrize(
    ("surface", "country", "expected"),
    [
        ("ISPR", "BD", "bangladesh/ispr"),  # a report about Bangladesh: its own ISPR
        ("the Ministry of Defence", "AM", "armenia/ministry+of+defence"),
        ("Pakistan's ISPR", "BD", None),  # the text says whose
        ("ISPR", "AF", None),  # Afghanistan's actors are listed: no made-up namesake
        ("ISPR", "PK", None),
    ],
)
def test_national_counterpart_in_unlisted_countries(
    kb: KnowledgeBase, surface: str, country: str, expected: str | None
) -> None:
    actor = kb.lookup(surface)
    assert actor is not None
    found = kb.national_counterpart(actor, country, surface)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(
    ("surface", "actor"),
    [("Tuareg-led separatists", "FLA"), ("Azawadi rebels", "FLA")],
)
def test_a_side_named_by_its_people_is_its_one_armed_group(
    kb: KnowledgeBase, surface: str, actor: str
) -> None:
    """A side that is one armed group, named by a demonym and a noun of such groups."""
    found = kb.lookup(surface)
    assert found is not None and found.name == actor


def test_a_state_named_by_a_demonym_and_rebels_is_no_armed_group(kb: KnowledgeBase) -> None:
    found = kb.lookup("Malian rebels")
    assert found is None or found.kind != "state_military"

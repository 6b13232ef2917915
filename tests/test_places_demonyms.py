"""Country names and demonyms of ``places.yaml``: every state has its row, no term points to
two countries, and reports about many conflicts name the right countries."""

from __future__ import annotations

from collections import defaultdict

import pytest

from counterclaim.lexicon import load_data
from counterclaim.places import country_context

# The 193 UN members, the two observer states (PS, VA), Kosovo, Taiwan and Western Sahara.
_STATE_CODES = """
    AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA
    CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM
    FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE
    KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM
    MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA
    RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN
    TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
    PS VA XK TW EH
"""
STATES = frozenset(_STATE_CODES.split())
# Their only demonyms name other countries too (Congolese, Guinean, Dominican, Samoan), or
# English has none (the Holy See).
WITHOUT_DEMONYMS = frozenset({"CG", "GN", "DM", "DO", "WS", "VA"})


def _rows() -> list[dict[str, object]]:
    return list(load_data("places.yaml")["countries"])


def _codes_by_term() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        for term in [*(row.get("names") or []), *(row.get("demonyms") or [])]:
            owners[str(term)].add(str(row["code"]))
    return owners


def test_every_state_has_one_row() -> None:
    codes = [str(row["code"]) for row in _rows()]
    assert len(codes) == len(set(codes)), "a code with two rows: the later row is lost"
    assert set(codes) == STATES
    assert len(STATES) == 198


def test_every_state_but_the_ambiguous_ones_has_demonyms() -> None:
    without = {str(row["code"]) for row in _rows() if not row.get("demonyms")}
    assert without == WITHOUT_DEMONYMS


def test_no_name_or_demonym_points_to_two_countries() -> None:
    shared = {term: codes for term, codes in _codes_by_term().items() if len(codes) > 1}
    assert shared == {}


@pytest.mark.parametrize("term", ["Guinean", "Dominican", "Samoan", "Papuan", "Turkmen", "Lao"])
def test_ambiguous_demonyms_are_left_out(term: str) -> None:
    assert term not in _codes_by_term()
    assert country_context(f"The {term} delegation left early.") == []


def test_each_term_alone_names_its_own_country() -> None:
    wrong = {}
    for term, codes in _codes_by_term().items():
        (code,) = codes
        found = country_context(f"Officials said {term} forces were involved.")
        if found[:1] != [code]:
            wrong[term] = (code, found)
    assert wrong == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Zambia
        ("President Hakainde Hichilema said 12 Zambian soldiers were killed.", ["ZM"]),
        ("Two Zambians were among the miners trapped after the landslide.", ["ZM"]),
        # Mozambique, Cabo Delgado
        (
            "Mozambican troops backed by Rwandan forces retook the port, a Mozambican army "
            "spokesman said on Tuesday.",
            ["MZ", "RW"],
        ),
        # Burkina Faso, Niger and Nigeria stay apart
        ("Burkinabe gendarmes said 20 assailants were killed near Djibo.", ["BF"]),
        ("The Burkinabè army said its drones struck a column.", ["BF"]),
        ("Gunmen ambushed Nigerien soldiers near the Malian border.", ["NE", "ML"]),
        ("Nigerian police said bandits abducted 30 villagers.", ["NG"]),
        ("Nigeriens and Nigerians fled the raid across the river.", ["NE", "NG"]),
        ("Fighting in Burkina spilled into Niger and then Nigeria.", ["BF", "NE", "NG"]),
        # Sudan and South Sudan
        ("South Sudanese officials said four Sudanese soldiers crossed the border.", ["SS", "SD"]),
        ("The South Sudanese army denied the report.", ["SS"]),
        # Ivory Coast, however written
        ("An Ivorian army spokesman said two soldiers died in the north.", ["CI"]),
        ("Attackers struck a post in northern Côte d’Ivoire overnight.", ["CI"]),
        ("Cote d'Ivoire said the border post was attacked.", ["CI"]),
        # Kyrgyzstan and Tajikistan
        ("Tajik border guards opened fire on Kyrgyz villagers, Bishkek said.", ["KG", "TJ"]),
        ("Kyrgyzstani officials said 24 people died; Tajikistan gave no toll.", ["KG", "TJ"]),
        # the Americas
        ("Peruvian police said five officers died in an ambush in the jungle.", ["PE"]),
        ("Ecuadorian prison officials said 68 inmates were killed in Guayaquil.", ["EC"]),
        ("Ecuadorean troops patrolled the prison after the riot.", ["EC"]),
        ("Haitian police said gangs killed 70 people in Pont-Sondé.", ["HT"]),
        ("Salvadoran authorities said the gang leader was arrested.", ["SV"]),
        # Papua New Guinea, and the Guineas that are not it
        ("Papua New Guinean police said 26 people were killed in a tribal clash.", ["PG"]),
        ("Bissau-Guinean soldiers said the coup attempt failed.", ["GW"]),
        ("An Equatorial Guinean patrol boat was seized.", ["GQ"]),
        # other names
        ("The Czech Republic and Czechia are one state.", ["CZ"]),
        ("Refugees from East Timor reached the Australian coast.", ["TL", "AU"]),
        ("Sahrawi fighters said Moroccan drones hit their vehicles.", ["EH", "MA"]),
        ("Kosovar police said Serb gunmen attacked a patrol.", ["XK", "RS"]),
        ("Somali and Kenyan troops, with Ugandan and Burundian units, held the town.", None),
    ],
)
def test_reports_name_their_countries(text: str, expected: list[str] | None) -> None:
    found = country_context(text)
    if expected is None:
        assert set(found) == {"SO", "KE", "UG", "BI"}
    else:
        assert found == expected


def test_the_most_named_country_comes_first() -> None:
    text = (
        "Ugandan troops crossed into Ituri. Congolese officials said Congolese civilians "
        "were killed, and the Congolese army promised an inquiry."
    )
    assert country_context(text)[0] == "CD"


def test_a_text_naming_only_small_towns_has_a_likely_country() -> None:
    from counterclaim import places

    assert places.likely_country("A bomb hit a patrol near Pattani and another near Yala.") == "TH"
    assert places.likely_country("Gunmen attacked a market near Quetta.") == "PK"
    assert places.likely_country("Gunmen attacked a market.") is None

"""The actor knowledge base and its resolver, on sentences written for these tests."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from counterclaim.actors import (
    KINDS,
    AliasConflict,
    KnowledgeBase,
    find_alias_conflicts,
    is_civilian_phrase,
    spokespersons,
    target_role,
)
from counterclaim.actors.loading import load_target_words, other_number
from counterclaim.errors import KnowledgeBaseError
from counterclaim.settings import load_settings


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


# ------------------------------------------------------------------ the shipped data


def test_shipped_kb_is_large_and_consistent(kb: KnowledgeBase) -> None:
    assert len(kb.actors) >= 400
    side_ids = {s.id for s in kb.sides}
    for actor in kb.actors:
        assert actor.kind in KINDS
        assert actor.side in side_ids, actor.id
        if actor.parent:
            assert kb.actor(actor.parent)
        assert actor.country is None or len(actor.country) == 2


def test_load_is_cached(kb: KnowledgeBase) -> None:
    assert KnowledgeBase.load() is kb


# ------------------------------------------------------------------ lookup


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("BLA", "BLA"),
        ("the Baloch Liberation Army", "BLA"),
        ("Balochistan Liberation Army’s", "BLA"),
        ("Inter-Services Public Relations", "ISPR"),
        ("Pakistan’s Interior Minister Mohsin Naqvi", "Pakistan Interior Ministry"),
        ("Interior Minister Mohsin Naqvi", "Pakistan Interior Ministry"),
        ("Prime Minister Shehbaz Sharif", "Pakistan Prime Minister"),
        ("Pakistani authorities", "Pakistan government"),
        ("the Government of Balochistan", "Balochistan government"),
        ("Tehreek-e-Taliban Pakistan", "TTP"),
        ("Zabihullah Mujahid", "Afghan Taliban government"),
        ("Afghanistan’s Taliban government", "Afghan Taliban government"),
        ("Islamic State Khorasan Province", "IS-K"),
        ("Russia’s Defense Ministry", "Russian Defence Ministry"),
        ("the Russian Ministry of Defence", "Russian Defence Ministry"),
        ("Kyiv’s Air Force", "Ukrainian Air Force"),
        ("Sergei Sobyanin", "Moscow mayor"),
        ("Moscow Region Governor Andrey Vorobyev", "Moscow region governor"),
        ("Sudan’s Foreign Ministry", "Sudan Foreign Ministry"),
        ("Sudanese Armed Forces", "SAF"),
        ("the Rapid Support Forces", "RSF"),
        ("AFC/M23 alliance", "M23"),
        ("Felix Tshisekedi", "DRC government"),
        ("Ansar Allah", "Houthis"),
        ("EUNavforAspides", "Operation Aspides"),
        ("British Royal Navy's Maritime Trade Operations center", "UKMTO"),
        ("The United States Mission in Yemen", "US Mission in Yemen"),
        ("the United Nations", "UN"),
        ("Office for the Coordination of Humanitarian Affairs", "UN OCHA"),
        ("Doctors Without Borders", "MSF"),
        ("the Syrian Observatory for Human Rights", "SOHR"),
        ("Al-Shabab", "al-Shabaab"),
        ("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"),
        ("Islamic State West Africa Province", "ISWAP"),
        ("People’s Defence Force", "PDF"),
        ("Arakan Army", "Arakan Army"),
        ("Ejército de Liberación Nacional", "ELN"),
        ("Jalisco New Generation Cartel", "CJNG"),
        ("Tigray People's Liberation Front", "TPLF"),
        ("Qassam Brigades", "Qassam Brigades"),
        ("Hizbollah", "Hezbollah"),
        # a short form in an alias stands for the words it spells out, and back
        ("the United Nations human rights office", "UN human rights office"),
        ("the U.N. human rights office", "UN human rights office"),
        ("United Nations OCHA", "UN OCHA"),
    ],
)
def test_lookup_aliases_and_spellings(kb: KnowledgeBase, surface: str, name: str) -> None:
    actor = kb.lookup(surface)
    assert actor is not None, surface
    assert actor.name == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("spokesperson for the BLA", "BLA"),
        ("a spokesman for the Rapid Support Forces", "RSF"),
        ("RSF spokesperson Al-Fateh Qurashi", "RSF"),
        ("the Houthis’ military spokesperson", "Houthis"),
        ("Houthi military spokesman Yahya Saree", "Houthis"),
        ("ISPR’s spokesperson", "ISPR"),
    ],
)
def test_lookup_spokesperson_phrases_return_the_organisation(
    kb: KnowledgeBase, surface: str, name: str
) -> None:
    actor = kb.lookup(surface)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Pakistan", "Pakistan government"),
        ("Russia", "Kremlin"),
        ("the Russian Federation", "Kremlin"),
        ("Ukraine", "Ukrainian government"),
        ("Kabul", "Afghan Taliban government"),
        ("Islamabad", "Pakistan government"),
        ("Kinshasa", "DRC government"),
    ],
)
def test_lookup_states_and_capitals_name_the_government(
    kb: KnowledgeBase, surface: str, name: str
) -> None:
    assert kb.lookup(surface).name == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        # the whole state's police, not a region's the files list ("Chhattisgarh Police",
        # "Islamabad Police")
        ("Indian police", "Indian Police"),
        ("Pakistani police", "Pakistani Police"),
        # ... while a national one listed under another name is still found
        ("Nigerian police", "Nigeria Police Force"),
        ("Kenyan police", "National Police Service"),
        ("Thai police", "Royal Thai Police"),
        ("Afghan police", "Afghan National Police"),
    ],
)
def test_a_demonym_before_an_institution_names_the_whole_states(
    kb: KnowledgeBase, surface: str, name: str
) -> None:
    assert kb.lookup(surface).name == name


def test_lookup_fuzzy_only_for_long_names(kb: KnowledgeBase) -> None:
    assert kb.lookup("Balochistan Liberaton Army").name == "BLA"  # a typo in a long name
    assert kb.lookup("Baloch Liberation Front").name == "BLF"  # not BLA by fuzziness
    assert kb.lookup("BLX") is None
    assert kb.lookup("us") is None  # the pronoun, not the United States
    assert kb.lookup("is") is None
    assert kb.lookup("an unknown armed collective") is None


@pytest.mark.parametrize(
    "surface",
    ["the area's information ministry", "the area's information minister's office"],
)
def test_a_fuzzy_match_puts_no_country_in_place_of_a_word(kb: KnowledgeBase, surface: str) -> None:
    """ "area's" is one letter-shuffle from "India": a spelling close to an alias is a
    variant of it only where the words the alias adds are not a side's name."""
    found = kb.lookup(surface)
    assert found is None or found.side != "india"


def test_a_fuzzy_match_may_leave_the_country_out(kb: KnowledgeBase) -> None:
    assert kb.lookup("Russias Defense Ministy").name == "Russian Defence Ministry"
    assert kb.lookup("Ministry of Defense") is not None  # the report's country settles whose


def test_resolve_generic_nouns_in_context(kb: KnowledgeBase) -> None:
    text = "Russia's Defence Ministry said air defences downed 40 drones. The ministry added..."
    assert kb.resolve_in_context("the ministry", text).name == "Russian Defence Ministry"
    text = "The Pakistan Army said its troops cleared the area. The army's spokesman said..."
    assert kb.resolve_in_context("the army", text).name == "Pakistan Army"
    assert kb.resolve_in_context("the group", "Nothing about anyone.") is None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the paramilitary is mentioned more often, but only one actor is called an army
        (
            "Frontier Corps posts in Kech came under fire; the Frontier Corps lost two men and "
            "the Pakistan Army sent reinforcements.",
            "the army",
            "Pakistan Army",
        ),
        (
            "RSF fighters clashed with the Sudanese Armed Forces near the Rapid Support Forces' "
            "base.",
            "the army",
            "SAF",
        ),
    ],
)
def test_a_generic_noun_prefers_the_actor_named_with_it(
    kb: KnowledgeBase, text: str, surface: str, expected: str
) -> None:
    assert kb.resolve_in_context(surface, text).name == expected


def test_claimant_redirect_and_ancestors(kb: KnowledgeBase) -> None:
    assert kb.claimant_actor("pakistan-army").name == "ISPR"
    assert kb.claimant_actor("bla").name == "BLA"
    assert [a.id for a in kb.ancestors("ispr")] == ["pakistan-armed-forces"]
    assert kb.is_neutral("un-ocha")
    assert not kb.is_neutral("rsf")


# ------------------------------------------------------------------ mentions


def test_find_mentions_longest_first_on_word_boundaries(kb: KnowledgeBase) -> None:
    text = (
        "The Pakistani Taliban, or TTP, attacked a post; Taliban officials in Kabul denied "
        "any role. The UNHCR and the UN both spoke. Mustaqbal (the word) is not an actor."
    )
    mentions = kb.find_mentions(text)
    surfaces = [(m.surface, m.actor_id) for m in mentions]
    assert ("Pakistani Taliban", "ttp") in surfaces
    assert ("TTP", "ttp") in surfaces
    assert ("Taliban", "afghan-taliban-government") in surfaces
    assert ("UNHCR", "unhcr") in surfaces
    assert ("UN", "un") in surfaces
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    assert not any(m.metonym for m in mentions)  # "Kabul" only on request
    with_metonyms = kb.find_mentions(text, include_metonyms=True)
    assert any(m.surface == "Kabul" and m.metonym for m in with_metonyms)


def test_find_mentions_case_rules_for_short_acronyms(kb: KnowledgeBase) -> None:
    text = "Let us see: the AA and the Arakan Army is one group; aa is not."
    found = [(m.surface, m.actor_id) for m in kb.find_mentions(text)]
    assert found == [("AA", "arakan-army"), ("Arakan Army", "arakan-army")]


def test_find_mentions_handles_curly_possessives(kb: KnowledgeBase) -> None:
    text = "The RSF’s fighters and the SAF’s 6th Infantry Division clashed in El Fasher."
    found = [(m.surface, m.actor_id) for m in kb.find_mentions(text)]
    assert ("RSF", "rsf") in found
    assert ("6th Infantry Division", "saf") in found


def test_find_mentions_is_fast(kb: KnowledgeBase) -> None:
    paragraph = (
        "Houthi military spokesman Yahya Saree said the group fired missiles at ships, "
        "while CENTCOM and UKMTO reported the attack. The Sudanese Armed Forces said the "
        "Rapid Support Forces shelled El Fasher, and the UN OCHA counted the displaced. "
    )
    text = (paragraph * 30)[:5000]
    kb.find_mentions(text)
    started = time.perf_counter()
    mentions = kb.find_mentions(text)
    elapsed = time.perf_counter() - started
    assert len(mentions) > 100
    assert elapsed < 0.05


# ------------------------------------------------------------------ spokespersons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jeeyand Baloch, spokesperson for the BLA, said the fighters had withdrawn.",
            {"Jeeyand Baloch": "bla"},
        ),
        (
            "BLA spokesperson Azad Baloch said in a statement that five posts were taken.",
            {"Azad Baloch": "bla"},
        ),
        (
            "Afghan government spokesperson Zabihullah Mujahid told reporters in Kabul that "
            "the border was calm. Mujahid said nine soldiers had died.",
            {
                "Zabihullah Mujahid": "afghan-taliban-government",
                "Mujahid": "afghan-taliban-government",
            },
        ),
        (
            "A spokesperson for the Balochistan government, Shahid Rind, said the attacks were "
            "repelled. Rind did not give figures.",
            {"Shahid Rind": "balochistan-government", "Rind": "balochistan-government"},
        ),
        (
            "RSF spokesperson Al-Fateh Qurashi denied that civilians were harmed.",
            {"Al-Fateh Qurashi": "rsf"},
        ),
        (
            "Yahya Saree, the Houthis' military spokesman, said two ships were hit.",
            {"Yahya Saree": "houthis"},
        ),
        (
            "The Pakistan Army said 30 militants were killed. The army's spokesman Lt Gen "
            "Kamran Akhtar told a news conference that the operation was over. Akhtar said "
            "it would resume if needed.",
            {"Kamran Akhtar": "pakistan-army", "Akhtar": "pakistan-army"},
        ),
        (
            "M23 spokesman Bosco Muhire said the rebels held the airport, while Congolese "
            "army spokesman General Samuel Mbuyi said the troops were regrouping.",
            {"Bosco Muhire": "afc-m23", "Samuel Mbuyi": "fardc"},
        ),
        (
            "Dmitri Ivanov, a spokesman for the Russian Defence Ministry, said 40 drones fell.",
            {"Dmitri Ivanov": "russian-defence-ministry"},
        ),
        (
            "The Arakan Army's spokesman Khine Thu Kha said the base had fallen.",
            {"Khine Thu Kha": "arakan-army"},
        ),
    ],
)
def test_spokespersons(kb: KnowledgeBase, text: str, expected: dict[str, str]) -> None:
    found = spokespersons(text, kb)
    for name, actor_id in expected.items():
        assert found.get(name) == actor_id, (name, found)


def test_spokespersons_ignore_ethnonym_surnames(kb: KnowledgeBase) -> None:
    text = "Jeeyand Baloch, spokesperson for the BLA, spoke. Many Baloch families fled."
    found = spokespersons(text, kb)
    assert found["Jeeyand Baloch"] == "bla"
    assert "Baloch" not in found


def test_spokespersons_skip_countries_and_acronyms(kb: KnowledgeBase) -> None:
    text = (
        "Speaking for the DRC, the government spokesman Patrick Muyaya said 773 bodies had "
        "been counted. Muyaya added that more were missing."
    )
    found = spokespersons(text, kb)
    assert found == {"Patrick Muyaya": "drc-government", "Muyaya": "drc-government"}


def test_spokespersons_do_not_take_organisations_for_names(kb: KnowledgeBase) -> None:
    text = "The RSF spokesperson said nothing, and the ISPR spokesman declined to comment."
    assert spokespersons(text, kb) == {}


@pytest.mark.parametrize(
    "text",
    [
        "In Nasir, SPLA-IO spokesman Lam Paul Gabriel said the army lost 40 soldiers.",
        "Near Kidal, the FAMa spokesman said troops had pushed the rebels back.",
        "At Bulo Marer, the UPDF spokesperson Felix Kulayigye said 54 soldiers died.",
    ],
)
def test_a_place_before_a_role_is_no_spokesperson(kb: KnowledgeBase, text: str) -> None:
    found = spokespersons(text, kb)
    assert not {"Nasir", "Kidal", "Bulo Marer"} & set(found)


# ------------------------------------------------------------------ sides of phrases


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("Pakistani army soldiers", "pakistan"),
        ("Frontier Corps (FC) personnel", "pakistan"),
        ("Afghan border posts", "afghanistan"),
        ("Taliban fighters", "afghanistan"),
        ("Pakistani Taliban fighters", "ttp"),
        ("Fitna al-Khawarij terrorists", "ttp"),
        ("BLA fighters", "baloch-separatists"),
        ("RSF members", "sudan-rsf"),
        ("Sudanese army soldiers", "sudan-saf"),
        ("Russian troops", "russia"),
        ("Ukrainian drones", "ukraine"),
        ("targets in Ukraine", "ukraine"),
        ("Congolese army troops, Burundian troops and FDLR fighters", "drc"),
        ("Israeli soldiers", "israel"),
        ("Hamas militants", "hamas"),
        ("Houthi missile launchers", "houthis"),
        ("al-Shabaab fighters", "al-shabaab"),
        ("JNIM militants", "jnim"),
        ("Malian soldiers", "mali"),
        ("junta troops", "myanmar-junta"),
        ("Arakan Army positions", "arakan-army"),
        ("ELN guerrillas", "eln"),
        ("CJNG gunmen", "cjng"),
        ("Fano militiamen", "fano"),
        ("enemy soldiers", None),
        ("vehicles", None),
        ("Pakistani soldiers and BLA fighters", None),
    ],
)
def test_side_of_phrase(kb: KnowledgeBase, phrase: str, side: str | None) -> None:
    assert kb.side_of_phrase(phrase) == side


def test_sides_opposed(kb: KnowledgeBase) -> None:
    assert kb.sides_opposed("pakistan", "baloch-separatists")
    assert kb.sides_opposed("baloch-separatists", "pakistan")
    assert kb.sides_opposed("sudan-saf", "sudan-rsf")
    assert kb.sides_opposed("m23", "drc")
    assert not kb.sides_opposed("drc", "burundi")
    assert not kb.sides_opposed("neutral", "russia")
    assert not kb.sides_opposed("russia", "russia")


# ------------------------------------------------------------------ civilians


@pytest.mark.parametrize(
    "phrase",
    [
        "civilians",
        "local residents",
        "villagers in Kordofan",
        "train passengers",
        "hostages",
        "children and women",
        "worshippers at a mosque",
        "patients in the hospital",
        "aid workers",
        "two journalists",
        "crew members of the bulk carrier",
        "seafarers",
        "people",
        "a person",
        "displaced families",
        "an Orthodox priest",
        "the imam of the mosque",
        "two Indian nationals",
        "foreigners",
        "members of a single extended family",
        # capitalised, but no armed body's name
        "Rohingya Civilians",
        "people of the Lower Dir district",
    ],
)
def test_civilian_phrases(phrase: str) -> None:
    assert is_civilian_phrase(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "soldiers",
        "RSF fighters",
        "militants",
        "drones",
        "Afghan posts",
        "tanks",
        # a civilian word inside an armed body's name
        "members of the People's Defence Force",
        "Civilian Joint Task Force members",
        "People's Liberation Army troops",
    ],
)
def test_non_civilian_phrases(phrase: str) -> None:
    assert not is_civilian_phrase(phrase)


# ------------------------------------------------------------------ target roles


@pytest.mark.parametrize(
    ("claimant_side", "phrase", "role"),
    [
        # own
        ("baloch-separatists", "its fighters", "own"),
        ("baloch-separatists", "BLA fighters", "own"),
        ("pakistan", "Pakistani soldiers", "own"),
        ("pakistan", "security officers", "own"),
        ("pakistan", "soldiers", "own"),
        ("afghanistan", "Afghan soldiers", "own"),
        ("sudan-rsf", "of its personnel", "own"),
        ("ukraine", "our forces", "own"),
        ("ukraine", "targets in Ukraine", "own"),
        ("russia", "Russian servicemen", "own"),
        # opponent
        ("baloch-separatists", "Pakistani army soldiers", "opponent"),
        ("baloch-separatists", "enemy soldiers", "opponent"),
        ("baloch-separatists", "Frontier Corps (FC) personnel", "opponent"),
        ("pakistan", "militants", "opponent"),
        ("pakistan", "terrorists", "opponent"),
        ("pakistan", "Taliban and affiliated militants", "opponent"),
        ("pakistan", "Afghan posts", "opponent"),
        ("afghanistan", "Pakistani security outposts", "opponent"),
        ("russia", "Ukrainian drones", "opponent"),
        ("sudan-saf", "RSF members", "opponent"),
        ("m23", "Congolese army troops, Burundian troops and FDLR fighters", "opponent"),
        ("israel", "Hamas militants", "opponent"),
        ("mali", "jihadists", "opponent"),
        ("baloch-separatists", "soldiers", "opponent"),
        # civilian
        ("russia", "civilians", "civilian"),
        ("sudan-saf", "civilians", "civilian"),
        ("houthis", "seafarers", "civilian"),
        ("pakistan", "train passengers", "civilian"),
        ("hamas", "Palestinians", "civilian"),
        ("russia", "a person", "civilian"),
        # other
        ("pakistan", "people of unknown affiliation", "civilian"),
        (None, "militants", "other"),
        ("baloch-separatists", "persons of interest", "civilian"),
    ],
)
def test_target_role(kb: KnowledgeBase, claimant_side: str | None, phrase: str, role: str) -> None:
    assert target_role(claimant_side, phrase, kb, claimant_is_neutral=False) == role


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("RSF fighters", "other"),
        ("Afghan border posts", "other"),
        ("militants", "other"),
        ("civilians", "civilian"),
        ("children", "civilian"),
    ],
)
def test_target_role_for_neutral_claimants(kb: KnowledgeBase, phrase: str, role: str) -> None:
    assert target_role("neutral", phrase, kb, claimant_is_neutral=True) == role


def test_target_role_people_in_fighting_is_other(kb: KnowledgeBase) -> None:
    sentence = "At least 900 people were killed in the fighting for Goma, the UN said."
    assert target_role("neutral", "people", kb, claimant_is_neutral=True, context=sentence) == (
        "other"
    )
    assert target_role("drc", "people", kb, context="773 people died in clashes.") == "other"
    strike = "One person was killed when a drone hit a house in the suburb."
    assert target_role("russia", "person", kb, context=strike) == "civilian"


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Eleven people died when herders and farmers clashed near Jos.", "other"),
        ("A shoot-out between two cartels left nine people dead in Michoacan.", "other"),
        (
            "Seven people were killed in a gunfight between police and smugglers near Cox's Bazar.",
            "other",
        ),
        ("Four people were wounded in an exchange of fire along the Line of Control.", "other"),
        ("Two people were killed in a firefight with militants in Lower Shabelle.", "other"),
        ("Fourteen people died in skirmishes between rival militias in Tripoli.", "other"),
        ("The armed confrontation near Goma left several people wounded.", "other"),
        ("Six people died in an exchange of gunfire at the border post near Tal Afar.", "other"),
        (
            "Police said five people were killed in the raid but not whether they were "
            "hostages or gunmen.",
            "other",
        ),
        # a strike is no fighting: the people it hit are civilians
        ("Nine people were killed when a car bomb exploded at a market in Mogadishu.", "civilian"),
        ("A missile struck an apartment block in Dnipro, killing 12 people.", "civilian"),
    ],
)
def test_people_in_any_form_of_armed_fighting_are_other(
    kb: KnowledgeBase, sentence: str, role: str
) -> None:
    """Every form of the fighting words counts, not only "fighting" and "clashes"."""
    assert target_role("neutral", "people", kb, claimant_is_neutral=True, context=sentence) == role


@pytest.mark.parametrize(
    ("claimant_side", "phrase", "role"),
    [
        ("usa", "surviving crew members", "civilian"),
        ("houthis", "the ship's crew", "civilian"),
        ("neutral", "Eternity C (bulk carrier)", "civilian"),
        ("yemen-government", "a Liberian-flagged cargo ship", "civilian"),
        ("israel", "medical personnel", "civilian"),
        ("pakistan", "soldiers and civilians", "other"),
        ("sudan-rsf", "fighters and residents", "other"),
        ("ukraine", "targets in Ukraine (drones launched by Russia)", "own"),
        # multi-word force terms are terms; a civilian word before one describes it
        ("pakistan", "security forces", "own"),
        ("mali", "national security forces", "own"),
        ("nigeria", "service members", "own"),
        ("uganda", "child soldiers", "own"),
        ("neutral", "a Kenyan national", "civilian"),
    ],
)
def test_target_role_multiword_civilians_and_mixes(
    kb: KnowledgeBase, claimant_side: str, phrase: str, role: str
) -> None:
    neutral = claimant_side == "neutral"
    assert target_role(claimant_side, phrase, kb, claimant_is_neutral=neutral) == role


def test_target_role_uses_category_for_things(kb: KnowledgeBase) -> None:
    assert target_role("russia", "drones", kb, category="destroyed") == "opponent"
    assert target_role("baloch-separatists", "armoured tanks", kb, category="destroyed") == (
        "opponent"
    )
    assert target_role("baloch-separatists", "locations", kb, category="attacks") == "opponent"
    assert target_role("ukraine", "drones", kb) == "other"


@pytest.mark.parametrize(
    "claimant_side, phrase",
    [
        ("sudan-rsf", "an army MiG fighter jet"),
        ("sudan-rsf", "a fighter jet"),
        ("houthis", "two fighter planes"),
        ("sudan-rsf", "a fighter aircraft"),
    ],
)
def test_a_fighter_aircraft_is_no_fighter(
    kb: KnowledgeBase, claimant_side: str, phrase: str
) -> None:
    # "fighter" names the aircraft, not a group's members: what a group shoots down is
    # the other side's
    assert target_role(claimant_side, phrase, kb, category="destroyed") == "opponent"


# ------------------------------------------------------------------ alias conflicts


def test_alias_conflict_flagged(kb: KnowledgeBase) -> None:
    text = "Fighters of the Balochistan Liberation Front (BLA) claimed the ambush on Friday."
    conflicts = find_alias_conflicts(text, kb)
    assert conflicts == [
        AliasConflict(
            surface="Balochistan Liberation Front (BLA)",
            start=16,
            end=50,
            expansion="Balochistan Liberation Front",
            expansion_actor_id="blf",
            acronym="BLA",
            acronym_actor_id="bla",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Baloch Liberation Army (BLA) claimed the attack.",
        "The Inter-Services Public Relations (ISPR) said 12 militants died.",
        "The Rapid Support Forces (RSF) entered the town.",
        "Troops of the Pakistan Army (ISPR) were deployed.",  # parent and media wing
        "The Frontier Corps (FC) responded.",
        "The attack (BLA) was unrelated.",
    ],
)
def test_no_alias_conflict_for_matching_acronyms(kb: KnowledgeBase, text: str) -> None:
    assert find_alias_conflicts(text, kb) == []


def test_alias_conflict_in_other_conflicts(kb: KnowledgeBase) -> None:
    text = "Rebels of the Allied Democratic Forces (M23) attacked Beni."
    [conflict] = find_alias_conflicts(text, kb)
    assert (conflict.expansion_actor_id, conflict.acronym_actor_id) == ("adf", "afc-m23")


# ------------------------------------------------------------------ user files

USER_KB = Path(__file__).parent / "data" / "user_kb.yaml"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_an_actor_and_a_side() -> None:
    kb = KnowledgeBase.load([USER_KB])
    assert kb.lookup("Northern Liberation Front").id == "northern-front"
    assert kb.lookup("Northern Voice").parent == "northern-front"
    assert kb.side_of_phrase("Northfront fighters") == "northern-front"
    assert kb.sides_opposed("pakistan", "northern-front")
    text = "Qadir Mengal, spokesman for the Northern Front, said 12 soldiers were killed."
    assert spokespersons(text, kb)["Qadir Mengal"] == "northern-front"
    assert kb.lookup("BLA").id == "bla"  # shipped actors are still there


def test_user_file_alias_overrides_shipped_alias(tmp_path: Path) -> None:
    user = write(
        tmp_path / "override.yaml",
        """
actors:
  - id: my-aa
    name: Anti-Aircraft Command
    kind: state_military
    side: neutral
    aliases: [AA]
""",
    )
    kb = KnowledgeBase.load([user])
    assert kb.lookup("AA").id == "my-aa"


def test_kb_from_settings(tmp_path: Path) -> None:
    user = write(
        tmp_path / "one.yaml",
        "actors:\n  - {id: x-group, name: X Group, kind: armed_group, side: neutral}\n",
    )
    settings = load_settings(environ={}, kb=str(user))
    kb = KnowledgeBase.from_settings(settings)
    assert kb.lookup("X Group").id == "x-group"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("actors:\n  - {id: a1, kind: armed_group}\n", "missing field 'name'"),
        ("actors:\n  - {name: A, kind: armed_group}\n", "missing field 'id'"),
        ("actors:\n  - {id: a1, name: A, kind: rebels}\n", "bad kind 'rebels'"),
        (
            "actors:\n  - {id: a1, name: A, kind: armed_group, parent: nobody}\n",
            "unknown parent 'nobody'",
        ),
        ("actors:\n  - {id: a1, name: A, kind: armed_group, side: martians}\n", "unknown side"),
        ("actors:\n  - {id: bla, name: Another BLA, kind: armed_group}\n", "duplicate actor id"),
        ("actors:\n  - {id: a1, name: A, kind: armed_group, colour: red}\n", "unknown field"),
        ("actors:\n  - {id: A 1, name: A, kind: armed_group}\n", "must be a slug"),
        ("actors:\n  - {id: a1, name: A, kind: ngo, country: Pakistan}\n", "ISO 3166"),
        ("actors: [1, 2]\n", "must be a mapping"),
        ("people: []\n", "unknown top-level key"),
        ("actors:\n  - {id: a1, name: A, kind: ngo\n", "not valid YAML"),
        (
            "actors:\n  - {id: a1, name: A, kind: ngo, aliases: [Q1]}\n"
            "  - {id: a2, name: B, kind: ngo, aliases: [Q1]}\n",
            "already an alias",
        ),
        ("actors:\n  - {id: a1, name: A, kind: ngo, until: last spring}\n", "must be a date"),
        (
            "actors:\n  - {id: a1, name: A, kind: ngo, from: 2020-05-01, until: 2019-01-01}\n",
            "must come before",
        ),
        ("sides:\n  - {id: s1, name: S, adversaries: [martians]}\n", "unknown adversary side"),
        ("sides:\n  - {id: s1, name: S, allies: [martians]}\n", "unknown ally side"),
        (
            "sides:\n  - {id: s1, name: S, adversaries: [russia], allies: [russia]}\n",
            "both an ally and an adversary",
        ),
    ],
)
def test_malformed_user_file_gives_clear_error(tmp_path: Path, content: str, problem: str) -> None:
    bad = write(tmp_path / "broken_kb.yaml", content)
    with pytest.raises(KnowledgeBaseError) as info:
        KnowledgeBase.load([bad])
    message = str(info.value)
    assert "broken_kb.yaml" in message
    assert problem in message


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="not found"):
        KnowledgeBase.load([tmp_path / "absent.yaml"])


# ------------------------------------------------------------------ the dev set


@pytest.mark.dev
def test_dev_set_claimants_and_roles(dev_dir: Path, kb: KnowledgeBase) -> None:
    """Gold claimants resolve to actors, and target_role reproduces the gold roles."""
    import json

    resolved = roles_agree = claims = 0
    for line in (dev_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        text = (dev_dir / article["doc"]).read_text(encoding="utf-8")
        for claim in article["claims"]:
            claims += 1
            actor = None
            if claim["claimant"] != "reporter":
                actor = kb.resolve_in_context(claim["claimant"], text)
                resolved += actor is not None
            else:
                resolved += 1
            side = actor.side if actor else None
            role = target_role(
                side,
                claim["target"],
                kb,
                claimant_is_neutral=actor is None or side == "neutral",
                category=claim["category"],
                context=claim["evidence"],
            )
            roles_agree += role == claim["target_role"]
    assert resolved / claims >= 0.9
    assert roles_agree / claims >= 0.9


@pytest.mark.parametrize(
    ("claimant_side", "phrase"),
    [
        ("islamic-state", "apostates"),
        ("islamic-state", "Crusader soldiers"),
        ("hamas", "soldiers of the occupation"),
        ("russia", "Ukrainian neo-Nazis"),
        ("houthis", "Zionist troops"),
    ],
)
def test_the_names_a_party_gives_only_to_its_enemies_are_the_opponent(
    kb: KnowledgeBase, claimant_side: str, phrase: str
) -> None:
    assert target_role(claimant_side, phrase, kb) == "opponent"


@pytest.mark.parametrize(
    "phrase",
    ["Russian troops", "RSF fighters", "Israeli soldiers", "civilians", "Houthi drones"],
)
def test_sides_of_a_phrase_asked_again_are_the_same_and_the_callers_own(
    kb: KnowledgeBase, phrase: str
) -> None:
    # the answers are cached per phrase: a caller changing its list changes nothing else
    first = kb.sides_in_phrase(phrase)
    first.append("changed")
    assert kb.sides_in_phrase(phrase) == first[:-1]
    assert kb.sides_in_phrase(phrase) == list(kb._sides_in_phrase(phrase))


@pytest.mark.parametrize(
    "phrase", ["fatalities", "deaths", "injuries", "victims", "lives", "others"]
)
def test_counted_events_stand_for_the_people_they_befell(kb: KnowledgeBase, phrase: str) -> None:
    """ "Nine fatalities" are nine people: civilian by default, "other" in fighting, as
    "people" are."""
    assert target_role("neutral", phrase, kb, claimant_is_neutral=True) == "civilian"
    fighting = f"Clashes between the two militias caused 14 {phrase} near Sirte."
    assert target_role("neutral", phrase, kb, claimant_is_neutral=True, context=fighting) == (
        "other"
    )


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("4,000 head of cattle", "civilian"),
        ("two villages", "opponent"),
        ("five trucks", "opponent"),
    ],
)
def test_livestock_and_homes_taken_are_civilian_ground_is_not(
    kb: KnowledgeBase, phrase: str, role: str
) -> None:
    assert target_role("south-sudan", phrase, kb, category="seized") == role


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("houses of the bandits", "opponent"),
        ("the insurgents' compounds and homes", "opponent"),
        ("boats used by the pirates", "opponent"),
        ("houses belonging to the militiamen", "opponent"),
        ("houses of villagers", "civilian"),
        ("houses", "civilian"),
        ("homes of farmers and herders", "civilian"),
    ],
)
def test_property_whose_owner_is_named_is_the_owners(
    kb: KnowledgeBase, phrase: str, role: str
) -> None:
    """Houses are civilian property unless the phrase says combatants own them: then they
    are the enemy's, as a state tells it, not a mix of civilians and combatants."""
    assert target_role("nigeria", phrase, kb, category="destroyed") == role


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("houses", "civilian"),
        ("motorcycles", "civilian"),
        ("villages", "civilian"),
        ("vehicles", "civilian"),
        ("army vehicles", "other"),
        ("armoured vehicles", "other"),
        ("tanks", "other"),
    ],
)
def test_property_a_neutral_speaker_counts_is_civilian_unless_military(
    kb: KnowledgeBase, phrase: str, role: str
) -> None:
    assert target_role("neutral", phrase, kb, claimant_is_neutral=True, category="destroyed") == (
        role
    )


# ------------------------------------------------------------------ entries of their time


@pytest.mark.parametrize(
    ("day", "surface", "actor_id", "side"),
    [
        (
            date(2019, 10, 22),
            "the Afghan Defense Ministry",
            "afghan-republic-defence-ministry",
            "afghanistan",
        ),
        (date(2019, 10, 22), "Taliban", "taliban-insurgency", "taliban"),
        (date(2019, 10, 22), "Afghan forces", "afghan-republic-armed-forces", "afghanistan"),
        (date(2023, 6, 10), "Taliban", "afghan-taliban-government", "afghanistan"),
        (date(2023, 6, 10), "Afghan forces", "afghan-armed-forces", "afghanistan"),
        (date(2018, 5, 1), "Hayat Tahrir al-Sham", "hts-rebels", "hts"),
        (date(2018, 5, 1), "the Syrian government", "assad-government", "syria"),
        (date(2025, 7, 14), "the Syrian government", "syria-government", "syria"),
    ],
)
def test_a_report_is_read_with_the_actors_of_its_time(
    kb: KnowledgeBase, day: date, surface: str, actor_id: str, side: str
) -> None:
    then = kb.as_of(day)
    found = then.lookup(surface)
    assert found is not None and (found.id, found.side) == (actor_id, side)
    # an actor of another time keeps its id, for the claims stored with it
    assert kb.actor("taliban-insurgency").name == "Taliban"
    assert then.actor("afghan-taliban-government").side == "afghanistan"


def test_the_sides_of_a_time_mark_its_people(kb: KnowledgeBase) -> None:
    assert kb.as_of(date(2020, 1, 29)).side_of_phrase("Taliban militants") == "taliban"
    assert kb.as_of(date(2024, 1, 29)).side_of_phrase("Taliban militants") == "afghanistan"
    assert kb.as_of(None) is kb.as_of(date.today())


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # parties of one time only date the report
        ("Afghan commandos freed 34 hostages, the Afghan National Army said.", date(2021, 8, 15)),
        ("The Assad regime said the rebels shelled Idlib.", date(2024, 12, 8)),
        # parties of every time, or of the latest, leave today's reading
        ("Police said 12 people were killed in Kano.", None),
        ("Zabihullah Mujahid, the Taliban government spokesman, said 12 were killed.", None),
    ],
)
def test_the_parties_an_undated_report_names_date_it(
    kb: KnowledgeBase, text: str, before: date | None
) -> None:
    day = kb.era_named_in(text)
    if before is None:
        assert day is None
    else:
        assert day is not None and day < before


def test_a_user_file_can_date_its_entries(tmp_path: Path) -> None:
    dated = write(
        tmp_path / "junta.yaml",
        "sides:\n  - {id: ruritania, name: Ruritania, state: true, names: [Ruritania]}\n"
        "actors:\n"
        "  - {id: old-council, name: Ruritanian Council, kind: government, side: ruritania,\n"
        "     until: 2022-03-01, aliases: [the Council of Zenda]}\n"
        "  - {id: new-council, name: Ruritanian Junta, kind: government, side: ruritania,\n"
        "     from: 2022-03-01, aliases: [the Council of Zenda]}\n",
    )
    before = KnowledgeBase.load([dated], as_of=date(2021, 5, 1))
    after = KnowledgeBase.load([dated], as_of=date(2023, 5, 1))
    assert before.lookup("the Council of Zenda").id == "old-council"
    assert after.lookup("the Council of Zenda").id == "new-council"
    assert before.as_of(date(2023, 5, 1)) is after
    # a name of one time alone dates an undated report
    day = after.era_named_in("Ruritanian Council said 12 were killed.")
    assert day is not None and day < date(2022, 3, 1)


@pytest.mark.parametrize(
    "phrase", ["medical storehouses", "the district clinic", "a pharmacy", "two hospitals"]
)
def test_medical_property_whoever_counts_it_is_civilian(kb: KnowledgeBase, phrase: str) -> None:
    assert target_role("iraq", phrase, kb, category="destroyed") == "civilian"


def test_a_name_after_an_office_speaks_for_it(kb: KnowledgeBase) -> None:
    text = (
        "Armenia\n\nArmenian Prime Minister Nikol Pashinyan told parliament the fighting had "
        'subsided.\n\n"Our losses are 49 soldiers," Pashinyan said.'
    )
    found = spokespersons(text, kb)
    assert found["Nikol Pashinyan"] == found["Pashinyan"]
    # ANNOTATION.md: a head of government is an alias of the government
    assert kb.actor(found["Pashinyan"]).name == "Armenia government"


@pytest.mark.parametrize(
    ("claimant_side", "phrase", "role"),
    [
        # people an attack is laid on are the attackers
        ("turkey", "two individuals responsible for the attack", "opponent"),
        # members of an extremist group are not an armed group's own members
        ("stc", "six members of the extremist organisation", "other"),
        ("stc", "six of its members", "own"),
        ("russia", "four men behind the attack", "opponent"),
        # people, employees and a clinic's blood bank are civilians
        ("israel", "employees of an aid charity", "civilian"),
        ("iraq", "a blood bank", "civilian"),
    ],
)
def test_target_role_of_attackers_employees_and_medical_property(
    kb: KnowledgeBase, claimant_side: str, phrase: str, role: str
) -> None:
    category = "destroyed" if "bank" in phrase else "killed"
    assert target_role(claimant_side, phrase, kb, category=category) == role


def test_a_persons_name_among_an_actors_aliases_and_its_surname_speak_for_it(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Ankara\n\nInterior Minister Ali Yerlikaya visited the plant. Later, Yerlikaya said "
        "five people were killed."
    )
    found = spokespersons(text, kb)
    assert found.get("Yerlikaya") == found.get("Ali Yerlikaya") == "turkey-interior-ministry"


def test_an_organisations_spelled_out_name_is_no_person(kb: KnowledgeBase) -> None:
    found = spokespersons("Tehran\n\nIran's envoy to the United Nations said 78 died.", kb)
    assert "United Nations" not in found


@pytest.mark.parametrize(
    ("surface", "country", "unknown"),
    [
        ("the Southern forces", "YE", True),
        ("Eagle forces", "SO", True),  # a town in Idaho, not in Somalia
        ("Eagle forces", None, False),
        ("Kano police", "NG", False),  # a place's police are its state's
        ("Borno State police", "NG", False),
        ("Government forces", "NG", False),  # capitalised as a sentence opens
        ("Security forces", "ML", False),
        ("Fano forces", "ET", False),  # the knowledge base knows them
        ("Ukrainian forces", "UA", False),
        ("the army", "ML", False),
        ("Southern Command", "YE", False),  # no generic noun
    ],
)
def test_a_generic_noun_after_an_unknown_name_is_a_body_of_its_own(
    kb: KnowledgeBase, surface: str, country: str | None, unknown: bool
) -> None:
    assert kb.names_an_unknown_body(surface, country) is unknown
    if unknown:
        text = "Al-Shabaab and AQAP fighters attacked; the army of Mali said."
        assert kb.resolve_in_context(surface, text, country) is None


def test_allies_are_own_people_and_their_war_not_the_adversarys(tmp_path: Path) -> None:
    user = write(
        tmp_path / "allies.yaml",
        "sides:\n"
        "  - {id: northland, name: Northland, state: true, demonyms: [Northlandic],"
        " adversaries: [southland], allies: [eastland]}\n"
        "  - {id: southland, name: Southland, state: true, demonyms: [Southlandic]}\n"
        "  - {id: eastland, name: Eastland, state: true, demonyms: [Eastlandic]}\n",
    )
    kb = KnowledgeBase.load([user])
    assert kb.sides_allied("northland", "eastland") and kb.sides_allied("eastland", "northland")
    assert not kb.sides_allied("northland", "southland")
    assert target_role("northland", "Eastlandic soldiers", kb) == "own"
    assert target_role("northland", "Southlandic soldiers", kb) == "opponent"
    assert target_role("eastland", "Northlandic soldiers", kb) == "own"


@pytest.mark.parametrize(
    "context",
    [
        "Police and gang members traded fire for hours in the market.",
        "The two armies exchanged fire across the border overnight.",
        "Guards fought off the attackers at the gate.",
    ],
)
def test_people_where_two_sides_traded_fire_are_other(kb: KnowledgeBase, context: str) -> None:
    assert target_role("neutral", "people", kb, claimant_is_neutral=True, context=context) == (
        "other"
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "Hezbollah commander responsible for rocket fire on northern Israel",
        "Hamas operatives involved in attacks on Israeli communities",
    ],
)
def test_a_side_named_in_a_deed_is_not_the_target_s(kb: KnowledgeBase, phrase: str) -> None:
    assert target_role("israel", phrase, kb, category="killed") == "opponent"


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("soldiers", "soldier"),
        ("jawan", "jawans"),
        ("gunman", "gunmen"),
        ("militiamen", "militiaman"),
        ("militia", "militias"),
        ("army", "armies"),
        ("bus", "buses"),
        ("churches", "church"),
        ("border guards", "border guard"),
        ("day", "days"),
    ],
)
def test_other_number_by_the_regular_endings(word: str, other: str) -> None:
    assert other_number(word) == other
    assert other_number(other) == word


def test_the_people_and_property_lists_read_both_numbers() -> None:
    words = load_target_words()
    assert {"marine", "marines", "jawan", "jawans"} <= words.state_forces
    assert {"gunman", "gunmen", "bandit", "bandits"} <= words.irregulars
    assert {"tent", "tents", "house", "houses"} <= words.civilian_only_property
    # read as written: "member" may be anyone's
    assert "member" not in words.group_members


def test_a_local_service_of_a_country_is_its_one_actor_so_named(kb: KnowledgeBase) -> None:
    found = kb.local_service("emergency service", "UA")
    assert found is not None and found.id == "ukraine-emergency-service"
    # Gaza's and Ramallah's: the place the text names decides
    assert kb.local_service("health ministry", "PS") is None
    found = kb.local_service("health ministry", "PS", places=lambda: ["Khan Younis", "Gaza City"])
    assert found is not None and found.id == "gaza-health-ministry"
    assert kb.local_service("civil defence", "PE") is None


def test_an_acronym_inside_a_hyphenated_name_is_no_mention(kb: KnowledgeBase) -> None:
    text = "PORT-AU-PRINCE, Haiti (AP) — UN-backed police and the Hamas-run ministry"
    assert [m.surface for m in kb.find_mentions(text)] == ["AP", "UN", "Hamas"]


def test_generic_kinds_are_read_once_for_every_module() -> None:
    from counterclaim.actors.tokens import generic_kinds

    kinds = generic_kinds()
    assert kinds["army"] == ("state_military",)
    assert "armed_group" in kinds["forces"]
    assert generic_kinds() is kinds


@pytest.mark.parametrize(
    "surface",
    [
        "Defence Ministry of the Russian Federation",
        "Defence Ministry of Russia",
        "Russia's defence ministry",
    ],
)
def test_an_institution_named_after_its_state_with_an_article(surface: str) -> None:
    from counterclaim.actors import KnowledgeBase

    found = KnowledgeBase.load().lookup(surface)
    assert found is not None and found.id == "russian-defence-ministry"


def test_the_palestinian_civil_defence_of_gaza_war_reports_is_gaza_s() -> None:
    from counterclaim.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    for surface in ("Palestinian Civil Defense", "Gaza civil defence agency"):
        found = kb.lookup(surface)
        assert found is not None and found.id == "gaza-civil-defence"

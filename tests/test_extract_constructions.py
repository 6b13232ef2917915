"""Constructions that carry figures beyond a verb and its object, each as a class: every
item of a list, a gapped second clause, nouns that name the event ("three fatalities"),
victims as the subject of what befell them ("lost their lives"), containers ("a total
of"), hyphenated number words and ranges. Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterclaim.extract import Extraction
from counterclaim.model import Document
from counterclaim.nlp import parse_documents
from counterclaim.numbers import strip_qualifier

pytestmark = pytest.mark.model


def figures(text: str) -> list[tuple[str, int | None]]:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    found: list[Extraction] = parsed._.extractions
    return [(e.category, e.count.value) for e in found]


def figures_and_targets(text: str) -> list[tuple[str, int | None, str]]:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    found: list[Extraction] = parsed._.extractions
    return [(e.category, e.count.value, e.target) for e in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyiv said Russian forces lost 420 troops, nine tanks, six armoured vehicles and "
            "an artillery system over the day.",
            # the troops lost beside the equipment are dead and wounded together: no claim
            [("destroyed", 9), ("destroyed", 6), ("destroyed", 1)],
        ),
        (
            "The gunmen seized three rifles, a machine gun and a pickup truck near Ouallam, "
            "the army said.",
            [("seized", 3), ("seized", 1), ("seized", 1)],
        ),
        (
            "Police said the militants burned 14 houses, 6 shops and about 20 motorcycles in "
            "the raid on Kasese.",
            [("destroyed", 14), ("destroyed", 6), ("destroyed", 20)],
        ),
    ],
)
def test_every_item_of_a_list_shares_its_event_word(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thirty people were killed in Kidal and 12 in Menaka, the governor said.",
            [("killed", 30), ("killed", 12)],
        ),
        (
            "The ministry said 18 soldiers were wounded in Hodeidah and seven in Taiz.",
            [("wounded", 18), ("wounded", 7)],
        ),
    ],
)
def test_a_gapped_clause_keeps_the_event_word(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


def test_a_breakdown_between_dashes_or_a_relative_part_is_not_a_list_item() -> None:
    assert figures(
        "The UN said eight aid workers – five drivers, a nurse and two guards – were "
        "abducted near Goma."
    ) == [("captured", 8)]
    assert figures("The rebels said they killed 12 soldiers, two of whom were officers.") == [
        ("killed", 12)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The health ministry in Sanaa reported three fatalities and at least four injuries.",
            [("killed", 3), ("wounded", 4)],
        ),
        (
            "Hospital officials in Khan Younis recorded 16 deaths and 42 injuries overnight.",
            [("killed", 16), ("wounded", 42)],
        ),
        ("Police in Zamfara confirmed four abductions on the highway.", [("captured", 4)]),
        # a party's word for its dead names the event as well
        (
            '"Sadly, we have five martyrs and 22 wounded," the interior minister said.',
            [("killed", 5), ("wounded", 22)],
        ),
        ("The air force reported the downing of 40 drones over Odesa.", [("destroyed", 40)]),
        ("The navy confirmed the sinking of two boats off Hodeidah.", [("destroyed", 2)]),
        ("The army announced the interception of 12 missiles over Kyiv.", [("destroyed", 12)]),
    ],
)
def test_a_noun_that_names_the_event_is_counted(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The militia said 14 of its fighters lost their lives in the clashes.", ("killed", 14)),
        ("Three soldiers suffered injuries in the blast in Bannu, the army said.", ("wounded", 3)),
        ("Nine villagers sustained wounds in the shelling of Avdiivka, the mayor said.",
         ("wounded", 9)),
    ],
)  # fmt: skip
def test_the_subject_of_what_befell_people_is_the_victim(
    text: str, expected: tuple[str, int]
) -> None:
    assert figures(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said 12 pupils returned home to Kankara on Sunday.", [("released", 12)]),
        ("The governor said 68 schoolgirls had regained their freedom.", [("released", 68)]),
        ("Officials in Chibok said 21 of the girls regained freedom on Thursday.",
         [("released", 21)]),
        # the words after the verb decide: returning fire is something the subject did
        ("The army said 20 soldiers returned fire after the ambush near Gao.", []),
        ("An ambush near Natitingou left 28 soldiers lifeless, the army said.",
         [("killed", 28)]),
    ],
)  # fmt: skip
def test_people_who_come_back_or_are_left_lifeless_are_counted(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 26 migrants drowned after their boat capsized off Zuwara, the IOM said.",
         [("killed", 26)]),
        ("Nine fishermen drowned when the patrol boat rammed them, the coast guard said.",
         [("killed", 9)]),
        ("The bodies of 30 drowned migrants washed ashore near Sfax, officials said.",
         [("killed", 30)]),
        ("Twelve people were hospitalised after the strike on Kharkiv, the governor said.",
         [("wounded", 12)]),
        ("Nine soldiers were killed and 14 hospitalized, the army said.",
         [("killed", 9), ("wounded", 14)]),
        # the injury the people were treated for may be parsed on the people
        ("Medics treated 47 people for gunshot wounds after the raid on Jenin.",
         [("wounded", 47)]),
        # soldiers who fell in battle died; a price that fell did not
        ("Three soldiers fell in battle near Djibo, the army said.", [("killed", 3)]),
        ("Twelve soldiers fell on the field of honour, the general staff said.",
         [("killed", 12)]),
        ("The price of bread fell by 40 percent in Khartoum, traders said.", []),
        ("Doctors in Goma said they had treated 30 people for injuries.", [("wounded", 30)]),
        # treated for something that is no injury
        ("The Red Crescent said it treated 200 people for tear gas inhalation.", []),
        # admitted or received with injuries: wounded
        ("Hospitals in Port Sudan admitted 63 people with gunshot wounds on Friday.",
         [("wounded", 63)]),
        ("Nasser hospital received 45 patients with shrapnel injuries, medics said.",
         [("wounded", 45)]),
        ("The clinic admitted 12 patients with cholera this week.", []),
    ],
)  # fmt: skip
def test_drowning_hospital_stays_and_treated_injuries_are_counted(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second verb with a subject of its own tells of other things
        ("The enemy suffered losses: 31 terrorists neutralised, 9 motorcycles destroyed and "
         "a large quantity of weapons recovered.", [("killed", 31), ("destroyed", 9)]),
        # ... without one, of the same things
        ("The army said 30 houses were taken under control and destroyed.",
         [("seized", 30), ("destroyed", 30)]),
        # a phrasal verb names its own things after its particle and preposition
        ("Villagers said the raiders torched 40 huts and made off with hundreds of goats.",
         [("destroyed", 40)]),
        ("Police said the gang burnt 12 lorries and ran away with the drivers' phones.",
         [("destroyed", 12)]),
    ],
)  # fmt: skip
def test_a_verb_joined_to_the_trigger_counts_the_same_things_unless_it_has_its_own(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # parts after a colon, the first of them hung on the speaker by the parser
        ("Ukraine's air force said it shot down 38 of 45 drones: 20 over Kyiv region, 10 over "
         "Odesa and eight over Kharkiv.",
         [("destroyed", 38), ("destroyed", 20), ("destroyed", 10), ("destroyed", 8)]),
        ("The governor said 14 people were wounded: nine in Kharkiv city and five in the "
         "suburbs.", [("wounded", 14), ("wounded", 9), ("wounded", 5)]),
        # an apposition without a colon is the noun's own number
        ("The most drones – 126 – were shot down over Kursk.", [("destroyed", 126)]),
    ],
)  # fmt: skip
def test_numbers_after_a_colon_are_parts_of_the_total_before_it(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one more person joined to the counted, by "and" or "along with", hung on the
        # counted noun or on the verb
        ("Gunmen kidnapped 12 passengers and their driver near Kaduna, police said.",
         [("captured", 12), ("captured", 1)]),
        ("At least 12 engineers, along with their driver, were kidnapped near Kaduna.",
         [("captured", 12), ("captured", 1)]),
        ("Gunmen kidnapped 12 passengers along with their driver near Kaduna.",
         [("captured", 12), ("captured", 1)]),
        # their families are no one person, and their homes no people
        ("Gunmen killed 12 villagers and their families fled to Gusau.", [("killed", 12)]),
    ],
)  # fmt: skip
def test_their_driver_beside_counted_people_is_one_more(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


def test_a_verb_with_an_ordinary_object_keeps_its_subject_as_the_agent() -> None:
    # The subject caused what its object names; nothing befell it
    assert figures("Thirty gunmen inflicted injuries on the guards, police said.") == []


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The rebels admitted to losing seven fighters near Kidal.", "The rebels"),
        ("The army managed to destroy 12 boats on Lake Chad.", "The army"),
        ("The militia acknowledged having lost 14 fighters.", "The militia"),
        # an object of the governing verb does it instead
        ("The commander ordered the troops to free 12 hostages.", None),
    ],
)
def test_a_verb_without_a_subject_has_the_subject_of_the_verb_it_completes(
    text: str, agent: str | None
) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.agent for e in parsed._.extractions] == [agent]


def test_a_container_passes_its_count_through() -> None:
    assert figures("Police detained a total of 11 suspects after the bombing in Quetta.") == [
        ("captured", 11)
    ]
    assert figures("Troops freed a group of 40 hostages in Borno, the army said.") == [
        ("released", 40)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The militia said it fired a barrage of 40 rockets at an army base near Kiryat "
         "Shmona.", [("attacks", 40)]),
        ("Rebels fired a salvo of 12 mortar shells toward the airport, the army said.",
         [("attacks", 12)]),
        ("The air force said Russia launched a wave of 70 drones at Odesa overnight.",
         [("attacks", 70)]),
        ("Insurgents ambushed a convoy of 15 fuel tankers and torched them, police said.",
         [("attacks", 15)]),
    ],
)  # fmt: skip
def test_a_salvo_or_a_convoy_passes_its_count_through(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


def test_hyphenated_number_words_and_tagged_ranges_are_counts() -> None:
    assert figures("Thirty-four soldiers were killed and forty-one wounded, the army said.") == [
        ("killed", 34),
        ("wounded", 41),
    ]
    assert figures("Between 25-30 insurgents were killed in Lakki Marwat, police said.") == [
        ("killed", 25)
    ]


@given(
    st.sampled_from(["at least", "about", "more than", "nearly", "up to", "some"]),
    st.sampled_from([",", ", and", " and", ";"]),
)
def test_strip_qualifier_keeps_the_glue_before_it(qualifier: str, glue: str) -> None:
    assert strip_qualifier(f"tanks{glue} {qualifier} ").rstrip() == f"tanks{glue}"
    assert strip_qualifier(f"tanks{glue} ").rstrip() == f"tanks{glue}"


@pytest.mark.parametrize(
    "text",
    [
        "The Tigray war has killed tens of thousands of people, the UN said.",
        "In its 40-year armed insurgency the group has killed more than 30,000 people.",
        "Some 600 civilians have been killed in Khartoum since the April outbreak, medics said.",
        "Since the feud erupted in September, prosecutors have counted 410 people missing.",
        "At least 1,200 people have been killed since the unrest began, a rights group said.",
    ],
)
def test_a_whole_war_toll_is_background(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ambush near Bijapur left eleven policemen dead and seven injured, police said.",
            [("killed", 11), ("wounded", 7)],
        ),
        ("A gunfight between cartels in Sinaloa left nine people dead, officials said.",
         [("killed", 9)]),
        ("The blast killed four soldiers, leaving 12 others wounded, the army said.",
         [("killed", 4), ("wounded", 12)]),
    ],
)  # fmt: skip
def test_what_the_object_was_left_is_the_claim(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


def test_a_toll_or_a_figure_is_no_speaker() -> None:
    [(_, parsed)] = list(
        parse_documents(
            [
                Document(
                    text="T\n\nThe death toll from the blast at the market in Mogadishu rose to "
                    "41 on Sunday, a spokesman for the city's main hospital confirmed."
                )
            ]
        )
    )
    [found] = parsed._.extractions
    assert "toll" not in (found.attribution.surface or "")
    assert "spokesman" in (found.attribution.surface or "")


@pytest.mark.parametrize(
    "text",
    [
        "A three-storey building was searched after the strike in Rafah, medics said.",
        "A 12-member team inspected the site in Kherson, officials said.",
        "Rebels hold two-thirds of the province, the governor said.",
    ],
)
def test_a_number_joined_to_a_noun_by_a_hyphen_is_no_count(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The interior ministry confirmed the neutralisation of two gunmen near Mardin.",
            [("killed", 2)],
        ),
        (
            "The army announced the elimination of 15 Shabaab fighters in Lower Juba.",
            [("killed", 15)],
        ),
        (
            "Air defences reported the neutralization of nine drones over the Bryansk region.",
            [("destroyed", 9)],
        ),
        ("Officials oversaw the repatriation of 48 fishermen from Karachi.", [("released", 48)]),
        (
            "Customs announced the confiscation of 30 rifles at the Herat crossing.",
            [("seized", 30)],
        ),
    ],
)
def test_the_action_noun_of_an_event_verb_counts_like_the_verb(
    text: str, expected: list[tuple[str, int]]
) -> None:
    """Every regular -isation/-ization/-ation noun of a category's verbs is an event noun, with
    the category chosen by what it counts (people or things), as for the verb."""
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two of the wounded soldiers later succumbed to their injuries in Goma.",
        "Two policemen succumbed to their wounds on Tuesday, officials in Quetta said.",
    ],
)
def test_succumbing_to_wounds_is_dying(text: str) -> None:
    assert ("killed", 2) in figures(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Several more soldiers were wounded in Donetsk, the militia claimed.",
            [("wounded", None)],
        ),
        ("Dozens more civilians were injured in the shelling of Kherson.", [("wounded", None)]),
    ],
)
def test_a_count_of_more_still_counts_the_noun(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine foreigners were among the dead in Colombo, officials said.", []),
        ("Police said a dozen soldiers and six rail workers were among the dead in Quetta.", []),
        ("The Kachin rebels said 12 of their men were among the dead.", [("killed", 12)]),
        ("Hamas said at least five of its fighters were among the dead in Jenin.", [("killed", 5)]),
    ],
)
def test_among_the_dead_is_a_part_unless_the_party_counts_its_own(
    text: str, expected: list[tuple[str, int]]
) -> None:
    """ANNOTATION.md: a subset "among them" is no claim of its own; a party's own people
    within a toll ("eight of its fighters were among the dead") is that party's claim."""
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More than 30 properties were taken under control and destroyed, the group said.",
            [("seized", 30), ("destroyed", 30)],
        ),
        (
            "Troops captured and destroyed 12 militant camps near Tillaberi.",
            [("destroyed", 12), ("seized", 12)],
        ),
        (
            "Ukraine shot down all 14 drones launched at its territory overnight, the air force "
            "said.",
            [("destroyed", 14), ("attacks", 14)],
        ),
        # One event each: the other verb has its own object, or the count is a part (whose
        # whole, launched, is an attack count of its own: ANNOTATION.md, "Russia launched 120
        # drones")
        ("The rebels seized the town of Kidal and destroyed a bridge.", [("destroyed", 1)]),
        (
            "Air defences shot down 14 of the 20 drones launched by Russia.",
            [("destroyed", 14), ("attacks", 20)],
        ),
        # People are never counted twice over: "killed and wounded" is an unsplit figure
        ("Gunmen killed and wounded 40 people in the attack on Mopti.", []),
    ],
)
def test_one_count_can_carry_two_events_of_things(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The air force said 112 drones were shot down and 31 were lost to electronic warfare.",
            [("destroyed", 112), ("destroyed", 31)],
        ),
        (
            "Police said 14 rifles were seized and 3 were destroyed in the raid.",
            [("seized", 14), ("destroyed", 3)],
        ),
        # people counted first: the bare count lost is people
        (
            "Six soldiers were wounded and two were lost in the ambush, the army said.",
            [("wounded", 6), ("killed", 2)],
        ),
    ],
)
def test_a_bare_count_of_a_joined_clause_counts_the_kind_counted_before(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole named by a part before it, and a bare count after: the things lost
        ("The navy said it had downed 22 of 31 Shahed drones launched overnight, while 9 were "
         "lost to jamming.",
         [("destroyed", 22, "Shahed drones"), ("attacks", 31, "Shahed drones"),
          ("destroyed", 9, "Shahed drones")]),
        ("Of the 40 drones, 31 were shot down and 9 were lost to jamming, the air force said.",
         [("destroyed", 31, "drones"), ("destroyed", 9, "drones")]),
        # the whole fronted as a pronoun: the things the sentence before counted
        ("The air force said Russia launched 40 drones overnight. Of those, 31 were shot down "
         "and 9 were lost.",
         [("attacks", 40, "drones"), ("destroyed", 31, "drones"), ("destroyed", 9, "drones")]),
        # people the sentence before counted stay people
        ("Gunmen abducted 25 passengers near Kaduna. Of those, five were later killed.",
         [("captured", 25, "passengers"), ("killed", 5, "passengers")]),
        # an event word with no sense for things counts people after one thing
        ("A drone struck a minibus near Kherson, killing three.", [("killed", 3, "people")]),
    ],
)  # fmt: skip
def test_a_bare_count_after_things_counts_them_where_the_event_befalls_things(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert figures_and_targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the deadliest ambush by the rebels since 2014, 19 soldiers died and seven were "
            "injured near Beni.",
            [("killed", 19), ("wounded", 7)],
        ),
        (
            "In the worst attack on the capital since the war began, 31 people were killed.",
            [("killed", 31)],
        ),
        # any span of the past a superlative is measured against, not only "since"
        (
            "Gunmen killed 70 people in the town of Pont-Sonde, the UN said, calling it one "
            "of the largest massacres in recent years.",
            [("killed", 70)],
        ),
        (
            "The bombing, the deadliest in the past decade, killed 54 worshippers in Peshawar.",
            [("killed", 54)],
        ),
        ("Bandits have killed 1,200 villagers in Zamfara in recent years.", []),
        # one of a series is counted by its ordinal, not by a running total
        (
            "The Houthis said they shot down a US MQ-9 Reaper drone, the 14th since the war began.",
            [("destroyed", 1)],
        ),
        (
            "Gunmen killed 11 worshippers at a mosque in Kaduna, the third such attack since "
            "January.",
            [("killed", 11)],
        ),
        # a campaign's toll raised by the day's dead: the day's are the claims
        (
            "Three soldiers were killed in southern Gaza, the military said, raising its death "
            "toll in the ground offensive to 412.",
            [("killed", 3)],
        ),
        # since an offensive or a campaign began: a running total too
        (
            "Two soldiers were killed near Khan Younis, the army said, bringing to 240 the "
            "number of soldiers killed since the ground offensive began.",
            [("killed", 2)],
        ),
        ("The rebels have killed 900 troops since the campaign started.", []),
        # since a ruler seized power
        (
            "A rights group says more than 3,000 civilians have been killed by the junta since "
            "it seized power in 2021.",
            [],
        ),
        ("Over 400 people have been detained since the Taliban took control.", []),
        # the number killed in a campaign, as the toll in one; a month abbreviated
        (
            "Two soldiers were killed in Rafah, the army said, bringing to 326 the number of "
            "soldiers killed in the ground campaign.",
            [("killed", 2)],
        ),
        ("The ministry says more than 36,000 people have been killed since Oct. 7.", []),
        ("Militants killed 300 soldiers in the past five years.", []),
        # a count since then is still a running total
        ("More than 3,000 people have been killed in the region since 2019.", []),
        # a word that only ends like a superlative compares nothing
        ("The ministry said 412 Palestinians had been killed in the West Bank since October.", []),
        ("Rebels have killed 40 soldiers in the forest since January.", []),
        # "at least" qualifies a count and compares nothing
        (
            "Fighting between the army and the RSF has killed at least 150,000 people since "
            "April 2023, according to US estimates.",
            [],
        ),
        ("Strikes have wounded at most 30 people in the city since March.", []),
    ],
)
def test_a_comparison_with_the_past_is_no_running_total(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


def test_a_number_before_a_spaced_dash_is_a_count() -> None:
    """ "a three-storey building" joins number and noun; "14 - the highest this year -" is
    a dash after a count."""
    assert figures("The toll stood at 14 - the highest this year - after the raid on Gao.") == [
        ("killed", 14)
    ]
    # the building that collapsed is one, not three
    assert figures("A three-storey building collapsed in the strike on Kharkiv.") == [
        ("destroyed", 1)
    ]


def test_a_phrase_of_take_says_what_happened() -> None:
    assert figures("Three people died in the blast in Jos, with 45 more taken to hospital.") == [
        ("killed", 3),
        ("wounded", 45),
    ]
    assert figures("Gunmen took 15 passengers hostage on the road to Kaduna.") == [("captured", 15)]


def test_people_confirmed_dead_are_counted_and_do_not_speak() -> None:
    text = "The rescue ended in Poonch, with nine people confirmed dead and 33 injured."
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    found = parsed._.extractions
    assert [(e.category, e.count.value) for e in found] == [("killed", 9), ("wounded", 33)]
    assert all(e.attribution.kind == "reporter" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "The army reported the elimination of a significant number of enemy fighters in Ituri.",
        "Air defences downed a large number of drones over Odesa, the navy said.",
    ],
)
def test_a_described_number_is_a_vague_count(text: str) -> None:
    assert [value for _, value in figures(text)] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ICRC said one attack hit a bus in the market of Dahyan.", []),
        ("The army said it repelled one attack on its post near Menaka.", []),
        ("Rebels seized one town near Goma, the army said.", []),
        ("Rebels seized one tank near Goma, the army said.", [("seized", 1)]),
    ],
)
def test_one_attack_or_one_place_is_no_count_however_written(
    text: str, expected: list[tuple[str, int]]
) -> None:
    """ANNOTATION.md "Singular counts": one attack or one place attacked or seized is not
    annotated, whether written "an attack" or "one attack"; one tank seized is."""
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The civil war, which left some 300,000 dead and millions displaced, ended in 2016.",
        "The accord ends three decades of armed conflict that has left thousands dead.",
        "The insurgency, which has killed more than 40,000 people, spread to the coast.",
        "A rebellion that killed 1,200 people was crushed by the junta.",
    ],
)
def test_the_toll_of_a_whole_war_is_background(text: str) -> None:
    """The war itself is the agent of the toll: whatever the sentence's dates, it is no
    incident's count (ANNOTATION.md "Not annotated")."""
    assert figures(text) == []


def test_the_toll_of_fighting_or_clashes_is_a_claim() -> None:
    assert figures("Clashes that erupted near Kidal on Monday left 14 soldiers dead.") == [
        ("killed", 14)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 15 Katyusha rockets hit the northern suburbs of Tripoli overnight.",
            [("attacks", 15)],
        ),
        (
            "Two mortar shells struck a school in Kadugli, killing four children.",
            [("attacks", 2), ("killed", 4)],
        ),
        # fighters who attacked are the attackers, not a count of attacks
        ("Fifteen fighters attacked the post at dawn.", []),
    ],
)
def test_projectiles_that_struck_are_attacks(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in Maiduguri said 25–30 insurgents were killed.", [("killed", 25)]),
        ("The army said 12—15 gunmen were captured near Zamfara.", [("captured", 12)]),
        ("Troops killed 40–45 militants in Sool, the ministry said.", [("killed", 40)]),
    ],
)
def test_a_range_written_with_a_dash_counts_from_its_low_end(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Five mortars were destroyed in the strike on Kharkiv, the army said.",
            [("destroyed", 5)],
        ),
        (
            "Troops destroyed four mortars and two launchers near Idlib.",
            [("destroyed", 4), ("destroyed", 2)],
        ),
        # a real date keeps its number out of the counts
        ("On 12 March, 40 civilians were killed in Bamenda.", [("killed", 40)]),
        ("Two days later, 9 policemen were wounded in Peshawar.", [("wounded", 9)]),
        # a time word describing the figure makes no date of it
        (
            "Officials in Kasese said the toll had risen to 21 from an earlier 14.",
            [("killed", 21), ("killed", 14)],
        ),
    ],
)
def test_a_count_the_tagger_calls_a_date_is_a_count_unless_it_names_a_time(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels carried out a heavy drone strike Sunday on the main base of Sudan's Western "
            "Command and one officer was missing, the Sudanese army said.",
            [("missing", 1)],
        ),
        (
            "The militants torched a school in Beni and three guards were killed, officials said.",
            [("destroyed", 1), ("killed", 3)],
        ),
        # a subject shared by the whole list keeps its verb
        ("Five soldiers and two civilians were killed in Kidal.", [("killed", 5), ("killed", 2)]),
    ],
)
def test_a_count_joined_to_the_nouns_before_it_is_the_subject_of_the_clause_after(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs these subjects on "were"
        ("The army said 40 soldiers were missing near Pokrovsk.", [("missing", 40)]),
    ],
)
def test_a_subject_hung_on_the_auxiliary_is_the_verb_s(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed an army barracks near Maroua, killing 14 people, a local official said.",
        "Militants ambushed a convoy in Tillaberi, killing 14 people, an army officer told AFP.",
        "Drones hit a market in Omdurman, killing 14 people, two medics said.",
    ],
)
def test_the_speaker_of_a_figure_is_not_counted(text: str) -> None:
    assert figures(text) == [("killed", 14)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attack caused injuries to 27 residents of Kherson, officials said.",
            [("wounded", 27)],
        ),
        ("The car bomb inflicted injuries on 11 shoppers in Mogadishu.", [("wounded", 11)]),
        ("The shelling resulted in injuries to 8 children in Idlib.", [("wounded", 8)]),
        # damage to things is no claim (ANNOTATION.md)
        ("The strike caused damage to 12 houses in Rafah.", []),
    ],
)
def test_what_befell_people_named_by_a_noun_counts_them(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said the attack in Kurram killed 9 people, bringing the total to at least 52.",
            [("killed", 9), ("killed", 52)],
        ),
        (
            "The shelling of Avdiivka wounded 12 more residents, bringing the number to 80.",
            [("wounded", 12), ("wounded", 80)],
        ),
        (
            "The army freed 20 hostages in Borno on Monday, bringing the tally to 95.",
            [("released", 20), ("released", 95)],
        ),
    ],
)
def test_a_bare_total_continues_the_event_of_its_clause(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll includes 14 women and nine children, the ministry in Gaza said.", []),
        ("The dead included seven women, police in Quetta said.", []),
        # a split by side is a set of claims
        (
            "The dead included 30 police officers and 12 villagers, the governor of Zamfara said.",
            [("killed", 30), ("killed", 12)],
        ),
        # a list of people by sex or age with no toll named counts them together
        ("Gunmen killed 14 women and nine children in a village near Bunia.", [("killed", 23)]),
        # one group of them is a count
        ("Gunmen killed 14 women in a village near Bunia.", [("killed", 14)]),
    ],
)
def test_a_toll_broken_down_by_sex_or_age_is_no_claim(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The group said not one of its guerrillas was wounded or killed in Cauca.",
            [("wounded", 0), ("killed", 0)],
        ),
        (
            "The army said none of its soldiers were killed or wounded near Bakhmut.",
            [("killed", 0), ("wounded", 0)],
        ),
        ("The rebels said not a single fighter was killed in Sagaing.", [("killed", 0)]),
        ("The militia said that not even one of its men died in Ituri.", [("killed", 0)]),
        ("The governor of Kherson said no one was injured in the strike.", [("wounded", 0)]),
        ("Police in Mogadishu said no one was killed in the blast.", [("killed", 0)]),
        # an unsplit figure stays unsplit
        ("Officials in Borno said 40 people were killed or wounded.", []),
    ],
)
def test_a_denied_count_is_zero_for_every_event_it_denies(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "16 Mali Armed Forces [FAMa] soldiers were killed near Boulkessi.",
        "Militants killed 16 Burkina Faso Armed Forces (FABF) soldiers near Djibo.",
    ],
)
def test_a_bracketed_acronym_does_not_hide_what_is_counted(text: str) -> None:
    assert figures(text) == [("killed", 16)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The toll rose to 45, up from 31, the health ministry in Gaza said.",
            [("killed", 45), ("killed", 31)],
        ),
        (
            "The death toll in Mogadishu climbed to 60 from 41 on Monday.",
            [("killed", 60), ("killed", 41)],
        ),
        ("Drones flew in from 12 directions over Odesa.", []),
    ],
)
def test_the_earlier_toll_of_a_revision_is_a_claim(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hospital officials in Tyre said the number of wounded ranged between 1,450 and 1,500.",
            [("wounded", 1450)],
        ),
        ("The death toll in Beni varied from 40 to 60, aid workers said.", [("killed", 40)]),
        ("The shells ranged from 12 to 20 kilometres, the army said.", []),
    ],
)
def test_a_total_set_in_a_range_is_a_claim_of_its_low_end(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers in Antakya warned the toll could rise to 300.",
        "Officials in Juba said the number of dead may reach 500.",
        "The toll in Kharkiv is expected to top 50, the mayor said.",
        "Medics feared the toll might climb to 80 as more bodies were found.",
    ],
)
def test_a_total_foreseen_is_no_claim(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Security camera footage captured a man leaving a bag near the market in Peshawar.", []),
        ("Cameras captured three gunmen entering the school in Maiduguri.", []),
        ("A video showed soldiers capturing two fighters near Bakhmut.", [("captured", 2)]),
        ("Troops captured three gunmen near the school in Maiduguri.", [("captured", 3)]),
    ],
)
def test_what_a_recording_captured_was_filmed(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


def test_another_place_is_no_count_but_another_person_is() -> None:
    assert figures("Gunmen torched another police station in Zamfara, the police said.") == []
    assert figures("Another soldier was killed in Kidal on Friday, the army said.") == [
        ("killed", 1)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 7,000 residents have been evacuated from the area near Batken.", []),
        ("Officials said about 1,200 villagers were relocated from the front line in Donetsk.", []),
        # a bare figure moved is a population too
        ("Kenya said it had evacuated about 13,000 from the border area.", []),
        # the crew of a sunken ship or the wounded brought out are another matter
        (
            "The remaining 396 members of the crew were evacuated, the ministry said.",
            [("released", 396)],
        ),
    ],
)
def test_a_population_evacuated_is_displaced_not_released(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gunmen later set fire to the bus in a forest near Kurram.", [("destroyed", 1)]),
        ("Rebels set the truck ablaze near Beni, the army said.", [("destroyed", 1)]),
        ("They sent the bus back to the depot in Mosul.", []),
    ],
)
def test_one_thing_set_on_fire_is_destroyed(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every conjunct of a list of buildings, the one with an article too
        (
            "The blast destroyed two restaurants and a hotel in Kismayo, police said.",
            [("destroyed", 2), ("destroyed", 1)],
        ),
        ("Shelling flattened a factory and a clinic in Kramatorsk.", [("destroyed", 1)] * 2),
        # a crash or a collapse is a thing's loss; a truce that collapses is none
        ("A military helicopter crashed near Gao on Friday, the army said.", [("destroyed", 1)]),
        (
            "A four-storey building collapsed after the strike in Rafah, medics said.",
            [("destroyed", 1)],
        ),
        ("The ceasefire collapsed on Monday, officials said.", []),
    ],
)
def test_buildings_and_crashes_are_things_destroyed(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attackers snatched four AK-47 assault rifles near Chandel, officials said.",
            [("seized", 4)],
        ),
        ("Troops recovered five AK-47 magazines in Borno, the army said.", [("seized", 5)]),
        ("Drones destroyed three T-72 tanks near Avdiivka.", [("destroyed", 3)]),
    ],
)
def test_a_weapon_s_model_name_does_not_hide_what_is_counted(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The district chief and two guards were among four people killed when their car "
            "was attacked near Bannu.",
            [("killed", 4)],
        ),
        ("Gunmen killed 13 people in Kasese, among them two children.", [("killed", 13)]),
    ],
)
def test_among_a_count_is_the_whole_and_among_them_a_part(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He was travelling with seven colleagues, who are missing, the minister in Tokyo said.",
            [("missing", 7)],
        ),
        (
            "Medics in Sweida put the death toll at more than 30 and the injuries at some 100.",
            [("killed", 30), ("wounded", 100)],
        ),
        (
            "Officials in Gao put the number of dead at 12 and the wounded at 40.",
            [("killed", 12), ("wounded", 40)],
        ),
    ],
)
def test_what_befell_people_is_read_from_a_relative_clause_or_a_second_object(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police in Zamfara said bandits burnt 10 motorcycles and two cars.",
            [("destroyed", 10), ("destroyed", 2)],
        ),
        ("Troops seized 40 kg of explosives near Lake Chad.", []),
        ("The convoy was hit 30 km from Kherson.", []),
    ],
)
def test_a_quantity_without_a_unit_is_a_count(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Air defences shot down two drones over Kursk and one UAV over Belgorod.",
            [("destroyed", 2), ("destroyed", 1)],
        ),
        (
            "40 soldiers were killed in Kidal and 12 policemen in Menaka.",
            [("killed", 40), ("killed", 12)],
        ),
        # people and things do not share a gapped event word
        ("Five soldiers were killed in Gao and two trucks in Kidal.", [("killed", 5)]),
    ],
)
def test_a_gapped_clause_may_name_another_word_for_the_same_kind(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An injured Palestinian child is lying on a bed in a hospital in Gaza.", []),
        (
            "A boy who was injured in the strike on Kharkiv told reporters the windows shattered.",
            [],
        ),
        ("A soldier was killed in the attack near Kidal, the army said.", [("killed", 1)]),
    ],
)
def test_one_person_described_by_an_event_word_is_no_count(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A wounded soldier died later in hospital in Bamako.", [("killed", 1)]),
        ("Militants killed a wounded soldier near Djibo.", [("killed", 1)]),
        ("A dead man was found near the checkpoint in Kherson.", [("killed", 1)]),
        ("Rebels captured a wounded soldier near Goma.", [("captured", 1)]),
    ],
)
def test_what_befell_one_described_person_is_the_event(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


def test_a_who_clause_hung_on_the_place_after_people_is_theirs() -> None:
    text = (
        "The rescued engineer was having dinner with seven colleagues from Japan, who are "
        "missing, the minister in Tokyo said."
    )
    assert figures(text) == [("missing", 7)]
    assert figures("He met 12 officials from Kyiv, who were in Geneva for talks.") == []


def test_vehicles_set_on_fire_are_things() -> None:
    assert figures("Militants later set fire to the coach near the Kurram river.") == [
        ("destroyed", 1)
    ]
    assert figures("Gunmen torched two vans near Zamfara.") == [("destroyed", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bombers killed 290 people in Colombo. The government said three Indians, three "
            "Britons, two Turks and one Portuguese had died.",
            [("killed", 290)],
        ),
        ("The dead in Gaza included 13 Israelis and 10 Thais.", []),
        # with no total given, the people listed are counted together
        ("Two Indians and a Pakistani national died in the blaze in Dubai.", [("killed", 3)]),
        # by sex or age
        ("Nine adults and one child were killed by the shelling of Donetsk.", [("killed", 10)]),
        ("The air strike on Saada killed 12 children, three women and five men.", [("killed", 20)]),
        ("Two women and a child were wounded when the shell hit Kharkiv.", [("wounded", 3)]),
        # the total stated before the list is the claim, with or without its noun
        ("The strike killed 20 people: 12 children, three women and five men.", [("killed", 20)]),
        ("The strike killed 20: 12 children, three women and five men.", [("killed", 20)]),
        # a figure of things in the same sentence is no total of the people
        (
            "Police said two Indians and a Pakistani national were killed in a fire that "
            "spread to three fuel tankers.",
            [("killed", 3)],
        ),
        # a vague item leaves the sum unknown
        (
            "Dozens of women and 12 children were abducted in Zamfara.",
            [("captured", None), ("captured", 12)],
        ),
        # one nationality, or people of one kind, are counted
        ("Four Palestinians were killed in Jenin.", [("killed", 4)]),
        (
            "Twelve soldiers and three civilians were killed in Kidal.",
            [("killed", 12), ("killed", 3)],
        ),
        ("A soldier and two women were wounded in Bakhmut.", [("wounded", 1), ("wounded", 2)]),
    ],
)
def test_a_breakdown_by_nationality_sex_or_age_is_no_claim(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The monitor said those killed since Sunday included 336 fighters and 298 "
            "civilians, 194 of whom were executed by gunmen.",
            [("killed", 336), ("killed", 298)],
        ),
        (
            "Officials said 40 soldiers died in the assault on Kidal, 12 of them shot dead at "
            "the gate.",
            [("killed", 40)],
        ),
        # a part that befell them another way is a claim of its own
        (
            "Gunmen abducted 30 villagers in Zamfara, 20 of whom were later killed, police said.",
            [("captured", 30), ("killed", 20)],
        ),
        # a part with a place of its own is the figure for that place
        (
            "Russia's Defence Ministry said its air defences destroyed 47 Ukrainian drones "
            "overnight, 21 of them over Belgorod.",
            [("destroyed", 47), ("destroyed", 21)],
        ),
        (
            "Officials said 40 soldiers died in the attacks, 12 of them in Menaka.",
            [("killed", 40), ("killed", 12)],
        ),
        # the place hung on the verb, or the part hung on the verb of saying
        (
            "The Russian Defence Ministry said it shot down 337 drones, 91 of them over the "
            "Moscow region.",
            [("destroyed", 337), ("destroyed", 91)],
        ),
        (
            "The ministry reported that air defences intercepted and destroyed 337 drones "
            "overnight, 126 of them over the Kursk region and 91 over the Moscow region.",
            [("destroyed", 337), ("destroyed", 126), ("destroyed", 91)],
        ),
        # a part without a place of its own stays no claim
        (
            "The ministry said it shot down 337 drones, 91 of them jet-powered.",
            [("destroyed", 337)],
        ),
    ],
)
def test_a_part_of_a_figure_that_befell_them_the_same_way_is_no_claim(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry said 12 tanks, four Grad launchers, a radar station of the Kasta "
            "type and about 40 armoured vehicles were destroyed.",
            [("destroyed", 12), ("destroyed", 4), ("destroyed", 1), ("destroyed", 40)],
        ),
        (
            "Police said the bandits stole nine motorcycles, a pickup truck with a mounted gun "
            "and 14 rifles in Zamfara.",
            [("seized", 9), ("seized", 1), ("seized", 14)],
        ),
        # an item without a number between them, described with hyphened words, is one
        # named thing destroyed (ANNOTATION.md "Singular counts")
        (
            "Besides the tanks, six D-30 howitzers, the Msta self-propelled gun and up to 25 "
            "trucks were destroyed, the ministry said.",
            [("destroyed", 6), ("destroyed", 1), ("destroyed", 25)],
        ),
    ],
)
def test_an_item_after_a_long_listed_phrase_shares_the_lists_event(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb joined to another with a subject of its own does not share its count
        (
            "Nearly 1,000 people were displaced and about 12 were killed in Rakhine.",
            [("killed", 12)],
        ),
        (
            "Some 300 families fled and at least nine villagers were abducted near Kajuru.",
            [("captured", 9)],
        ),
        # but a shared subject or object does
        ("Gunmen ambushed and killed 12 soldiers near Djibo.", [("killed", 12)]),
    ],
)
def test_a_joined_verb_with_its_own_subject_keeps_its_own_count(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The general said more than a hundred Russian soldiers had been captured since the "
        "beginning of the day.",
        "Officers said 40 fighters had surrendered since the start of the operation.",
    ],
)
def test_the_time_of_the_event_itself_is_no_running_total(text: str) -> None:
    assert len(figures(text)) == 1


def test_a_hundred_keeps_the_qualifier_before_its_article() -> None:
    [(_, parsed)] = list(
        parse_documents([Document(text="More than a hundred soldiers were captured in Kursk.")])
    )
    [found] = parsed._.extractions
    assert (found.count.value, found.count.qualifier) == (100, "more_than")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "set X ablaze" parsed as a clause of its own
        (
            "Police said the attackers opened fire and then set the vehicle ablaze.",
            [("destroyed", 1)],
        ),
        # the main predicate wins over a clause that describes the people
        (
            "Police said eight hostages who were being held in a separate location were still "
            "missing.",
            [("missing", 8)],
        ),
        # parts of a whole that has no figure of its own are the figures
        (
            "The group said it inflicted heavy losses on the enemy, including the destruction "
            "of three vehicles.",
            [("destroyed", 3)],
        ),
        ("The blast killed 25 people, including four children.", [("killed", 25)]),
    ],
)
def test_small_clauses_main_predicates_and_parts_without_a_whole(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both sides agreed to release 1,000 prisoners each in the coming days.", []),
        ("The deal calls for Hamas to free 50 hostages in the first phase.", []),
        ("The agreement to exchange 300 prisoners was signed in Istanbul.", []),
        ("Israel will release 30 prisoners on Thursday, officials said.", []),
        # the infinitive hung on the verb whose object is the plan
        (
            "The president confirmed the plan for both sides to release 1,000 in the coming days.",
            [],
        ),
        # done, however it is phrased
        ("Commandos managed to free 12 hostages, the army said.", [("released", 12)]),
        ("The militia released 30 prisoners as agreed, officials said.", [("released", 30)]),
    ],
)
def test_an_event_still_to_come_is_no_claim(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia struck Kharkiv with 12 drones overnight, the governor said.", [("attacks", 12)]),
        ("The Houthis said they hit the tanker with two missiles.", [("attacks", 2)]),
        ("The group said it targeted the base with several rockets.", [("attacks", None)]),
        # an instrument that is no projectile is no attack
        ("Soldiers armed with 40 rifles stormed the village.", []),
    ],
)
def test_the_projectiles_an_attack_was_made_with_are_its_attacks(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


def test_a_person_counted_by_name_keeps_what_the_text_says_they_are() -> None:
    text = (
        "Yuri Sokolov, a 70-year-old priest at the church in Makhachkala, was killed in the attack."
    )
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    [found] = parsed._.extractions
    assert found.target == "Yuri Sokolov (priest)"


def test_a_number_word_opening_a_report_counts_its_noun() -> None:
    [(_, parsed)] = list(
        parse_documents([Document(text="Gao\n\nSixteen Malian soldiers were killed.\n")])
    )
    [found] = parsed._.extractions
    assert (found.count.value, found.target) == (16, "Malian soldiers")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two more bodies were found in the rubble, bringing the total to at least 52.",
            [("killed", 2), ("killed", 52)],
        ),
        (
            "Rescuers recovered three more bodies on Monday, bringing the total to 47.",
            [("killed", 3), ("killed", 47)],
        ),
    ],
)
def test_a_total_brought_up_by_the_dead_found_is_a_toll(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shelling caused injuries to 27 residents, bringing the total to at least 52,"
            " up from 31.",
            [("wounded", 27), ("wounded", 52), ("wounded", 31)],
        ),
        (
            "The explosion inflicted injuries on nine workers, raising the number to 25.",
            [("wounded", 9), ("wounded", 25)],
        ),
        (
            "Three more soldiers were wounded on Monday, bringing the total wounded to 19.",
            [("wounded", 3), ("wounded", 19)],
        ),
        (
            "The number killed in the raids rose to 40, officials in Zamfara said.",
            [("killed", 40)],
        ),
    ],
)
def test_a_bare_total_counts_the_event_its_clause_names(
    text: str, expected: list[tuple[str, int]]
) -> None:
    # the event is what the clause caused, or the participle the total is named by
    assert figures(text) == expected


def test_a_target_keeps_whose_things_they_are() -> None:
    text = "The army said troops destroyed 3 vehicles belonging to the insurgents near Gao."
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.target for e in parsed._.extractions] == ["vehicles belonging to the insurgents"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "The army said troops destroyed 12 houses used by the militants as hideouts.",
            "houses used by the militants",
        ),
        (
            "Kyiv said its forces retook four villages occupied by Russian troops.",
            "villages occupied by Russian troops",
        ),
        # used for something, by no one named: no owner, and not part of the name
        ("The police said they seized 5 trucks used in the attack.", "trucks"),
    ],
)
def test_a_target_keeps_who_used_or_occupied_it(text: str, target: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.target for e in parsed._.extractions] == [target]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Over the past day, the Ukrainian army lost up to 320 servicemen, three tanks and 12 "
            "field artillery guns in the Kupyansk direction, the ministry said.",
            [("destroyed", 3, "tanks"), ("destroyed", 12, "field artillery guns")],
        ),
        (
            "Over the past day, the Russian army lost 300 servicemen, two tanks and 9 field "
            "artillery guns near Pokrovsk, the general staff said.",
            [("destroyed", 2, "tanks"), ("destroyed", 9, "field artillery guns")],
        ),
    ],
)
def test_a_number_hung_on_the_first_word_of_a_name_counts_the_name(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert figures_and_targets(text) == expected


def test_people_listed_after_things_are_no_part_of_their_target() -> None:
    text = "Officials said gunmen attacked two churches, two synagogues and police officers."
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.target for e in parsed._.extractions] == ["churches", "synagogues"]
    # people of unknown or the same kind stay together
    [(_, parsed)] = list(
        parse_documents([Document(text="Police said 12 soldiers and civilians died.")])
    )
    assert [e.target for e in parsed._.extractions] == ["soldiers and civilians"]


def test_a_bracket_cut_by_the_parse_is_no_part_of_a_target() -> None:
    [(_, parsed)] = list(
        parse_documents(
            [Document(text="Mali\n\n16 Mali Armed Forces [FAMa] soldiers were killed.\n")]
        )
    )
    assert [e.target for e in parsed._.extractions] == ["FAMa soldiers"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops rescued 12 kidnapped persons in Bungudu, the army said.", [("released", 12)]),
        ("The governor announced the release of 287 students kidnapped in March.",
         [("released", 287)]),
        ("Police said 40 abducted passengers were freed near Kaduna.", [("released", 40)]),
        ("Police said 12 kidnapped farmers were killed in Kajuru.", [("killed", 12)]),
        ("Three wounded soldiers died in hospital in Maiduguri, the army said.",
         [("killed", 3)]),
        # intercepted people are stopped and held; intercepted missiles are destroyed
        ("Troops intercepted nine suspected bandits near Gusau.", [("captured", 9)]),
        ("Air defences intercepted 12 missiles over Kyiv.", [("destroyed", 12)]),
        # held, and nothing else befell them: they were captured
        ("Police said 30 kidnapped villagers were still in the forest.", [("captured", 30)]),
    ],
)  # fmt: skip
def test_people_described_as_held_who_are_freed_are_released(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said 12 people were killed and 26 others taken to hospital in Jos.",
         [("killed", 12), ("wounded", 26)]),
        ("Five soldiers were killed and three others wounded near Gao, the army said.",
         [("killed", 5), ("wounded", 3)]),
        # an active verb with its own subject stays active: the gunmen did the taking
        ("Police said 12 people were killed and 30 gunmen took the town.", [("killed", 12)]),
    ],
)  # fmt: skip
def test_a_passive_goes_on_into_a_joined_participle_without_its_auxiliary(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said 40 pupils remain in captivity in Zamfara.", [("captured", 40)]),
        ("This, the teacher said, leaves 187 students and the principal in the custody of "
         "the bandits.", [("captured", 187)]),
        ("The governor said 12 girls are still with their abductors.", [("captured", 12)]),
        ("The church said 50 pupils have escaped from captivity in Niger State.",
         [("released", 50)]),
        ("Kyiv said it had returned 120 civilians from Russian captivity.", [("released", 120)]),
        # a place held by fighters is no count of people, and a hospital is no captivity
        ("The attack left 12 soldiers and a civilian in the hospital.", []),
    ],
)  # fmt: skip
def test_people_kept_in_or_leaving_captivity(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels said they seized a mortar, a heavy machine gun and two rifles from the base.",
         [("seized", 1), ("seized", 1), ("seized", 2)]),
        ("The ministry said eight howitzers, the Buk air defence system and up to 20 vehicles "
         "were destroyed.", [("destroyed", 8), ("destroyed", 1), ("destroyed", 20)]),
        # a person set beside a person is described, even with a list of what they are
        ("The commander, a colonel and veteran of the war, was killed in the strike.", []),
    ],
)  # fmt: skip
def test_every_singular_thing_of_a_list_is_a_count_of_one(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The official told Reuters that the death toll is now at 212, while 96 were injured.",
         [("killed", 212), ("wounded", 96)]),
        ("The number of wounded was at 75 on Monday, the hospital said.", [("wounded", 75)]),
        # the copula sets a total only: people somewhere are no figure of an event
        ("The attackers were at 3 locations, police said.", []),
    ],
)  # fmt: skip
def test_a_total_set_at_its_figure_by_the_copula(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "others" are more of the kind named before, people or things
        ("Two soldiers were killed in the raid. Police said 12 others had been taken into "
         "custody.", [("killed", 2), ("captured", 12)]),
        ("Police said two tanks were destroyed and three others were seized.",
         [("destroyed", 2), ("seized", 3)]),
        ("Two soldiers were killed in the raid. Police said multiple others had been taken "
         "into custody.", [("killed", 2), ("captured", None)]),
    ],
)  # fmt: skip
def test_others_are_more_of_the_kind_named_before(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vague word before a multiplier is the whole count: no hundred, no dozen
        ("Officials said several hundred people were killed in Goma.", [("killed", None)]),
        ("Medics said a few dozen people were wounded in the shelling.", [("wounded", None)]),
        ("The FLA said it had killed several dozen members of the Africa Corps.",
         [("killed", None)]),
        ("Officials said two hundred people were killed in Goma.", [("killed", 200)]),
        ("Medics said a dozen people were wounded in the shelling.", [("wounded", 12)]),
        ("Half a dozen jawans were injured in the blast, police said.", [("wounded", 6)]),
    ],
)  # fmt: skip
def test_a_vague_multiple_is_a_vague_count(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


def test_a_vague_multiple_counts_the_noun_after_it() -> None:
    [(_, parsed)] = list(
        parse_documents([Document(text="The FLA said it killed several dozen members of a unit.")])
    )
    assert [e.target for e in parsed._.extractions] == ["members of a unit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast left many vehicles in flames on the main road.", [("destroyed", None)]),
        ("Officials said 30 houses were reduced to rubble by the shelling.",
         [("destroyed", 30)]),
        ("The strike turned two warehouses into ashes, the army said.", [("destroyed", 2)]),
        # people left somewhere are no ruins
        ("The attack left 12 soldiers in hospital.", []),
    ],
)  # fmt: skip
def test_things_left_in_ruins_are_destroyed(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no verb tells what befell the whole of a part: the word describing it does
        ("Thousands of captured soldiers have been paraded in the regional capital.",
         [("captured", None)]),
        ("Dozens of wounded people were taken to the district hospital.", [("wounded", None)]),
        # a verb that tells it comes first
        ("Two of the wounded soldiers died in hospital, the army said.", [("killed", 2)]),
    ],
)  # fmt: skip
def test_the_whole_of_a_part_described_by_what_befell_it(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side's losses of things are destroyed; of people, unsplit killed and wounded
        ("The losses of the enemy amounted to up to 140 servicemen, two tanks and three "
         "pickup trucks, the ministry said.", [("destroyed", 2), ("destroyed", 3)]),
        ("The General Staff said Russia's losses over the past day amounted to 1,230 "
         "personnel, 12 tanks and 35 artillery systems.", [("destroyed", 12), ("destroyed", 35)]),
        ("The army said the losses of the enemy included 12 tanks.", [("destroyed", 12)]),
        # a week of operations is no campaign's running total
        ("The army said troops neutralised 35 terrorists in the past week.", [("killed", 35)]),
    ],
)  # fmt: skip
def test_a_communique_of_losses(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the part hung on the whole's number by the parser: 74 destroyed, 98 launched
        ("Air defence forces neutralised 74 of 98 Shahed drones launched overnight by "
         "Russia, the air force said.", [("destroyed", 74), ("attacks", 98)]),
        ("The air force said it shot down 30 of 35 drones launched by Russia.",
         [("destroyed", 30), ("attacks", 35)]),
        ("Police said 4 of 12 suspects were arrested in Kano.", [("captured", 4)]),
    ],
)  # fmt: skip
def test_a_part_and_its_whole_each_with_its_event(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how a military's press wing tells its dead and the enemy's
        ("During the exchange of fire, six khwarij were sent to hell, while two soldiers "
         "embraced shahadat, the ISPR said.", [("killed", 6), ("killed", 2)]),
        ("Two soldiers embraced martyrdom in the exchange of fire.", [("killed", 2)]),
        # those who "paid the supreme price" are counted, and say nothing
        ("Troops neutralised five bandits in Katsina, while one soldier paid the supreme "
         "price.", [("killed", 5), ("killed", 1)]),
        ("Three soldiers and a policeman paid the ultimate price near Djibo.",
         [("killed", 3), ("killed", 1)]),
    ],
)  # fmt: skip
def test_a_press_wing_s_words_for_the_dead(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prefixed irregular past ("retook", "withheld") is lemmatized by its stem
        ("Government troops retook four villages near Kidal.", [("seized", 4)]),
        ("The militia said it had recaptured two towns from the army.", [("seized", 2)]),
        ("Commandos liberated 20 hostages held in a forest camp.", [("released", 20)]),
        ("Colombian troops liberated three hamlets held by the dissidents.", [("seized", 3)]),
        # the lemmatizer's slips on war words: "bases" is no "basis"
        ("The insurgents overran two bases in Cabo Delgado.", [("seized", 2)]),
        ("Villagers recovered 12 corpses from the river.", [("killed", 12)]),
    ],
)
def test_taking_and_freeing_in_every_form(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


def test_the_lemmatizers_slips_on_war_words_are_mended() -> None:
    from counterclaim.nlp import load_pipeline

    parsed = load_pipeline()("The rebels overran two bases and retook a town.")
    assert {t.text: t.lemma_ for t in parsed}["bases"] == "base"
    assert {t.text: t.lemma_ for t in parsed}["retook"] == "retake"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser takes the part for the subject of the clause after the whole
        (
            "Ukraine's air force said it downed 23 of the 31 drones Russia launched overnight.",
            ("destroyed", 23),
        ),
        (
            "The Saudi-led coalition said it destroyed 12 of the 15 drones the Houthis fired.",
            ("destroyed", 12),
        ),
    ],
)
def test_a_count_right_after_an_event_verb_is_its_object(
    text: str, expected: tuple[str, int]
) -> None:
    assert expected in figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fourteen soldiers were killed and 41 wounded near Sikasso, the army said.",
        "Thirty-four soldiers were killed and forty-one wounded, the ministry said.",
    ],
)
def test_the_counted_never_did_the_deed(text: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    wounded = [e for e in parsed._.extractions if e.category == "wounded"]
    assert wounded and all(e.agent is None for e in wounded)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side's losses of people counted with its equipment: dead and wounded together
        (
            "The enemy lost up to 900 servicemen, 11 tanks and 25 armoured vehicles over the "
            "day, the Russian defence ministry said.",
            [("destroyed", 11), ("destroyed", 25)],
        ),
        (
            "Over the day the Russian army has lost a total 640 troops, four tanks and nine "
            "artillery systems, Kyiv said.",
            [("destroyed", 4), ("destroyed", 9)],
        ),
        # people lost alone are the dead
        (
            "The separatists admitted losing nine fighters near Anefis.",
            [("killed", 9)],
        ),
    ],
)
def test_losses_in_a_communiques_tally(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bandits abducted a traditional ruler in Sokoto, police said.", [("captured", 1)]),
        ("Gunmen killed a councillor near Jos, police said.", [("killed", 1)]),
        ("The blast wounded a passerby near the market.", [("wounded", 1)]),
        # a side's manpower is people, and what befell them unsplit: nothing destroyed
        (
            "The ministry said its units destroyed a large amount of enemy manpower and 12 tanks.",
            [("destroyed", 12)],
        ),
    ],
)
def test_one_person_named_by_what_they_are(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


def test_the_whole_s_own_figure_is_no_part_of_a_parts_target() -> None:
    text = "The bandits released 40 of the 80 passengers they had abducted near Birnin Gwari."
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    released = [e for e in parsed._.extractions if e.category == "released"]
    assert [e.target for e in released] == ["passengers"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A further 30 civilians died overnight in Khartoum, the ministry said.", "civilians"),
        ("Five more bodies were found near Kidal on Tuesday, police said.", "bodies"),
        ("Two other soldiers were wounded near Mopti, the army said.", "soldiers"),
    ],
)
def test_a_target_leaves_out_the_words_that_add_to_an_earlier_figure(
    text: str, target: str
) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.target for e in parsed._.extractions] == [target]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how long the captors had held them is no running total of the release
        ("The ELN said it released three soldiers it had held since March.", [("released", 3)]),
        ("Twelve hostages the group had kept since 2022 were freed in Mali.", [("released", 12)]),
        # a toll since a month still is
        ("The UN said 300 civilians who have been killed since March were buried.", []),
    ],
)
def test_a_clause_on_what_was_done_to_the_counted_before_is_no_running_total(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attacks, carried out by bandits in 12 communities of Zurmi, also destroyed "
            "nine vehicles, police said.",
            [("attacks", 12), ("destroyed", 9)],
        ),
        (
            "Gunmen carried out attacks in 15 villages of Bokkos, the police said.",
            [("attacks", 15)],
        ),
        # the areas a campaign spans are not counted
        ("The air force carried out strikes in five provinces, the ministry said.", []),
    ],
)
def test_the_places_attacks_were_carried_out_in(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Troops killed 25–30 insurgents near Palma, the army said.", "insurgents"),
        ("Between 30 to 45 people were killed in Djibo, witnesses said.", "people"),
        ("A dozen soldiers and several civilians were wounded, officials said.", "soldiers"),
    ],
)
def test_a_target_holds_no_other_figure(text: str, target: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert parsed._.extractions[0].target == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare figure of a side's losses counts people and things alike: unsplit
        ("The rebels put the army's losses at 40.", []),
        ("The separatists put government losses at more than 200.", []),
        # losses of things named are destroyed
        ("The rebels put the army's losses at 12 tanks.", [("destroyed", 12)]),
    ],
)
def test_a_figure_of_losses_counts_only_what_it_names(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs "of" on the verb, not on the noun of the event
        (
            "The RSF took control of three army bases in North Darfur, the group said.",
            [("seized", 3)],
        ),
        (
            "The army announced the destruction of 12 rebel vehicles, the statement said.",
            [("destroyed", 12)],
        ),
        (
            "Security forces recovered the bodies of two Maoists after the encounter.",
            [("killed", 2)],
        ),
    ],
)
def test_the_event_of_the_object_before_of_counts(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a verb with an object did the act: the gunmen are not the dead
        ("Two gunmen killed five villagers in Zamfara, police said.", [("killed", 5)]),
        ("Two fighter jets downed a drone near Aden, the coalition said.", [("destroyed", 1)]),
        ("Three Russian missiles destroyed a school in Kharkiv.", [("destroyed", 1)]),
        # a headline's passive has no object: its subject is what befell
        ("Twelve soldiers killed in an ambush near Tillaberi, the army said.", [("killed", 12)]),
    ],
)
def test_the_doers_of_an_act_are_not_its_count(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # some picked out of people counted already, by how the whole is described
        ("Police said one of the dead militants was a commander of the group.", []),
        ("Two of the kidnapped students are sisters, the principal said.", []),
        # the whole named by the event itself, and the part befell the same
        ("Five of the injured were taken to hospital in Gao, officials said.", []),
        ("Seven of the wounded had been rushed to hospitals in Bamenda.", []),
        # what befell the part is a claim of its own
        ("One of the wounded soldiers later died in hospital, the army said.", [("killed", 1)]),
        ("Two of the wounded later died in hospital, officials said.", [("killed", 2)]),
        ("Twelve of the kidnapped were released on Sunday.", [("released", 12)]),
        # escaping from captivity is a release; escaping an ambush is nothing
        (
            "Fifty pupils abducted from a school in Kebbi have escaped from captivity, the "
            "church said.",
            [("released", 50)],
        ),
        (
            "Police said three of the abducted students had escaped from captivity.",
            [("released", 3)],
        ),
        ("Two soldiers escaped the ambush unhurt, the army said.", []),
    ],
)
def test_a_part_of_people_counted_already(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whatever the verb, done "to death" or "fatally" it kills
        (
            "ADF rebels hacked 22 villagers to death in Mambasa, local officials said.",
            [("killed", 22)],
        ),
        ("Twelve people were hacked to death in Beni, officials said.", [("killed", 12)]),
        ("A mob beat two suspected thieves to death in Kampala, police said.", [("killed", 2)]),
        (
            "Militants burned 14 people to death in their homes, the governor said.",
            [("killed", 14)],
        ),
        ("Gunmen fatally stabbed five worshippers near Bunia, witnesses said.", [("killed", 5)]),
        ("Two officers were fatally shot in Culiacan, prosecutors said.", [("killed", 2)]),
        # a sentence to death is no killing
        ("A military court sentenced 12 men to death in Kinshasa.", []),
    ],
)
def test_any_verb_done_to_death_kills(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An explosive device struck a vehicle carrying civilians in Gao, killing three and "
        "injuring five others, according to MINUSMA.",
        "A drone hit a truck near Kherson, killing three and wounding five others, the "
        "governor said.",
    ],
)
def test_bare_counts_killed_after_a_thing_struck_are_people(text: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    found = [(e.category, e.count.value, e.target) for e in parsed._.extractions]
    assert found == [("killed", 3, "people"), ("wounded", 5, "people")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # "of them" are the people the sentence before counted, not whoever it named last
        (
            "Gunmen abducted 25 passengers from a bus near Kaduna, police spokesman Mohammed "
            "Jalige said. Five of them were later rescued.",
            "passengers",
        ),
        # with no count before, a pronoun stays what it is: "the suspects" acted, the
        # officers chased, and neither was counted
        (
            "Following a brief chase by police officers, the suspects abandoned the car. One "
            "of them was detained at the scene.",
            "them",
        ),
    ],
)
def test_a_part_of_them_is_of_the_people_counted_before(text: str, target: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert parsed._.extractions[-1].target == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count the parser joins to the verb is one more of its objects
        (
            "Security forces killed the commander of the group, Abu Bakr, and two of his "
            "aides in a raid near Idlib, the ministry said.",
            [("killed", 2, "his aides")],
        ),
        # or to a word it left hanging on the verb ("alias")
        (
            "Colombian troops killed Javier Alonso Veloza, alias 'John Mechas', and two of his "
            "bodyguards in an operation in Putumayo.",
            [("killed", 2, "his bodyguards")],
        ),
        (
            "Philippine soldiers killed Abu Sayyaf leader Radulan Sahiron, alias 'Kumander "
            "Putol', and three of his followers in Sulu.",
            [("killed", 3, "his followers")],
        ),
        # and a target holds no count of its own beside it
        (
            "Security forces killed a commander and two of his aides near Idlib.",
            [("killed", 1, "commander"), ("killed", 2, "his aides")],
        ),
    ],
)
def test_every_conjunct_object_is_counted_on_its_own(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [(e.category, e.count.value, e.target) for e in parsed._.extractions] == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Police shot dead two suspects in Karachi.", "suspects"),
        ("Police said they shot two suspects dead in Karachi.", "suspects"),
        ("Soldiers shot dead four NPA rebels in Samar.", "NPA rebels"),
        ("The commandos set free 20 hostages near Kidal.", "hostages"),
    ],
)
def test_what_a_verb_did_to_its_object_is_not_the_objects_name(text: str, target: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    [found] = parsed._.extractions
    assert found.target == target


@pytest.mark.parametrize(
    "text",
    [
        "TPNPB spokesman Sebby Sambom said his group had shot dead two TNI soldiers in Nduga.",
        "A spokesman for the rebels said their fighters shot dead 14 soldiers near Bria.",
    ],
)
def test_those_a_verb_left_dead_are_its_object(text: str) -> None:
    # the count is what the shooting acted on, so a side's own shooters did it to others
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    [found] = parsed._.extractions
    assert found.category == "killed"
    assert any(k.startswith("path=") and k.endswith("dobj") for k in found.features)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a figure that undergoes an event of its own is a claim of that event
        (
            "Russia launched 112 drones and 8 missiles overnight, of which 93 drones and 6 "
            "missiles were shot down.",
            [
                ("attacks", 112, "drones"),
                ("attacks", 8, "missiles"),
                ("destroyed", 93, "drones"),
                ("destroyed", 6, "missiles"),
            ],
        ),
        (
            "The blast in Mogadishu wounded 30 people, of whom four later died.",
            [("wounded", 30, "people"), ("killed", 4, "people")],
        ),
        # a part that is only described, or that shared the whole's fate, is no claim
        (
            "Gunmen killed 10 people in Zamfara, of whom four were women.",
            [("killed", 10, "people")],
        ),
        (
            "Gunmen killed 10 people in Zamfara, of whom four were killed in their homes.",
            [("killed", 10, "people")],
        ),
    ],
)
def test_a_part_with_an_event_of_its_own(text: str, expected: list[tuple[str, int, str]]) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [(e.category, e.count.value, e.target) for e in parsed._.extractions] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure before "a day earlier" is no rate, and the earlier toll is a claim too
        (
            "The death toll rose to 46 from 31 a day earlier, officials in Bunia said.",
            [("killed", 46), ("killed", 31)],
        ),
        # the earlier toll after the speaker's verb
        (
            "The death toll has risen to 46, the district commissioner said, up from 31.",
            [("killed", 46), ("killed", 31)],
        ),
        # the earlier toll described as earlier, or named as a figure
        (
            "The governor of Benue said the toll had risen to 54 from an earlier 32.",
            [("killed", 54), ("killed", 32)],
        ),
        (
            "The toll in Kherson rose to 19 from a previous figure of 11, officials said.",
            [("killed", 19), ("killed", 11)],
        ),
        (
            "The number of wounded in Sumy rose to 80 from an earlier count of 45.",
            [("wounded", 80), ("wounded", 45)],
        ),
        # the earlier toll of an event told by its own verb
        (
            "At least 28 people have been killed in Cite Soleil, up from 19 on Sunday, the "
            "mayor said.",
            [("killed", 28), ("killed", 19)],
        ),
        (
            "The army said 40 soldiers were missing near Pokrovsk, down from 65 on Monday.",
            [("missing", 40), ("missing", 65)],
        ),
        # a rate is no count, and "some" before its figure is no vague count of its own
        ("Russia has been launching some 300 drones every night.", []),
        ("Russia launched 30 drones a day over Kharkiv in May.", []),
    ],
)
def test_tolls_against_earlier_tolls_and_rates(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole told by a relative clause on its noun, with and without "that"
        (
            "Ukraine's air force said it shot down 38 of the 45 drones that Russia launched "
            "overnight.",
            [("destroyed", 38), ("attacks", 45)],
        ),
        (
            "Ukraine's air force said it shot down 38 of the 45 drones Russia launched overnight.",
            [("destroyed", 38), ("attacks", 45)],
        ),
        (
            "The army said it intercepted 12 of the 20 rockets Hezbollah fired at the north.",
            [("destroyed", 12), ("attacks", 20)],
        ),
        # the clause's subject acted on the counted
        ("Israel said 101 hostages Hamas seized in October remain in Gaza.", [("captured", 101)]),
        # the main verb counts, the clause only describes
        (
            "The governor said the 30 villagers bandits abducted last week had been freed.",
            [("released", 30)],
        ),
    ],
)
def test_a_relative_clause_whose_subject_acted_on_the_counted(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


def test_a_name_before_a_past_verb_is_the_doer_of_a_clause_not_an_apposition() -> None:
    [(_, parsed)] = list(
        parse_documents(
            [Document(text="The air force said it shot down all 30 drones Russia sent overnight.")]
        )
    )
    [found] = parsed._.extractions
    assert (found.category, found.count.value, found.target) == ("destroyed", 30, "drones")


def test_those_who_paid_the_price_are_not_the_speakers() -> None:
    [(_, parsed)] = list(
        parse_documents([Document(text="Two soldiers and a policeman paid the supreme price.")])
    )
    assert [e.attribution.kind for e in parsed._.extractions] == ["reporter", "reporter"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested five suspects in Kano, along with two of their accomplices.",
         [("captured", 5), ("captured", 2)]),
        ("Twelve soldiers were killed in the ambush, along with three civilians, the army "
         "said.", [("killed", 12), ("killed", 3)]),
        ("Two soldiers, along with three civilians, were killed near Mopti.",
         [("killed", 2), ("killed", 3)]),
        # every conjunct after "along with"; troops "lost" beside equipment are losses,
        # not deaths (ANNOTATION.md: unsplit figures)
        ("The General Staff said Russia lost 1,250 troops over the past day, along with 11 "
         "tanks and 34 artillery systems.", [("destroyed", 11), ("destroyed", 34)]),
    ],
)  # fmt: skip
def test_what_comes_along_with_the_counted_shares_its_event(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attacks are attacks carried out or places attacked (ANNOTATION.md), not people
        ("Militants ambushed 12 soldiers near Gao.", []),
        ("Insurgents attacked 15 villages in Borno.", [("attacks", 15)]),
        ("According to the BBC, 92 soldiers killed were ambushed by the insurgents.",
         [("killed", 92)]),
        ("Russia launched 45 drones at Odesa overnight.", [("attacks", 45)]),
    ],
)  # fmt: skip
def test_people_attacked_are_no_count_of_attacks(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every projectile is a thing, so intercepting one destroys it, never captures it
        ("Iran said its air defences intercepted 12 Israeli projectiles over Isfahan.",
         [("destroyed", 12)]),
        ("The army said it intercepted 30 shells fired at the border town.",
         [("destroyed", 30), ("attacks", 30)]),
        ("The coast guard intercepted 40 migrants off Sfax.", [("captured", 40)]),
    ],
)  # fmt: skip
def test_intercepted_projectiles_are_destroyed(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


def test_a_participle_tagged_a_noun_with_an_object_is_a_verb() -> None:
    # the tagger takes "overrun" for a noun, though the parser gave it "had" and an object
    assert figures("The rebels said they had overrun three army outposts and captured 25 "
                   "soldiers.") == [("seized", 3), ("captured", 25)]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said its forces had killed up to 1,350 Ukrainian servicemen.",
        "The army said troops killed up to 40 militants in the raid on the camp.",
    ],
)
def test_a_count_after_up_to_is_the_verbs_object(text: str) -> None:
    # the parser makes "up" a particle of the verb and the counted the object of "to"
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    [found] = parsed._.extractions
    assert (found.category, found.count.qualifier) == ("killed", "up_to")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "some" before a number word qualifies it; a bare "two dozen" counts the people before
        ("The drone attack killed a dozen people and injured some two dozen, the governor "
         "said.", [(12, "exact", "people"), (24, "about", "people")]),
        ("Gunmen killed some three hundred villagers in Zamfara.", [(300, "about", "villagers")]),
        ("Gunmen abducted two dozen students in Kebbi.", [(24, "exact", "students")]),
    ],
)  # fmt: skip
def test_number_words_after_some_and_a_bare_dozen(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    found = [(e.count.value, e.count.qualifier, e.target) for e in parsed._.extractions]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one item included, then ", and" another: the list goes on outside the inclusion
        ("The ministry said it destroyed 14 tanks, including five Leopard tanks, and 23 "
         "artillery pieces.", [("destroyed", 14), ("destroyed", 23)]),
        ("Gunmen killed 20 villagers, including two children, and three soldiers in Kidal.",
         [("killed", 20), ("killed", 3)]),
        # several items inside are all the inclusion's
        ("Gunmen killed 20 people, including two children, three women, and a man.",
         [("killed", 20)]),
    ],
)  # fmt: skip
def test_a_list_resumed_after_an_inclusion(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # those given back for others are freed too
        ("Hamas freed 13 hostages on Friday in exchange for 39 Palestinian prisoners, the "
         "mediators said.", [("released", 13), ("released", 39)]),
        ("The rebels swapped the captured officers for 40 of their fighters.",
         [("released", 40)]),
        ("The two sides completed the exchange of 95 prisoners of war.", [("released", 95)]),
        # an exchange of fire frees no one
        ("Two soldiers were killed in an exchange of fire with militants.", [("killed", 2)]),
    ],
)  # fmt: skip
def test_an_exchange_frees_both_sides_prisoners(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An airstrike killed a family of six in Idlib, the civil defence said.",
         [("killed", 6, "family")]),
        ("A family of five was wounded when a shell hit their house in Kherson.",
         [("wounded", 5, "family")]),
        ("The rebels released the cargo ship's crew of 25 on Monday.",
         [("released", 25, "crew")]),
        # a size with a noun of its own counts that noun, once
        ("Gunmen abducted a crew of 12 engineers near Kaduna, police said.",
         [("captured", 12, "engineers")]),
        # an unsized household is one
        ("A shell killed a family near Avdiivka.", [("killed", 1, "family")]),
        # sized before it
        ("A 12-member family was killed when a shell hit their home in Kharkiv.",
         [("killed", 12, "family")]),
        ("Pirates abducted a 5-member crew off Bonny Island, the navy said.",
         [("captured", 5, "crew")]),
        # a team's size is no count of people befallen
        ("A 12-member team of inspectors arrived, and three soldiers were killed.",
         [("killed", 3, "soldiers")]),
    ],
)  # fmt: skip
def test_people_counted_by_their_household_s_size(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert figures_and_targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people of a figure a relative "whom" hangs on, not a day the parser hung it on
        ("A hospital in Omdurman received 96 wounded on Sunday, 12 of whom later died, MSF "
         "said.", [("wounded", 96, "people"), ("killed", 12, "people")]),
        ("Clinics admitted 120 people with gunshot wounds on Friday, 20 of whom died.",
         [("wounded", 120, "people"), ("killed", 20, "people")]),
        ("Police arrested 40 suspects in Kano on Tuesday, 12 of whom were later freed.",
         [("captured", 40, "suspects"), ("released", 12, "suspects")]),
        # "which" counts things
        ("Russia launched 35 drones overnight, 30 of which were shot down.",
         [("attacks", 35, "drones"), ("destroyed", 30, "drones")]),
    ],
)  # fmt: skip
def test_a_relative_pronoun_counts_the_people_or_things_it_stands_for(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert figures_and_targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wounded after bodies are people, not bodies
        ("Medics at the hospital in Deir al-Balah said they had received 33 bodies and more "
         "than 70 wounded.", [("killed", 33, "bodies"), ("wounded", 70, "people")]),
        # the dead after bodies may be the bodies' own
        ("Rescuers pulled 12 bodies from the rubble and said four more were dead.",
         [("killed", 12, "bodies"), ("killed", 4, "bodies")]),
    ],
)  # fmt: skip
def test_the_wounded_counted_after_bodies_are_no_bodies(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert figures_and_targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part included after a bare figure is no figure the next bare count goes on from,
        # however the parser hung "including"
        ("The strike killed 5, including 2 children, and injured 10 more.",
         [("killed", 5, "people"), ("wounded", 10, "people")]),
    ],
)  # fmt: skip
def test_an_included_part_is_no_antecedent(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert figures_and_targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count that closes a verb's phrase: "lose contact with" is going missing
        ("The army said it had lost contact with 12 soldiers after the ambush near Menaka.",
         [("missing", 12)]),
        ("The brigade lost 40 soldiers and lost contact with 12 others.",
         [("killed", 40), ("missing", 12)]),
        # contact lost with no one counted
        ("The ship lost contact with the coast guard, and 12 crew were killed.",
         [("killed", 12)]),
    ],
)  # fmt: skip
def test_a_count_closing_a_verb_s_phrase_takes_its_event(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MANILA - Seven New People's Army rebels were killed in a clash, the army said.",
            [("killed", 7, "New People's Army rebels")],
        ),
        (
            "ABUJA - Nine Boko Haram's fighters surrendered to troops in Borno, the army said.",
            [("captured", 9, "Boko Haram's fighters")],
        ),
        (
            "Troops killed 6 Moro Islamic Liberation Front members in Lanao, the army said.",
            [("killed", 6, "Moro Islamic Liberation Front members")],
        ),
    ],
)
def test_a_count_hung_on_the_name_before_its_noun_counts_the_noun(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    """A group's name between a number and the noun it counts: the parser may hang the
    number on the name (after a dateline, before a possessive), and the noun is counted."""
    assert figures_and_targets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "QUITO - At least 31 inmates were killed in a riot, the prison agency said.",
        "KARACHI: Four inmates were killed in a riot, the prison agency said.",
        "MAIDUGURI — Nine inmates were killed in a riot, the prison agency said.",
    ],
)
def test_a_dateline_is_no_part_of_the_counted_noun(text: str) -> None:
    [(_, _, target)] = figures_and_targets(text)
    assert target == "inmates"


def test_homicides_are_counted_deaths() -> None:
    assert figures("Police recorded 31 homicides in the capital last week.") == [("killed", 31)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow's defence ministry announced the shooting down of three Ukrainian "
         "helicopters.", [("destroyed", 3)]),
        ("The rebels claimed the blowing up of two bridges on the road to Kidal, the "
         "statement said.", [("destroyed", 2)]),
        ("The army reported the setting ablaze of 20 huts in the village.",
         [("destroyed", 20)]),
        ("Residents reported the taking over of three police stations by the gunmen.",
         [("seized", 3)]),
        # a gerund without its phrase's words is no phrase ("the setting of traps")
        ("Officers reported the setting of 20 traps along the river.", []),
    ],
)  # fmt: skip
def test_the_gerund_of_a_phrasal_event_verb_names_its_event(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army announced the recovery of 60 rifles from a rebel camp.",
        "Customs officers reported the confiscation of 60 rifles at the border post.",
        "Residents described the looting of 60 shops by the gunmen.",
    ],
)
def test_a_noun_of_seizure_counts_what_was_taken(text: str) -> None:
    assert figures(text) == [("seized", 60)]


def test_the_recovery_of_bodies_is_a_toll_not_a_seizure() -> None:
    assert figures("Rescuers announced the recovery of 12 bodies from the rubble.") == [
        ("killed", 12)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine's air force said air defences shot down or jammed 110 drones.",
         [("destroyed", 110)]),
        ("The army said troops captured and disarmed 40 fighters near Beni.",
         [("captured", 40)]),
        # the verb before has an object of its own: the count is the second verb's alone
        ("Police said the gang torched a bank and hid 40 rifles in a forest.",
         [("destroyed", 1)]),
    ],
)  # fmt: skip
def test_an_event_verb_shares_the_object_of_the_verb_joined_after_it(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert figures(text) == expected


def test_a_part_counted_as_them_counts_the_things_counted_before() -> None:
    assert figures_and_targets(
        "The air force said it shot down 38 Russian drones overnight, 20 of them over Kyiv."
    ) == [("destroyed", 38, "Russian drones"), ("destroyed", 20, "Russian drones")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the doer among the dead: the others are people, not more of the doer's kind
        (
            "A suicide bomber killed himself and six others at a checkpoint in Quetta.",
            [("killed", 6, "others")],
        ),
        (
            "The attackers blew themselves up and killed 11 others outside the mosque.",
            [("killed", 11, "others")],
        ),
        # a gunship is a thing shot down
        (
            "The rebels said they shot down a Mi-24 helicopter gunship near Bunia.",
            [("destroyed", 1, "Mi-24 helicopter gunship")],
        ),
    ],
)
def test_others_beside_the_doer_and_gunships(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert figures_and_targets(text) == expected


def test_how_many_is_no_count() -> None:
    assert figures("Ukraine's General Staff did not say how many drones were launched.") == []
    assert figures("It is not clear how many soldiers were killed near Pokrovsk.") == []


def test_the_items_of_a_list_stand_where_the_list_stands() -> None:
    [(_, parsed)] = list(
        parse_documents(
            [
                Document(
                    text="The army said it seized 12 rifles, nine motorcycles, four canoes and two radios."
                )
            ]
        )
    )
    paths = [next(k for k in e.features if k.startswith("path=")) for e in parsed._.extractions]
    assert paths[0] == "path=nummod>dobj"
    assert all(p.endswith(">dobj") for p in paths)

"""Extraction rules on sentences written for these tests, from many conflicts.

Each pattern is checked in several phrasings: active and passive voice, reporting verbs
before and after, "according to", quotations, vague counts and denials.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterclaim.extract import Extraction, tidy_name, trailing_attribution
from counterclaim.model import Document
from counterclaim.nlp import parse_documents

pytestmark = pytest.mark.model


def extractions(text: str) -> list[Extraction]:
    doc = Document(text=text)
    [(_, parsed)] = list(parse_documents([doc]))
    return list(parsed._.extractions)


def one(text: str) -> Extraction:
    found = extractions(text)
    assert len(found) == 1, [(e.category, e.count.value, e.target) for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # killed, active and passive, several verbs
        ("The army said it killed 45 insurgents near Maiduguri.", "killed", 45),
        ("Israeli troops shot dead three gunmen in Jenin, the military said.", "killed", 3),
        (
            "Twelve civilians were killed when a shell hit a market in Kherson, officials said.",
            "killed",
            12,
        ),
        ("The junta said its forces had neutralised 30 fighters of the Arakan Army.", "killed", 30),
        ("Nine soldiers were martyred in the ambush, the ISPR said.", "killed", 9),
        ("Al-Shabaab said it executed four men it accused of spying.", "killed", 4),
        ("At least 17 people died after the strike on the camp, the ministry said.", "killed", 17),
        ("The attack claimed the lives of 11 peacekeepers, the UN mission said.", "killed", 11),
        ("Medics reported 40 dead in the shelling of El Obeid.", "killed", 40),
        # wounded
        (
            "Local officials said 23 people were injured in the drone attack on Odesa.",
            "wounded",
            23,
        ),
        ("The strike wounded 14 residents of Khan Younis, hospital staff said.", "wounded", 14),
        # captured
        ("The rebels said they captured 18 soldiers near Bunia.", "captured", 18),
        ("Police said 32 suspects were arrested after the raid in Srinagar.", "captured", 32),
        ("Gunmen abducted 25 students from a school in Zamfara, residents said.", "captured", 25),
        ("The group said 60 government troops had surrendered.", "captured", 60),
        # released
        ("The navy said it rescued 190 passengers from the train.", "released", 190),
        ("Hamas freed three hostages on Saturday, the Red Cross said.", "released", 3),
        # missing
        (
            "Fifteen crew members are missing after the attack, the shipping firm said.",
            "missing",
            15,
        ),
        # attacks
        ("The group said it carried out 12 attacks on army posts in Kidal.", "attacks", 12),
        ("Russia launched 96 drones at Ukraine overnight, the air force said.", "attacks", 96),
        ("The separatists said they attacked 48 locations across the province.", "attacks", 48),
        # destroyed
        (
            "Air defences shot down 40 drones over the Belgorod region, the ministry said.",
            "destroyed",
            40,
        ),
        ("The rebels said they destroyed two tanks and set 23 vehicles ablaze.", "destroyed", 2),
        ("Officials said 120 homes were burnt in the raid on the village.", "destroyed", 120),
        # seized
        ("The army said its troops took control of 19 border posts.", "seized", 19),
        ("The militia said it had seized 7 villages in Sagaing.", "seized", 7),
        ("Fighters captured 21 posts along the frontier, the military said.", "seized", 21),
    ],
)
def test_category_and_value(text: str, category: str, value: int) -> None:
    found = extractions(text)
    assert any(e.category == category and e.count.value == value for e in found), [
        (e.category, e.count.value) for e in found
    ]


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("At least 25 soldiers were killed, the group said.", "at_least", 25),
        ("No fewer than 8 civilians were killed in the strike, medics said.", "at_least", 8),
        ("More than 100 fighters were killed, the army said.", "more_than", 100),
        ("The army said over 200 militants were killed.", "more_than", 200),
        ("Nearly 3,000 people were injured, the UN said.", "up_to", 3000),
        ("Up to 50 people were abducted, villagers said.", "up_to", 50),
        ("Around 70 people were killed, according to the health ministry.", "about", 70),
        ("The ministry said 35 to 40 people were killed.", "at_least", 35),
        ("Seven soldiers were killed, the army said.", "exact", 7),
    ],
)
def test_qualifiers(text: str, qualifier: str, value: int) -> None:
    e = one(text)
    assert (e.count.qualifier, e.count.value) == (qualifier, value)


@pytest.mark.parametrize(
    "text",
    [
        "Dozens were wounded in the fighting, the rebels said.",
        "Several soldiers were captured, the group claimed.",
        "The army said it had taken control of several rebel areas.",
        "Hundreds of people were injured in the blasts, officials said.",
    ],
)
def test_vague_counts_have_no_value(text: str) -> None:
    e = one(text)
    assert e.count.value is None and e.count.qualifier == "vague"


@pytest.mark.parametrize(
    "text",
    [
        "The group said no fighter was killed in the attack.",
        "The militia insisted that none of its members were killed.",
        "The RSF said it categorically denies the deaths of civilians in the strike.",
    ],
)
def test_denials_are_zero(text: str) -> None:
    e = one(text)
    assert e.count.value == 0 and e.category == "killed"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The BLF said it killed 12 soldiers in Turbat.", "The BLF"),
        ("Ten soldiers were killed, the ISPR said in a statement.", "the ISPR"),
        ("Twenty drones were destroyed, Kyiv’s air force said on Telegram.", "Kyiv’s air force"),
        (
            "According to the health ministry, 31 people were killed in Gaza City.",
            "the health ministry",
        ),
        ("Four civilians were killed, according to the UN mission.", "the UN mission"),
        (
            "The agency quoted Colonel Idris Musa, from the Sudanese army, as saying that 17 "
            "fighters were killed near El Fasher.",
            "Colonel Idris Musa, from the Sudanese army",
        ),
        (
            "A local radio station cited district officials as saying nine civilians were "
            "wounded in Beni.",
            "district officials",
        ),
        (
            'According to the Telegram channel "Baza", 14 people were wounded in Belgorod.',
            'the Telegram channel "Baza"',
        ),
        (
            "According to the “Kyiv Independent” desk, 9 civilians were killed.",
            "the “Kyiv Independent” desk",
        ),
        ("“We killed 15 soldiers in the ambush,” said Jeeyand Baloch.", "Jeeyand Baloch"),
        (
            "“Nine of our fighters were martyred,” the group’s spokesman said.",
            "the group’s spokesman",
        ),
        ("Reports from the M23 indicate that 2,000 soldiers were killed.", "the M23"),
        (
            "Initial figures provided by Lebanon's health ministry put the toll at 12 people "
            "killed.",
            "Lebanon's health ministry",
        ),
        (
            "Early figures released by the regional health office showed 31 people killed.",
            "the regional health office",
        ),
        (
            "Later reports from police sources and hospital sources raised the death toll in "
            "Jos to at least 19.",
            "police sources and hospital sources",
        ),
        (
            "Hospital data in Khartoum pushed the number of wounded to 40.",
            "Hospital data in Khartoum",
        ),
        # a member of a group speaks, by name when the text gives one
        ("One of the survivors said 12 people were killed in Bama.", "One of the survivors"),
        (
            "One of the teachers, Musa Garba, who escaped the raid, said 25 pupils were freed.",
            "Musa Garba",
        ),
    ],
)
def test_attribution(text: str, speaker: str) -> None:
    e = one(text)
    assert e.attribution.surface is not None
    assert (
        speaker.lower() in e.attribution.surface.lower()
        or e.attribution.surface.lower() in speaker.lower()
    )


def test_quote_attributed_after_the_quotation_ends() -> None:
    text = (
        "The rebels issued a statement on Monday.\n\n"
        "“During the assault, 40 enemy soldiers were killed and 12 were captured. The enemy fled,” "
        "the statement by the Arakan Army said."
    )
    found = extractions(text)
    assert {(e.category, e.count.value) for e in found} == {("killed", 40), ("captured", 12)}
    assert all(e.attribution.surface and "Arakan Army" in e.attribution.surface for e in found)


@pytest.mark.parametrize(
    "verb", ["tweeted", "wrote on X", "posted on Telegram", "said in a statement"]
)
def test_a_quotation_of_several_sentences_is_the_speaker_s_after_it(verb: str) -> None:
    text = (
        '"Twenty rebels were killed in Kumbo yesterday. Three of their camps were also '
        f'destroyed," the Cameroonian defence ministry {verb}.'
    )
    found = extractions(text)
    assert [(e.category, e.count.value) for e in found] == [("killed", 20), ("destroyed", 3)]
    assert all("defence ministry" in (e.attribution.surface or "") for e in found)


def test_a_rank_written_short_stays_in_the_speaker_s_name() -> None:
    text = (
        "Police Capt. Mohamed Hassan said the bomber drove into the crowd. "
        '"We lost 11 of our recruits today," he said.'
    )
    [found] = extractions(text)
    assert found.attribution.surface == "Police Capt. Mohamed Hassan"


def test_outlet_voice_is_reporter() -> None:
    e = one("At least three crew members were killed when the vessel was hit off Hodeidah.")
    assert e.attribution.kind == "reporter"


def test_pronoun_subject_is_marked_for_resolution() -> None:
    found = extractions(
        "The Houthis issued a statement. It said 3 ships were struck in the Gulf of Aden."
    )
    assert found and found[0].attribution.kind == "pronoun"


@pytest.mark.parametrize(
    "text",
    [
        "Some 10,000 troops were deployed to the region, the ministry said.",
        "The war has killed 36,700 people since October, the ministry said.",
        "He was 25 years old.",
        "The offensive began in 2024 and lasted 14 days.",
        "The army said 40 percent of the town was under its control.",
        "Officials said the attack happened at 8 pm on Friday.",
    ],
)
def test_counts_that_are_not_claims(text: str) -> None:
    assert extractions(text) == []


def test_partitive_total_is_not_a_claim() -> None:
    found = extractions("Officials say the attack killed four of the 25 people aboard the ship.")
    assert [(e.category, e.count.value) for e in found] == [("killed", 4)]


def test_subset_with_others_inherits_the_target() -> None:
    found = extractions(
        "Nine Afghan soldiers were killed and 16 others were wounded, the spokesman said."
    )
    assert {(e.category, e.count.value) for e in found} == {("killed", 9), ("wounded", 16)}
    assert all("soldiers" in e.target for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "An air strike on a village in Sagaing killed at least 40 people, including 12 "
        "children, a local resistance group and a resident said.",
        "Gunmen killed 19 worshippers in a church in Ondo state, a priest and a witness said.",
        "Shelling killed 11 people in Kharkiv overnight, the regional governor and a local "
        "official said.",
    ],
)
def test_a_speaker_named_with_an_article_is_no_one_counted(text: str) -> None:
    found = extractions(text)
    assert [e.count.value for e in found] == [found[0].count.value]
    assert found[0].count.value > 1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The army bombed a gathering in a village on Friday, killing dozens of people, "
            "witnesses and an opposition group said.",
            "witnesses and an opposition group",
        ),
        (
            "Drones struck a market in El Fasher, killing at least 30 civilians, residents and "
            "medics said.",
            "residents and medics",
        ),
    ],
)
def test_voices_that_end_a_list_of_the_counted_speak(text: str, speaker: str) -> None:
    [found] = extractions(text)
    assert found.attribution.surface == speaker
    assert found.target in ("people", "civilians")


def test_others_after_a_part_among_them_are_the_whole_s_kind() -> None:
    found = extractions(
        "The rebels said 53 people, among them 15 children, were killed and 31 others "
        "wounded in the attack."
    )
    assert [(e.category, e.count.value, e.target) for e in found] == [
        ("killed", 53, "people"),
        ("wounded", 31, "people"),
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Gunmen abducted 25 worshippers from a church on Sunday and later freed 10 of "
            "them, police said.",
            "worshippers",
        ),
        (
            "Police have arrested 230 protesters since the demonstrations began, 40 of them on "
            "Tuesday alone, the ministry said.",
            "protesters",
        ),
    ],
)
def test_a_part_of_them_counts_the_people_without_their_figure(text: str, target: str) -> None:
    assert [e.target for e in extractions(text)] == [target, target]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hezbollah said it fired dozens of rockets at a military base near Haifa.", None),
        ("The Houthis said they launched scores of drones at ships in the Red Sea.", None),
        ("The army said 12 rockets landed in open areas near Sderot.", 12),
        ("About 35 projectiles crossed from Lebanon overnight, the military said.", 35),
        ("Officials said five mortar shells landed near the airport in Juba.", 5),
    ],
)
def test_projectiles_fired_or_arriving_are_attacks(text: str, value: int | None) -> None:
    found = one(text)
    assert (found.category, found.count.value) == ("attacks", value)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said its forces had repelled six Ukrainian counterattacks near Pokrovsk.",
        "The army said it had repelled three incursions by jihadists near the border.",
        "The air force said its pilots flew 20 sorties against rebel positions.",
    ],
)
def test_counterattacks_incursions_and_sorties_are_attacks(text: str) -> None:
    assert one(text).category == "attacks"


def test_people_crossing_a_border_made_no_attack() -> None:
    assert extractions("About 50 fighters crossed into Chad from Sudan, the army said.") == []


def test_headline_is_not_body_text() -> None:
    text = "Army Says 50 Militants Killed In Raids\n\nThe army said 50 militants were killed in raids on Tuesday."
    found = extractions_with_title(text, "Army Says 50 Militants Killed In Raids")
    assert len(found) == 1 and found[0].count_start > len("Army Says 50 Militants Killed In Raids")


def extractions_with_title(text: str, title: str) -> list[Extraction]:
    doc = Document(text=text, title=title, body_start=len(title) + 1)
    [(_, parsed)] = list(parse_documents([doc]))
    return list(parsed._.extractions)


def test_hedged_sentence() -> None:
    e = one(
        "The group said it killed 30 soldiers, a claim that could not be independently verified."
    )
    assert e.hedged


def test_a_hedge_of_the_figures_in_the_plural_hedges_every_figure_before_it() -> None:
    found = extractions(
        "T\n\nThe army said troops killed 70 militants near Jowhar.\n\n"
        "The militants said they killed 18 soldiers. Residents said the fighting lasted hours."
        "\n\nThere was no independent confirmation of the casualty figures.\n\n"
        "Police later said two civilians were wounded."
    )
    assert [(e.count.value, e.hedged) for e in found] == [(70, True), (18, True), (2, False)]
    # in the singular, only the sentence right before
    found = extractions(
        "T\n\nThe army said troops killed 70 militants near Jowhar. The militants said they "
        "killed 18 soldiers. The claim could not be verified."
    )
    assert [(e.count.value, e.hedged) for e in found] == [(70, False), (18, True)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ukraine downed 79 of the drones, it said.", "it"),
        (
            "Five were killed, the Moscow region governor said on Telegram.",
            "the Moscow region governor",
        ),
        ("Six people died, said the spokesman for the ministry.", "the spokesman for the ministry"),
        (
            "Rescuers pulled six crew members alive, while the fate of 15 was unknown after the group said they held some.",
            None,
        ),
        # After an inverted verb of saying, a figure is what was said, not who said it
        ("Shelling hit the district on Sunday, reported four dead and nine wounded.", None),
        ("Clashes resumed near the border, reported 30 killed overnight.", None),
        (
            "Shelling hit the district on Sunday, said the regional governor.",
            "the regional governor",
        ),
        # "a" and "an" open a speaker, not a figure of one
        ("Four rangers were killed near Garamba, a park official said.", "a park official"),
        ("Eleven miners were abducted, an ACLED researcher said.", "an ACLED researcher"),
    ],
)
def test_trailing_attribution(sentence: str, speaker: str | None) -> None:
    assert trailing_attribution(sentence) == speaker


# -- claimant names as aliases ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The Balochistan Liberation Front (BLA", "The Balochistan Liberation Front (BLA)"),
        ("The Balochistan Liberation Front ()", "The Balochistan Liberation Front"),
        ("  the  Rapid Support Forces ,", "the Rapid Support Forces"),
        ("Forces)", "Forces"),
        ("Ukraine's General Staff", "Ukraine's General Staff"),
    ],
)
def test_tidy_name(raw: str, expected: str) -> None:
    assert tidy_name(raw) == expected


@given(st.text(alphabet="ab ()[],", max_size=30))
def test_tidy_name_never_leaves_empty_or_unmatched_round_brackets(raw: str) -> None:
    name = tidy_name(raw)
    assert "()" not in name
    assert name.count(")") <= name.count("(")
    assert name == name.strip(" ,")


# -- counts on modifiers, antecedents and target phrases ---------------------------------------
@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        (
            "The military announced that more than 90 Shabaab and allied fighters were killed "
            "in the raid.",
            "killed",
            90,
        ),
        ("Police said 14 ISWAP and Boko Haram insurgents were arrested in Borno.", "captured", 14),
    ],
)
def test_a_count_on_a_modifier_counts_the_noun_it_modifies(
    text: str, category: str, value: int
) -> None:
    found = extractions(text)
    assert (category, value) in [(e.category, e.count.value) for e in found]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Gunmen stopped a minibus and, after checking papers, one man was found to be a "
            "police inspector and the other an army major. Both were shot dead, the group said.",
            ("inspector", "major"),
        ),
        (
            "Troops searched the village and detained two suspected militant commanders. Both "
            "were later killed in custody, relatives said.",
            ("commanders",),
        ),
    ],
)
def test_a_bare_count_as_subject_counts_the_people_of_the_sentence_before(
    text: str, people: tuple[str, ...]
) -> None:
    [killed] = [e for e in extractions(text) if e.category == "killed"]
    assert killed.count.value == 2
    assert all(word in killed.target for word in people), killed.target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Al-Shabaab fighters overran a base in Lower Juba, killing at least 11 soldiers, "
            "an officer said. The group claimed it had killed 40.",
            "soldiers",
        ),
        (
            "Rebels ambushed a patrol near Rutshuru, wounding six peacekeepers. The M23 said "
            "it wounded 20.",
            "peacekeepers",
        ),
        # the sentence names the people of the sentence before, as the doers: not them
        ("The army said it killed 20 militants. The militants said they killed 15.", "people"),
    ],
)
def test_a_bare_count_as_object_counts_the_people_of_the_sentence_before(
    text: str, target: str
) -> None:
    last = extractions(text)[-1]
    assert last.target == target


def test_no_antecedent_across_paragraphs() -> None:
    text = "Troops detained two militant commanders.\n\nBoth were killed, the army said."
    [killed] = [e for e in extractions(text) if e.category == "killed"]
    assert "commander" not in killed.target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "The group said it killed 18 Frontier Corps (FC) personnel and 4 policemen in Kech.",
            "Frontier Corps (FC) personnel",
        ),
        (
            "The monitor said 20 soldiers and civilians died in the clashes.",
            "soldiers and civilians",
        ),
        ("The blast killed four soldiers, a policeman and a child near Kidal.", "policeman"),
        ("Militants abducted a teacher and a nurse from the clinic in Kaduna.", "teacher"),
        # one more person of another kind, after a possessive
        (
            "Maoists killed 10 DRG jawans and their civilian driver in an IED blast in "
            "Dantewada, police said.",
            "DRG jawans",
        ),
        # a dropped conjunction goes with its words
        ("Gunmen killed six soldiers as well as two police officers near Gao.", "soldiers"),
        # a count the parser hung on a name before the counted noun
        (
            'Turkey said it had "neutralised" 13 PKK/YPG terrorists in northern Syria.',
            "PKK/YPG terrorists",
        ),
        # a second verb the parser hung on the first one's object is no part of it
        (
            "Clashes between rival gangs at the Litoral penitentiary killed 31 inmates and "
            "injured 14, the prison authority said.",
            "inmates",
        ),
    ],
)
def test_target_phrases_keep_brackets_and_conjunctions_but_not_other_counts(
    text: str, target: str
) -> None:
    assert target in [e.target for e in extractions(text)]


def test_a_target_with_words_left_out_keeps_its_words_apart() -> None:
    text = (
        "The army said 8 tanks, 4 howitzers, an air defence system and about 20 armoured "
        "vehicles were destroyed near Stepanakert."
    )
    targets = [e.target for e in extractions(text)]
    assert "howitzers" in " ".join(targets).split()
    assert not any("howitzersan" in t for t in targets)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The group said it carried out coordinated attacks at 36 locations in Kidal.", 36),
        ("The army said it launched strikes on 40 targets in southern Lebanon.", 40),
        ("Hezbollah said it fired rockets at 12 positions in the Galilee.", 12),
    ],
)
def test_attacks_on_places_hung_on_the_verb(text: str, value: int) -> None:
    assert ("attacks", value) in [(e.category, e.count.value) for e in extractions(text)]


def test_a_figure_listed_within_places_is_a_claim_but_a_subset_of_a_figure_is_not() -> None:
    within_places = extractions(
        "Drones struck seven regions, including 45 drones downed over Bryansk, the ministry said."
    )
    assert ("destroyed", 45) in [(e.category, e.count.value) for e in within_places]
    subset = extractions("The army said 25 militants were killed, including four commanders.")
    assert [e.count.value for e in subset] == [25]


def test_a_passive_acknowledging_verb_names_no_speaker() -> None:
    found = one(
        "Fighting in Ituri\n\nAbout 300 people killed in clashes between the army and the "
        "militia have been buried in Bunia, the governor's spokesman Jules Ngongo said."
    )
    assert found.attribution.surface is not None
    assert "Ngongo" in found.attribution.surface


@pytest.mark.parametrize("label", ["Khartoum:", "GAZA CITY -", "Kyiv —"])
def test_a_dateline_label_is_not_the_speaker(label: str) -> None:
    found = one(
        f"Report\n\n{label} The health ministry said on Monday that 31 people were killed in "
        "the strike."
    )
    assert found.attribution.surface == "The health ministry"


def test_a_dateline_the_parser_made_the_subject_of_the_sentence_is_not_the_speaker() -> None:
    """The parser can hang a whole clause under a dateline it takes for the subject
    ("LAGOS: The toll ... rose to 23, a spokesman said"): the label still ends at its colon."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from counterclaim.extract.attribution import _is_dateline_label

    words = ["LAGOS", ":", "The", "toll", "from", "the", "blast", "in", "the", "market"]
    words += ["rose", "to", "23", ",", "a", "spokesman", "said", "."]
    heads = [16, 0, 3, 10, 3, 6, 4, 6, 9, 7, 0, 10, 11, 16, 15, 16, 16, 16]
    deps = ["nsubj", "punct", "det", "nsubj", "prep", "det", "pobj", "prep", "det", "pobj"]
    deps += ["relcl", "prep", "pobj", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN"]
    pos += ["VERB", "ADP", "NUM", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(
        Vocab(), words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 17
    )
    assert _is_dateline_label(doc[0])
    assert not _is_dateline_label(doc[15])


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Red Sea\n\nGunmen boarded the bulk carrier Sea Falcon on Monday. The Sea Falcon sank "
            "on Tuesday, the maritime agency said.",
            "Sea Falcon",
            "vessel",
        ),
        (
            "Red Sea\n\nMV Blue Horizon went down overnight, security firms said.",
            "Blue Horizon",
            "vessel",
        ),
        (
            "Black Sea\n\nKyiv said its drones sank the corvette Ivanovets near the coast.",
            "Ivanovets",
            "warship",
        ),
    ],
)
def test_a_named_ship_sunk_is_one_destroyed(text: str, name: str, kind: str) -> None:
    [sunk] = [e for e in extractions(text) if e.category == "destroyed"]
    assert (sunk.count.value, sunk.target, sunk.target_kind) == (1, name, kind)


def test_a_ship_named_but_not_sunk_is_no_claim() -> None:
    text = "Red Sea\n\nThe tanker Sea Falcon left Aden on Monday, its owner said."
    assert extractions(text) == []


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("The governor had put the death toll at 63, including five soldiers.", "killed", 63),
        ("A spokesman later put the number of fighters killed at 312.", "killed", 312),
        ("The office had put the number of dead at about 60.", "killed", 60),
        # a bare total counts what it is the number of
        ("The ministry put the death toll at 40 and the number of wounded at 75.", "wounded", 75),
        ("The ministry put the number of injured at 18.", "wounded", 18),
        ("Rescuers said they had recovered 43 bodies from the rubble.", "killed", 43),
        ("The committee said it had counted 31 bodies on Monday night.", "killed", 31),
    ],
)
def test_tolls_put_at_a_figure_and_bodies_counted(text: str, category: str, value: int) -> None:
    assert (category, value) in [(e.category, e.count.value) for e in extractions("T\n\n" + text)]


def test_a_pronoun_subject_under_a_named_speaker_is_the_speaker() -> None:
    found = one("T\n\nThe committee said it had counted 31 bodies on Monday night.")
    assert found.attribution.surface == "The committee"


def test_he_said_is_the_last_speaker_not_the_last_group_named() -> None:
    text = (
        "T\n\nThe defence minister told reporters the army had killed 20 insurgents. "
        "Rwandan troops were also deployed near Mocimboa.\n\nHe said two soldiers had died."
    )
    died = [e for e in extractions(text) if e.count.value == 2]
    assert died and died[0].attribution.surface == "The defence minister"


def test_a_quote_relayed_by_an_agency_is_the_quoted_speakers() -> None:
    text = (
        'T\n\nThe mayor said the city was calm.\n\n"Officials told me that 40 bodies were '
        'buried," the agency quoted him as saying.'
    )
    [buried] = extractions(text)
    assert buried.attribution.surface == "The mayor"


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("The group denied that its fighters had killed any civilians in the camp.", "killed", 0),
        ("The army denied that any soldier had been taken prisoner.", "captured", 0),
        ("The rebels said they had not killed any civilians.", "killed", 0),
        ("The military said no Israeli aircraft had been lost.", "destroyed", 0),
        ("Hezbollah said at least eight of its fighters were among the dead.", "killed", 8),
        ("The Houthis said they shot down another MQ-9 Reaper drone over Marib.", "destroyed", 1),
        ("The group said it destroyed a Humvee near Kirkuk.", "destroyed", 1),
        ("Kyiv said 307 more servicemen came home on Saturday.", "released", 307),
        ("In return, 303 prisoners of war were handed over.", "released", 303),
        ("Commandos stormed the jail in Bokan, setting free 62 policemen.", "released", 62),
        ("The kidnappers set 14 farmers free near Kaduna on Sunday.", "released", 14),
        ("The headteacher said 287 pupils had been taken from the school.", "captured", 287),
        ("Residents said gunmen took away a dozen women.", "captured", 12),
        ("Al-Shabaab said it seized four technicals at the base.", "seized", 4),
    ],
)
def test_denials_singulars_and_less_common_verbs(text: str, category: str, value: int) -> None:
    assert (category, value) in [(e.category, e.count.value) for e in extractions("T\n\n" + text)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunners said they are firing about 2,000 shells a day.",
        "He said the enemy had lost about 47,000 troops killed and wounded.",
        "The group said its fighters had killed and wounded 30 soldiers.",
        "Its figures put the cumulative toll at 37,266.",
        "From November 2023 until January, the Houthis targeted more than 100 ships.",
        "The ministry says strikes since mid-March have killed more than 200 people.",
        "Syria's civil war, which erupted in 2011, killed more than 500,000 people.",
        "In October last year, Iran fired 180 missiles at Israel.",
        "More than 500 civilians were killed last year in attacks by militants.",
        # a month's or weeks' tally is a campaign's; a day's is an incident's
        "The army has cracked down on IS cells over the past month, killing 27 militants.",
        # a number before a unit's noun in the singular names the unit
        "Militants launched an attack on the 68 Battalion in Malam Fatori on Tuesday.",
    ],
)
def test_rates_unsplit_and_campaign_figures_are_not_claims(text: str) -> None:
    assert extractions("T\n\n" + text) == []


def test_a_unit_named_by_its_number_leaves_the_counts_beside_it() -> None:
    text = "Police said 24 soldiers of the 12 Brigade and 24 army vehicles were hit in Gao."
    found = [(e.count.value, e.target) for e in extractions("T\n\n" + text)]
    assert (12, "Brigade") not in found
    # (soldiers hit are no count of attacks; the vehicles hit are)
    assert found == [(24, "army vehicles")]


def test_an_earlier_incident_dated_by_its_year_is_a_claim() -> None:
    # one attack last year is an incident of its own, not a year's toll
    text = "Eleven troopers were killed in the same district last year in a Maoist ambush."
    assert [(e.category, e.count.value) for e in extractions("T\n\n" + text)] == [("killed", 11)]


@pytest.mark.parametrize(
    ("text", "category", "value", "qualifier"),
    [
        ("A local official said between 60 and 70 soldiers had died.", "killed", 60, "at_least"),
        ("Crews had first counted more than 70 dead, the agency said.", "killed", 70, "more_than"),
        ("The group said it set fire to five military vehicles.", "destroyed", 5, "exact"),
        (
            "The statement said the army freed 14 people who had been kidnapped.",
            "released",
            14,
            "exact",
        ),
    ],
)
def test_ranges_adjective_counts_phrasal_objects_and_main_verbs(
    text: str, category: str, value: int, qualifier: str
) -> None:
    found = [(e.category, e.count.value, e.count.qualifier) for e in extractions("T\n\n" + text)]
    assert found == [(category, value, qualifier)]


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("Police said troops freed five people held by the cartel.", "released", 5),
        ("Police said about two dozen people were detained.", "captured", 24),
        ("By evening the number of dead had passed 50, officials said.", "killed", 50),
        ("Police said the bodies of five men had been found near the road.", "killed", 5),
        ("The gang carried off 12 vehicles, police said.", "seized", 12),
        ("Troops recovered six high-powered firearms, the army said.", "seized", 6),
    ],
)
def test_more_phrasings_of_counts(text: str, category: str, value: int) -> None:
    found = [(e.category, e.count.value) for e in extractions("T\n\n" + text)]
    assert found == [(category, value)]


@pytest.mark.parametrize(
    "text",
    [
        "The hospital took in dozens of wounded people, doctors said.",
        "The army said it had taken numerous steps to protect civilians.",
        "A UN report said 1,600 people were killed between January and March.",
        "He said Russian forces had lost about 47,000 troops killed and wounded.",
    ],
)
def test_more_non_claims(text: str) -> None:
    assert extractions("T\n\n" + text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The release says four hostages were freed.",
        "According to the same statement, 12 soldiers were killed.",
    ],
)
def test_a_document_named_as_source_is_its_issuer(text: str) -> None:
    [found] = extractions("T\n\nThe Nigerian army said the area was calm.\n\n" + text)
    assert found.attribution.surface == "The Nigerian army"


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("A security source said dozens more were unaccounted for on Monday.", "missing", None),
        ("The ombudsman said at least 20 residents had been reported missing.", "missing", 20),
        ("At least ten soldiers were reported killed in the ambush.", "killed", 10),
        ("Five civilians were feared dead, officials said.", "killed", 5),
        ("Zelensky said Russia launched 741 air attack weapons at Ukraine.", "attacks", 741),
        ("State media said a residential block was destroyed.", "destroyed", 1),
    ],
)
def test_predicate_adjectives_and_passive_reports(
    text: str, category: str, value: int | None
) -> None:
    found = extractions("Report\n\n" + text)
    assert [(e.category, e.count.value) for e in found] == [(category, value)]
    assert found[0].attribution.surface is None or "residents" not in found[0].attribution.surface


def test_them_counts_the_people_named_before_it() -> None:
    [killed] = extractions(
        "Borno\n\nThe army said troops pursued the attackers and killed scores of them."
    )
    assert killed.target == "the attackers"


def test_as_many_repeats_the_figure_before_it() -> None:
    found = extractions("Report\n\nThe strike killed five people and wounded as many, medics said.")
    assert [(e.category, e.count.value) for e in found] == [("killed", 5), ("wounded", 5)]
    [up_to] = extractions("Report\n\nAs many as 30 soldiers died, the army said.")
    assert (up_to.count.value, up_to.count.qualifier) == (30, "up_to")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A spokesman later put the number of RSF fighters killed at 312.", "RSF fighters"),
        ("By evening the number of dead soldiers had passed 50, officials said.", "dead soldiers"),
        ("The governor put the death toll at 63.", "people"),
    ],
)
def test_a_toll_given_as_a_figure_counts_who_the_toll_names(text: str, target: str) -> None:
    [toll] = extractions("Report\n\n" + text)
    assert toll.target == target


def test_parts_of_a_total_after_a_colon_are_claims() -> None:
    found = extractions(
        "Report\n\nThe army said 20 soldiers were killed: 12 in Kidal and 8 in Gao."
    )
    assert [(e.category, e.count.value, e.target) for e in found] == [
        ("killed", 20, "soldiers"),
        ("killed", 12, "soldiers"),
        ("killed", 8, "soldiers"),
    ]


def test_a_breakdown_by_kind_between_dashes_is_not_a_claim() -> None:
    found = extractions(
        "Report\n\nWHO said six health workers – four doctors, a nurse and a pharmacist – had "
        "been abducted. Residents said the strike killed 13 passengers, among them a mother "
        "and her two children."
    )
    assert [(e.category, e.count.value) for e in found] == [("captured", 6), ("killed", 13)]


@pytest.mark.parametrize(
    ("text", "category", "name"),
    [
        (
            "Police said Abdel Ghani al-Kikli, a militia leader, was killed.",
            "killed",
            "Abdel Ghani al-Kikli (militia leader)",
        ),
        (
            "Police said businessman John Okafor was kidnapped on Monday.",
            "captured",
            "businessman John Okafor",
        ),
    ],
)
def test_a_named_person_is_a_count_of_one(text: str, category: str, name: str) -> None:
    [found] = extractions("Report\n\n" + text)
    assert (found.category, found.count.value, found.target) == (category, 1, name)


def test_a_named_person_with_no_harm_done_is_no_claim() -> None:
    assert extractions("Report\n\nPresident Biden was briefed on the attack by aides.") == []


def test_the_whole_in_two_of_the_five_dead_is_not_a_second_claim() -> None:
    found = extractions(
        "Report\n\nThe ministry said five people were killed. Two of the five dead were "
        "soldiers, officials said."
    )
    assert [(e.category, e.count.value) for e in found] == [("killed", 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army said the armored vehicle was blown up by a mine.", [("destroyed", 1)]),
        ("The military said it intercepted the missile over the Negev.", [("destroyed", 1)]),
        ("Residents said the village was destroyed.", []),
        ("Officials said the bridge was damaged.", []),
    ],
)
def test_one_definite_thing_destroyed(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(e.category, e.count.value) for e in extractions("Report\n\n" + text)] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Local officials in the Tajik town of Vorukh, which lies near the site of the "
            "clashes, reported six dead and over 20 wounded.",
            "Local officials in the Tajik town of Vorukh",
        ),
        (
            "Health officials in Kassala, who spoke to reporters on Monday, reported 14 dead.",
            "Health officials in Kassala",
        ),
        (
            "The hospital director in Khan Younis, who asked not to be named, said 22 people "
            "were killed in the strike.",
            "The hospital director in Khan Younis",
        ),
    ],
)
def test_a_speaker_is_named_without_its_relative_clause(text: str, speaker: str) -> None:
    """The subject of the verb of saying is the speaker, cut before "which/who ..."; the
    figures after "reported" are never taken for the speaker."""
    for e in extractions(text):
        assert e.attribution.surface == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the blast in Mogadishu rose to 55.",
        "Authorities closed the road after gunmen killed five people near Bunia.",
    ],
)
def test_a_toll_or_an_actor_that_moves_no_statement_is_no_speaker(text: str) -> None:
    assert all(e.attribution.kind == "reporter" for e in extractions(text))


@pytest.mark.parametrize(
    "opening",
    [
        "Separately, 12 soldiers were killed in an ambush near Osh.",
        "In 2021, at least 55 people died in clashes over water rights.",
        "Elsewhere, nine civilians were wounded by shelling in Kherson.",
        # an earlier event, dated before the news
        "Last month, gunmen killed 17 herders in the same valley.",
        "Earlier this year, 31 people died in a similar clash near Batken.",
        "The clash came two days after border guards shot dead three farmers near Vorukh.",
        "It follows an attack last week in which 11 guards were wounded.",
    ],
)
def test_a_sentence_set_apart_inherits_no_speaker(opening: str) -> None:
    """The issue's contract: a speaker is not carried into "Separately, ..."; nor into what
    happened in another year."""
    text = (
        "Border clashes\n\nKyrgyzstan's health ministry said on Friday that 24 people had been "
        f"killed in the fighting. {opening}"
    )
    found = extractions(text)
    assert found[0].attribution.kind == "named"
    assert [e.attribution.kind for e in found[1:]] == ["reporter"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Car bombs at two markets in Kano killed about 60 people and wounded more than "
            "200, a hospital director and police officials said.",
            "a hospital director and police officials",
        ),
        (
            "Seven Burkinabe gendarmes were killed in an ambush near the town of Djibo, a "
            "source in the regional gendarmerie told reporters on Friday.",
            "a source in the regional gendarmerie",
        ),
        (
            "Three of the gunmen were detained near the border on Sunday, a police statement said.",
            "a police statement",
        ),
    ],
)
def test_a_speaker_the_parser_hung_before_the_comma_is_the_speaker(text: str, speaker: str) -> None:
    """The parser makes the phrase between the last comma and the verb of saying an
    apposition of the word before the comma, leaving the verb without a subject: that
    phrase is still who speaks."""
    found = extractions(text)
    assert found
    assert {e.attribution.surface for e in found} == {speaker}


@pytest.mark.model
def test_a_figure_before_a_subjectless_verb_of_saying_is_no_speaker() -> None:
    found = extractions("Shelling hit Kherson overnight, 14 wounded, officials later said.")
    assert all(e.attribution.surface != "14 wounded" for e in found)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Blasts at two churches in Kaduna killed 40 people and wounded more than 100, "
            "hospital officials said, after a year of calm.",
            "hospital officials",
        ),
        (
            "Shelling killed 12 people in Kharkiv and wounded 30, the regional governor said, "
            "as air raid sirens sounded again.",
            "the regional governor",
        ),
    ],
)
def test_a_speaker_joined_to_the_event_after_a_comma_owns_its_figures(
    text: str, speaker: str
) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert {e.attribution.surface for e in parsed._.extractions} == {speaker}


@pytest.mark.model
def test_a_second_verb_sharing_the_subject_is_no_speaker() -> None:
    [(_, parsed)] = list(
        parse_documents([Document(text="Troops killed 12 militants and said they would stay.")])
    )
    assert [e.attribution.kind for e in parsed._.extractions] == ["reporter"]


@pytest.mark.model
def test_a_quotation_without_a_speaker_goes_on_with_the_last_one() -> None:
    text = (
        '"Attempts by the crew to put out the fire failed," the agency quoted the navy as '
        "saying.\n\n"
        '"One sailor died and another 12 crew members went missing."'
    )
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert {e.attribution.surface for e in parsed._.extractions} == {"the navy"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Authorities also found 19 bodies on Tuesday in the town of Uruapan.", "Authorities"),
        ("Police recovered the bodies of 12 men near Culiacan.", "Police"),
        # someone saying so comes first
        (
            "Rescuers found 12 bodies under the rubble in Antakya, the civil defence said.",
            "the civil defence",
        ),
        (
            "Officials in Sukma said troops recovered the bodies of two rebels.",
            "Officials in Sukma",
        ),
    ],
)
def test_who_found_the_dead_counts_them_when_no_one_else_says_so(text: str, speaker: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.attribution.surface for e in parsed._.extractions] == [speaker]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Six police officers were wounded in what the Interior Ministry called a cowardly "
            "act of terrorism near Quetta.",
            "the Interior Ministry",
        ),
        (
            "Eleven soldiers died in an attack that the Malian army described as a terrorist "
            "ambush near Boulkessi.",
            "the Malian army",
        ),
        (
            "Three fishermen were killed in what the Philippine coast guard termed a "
            "deliberate ramming off Palawan.",
            "the Philippine coast guard",
        ),
        # someone saying so comes first
        (
            "Four civilians were killed in what residents called the heaviest shelling of "
            "Kharkiv this month, the regional governor said.",
            "the regional governor",
        ),
    ],
)
def test_who_names_the_event_voices_its_figures(text: str, speaker: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.attribution.surface for e in parsed._.extractions] == [speaker]


@pytest.mark.model
def test_an_event_named_by_no_voice_stays_the_reporters() -> None:
    text = "Nine miners died in what became the worst collapse in Zambia in a decade."
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.attribution.kind for e in parsed._.extractions] == ["reporter"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Separately, AFP while citing a police official reported that eight engineers "
            "were abducted from a dam site in Khyber.",
            "a police official",
        ),
        (
            "Early reports from the state news agency, citing the health ministry, indicated "
            "seven deaths and 12 injuries in Homs.",
            "the health ministry",
        ),
        ("Reuters, quoting two medics in Port Sudan, said 14 people had died.", "two medics"),
        # an outlet citing no one by name keeps its word
        (
            "Tass, citing official sources, reported that one Kyrgyz border guard was killed.",
            "Tass",
        ),
    ],
)
def test_whom_an_outlet_cites_speaks(text: str, speaker: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert {e.attribution.surface for e in parsed._.extractions} == {speaker}


@pytest.mark.model
def test_a_saying_hung_on_a_long_subject_is_the_subjects() -> None:
    text = (
        "Initial casualty figures provided by Iraq's health ministry, as cited by the state "
        "news agency, estimated at least 11 people killed and 20 others injured."
    )
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    surfaces = {e.attribution.surface for e in parsed._.extractions}
    assert len(parsed._.extractions) == 2
    assert all(s and "health ministry" in s for s in surfaces)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "At least 89 people were killed and some 200 others injured over two days in clashes "
        "between rival militias in Sweida province, Britain-based Syrian Observatory for Human "
        "Rights said Monday.",
        "Some 40 people were killed and 75 others wounded in fighting around El Fasher, "
        "Sudan Doctors Network said on Sunday.",
    ],
)
def test_a_speaker_hung_on_the_counted_people_after_a_comma_speaks(text: str) -> None:
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    surfaces = {e.attribution.surface for e in parsed._.extractions if e.count.value}
    assert len(surfaces) == 1
    [surface] = surfaces
    assert surface is not None and surface.endswith(("Human Rights", "Network"))


@pytest.mark.model
def test_counted_people_described_after_a_comma_still_speak_as_a_group() -> None:
    text = "Four soldiers, two of them officers, said they had seen 12 bodies in the ravine."
    [(_, parsed)] = list(parse_documents([Document(text=text)]))
    assert [e.attribution.surface for e in parsed._.extractions] == [
        "Four soldiers, two of them officers"
    ]


@pytest.mark.model
@pytest.mark.parametrize(("noun", "counted"), [("Jan", False), ("Sept", False), ("trucks", True)])
def test_a_days_number_the_parser_hangs_on_its_month_is_no_count(noun: str, counted: bool) -> None:
    """ "attacked on Jan 10" parsed as ten of "Jan": a month is never what is counted."""
    from spacy.tokens import Doc

    from counterclaim.extract.counts import find_counts
    from counterclaim.nlp import load_pipeline

    words = ["Rangers", "were", "attacked", "on", noun, "10", "."]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        heads=[2, 2, 2, 2, 3, 4, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "nummod", "punct"],
        pos=["NOUN", "AUX", "VERB", "ADP", "PROPN", "NUM", "PUNCT"],
        lemmas=["ranger", "be", "attack", "on", noun.lower(), "10", "."],
        sent_starts=[True] + [False] * 6,
    )
    found = [c.count.value for c in find_counts(doc[:])]
    assert found == ([10] if counted else [])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "One suspect was injured during a standoff with police, the Mash Telegram channel "
            "reported.",
            "named",
        ),
        ("Two gunmen were killed near Kismayo, according to the Garowe Online report.", "named"),
        # a source without a name points back to the one named before: the army's voice is
        # carried to it
        (
            "The army said 12 were killed. Four soldiers were wounded, the statement said.",
            "inherited",
        ),
    ],
)
def test_a_source_with_a_name_in_it_names_its_speaker(text: str, kind: str) -> None:
    assert extractions(text)[-1].attribution.kind == kind


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # first person in a quotation is whoever spoke last
        (
            "Matthew Mnyan, a youth leader in Bokkos, said the attackers came at night.\n\n"
            '"We have counted 30 corpses so far and 12 people are missing."',
            "Matthew Mnyan, a youth leader in Bokkos",
        ),
        # a quotation's speaker named after it with what he is
        (
            '"The attackers came at night. We have counted 30 corpses so far," Musa Bala, a '
            "village head in Zangon Kataf, told reporters.",
            "Musa Bala, a village head in Zangon Kataf",
        ),
    ],
)
def test_the_first_person_of_a_quotation_is_its_speaker(text: str, speaker: str) -> None:
    found = extractions(text)
    assert found and all(e.attribution.surface == speaker for e in found)
    assert {e.count.value for e in found if e.category == "killed"} == {30}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Indonesia's military in a televised press conference on Sunday said 12 soldiers "
            "were killed in Papua.",
            "Indonesia's military",
        ),
        ("The rebel group on its Telegram channel said it killed 20 soldiers.", "The rebel group"),
        ("The police chief on Monday said four officers were wounded in Gao.", "The police chief"),
        # a place stays part of who speaks
        ("Officials in Sukma said 12 rebels were killed.", "Officials in Sukma"),
        # a source and who made it
        (
            "A report on Friday's events by a security consultant said 40 people were killed.",
            "a security consultant",
        ),
    ],
)
def test_where_and_when_a_speaker_spoke_is_not_its_name(text: str, speaker: str) -> None:
    assert [e.attribution.surface for e in extractions(text)] == [speaker]


@pytest.mark.model
def test_bulleted_headlines_of_related_stories_are_not_body_text() -> None:
    text = (
        "Pakistan\n\nMilitants killed two soldiers in Bannu on Monday, the army said.\n\n"
        "• Security forces kill three militants from TTP group; soldier martyred, four hurt "
        "in ambush near the border town\n\n"
        "• Police recover 12 bodies after floods in Swat valley, officials say"
    )
    assert [(e.category, e.count.value) for e in extractions(text)] == [("killed", 2)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("An initial police estimate of 20 dead was revised upwards on Sunday.", "police"),
        ("The army's toll of 15 soldiers killed near Kidal was not confirmed.", "army"),
        ("Earlier, the ministry's tally of 31 wounded in Kharkiv was lower.", "ministry"),
        ("A UNICEF estimate of 12 children killed in Gaza was cited.", "UNICEF"),
    ],
)
def test_a_toll_s_owner_voices_it(text: str, speaker: str) -> None:
    assert speaker in (one(text).attribution.surface or "")
    assert one(text).attribution.kind != "reporter"  # "the army" is resolved in context


@pytest.mark.parametrize(
    "text",
    [
        "The casualty toll of 20 dead in the attack on the market in Mogadishu rose.",
        "The death toll of 30 people in the Sumy strike is expected to rise.",
    ],
)
def test_what_a_toll_counts_is_not_its_owner(text: str) -> None:
    assert one(text).attribution.kind == "reporter"


def test_a_confirmation_in_the_next_sentence_beats_a_voice_carried_from_before() -> None:
    text = (
        "Troops killed 12 separatists near Kumba, the army said.\n\n"
        "At least 45 police officers were killed near Diffa. Two officials at the interior "
        "ministry later confirmed the toll."
    )
    confirmed = [e for e in extractions(text) if e.count.value == 45]
    assert [e.attribution.surface for e in confirmed] == ["Two officials at the interior ministry"]


@pytest.mark.parametrize(
    "text",
    [
        # the parser reads "militants killed ..." as "militants (who were) killed"
        "Islamist militants killed at least 40 soldiers in an attack on an army camp, two "
        "security sources said.",
        "BAMAKO (Reuters) - Islamist militants killed at least 40 soldiers, two security "
        "sources said.",
        "Fano fighters seized 14 trucks near Gondar, three residents told AFP.",
    ],
)
def test_a_deed_told_before_a_speaker_counted_by_number_is_what_the_speaker_said(
    text: str,
) -> None:
    # one claim, the speaker's, and the speakers are no figure of the deed's list
    [claim] = extractions(text)
    assert claim.attribution.surface is not None
    assert claim.attribution.surface.split()[0] in ("two", "three")
    assert claim.count.value in (40, 14)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Turkish troops killed 14 PKK militants in northern Iraq. The defence ministry "
            'said the militants were "neutralised" in air-supported operations.',
            "The defence ministry",
        ),
        (
            "Security forces arrested 23 suspects in Kandahar. Police said the suspects were "
            "detained in night raids.",
            "Police",
        ),
    ],
)
def test_a_speaker_telling_of_what_the_outlet_counted_just_before_gave_the_figure(
    text: str, speaker: str
) -> None:
    [counted] = extractions(text)
    assert counted.attribution.surface == speaker


@pytest.mark.parametrize(
    "text",
    [
        # other people
        "Gunmen killed 12 villagers near Bama. The army said it killed several attackers.",
        # the same people, and something else of them
        "Gunmen killed 12 villagers near Bama. Police said the villagers were farmers.",
    ],
)
def test_a_speaker_telling_of_something_else_gives_no_figure_before(text: str) -> None:
    first = extractions(text)[0]
    assert first.count.value == 12
    assert first.attribution.kind == "reporter"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Boko Haram fighters attacked a base in Bohoma on Sunday night.\n\nOne soldier who "
            "survived said the attackers came in boats. The government said the army had "
            "repelled the attack.\n\nHe said 24 army vehicles were destroyed.",
            "One soldier",
        ),
        (
            "Governor Oleh Synehubov said the strike hit a school in Kharkiv. The regional police "
            "said the fire was out.\n\nHe said three people were killed.",
            "Governor Oleh Synehubov",
        ),
        # "it" is whoever spoke last, organisation or not
        (
            "One soldier said the attackers came in boats. The army said it had repelled the "
            "attack.\n\nIt said 24 army vehicles were destroyed.",
            "The army",
        ),
    ],
)
def test_he_or_she_is_the_last_person_who_spoke(text: str, speaker: str) -> None:
    [found] = [e for e in extractions(text) if e.count.value in (3, 24)]
    assert found.attribution.surface == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole told by an event of its own is a claim of it
        (
            "The air force said it had shot down 30 of 35 drones launched by Russia overnight.",
            {("destroyed", 30), ("attacks", 35)},
        ),
        (
            "Police said 12 of the 40 passengers abducted on Monday had been freed.",
            {("released", 12), ("captured", 40)},
        ),
        # a whole with no event of its own is not
        ("Officials said four of the 25 people in the bus were killed.", {("killed", 4)}),
    ],
)
def test_a_partitive_whole_with_an_event_of_its_own(
    text: str, expected: set[tuple[str, int]]
) -> None:
    assert {(e.category, e.count.value) for e in extractions("T\n\n" + text)} == expected


@pytest.mark.parametrize(
    ("text", "value", "target"),
    [
        ("Russia launched 35 drones overnight, 30 of which were shot down.", 30, "drones"),
        ("The gunmen took 20 hostages, 12 of whom were later freed.", 12, "hostages"),
    ],
)
def test_a_count_of_which_or_whom_counts_what_the_pronoun_stands_for(
    text: str, value: int, target: str
) -> None:
    [found] = [e for e in extractions("T\n\n" + text) if e.count.value == value]
    assert target in found.target and "which" not in found.target and "whom" not in found.target


def test_a_saying_before_a_colon_speaks_for_the_figures_after_it() -> None:
    text = "The UN said it had recorded 164 civilian casualties: 57 killed and 107 injured."
    found = extractions("T\n\n" + text)
    assert [(e.count.value, e.attribution.surface) for e in found] == [
        (57, "The UN"),
        (107, "The UN"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day's figures stay, the running total the participle brings up goes
        ("The ministry said 45 Palestinians were killed and 120 injured in the past 24 hours, "
         "bringing the toll since 7 October to 35,000.", [("killed", 45), ("wounded", 120)]),
        ("Officials said 12 soldiers were killed on Monday, raising the toll since October to "
         "1,400.", [("killed", 12)]),
        ("The ministry said 45 Palestinians were killed on Tuesday, while the toll since "
         "October has risen to 35,000.", [("killed", 45)]),
        # a running total as the sentence's own figure goes with the sentence
        ("Since October, 35,000 people have been killed, the ministry said.", []),
        ("More than 2,000 civilians have been killed since the start of the year, the UN "
         "said.", []),
        ("More than 280 suspected rebels have been killed in Chhattisgarh this year, "
         "according to police data.", []),
        ("Since the truce, Israeli strikes have killed more than 330 people in Lebanon, "
         "according to a tally.", []),
        # an event of this year is the event's own
        ("Police said 12 villagers were killed on Monday in the deadliest raid this year.",
         [("killed", 12)]),
        # "since" describing a party, not counting: the sentence's figures stay
        ("The Sudanese army, which has been fighting the RSF since April 2023, said its "
         "forces destroyed 16 combat vehicles.", [("destroyed", 16)]),
        ("The army, at war with the rebels since 2012, said troops killed 14 fighters near "
         "Kidal.", [("killed", 14)]),
        # "previously reported" stays background: only "since" can describe a party
        ("Kyiv previously reported a drone attack in March, when air defences downed nine of "
         "the aircraft.", []),
    ],
)  # fmt: skip
def test_a_running_total_brought_up_leaves_the_day_s_figures(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(e.category, e.count.value) for e in extractions("T\n\n" + text)] == expected


def test_a_dateline_ends_at_its_dash_whatever_the_parser_hung_on_it() -> None:
    """ "KHARTOUM, Sudan — ..., the network said": the parser may hang a later comma on the
    dateline it takes for a subject; the label still ends at the dash. A lowercase word
    before a dash makes no dateline ("The army – which ...")."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from counterclaim.extract.attribution import _is_dateline_label

    words = ["KHARTOUM", ",", "Sudan", "—", "Gunmen", "killed", "12", "people", ","]
    words += ["the", "network", "said", "."]
    heads = [11, 0, 0, 0, 5, 11, 7, 5, 0, 10, 11, 11, 11]
    deps = ["nsubj", "punct", "appos", "punct", "nsubj", "ccomp", "nummod", "dobj", "punct"]
    deps += ["det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"]
    pos += ["DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(
        Vocab(), words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 12
    )
    assert _is_dateline_label(doc[0])
    assert not _is_dateline_label(doc[10])

    words = ["The", "army", "—", "which", "lost", "men", "—", "said", "12", "died", ","]
    heads = [1, 7, 1, 4, 1, 4, 1, 7, 9, 7, 1]
    deps = ["det", "nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "nsubj"]
    deps += ["ccomp", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "VERB", "NUM", "VERB"]
    pos += ["PUNCT"]
    doc = Doc(
        Vocab(), words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 10
    )
    assert not _is_dateline_label(doc[1])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Suspected jihadists killed at least 40 herders near Menaka on Sunday, a local "
         "official and a militia leader said.", "a local official and a militia leader"),
        ("MAIDUGURI, Nigeria (Reuters) - Suspected Boko Haram insurgents killed at least 40 "
         "farmers in Borno state on Sunday, a local official and a militia leader said.",
         "a local official and a militia leader"),
    ],
)  # fmt: skip
def test_a_deed_read_as_a_relative_clause_leaves_the_speaker_its_own(
    text: str, speaker: str
) -> None:
    assert one(text).attribution.surface == speaker


def test_a_datelines_date_hung_on_the_speaker_after_it_stays_in_the_dateline() -> None:
    # the parser hangs "April 22" on the rebels, so the dateline had two roots and was
    # left joined to the sentence: the speaker became "Mali"
    [e] = extractions(
        "T\n\nBAMAKO, April 22 (Reuters) - Tuareg-led rebels in northern Mali said on Tuesday "
        "they had killed 40 soldiers in an ambush."
    )
    assert e.attribution.surface == "Tuareg-led rebels in northern Mali"

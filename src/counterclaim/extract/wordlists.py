"""The rule stage's word lists, loaded once from ``data/lexicon``.

Trigger verbs, nouns and adjectives with their categories, the counted nouns (people,
things, projectiles, what is never counted) and the words of attribution. Every part of the
stage reads them, so they sit in a module of their own that imports nothing else of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from counterclaim.lexicon import load_data


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    counted: dict[str, tuple[str, ...]]  # "three fatalities": the noun names the event
    adjectives: dict[str, tuple[str, ...]]
    phrasal: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    people_only: frozenset[str]
    things_only: frozenset[str]
    people: frozenset[str]
    things: frozenset[str]
    projectiles: frozenset[str]
    not_counted: frozenset[str]
    unit_names: frozenset[str]
    member_bodies: frozenset[str]
    crafts: frozenset[str]
    craft_people: frozenset[str]
    bodies: frozenset[str]
    # a name of a kind of thing → the kind's own word, longest names first (matched so)
    thing_names: dict[str, str]
    time_words: frozenset[str]
    quantity_units: frozenset[str]
    breakdown_nouns: frozenset[str]
    containers: frozenset[str]
    increments: frozenset[str]
    places: frozenset[str]
    causing_verbs: frozenset[str]
    victim_subject_verbs: frozenset[str]
    # "return home": the verb's lemma → the words that must follow it for its subject to be
    # what it counts ("12 pupils returned home", not "soldiers returned fire")
    victim_subject_phrases: dict[str, tuple[tuple[str, ...], ...]]
    total_verbs: frozenset[str]
    put_at_verbs: frozenset[str]
    range_verbs: frozenset[str]
    projecting_words: frozenset[str]
    recording_nouns: frozenset[str]
    fatal_ends: frozenset[str]
    fatal_manners: frozenset[str]
    sentencing_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    war_nouns: frozenset[str]
    arresting_verbs: frozenset[str]
    finding_verbs: frozenset[str]
    planning_words: frozenset[str]
    evacuating_verbs: frozenset[str]
    evacuated_population: frozenset[str]
    # "remain in captivity", "escaped from their abductors": events.yaml's ``captivity``
    captivity_states: frozenset[str]
    captors: frozenset[str]
    staying_verbs: frozenset[str]
    leaving_verbs: frozenset[str]
    # "left in flames", "reduced to rubble": events.yaml's ``ruins``
    ruining_verbs: frozenset[str]
    ruin_states: frozenset[str]
    combinable_categories: frozenset[str]
    owner_subject_verbs: frozenset[str]
    destroying_verbs: frozenset[str]
    person_fates: frozenset[str]
    casualty_words: frozenset[str]
    warship_marks: frozenset[str]
    vessel_name_stops: frozenset[str]
    source_refs: frozenset[str]
    organisation_ref: re.Pattern[str]
    organisation_heads: frozenset[str]
    organisation_modifiers: frozenset[str]
    release_verbs: frozenset[str]
    anaphors: frozenset[str]
    toll_nouns: frozenset[str]
    counting_verbs: frozenset[str]
    state_voices: frozenset[str]
    neutral_voices: frozenset[str]
    generic_heads: frozenset[str]
    attack_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    office_words: tuple[str, ...]
    saying_forms: tuple[str, ...]  # "said", "tweeted": written forms, in the data's order
    title_abbreviations: dict[str, str]  # "Capt.": "captain"
    relaying_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    unnamed_sources: frozenset[str]
    speaking_occasions: frozenset[str]
    joint_speakers: frozenset[str]
    acknowledging_verbs: frozenset[str]
    reporting_phrases: tuple[str, ...]
    source_nouns: frozenset[str]
    pronouns: frozenset[str]
    hedges: tuple[str, ...]
    hedge_patterns: re.Pattern[str] | None
    figure_words: frozenset[str]
    voice_breaks: tuple[str, ...]
    rejections: frozenset[str]
    rejection_nouns: tuple[str, ...]


_NOMINAL_ENDINGS = (("ise", "isation"), ("ize", "ization"), ("ate", "ation"))


def _nominalisations(verbs: list[str]) -> list[str]:
    """The regular action nouns of a category's verbs ("neutralise" → "neutralisation",
    "eliminate" → "elimination", "repatriate" → "repatriation"), so that "confirmed the
    neutralisation of two gunmen" counts like "neutralised two gunmen"."""
    return [
        verb[: -len(ending)] + noun
        for verb in verbs
        for ending, noun in _NOMINAL_ENDINGS
        if verb.endswith(ending) and len(verb) > len(ending) + 2
    ]


def _organisation_ref(words: dict[str, list[str]]) -> re.Pattern[str]:
    """ "the group", "the rights group": ``organisation_refs`` as one whole-phrase pattern."""
    heads = "|".join(map(re.escape, words["heads"]))
    modifiers = "|".join(map(re.escape, sorted(words["modifiers"], key=len, reverse=True)))
    return re.compile(rf"the (?:(?:{modifiers}) )?(?:{heads})", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    triggers = load_data("lexicon/triggers.yaml")
    nouns = load_data("lexicon/nouns.yaml")
    attribution = load_data("lexicon/attribution.yaml")
    events = load_data("lexicon/events.yaml")
    verbs: dict[str, list[str]] = {}
    trigger_nouns: dict[str, list[str]] = {}
    counted: dict[str, list[str]] = {}
    adjectives: dict[str, list[str]] = {}
    phrasal: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    people_only, things_only = set(), set()
    for category, entry in triggers.items():
        for lemma in entry.get("verbs") or []:
            verbs.setdefault(lemma, []).append(category)
        for lemma in [*(entry.get("nouns") or []), *_nominalisations(entry.get("verbs") or [])]:
            if category not in trigger_nouns.setdefault(lemma, []):
                trigger_nouns[lemma].append(category)
        for lemma in entry.get("counted") or []:
            counted.setdefault(lemma, []).append(category)
        for word in entry.get("adjectives") or []:
            adjectives.setdefault(word, []).append(category)
        for phrase in entry.get("phrasal") or []:
            head, *rest = phrase.split()
            phrasal.setdefault(head, []).append((category, tuple(rest)))
        if entry.get("people_only"):
            people_only.add(category)
        if entry.get("things_only"):
            things_only.add(category)
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in trigger_nouns.items()},
        counted={k: tuple(v) for k, v in counted.items()},
        adjectives={k: tuple(v) for k, v in adjectives.items()},
        phrasal={k: tuple(v) for k, v in phrasal.items()},
        people_only=frozenset(people_only),
        things_only=frozenset(things_only),
        people=frozenset(nouns["people"]),
        things=frozenset(nouns["things"]),
        projectiles=frozenset(nouns["projectiles"]),
        not_counted=frozenset(nouns["not_counted"]),
        unit_names=frozenset(nouns["unit_names"]),
        member_bodies=frozenset(nouns.get("member_bodies") or ()),
        crafts=frozenset(nouns["crafts"]),
        craft_people=frozenset(nouns["craft_people"]),
        bodies=frozenset(nouns["bodies"]),
        thing_names=dict(
            sorted(
                (
                    (str(name), str(kind))
                    for kind, names in (nouns.get("thing_names") or {}).items()
                    for name in names
                ),
                key=lambda item: -len(item[0]),
            )
        ),
        time_words=frozenset(nouns.get("time_words") or ()),
        quantity_units=frozenset(nouns.get("quantity_units") or ()),
        breakdown_nouns=frozenset(nouns.get("breakdown_nouns") or ()),
        containers=frozenset(nouns.get("containers") or ()),
        increments=frozenset(nouns.get("increments") or ()),
        places=frozenset(nouns.get("places") or ()),
        causing_verbs=frozenset(events["causing_verbs"]),
        victim_subject_verbs=frozenset(w for w in events["victim_subject_verbs"] if " " not in w),
        victim_subject_phrases=_phrases_by_verb(
            w for w in events["victim_subject_verbs"] if " " in w
        ),
        total_verbs=frozenset(events["total_verbs"]),
        put_at_verbs=frozenset(events["put_at_verbs"]),
        range_verbs=frozenset(events["range_verbs"]),
        projecting_words=frozenset(events["projecting_words"]),
        recording_nouns=frozenset(events["recording_nouns"]),
        fatal_ends=frozenset(events["fatal_ends"]),
        fatal_manners=frozenset(events["fatal_manners"]),
        sentencing_verbs=frozenset(events["sentencing_verbs"]),
        raising_verbs=frozenset(events["raising_verbs"]),
        war_nouns=frozenset(events.get("war_nouns") or ()),
        arresting_verbs=frozenset(events.get("arresting_verbs") or ()),
        finding_verbs=frozenset(events.get("finding_verbs") or ()),
        planning_words=frozenset(events.get("planning_words") or ()),
        evacuating_verbs=frozenset((events.get("evacuations") or {}).get("verbs") or ()),
        evacuated_population=frozenset((events.get("evacuations") or {}).get("population") or ()),
        captivity_states=frozenset(events["captivity"]["states"]),
        captors=frozenset(events["captivity"]["holders"]),
        staying_verbs=frozenset(events["captivity"]["staying"]),
        leaving_verbs=frozenset(events["captivity"]["leaving"]),
        ruining_verbs=frozenset(events["ruins"]["verbs"]),
        ruin_states=frozenset(events["ruins"]["states"]),
        combinable_categories=frozenset(events.get("combinable_categories") or ()),
        owner_subject_verbs=frozenset(events.get("owner_subject_verbs") or ()),
        destroying_verbs=frozenset(events["destroying_verbs"]),
        person_fates=frozenset(events["person_fates"]),
        casualty_words=frozenset(events["casualty_words"]),
        warship_marks=frozenset(events["warship_marks"]),
        vessel_name_stops=frozenset(events["vessel_name_stops"]),
        source_refs=frozenset(attribution["source_refs"]),
        organisation_ref=_organisation_ref(attribution["organisation_refs"]),
        organisation_heads=frozenset(attribution["organisation_refs"]["heads"]),
        organisation_modifiers=frozenset(attribution["organisation_refs"]["modifiers"]),
        release_verbs=frozenset(attribution["release_verbs"]),
        anaphors=frozenset(attribution["anaphors"]),
        toll_nouns=frozenset(attribution["toll_nouns"]),
        counting_verbs=frozenset(attribution["counting_verbs"]),
        state_voices=frozenset(attribution["state_voices"]),
        neutral_voices=frozenset(attribution.get("neutral_voices") or ()),
        generic_heads=frozenset(attribution["generic_heads"]),
        attack_nouns=frozenset(events["attack_nouns"]),
        reporting_verbs=frozenset(attribution["reporting_verbs"]),
        office_words=tuple(attribution["office_words"]),
        saying_forms=tuple(str(form) for form in attribution["saying_forms"]),
        title_abbreviations={
            str(short): str(word) for short, word in attribution["title_abbreviations"].items()
        },
        relaying_verbs=frozenset(attribution.get("relaying_verbs") or ()),
        naming_verbs=frozenset(attribution.get("naming_verbs") or ()),
        unnamed_sources=frozenset(attribution.get("unnamed_sources") or ()),
        speaking_occasions=frozenset(attribution.get("speaking_occasions") or ()),
        joint_speakers=frozenset(attribution.get("joint_speakers") or ()),
        acknowledging_verbs=frozenset(attribution.get("acknowledging_verbs") or ()),
        reporting_phrases=tuple(attribution["reporting_phrases"]),
        source_nouns=frozenset(attribution["source_nouns"]),
        pronouns=frozenset(p.lower() for p in attribution["pronouns"]),
        hedges=tuple(h.lower() for h in attribution["hedges"]),
        figure_words=frozenset(attribution.get("figure_words") or ()),
        hedge_patterns=(
            re.compile("|".join(attribution["hedge_patterns"]), re.IGNORECASE)
            if attribution.get("hedge_patterns")
            else None
        ),
        voice_breaks=tuple(b.lower() for b in attribution.get("voice_breaks") or ()),
        rejections=frozenset(attribution["rejections"]),
        rejection_nouns=tuple(attribution["rejection_nouns"]),
    )


def is_person(noun: Token | None) -> bool | None:
    if noun is None:
        return None
    lex = lexicon()
    lemma = noun.lemma_.lower()
    text = noun.lower_
    if lemma in lex.people or text in lex.people:
        return True
    if lemma in lex.things or text in lex.things or lemma in lex.places or lemma in lex.projectiles:
        return False  # (every projectile is a thing: "intercepted 12 projectiles")
    if noun.ent_type_ in ("NORP", "PERSON"):
        return True
    if noun.ent_type_ in ("GPE", "LOC", "FAC", "PRODUCT"):
        return False
    return None


def names_a_neutral_voice(surface: str) -> bool:
    """Whether a speaker's words name one who stands apart from the parties (witnesses, an
    outlet, a monitor, aid workers: ``neutral_voices``)."""
    return bool(set(re.findall(r"[a-z]+", surface.lower())) & lexicon().neutral_voices)


def _phrases_by_verb(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    by_verb: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        verb, *rest = phrase.split()
        by_verb.setdefault(verb, []).append(tuple(rest))
    return {verb: tuple(rests) for verb, rests in by_verb.items()}

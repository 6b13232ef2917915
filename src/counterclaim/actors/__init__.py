"""The actor knowledge base: who is who, on which side, and how texts name them.

The knowledge base is a set of YAML files (one per region, schema in
``data/actors/README.md``) plus any files the user adds with ``--kb``; every country the
files give no side gets a state side from ``data/actors/_countries.yaml``. This package loads
them into a :class:`KnowledgeBase` and answers the questions the extraction and resolve
stages ask about actors:

* ``kb.lookup(surface)``: which actor a claimant surface names;
* ``kb.find_mentions(text)``: every alias occurrence in a text;
* ``spokespersons(text, kb)``: which person speaks for which organisation in a text;
* ``kb.side_of_phrase(phrase)`` and ``target_role(...)``: whose people or things a target
  phrase names, and what that is from the claimant's point of view (ANNOTATION.md);
* ``find_alias_conflicts(text, kb)``: "Balochistan Liberation Front (BLA)" style mix-ups.

Its modules, each importing only those above it:

* ``tokens``: word tokens and lookup keys shared by everything below;
* ``loading``: reading and validating the YAML files, building the alias index;
* ``knowledge_base``: the :class:`KnowledgeBase` and its lookups;
* ``people``: spokespersons; ``roles``: target roles; ``alias_conflicts``: the check above.

Import from ``counterclaim.actors``; the submodules are an implementation detail.
"""

from __future__ import annotations

from counterclaim.actors.alias_conflicts import AliasConflict, find_alias_conflicts
from counterclaim.actors.knowledge_base import (
    FUZZY_CUTOFF,
    FUZZY_MIN_LENGTH,
    ActorMention,
    KnowledgeBase,
)
from counterclaim.actors.loading import (
    ACTOR_FIELDS,
    KINDS,
    NEUTRAL,
    SIDE_FIELDS,
    TARGET_WORDS_FILE,
    Side,
)
from counterclaim.actors.people import names_beside, spokespersons
from counterclaim.actors.roles import (
    is_civilian_phrase,
    names_a_craft_s_people,
    names_a_warship,
    names_any,
    names_civilians_beyond_people,
    names_civilians_or_their_property,
    names_combatants_or_prisoners,
    names_irregulars,
    names_military_objects,
    names_only_generic_people,
    names_own_people,
    names_state_forces,
    names_the_doers_fellows,
    subset_openers_pattern,
    target_role,
    tells_of_fighting,
)
from counterclaim.model import Actor

__all__ = [
    "ACTOR_FIELDS",
    "FUZZY_CUTOFF",
    "FUZZY_MIN_LENGTH",
    "KINDS",
    "NEUTRAL",
    "SIDE_FIELDS",
    "TARGET_WORDS_FILE",
    "Actor",
    "ActorMention",
    "AliasConflict",
    "KnowledgeBase",
    "Side",
    "find_alias_conflicts",
    "is_civilian_phrase",
    "names_a_craft_s_people",
    "names_a_warship",
    "names_any",
    "names_beside",
    "names_civilians_beyond_people",
    "names_civilians_or_their_property",
    "names_combatants_or_prisoners",
    "names_irregulars",
    "names_military_objects",
    "names_only_generic_people",
    "names_own_people",
    "names_state_forces",
    "names_the_doers_fellows",
    "spokespersons",
    "subset_openers_pattern",
    "target_role",
    "tells_of_fighting",
]

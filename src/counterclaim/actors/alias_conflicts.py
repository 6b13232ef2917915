"""Alias conflicts: "Balochistan Liberation Front (BLA)" names one group with another's acronym.

A check of its own because it flags a document rather than resolving an actor: the
pipeline stores each conflict as a document flag instead of silently merging two groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from counterclaim.actors.knowledge_base import ActorMention, KnowledgeBase


@dataclass(frozen=True)
class AliasConflict:
    """An expansion followed by a bracketed acronym of a different actor."""

    surface: str
    start: int
    end: int
    expansion: str
    expansion_actor_id: str
    acronym: str
    acronym_actor_id: str


_BRACKETED = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9/\-.]{1,11})\s*\)")


def find_alias_conflicts(
    text: str, kb: KnowledgeBase, mentions: Sequence[ActorMention] | None = None
) -> list[AliasConflict]:
    """Expansions followed by a bracketed acronym that belongs to a different actor.

    "Balochistan Liberation Front (BLA)" names the BLF and gives the BLA's acronym; the
    pipeline flags the document instead of silently merging the two groups. ``mentions``
    are the text's actor mentions when the caller has found them already.
    """
    if mentions is None:
        mentions = kb.find_mentions(text)
    by_end = {m.end: m for m in mentions}
    conflicts: list[AliasConflict] = []
    for match in _BRACKETED.finditer(text):
        before = text[: match.start()].rstrip()
        expansion = by_end.get(len(before))
        if expansion is None:
            continue
        acronym = match.group(1)
        actor_id = kb.exact_actor_id(acronym, strict_case=True)
        if actor_id is None or actor_id == expansion.actor_id:
            continue
        related = {a.id for a in kb.ancestors(expansion.actor_id)} | {
            a.id for a in kb.ancestors(actor_id)
        }
        if actor_id in related or expansion.actor_id in related:
            continue
        if kb.claimant_actor(actor_id).id == kb.claimant_actor(expansion.actor_id).id:
            continue
        conflicts.append(
            AliasConflict(
                surface=text[expansion.start : match.end()],
                start=expansion.start,
                end=match.end(),
                expansion=expansion.surface,
                expansion_actor_id=expansion.actor_id,
                acronym=acronym,
                acronym_actor_id=actor_id,
            )
        )
    return conflicts

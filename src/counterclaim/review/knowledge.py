"""Merges of claimant columns written into the user's knowledge-base file, so that the
analyst's decision holds for documents read later."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from counterclaim.errors import CounterclaimError
from counterclaim.review.core import ReviewError


def most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def write_alias(
    kb_file: Path,
    alias: str,
    name: str,
    *,
    source_actor: str | None = None,
    target_actor: str | None = None,
    other_files: Sequence[Path] = (),
) -> str:
    """Record in the user's knowledge-base file that ``alias`` names the claimant ``name``.

    - ``name``'s actor defined in this file: ``alias`` joins its aliases;
    - ``name``'s actor defined elsewhere (shipped): a small actor with ``alias`` as its name
      speaks for it (``claimant:``), the file format's way to add a name to an actor it does
      not define;
    - ``name`` resolved to no actor: a new actor ``name`` with ``alias`` as an alias.

    The file is checked by loading it with the other knowledge-base files before it replaces
    the old one (a backup of the old one is kept as ``FILE~``). Returns what was written.
    """
    import yaml

    from counterclaim.actors import KnowledgeBase

    data: dict[str, Any] = {}
    if kb_file.exists():
        loaded = yaml.safe_load(kb_file.read_text(encoding="utf-8"))
        if loaded is not None and not isinstance(loaded, dict):
            raise ReviewError(f"{kb_file}: not a knowledge-base file (expected a mapping)")
        data = loaded or {}
    actors = data.setdefault("actors", []) or []
    data["actors"] = actors
    kb = KnowledgeBase.load(
        [Path(p) for p in [*other_files, *([kb_file] if kb_file.exists() else [])]]
    )
    target = _actor_or_none(kb, target_actor) or kb.lookup(name)
    source = _actor_or_none(kb, source_actor) or kb.lookup(alias)
    if target is not None:
        target = kb.claimant_actor(target.id)
    mine = {a.get("id"): a for a in actors if isinstance(a, dict)}
    if target is not None and source is not None and kb.claimant_actor(source.id).id == target.id:
        return f"{alias!r} already names {target.name!r} in the knowledge base"
    if target is not None and target.id in mine:
        entry = mine[target.id]
        entry["aliases"] = [*(entry.get("aliases") or []), alias]
        what = f"alias {alias!r} added to actor {target.id!r} in {kb_file}"
    elif target is not None:
        new_id = _free_id(f"{target.id}-as-{_slug(alias)}", kb, mine)
        entry = {"id": new_id, "name": alias, "kind": target.kind, "claimant": target.id}
        if target.side:
            entry["side"] = target.side
        if target.country:
            entry["country"] = target.country
        actors.append(entry)
        what = f"actor {new_id!r} ({alias!r}) speaking for {target.id!r} added to {kb_file}"
    else:
        new_id = _free_id(_slug(name), kb, mine)
        entry = {"id": new_id, "name": name, "kind": source.kind if source else "armed_group"}
        if source is not None and source.side:
            entry["side"] = source.side
        entry["aliases"] = [alias]
        actors.append(entry)
        what = f"actor {new_id!r} ({name!r}) with alias {alias!r} added to {kb_file}"
    kb_file.parent.mkdir(parents=True, exist_ok=True)
    trial = kb_file.with_name(f".{kb_file.name}.trial.yaml")
    trial.write_text(
        "# Knowledge base written by counterclaim review (merge-actors); format in\n"
        "# src/counterclaim/data/actors/README.md\n"
        + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    try:
        KnowledgeBase.load([*other_files, trial])
    except CounterclaimError as exc:
        trial.unlink(missing_ok=True)
        raise ReviewError(f"the alias would make {kb_file} invalid: {exc}") from None
    if kb_file.exists():
        backup = kb_file.with_name(kb_file.name + "~")
        backup.write_bytes(kb_file.read_bytes())
    os.replace(trial, kb_file)
    return what


def _actor_or_none(kb: Any, actor_id: str | None) -> Any:
    if not actor_id:
        return None
    try:
        return kb.actor(actor_id)
    except CounterclaimError:
        return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "actor"


def _free_id(wanted: str, kb: Any, mine: Mapping[Any, Any]) -> str:
    taken = {a.id for a in kb.actors} | {k for k in mine if k}
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate

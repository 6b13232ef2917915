"""Stage 4b, decide: a model trained on gold files takes the decisions the rules propose.

The rules (``extract``, ``resolve``) find every candidate — a figure, its trigger, its
target, who says it — and take a first decision on each. The decision model, trained by
``counterclaim train`` on gold files (``training``), reads the candidate's features and
decides again:

- ``keep``: is this candidate a claim at all (a casualty count of the reported event, not a
  history, a subset or a misread number)?
- ``claimant``: who it is credited to, among the speakers around it and the outlet itself
  (the rules' choice first);
- ``role``: whose people or things it counts, seen from the claimant (own, opponent,
  civilian, other).

Each decision is a linear model over named features, stored as JSON (feature names,
weights, classes): loading runs no code, it needs no scikit-learn, and the file shows what
the model learned. The package ships one trained on the shared gold sets
(``data/model/decisions.json``); ``--model PATH`` or ``COUNTERCLAIM_MODEL`` chooses another,
and ``none`` keeps the rules' decisions.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from counterclaim.errors import InputError
from counterclaim.lexicon import load_data
from counterclaim.model import REPORTER, Claim

# The claim features that follow from who is credited (``resolve.claimant_features``): when
# the model credits someone else, these are replaced by that person's
CLAIMANT_FEATURE_PREFIXES = (
    "claimant_word=",
    "nation=",
    "kind_x_head=",
    "relation_x_head=",
    "rule_role=",
    "category_rule_role=",
    "claimant_kind=",
    "side_relation=",
)
SPEAKER = "speaker"
# Prisoners both parties say they each freed: `other` by the annotation guide, not a guess
EXCHANGED_BY_BOTH = "exchanged_by_both"
LOOSE = "loose_trigger"  # a candidate the rules propose but do not accept on their own
SHIPPED = "shipped"
K = TypeVar("K")
RULES_ONLY = "none"
FORMAT = "counterclaim-decisions/1"


@dataclass(frozen=True)
class LinearDecision:
    """A multinomial (or binary) logistic model over named features."""

    classes: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]  # feature → one weight per class (binary: one)
    bias: tuple[float, ...]

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        scores = self.scores(features)
        if len(self.classes) == 2 and len(scores) == 1:
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, scores[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def scores(self, features: Mapping[str, float]) -> list[float]:
        """Each class's bias plus its weighted features, added in the features' order."""
        scores = list(self.bias)
        get = self.weights.get
        for name, value in features.items():
            row = get(name)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        return scores

    def to_dict(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes),
            "bias": list(self.bias),
            "weights": {k: list(v) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearDecision:
        return cls(
            classes=tuple(str(c) for c in data["classes"]),
            bias=tuple(float(b) for b in data["bias"]),
            weights={str(k): tuple(float(w) for w in v) for k, v in data["weights"].items()},
        )


@dataclass(frozen=True)
class DecisionModel:
    keep: LinearDecision | None = None
    role: LinearDecision | None = None
    claimant: LinearDecision | None = None
    keep_threshold: float = 0.5
    # Loose candidates (no parse path to their event word) need a surer model to be kept
    loose_threshold: float = 1.01
    # Another speaker replaces the rules' choice only when the model prefers them by this much
    claimant_margin: float = 0.0
    # The rules' role stands unless the model is at least this sure of another one
    role_margin: float = 0.0
    # The same, learned for each role the rules give (a margin above 1: the rules' role
    # always stands); a role without one takes ``role_margin``
    role_margins: Mapping[str, float] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "keep": self.keep.to_dict() if self.keep else None,
            "role": self.role.to_dict() if self.role else None,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "keep_threshold": self.keep_threshold,
            "loose_threshold": self.loose_threshold,
            "claimant_margin": self.claimant_margin,
            "role_margin": self.role_margin,
            "role_margins": dict(self.role_margins),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DecisionModel:
        return cls(
            keep=LinearDecision.from_dict(data["keep"]) if data.get("keep") else None,
            role=LinearDecision.from_dict(data["role"]) if data.get("role") else None,
            claimant=(LinearDecision.from_dict(data["claimant"]) if data.get("claimant") else None),
            keep_threshold=float(data.get("keep_threshold", 0.5)),
            loose_threshold=float(data.get("loose_threshold", 1.01)),
            claimant_margin=float(data.get("claimant_margin", 0.0)),
            role_margin=float(data.get("role_margin", 0.0)),
            role_margins={str(k): float(v) for k, v in (data.get("role_margins") or {}).items()},
            meta=dict(data.get("meta") or {}),
        )

    @property
    def fingerprint(self) -> str:
        blob = json.dumps(self.to_dict(), sort_keys=True).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:12]


def decide(claims: Sequence[Claim], model: DecisionModel | None) -> list[Claim]:
    """The claims the model keeps, credited and with the roles it gives them. Without a model,
    the rules' decisions stand (and their loose candidates go)."""
    if model is None:
        return [c for c in claims if LOOSE not in c.features]
    kept: list[Claim] = []
    for claim in claims:
        if model.claimant is not None:
            claim = credit(claim, model.claimant, model.claimant_margin)
        features = claim.features
        confidence = claim.confidence
        if model.keep is None and LOOSE in features:
            continue
        if model.keep is not None:
            p_keep = model.keep.probabilities(features).get("claim", 0.0)
            loose = LOOSE in features
            if p_keep < (model.loose_threshold if loose else model.keep_threshold):
                continue
            confidence = round(p_keep, 4)
        role = claim.target_role
        margin = model.role_margins.get(role, model.role_margin)
        # no difference of probabilities reaches a margin of 1: the rules' role stands
        if model.role is not None and margin < 1.0 and EXCHANGED_BY_BOTH not in features:
            scores = model.role.probabilities(features)
            if _speaks_for_no_side(claim, features):
                # ANNOTATION.md: a claimant of no side has no own people nor opponents
                scores = {r: p for r, p in scores.items() if r in NEUTRAL_ROLES}
            role = overrule(scores, role, margin)
        kept.append(_decided(claim, role, confidence))
    # A claim credited anew may now repeat another of its claimant's
    return collapse_repeats(kept)


NEUTRAL_ROLES = ("civilian", "other")


def _decided(claim: Claim, role: str, confidence: float) -> Claim:
    """``replace(claim, target_role=role, confidence=confidence)`` without running
    ``__init__`` again (a third of ``decide``'s time): a claim that has its id is copied,
    since ``__post_init__`` only fills in a missing id."""
    if not claim.id:
        return replace(claim, target_role=role, confidence=confidence)
    copied = copy.copy(claim)
    copied.target_role = role
    copied.confidence = confidence
    return copied


def _speaks_for_no_side(claim: Claim, features: Mapping[str, float]) -> bool:
    """The outlet in its own voice, or a claimant the knowledge base holds neutral (the UN,
    a monitor, a news agency)."""
    return claim.claimant == REPORTER or "side_relation=neutral_claimant" in features


def overrule(scores: Mapping[K, float], current: K, margin: float) -> K:
    """The model's favourite where it beats the rules' choice ``current`` by more than
    ``margin``, else ``current``: how every decision overrules the rules."""
    if not scores:
        return current
    best = max(scores, key=scores.__getitem__)
    if best != current and scores[best] - scores.get(current, 0.0) > margin:
        return best
    return current


def speaker_scores(claim: Claim, decision: LinearDecision) -> list[float]:
    return [decision.probabilities(o.features).get(SPEAKER, 0.0) for o in claim.claimant_options]


def credit(claim: Claim, decision: LinearDecision, margin: float) -> Claim:
    """The claim credited to the option the model prefers, when it prefers one other than
    the rules' choice (the first option) by more than ``margin``."""
    if len(claim.claimant_options) < 2:
        return claim
    best = overrule(dict(enumerate(speaker_scores(claim, decision))), 0, margin)
    if best == 0:
        return claim
    option = claim.claimant_options[best]
    features = {
        k: v for k, v in claim.features.items() if not k.startswith(CLAIMANT_FEATURE_PREFIXES)
    }
    features.update(option.claim_features)
    return replace(
        claim,
        claimant=option.name,
        claimant_aliases=list(option.aliases),
        claimant_actor=option.actor,
        target_role=option.role,
        origin=option.origin,
        features=features,
    )


# -- loading ----------------------------------------------------------------------------
def shipped_model_path() -> Path:
    return Path(str(resources.files("counterclaim") / "data" / "model" / "decisions.json"))


def load_model(setting: str | None) -> DecisionModel | None:
    """The model a setting names: empty or "shipped" for the packaged one, "none" for the
    rules alone, else a path. A missing or malformed file is an error naming it."""
    choice = (setting or SHIPPED).strip()
    if choice.lower() == RULES_ONLY:
        return None
    path = shipped_model_path() if choice.lower() == SHIPPED else Path(choice)
    return _load(str(path))


@lru_cache(maxsize=4)
def _load(path: str) -> DecisionModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(path, f"cannot read decision model: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(path, f"decision model is not JSON: {exc.msg}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(path, f"not a counterclaim decision model (format {FORMAT!r})")
    try:
        return DecisionModel.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(path, f"malformed decision model: {exc}") from exc


def save_model(model: DecisionModel, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(model.to_dict(), indent=0, sort_keys=True) + "\n", "utf-8")
    tmp.replace(path)


def collapse_repeats(claims: list[Claim]) -> list[Claim]:
    """Repeats of a figure by the same claimant, and the outlet's restatement, become one."""
    precise: dict[tuple[str, str, str], list[Claim]] = {}
    for c in claims:
        if c.value is not None:
            precise.setdefault((c.claimant, c.category, c.target_role), []).append(c)
    claims = [
        c
        for c in claims
        if c.value is not None
        or not any(
            _same_kind(c, p) for p in precise.get((c.claimant, c.category, c.target_role), [])
        )
    ]
    kept: list[Claim] = []
    for claim in claims:
        duplicate = None
        for other in kept:
            if other.category != claim.category or other.value != claim.value:
                continue
            if (other.span_start, other.span_end) == (claim.span_start, claim.span_end):
                continue  # "killed a policeman and a child": two figures of one sentence
            if not _same_things(other, claim):
                continue  # "an air defence system" and, later, "a drone" shot down
            if other.claimant == claim.claimant and other.target_role == claim.target_role:
                duplicate = other
                break
            if other.claimant == claim.claimant and _people_named_later(other, claim):
                # "27 are missing", and below "another 27 crew members went missing": the
                # people are those the second names
                named = replace(other, target=claim.target, target_role=claim.target_role)
                kept[kept.index(other)] = named
                duplicate = named
                break
            if other.claimant == claim.claimant and _people_named_later(claim, other):
                duplicate = other  # the people named first, then only as "people"
                break
            if other.target_role == claim.target_role and _same_speaker(other, claim):
                duplicate = other  # "Superintendent ... Mohita Sharma" and "Sharma"
                break
            if other.target_role == claim.target_role and _one_party(other, claim):
                duplicate = other  # "police said nine were killed" and the SSP's nine
                break
            if REPORTER in (other.claimant, claim.claimant) and not _civilians_and_fighters(
                other, claim
            ):
                duplicate = other
                break
        if duplicate is None:
            kept.append(claim)
            continue
        if (
            (duplicate.claimant == REPORTER and claim.claimant != REPORTER)
            or (
                duplicate.claimant_actor is None
                and claim.claimant_actor is not None
                and duplicate.claimant != REPORTER
            )
            or (_unnamed_party_voice(duplicate) and not _unnamed_party_voice(claim))
        ):
            # The attributed mention wins, and of one speaker's two names the one the
            # knowledge base knows; the qualifier of the first attributed mention
            if duplicate.claimant != REPORTER:
                _add_aliases(claim, duplicate)
            kept[kept.index(duplicate)] = claim
        else:
            duplicate.hedged = duplicate.hedged or claim.hedged
            _add_aliases(duplicate, claim)
    return kept


# Categories of what befalls things: one figure of two different things is two claims
_THING_CATEGORIES = ("destroyed", "seized")


def _same_things(a: Claim, b: Claim) -> bool:
    """Whether two claims of one figure may count the same things: people are counted under
    many names ("nine people", "nine pilgrims"), but a drone is no air defence system."""
    if a.category not in _THING_CATEGORIES or not a.target or not b.target:
        return True
    # imported here: the extract package imports this module
    from counterclaim.extract.wordlists import lexicon

    heads = _thing_kind(a.target), _thing_kind(b.target)
    if heads[0] == heads[1]:
        return True
    # two kinds of thing; a name ("Eternity C") may be the ship a noun names elsewhere
    things = lexicon().things
    return not all(head in things for head in heads)


def _people_named_later(generic: Claim, named: Claim) -> bool:
    """Whether one figure's first claim counts only "people" and the other names them as a
    side's combatants ("49 people" and "49 Armenian troops"): one claim, of those the name
    says. (Six people and, elsewhere in the report, six civilians may be two events' dead.)"""
    # imported here: the actors package imports this module through extract
    from counterclaim.actors.roles import names_only_generic_people

    return (
        generic.target_role != named.target_role
        and named.target_role in ("own", "opponent")
        and names_only_generic_people(generic.target or "")
        and not names_only_generic_people(named.target or "")
        and bool(named.target)
    )


def _civilians_and_fighters(a: Claim, b: Claim) -> bool:
    """Whether one of two claims of one figure counts civilians beyond "people" and the
    other fighters ("a civilian was martyred", then "one more terrorist was eliminated"):
    no restatement of each other."""
    # imported here: the actors package imports this module through extract
    from counterclaim.actors.roles import names_civilians_beyond_people, names_fighters

    targets = (a.target or "", b.target or "")
    return any(
        names_civilians_beyond_people(one) and names_fighters(other) and not names_fighters(one)
        for one, other in (targets, targets[::-1])
    )


# The nouns of dead bodies: the dead found, not all those a toll counts
BODY_NOUNS = frozenset(str(word) for word in load_data("lexicon/nouns.yaml")["bodies"])


def _same_kind(vague: Claim, precise: Claim) -> bool:
    """Whether a vague figure may be the same thing as a precise one ("hundreds ... at least
    200"): people go by many names ("fighters", "members of the militia"), but the bodies
    found are not all those killed ("several dozen members of the Africa Corps" and "15
    bodies"). (Of things, "several posts" beside "five aircraft" would be two claims too; kept
    as one while the incidents stage puts such a claim in the report's main incident.)"""
    heads = {_head_word(vague.target or ""), _head_word(precise.target or "")}
    return len(heads) == 1 or not heads & {_head_word(noun) for noun in BODY_NOUNS}


def _thing_kind(target: str) -> str:
    """The kind of thing a target names, by its head word or a longer name of the kind
    ("unmanned aerial vehicles" are drones)."""
    from counterclaim.extract.wordlists import lexicon

    names = lexicon().thing_names
    low = " " + " ".join(re.findall(r"[a-z]+", target.lower())) + " "
    for name, kind in names.items():  # longest first
        if f" {name} " in low:
            return kind
    return _head_word(target)


def _head_word(target: str) -> str:
    words = re.findall(r"[a-z]+", target.lower())
    return words[-1].removesuffix("s") if words else ""  # "drones": the noun "drone"


def _add_aliases(claim: Claim, other: Claim) -> None:
    """The other claim's names of its claimant, added to this one's."""
    for alias in other.claimant_aliases:
        if alias not in claim.claimant_aliases:
            claim.claimant_aliases.append(alias)


def _same_speaker(a: Claim, b: Claim) -> bool:
    """Two names of one speaker in a document: the same actor, or a name (capitalised, as a
    person's or an office's) written inside the other's ("Sharma" in "Senior Superintendent
    of Police, Reasi, Mohita Sharma")."""
    if REPORTER in (a.claimant, b.claimant):
        return False
    if a.claimant_actor is not None and a.claimant_actor == b.claimant_actor:
        return True
    names_a = {a.claimant, *a.claimant_aliases}
    names_b = {b.claimant, *b.claimant_aliases}
    return any(_named_inside(x, y) or _named_inside(y, x) for x in names_a for y in names_b)


def _one_party(a: Claim, b: Claim) -> bool:
    """The same figure from a party's unnamed voice ("police", "officials", "security
    sources") and another of its voices: ANNOTATION.md's one claim of one claimant. An
    unnamed voice speaks for the state the report is about (as in ``resolve``), so it is
    not merged with a speaker who stands apart from the parties (a monitor, witnesses)."""
    if not (_unnamed_party_voice(a) or _unnamed_party_voice(b)):
        return False
    return not (_stands_apart(a) or _stands_apart(b))


def _unnamed_party_voice(claim: Claim) -> bool:
    """A claimant the knowledge base does not know, named by common nouns only ("police",
    "an official", "intelligence sources"), none of them a neutral voice's."""
    if claim.claimant == REPORTER or claim.claimant_actor is not None:
        return False
    if any(ch.isupper() for ch in claim.claimant):
        return False
    return not _stands_apart(claim)


def _stands_apart(claim: Claim) -> bool:
    # imported here: the extract package imports this module
    from counterclaim.extract.wordlists import names_a_neutral_voice

    return "side_relation=neutral_claimant" in claim.features or names_a_neutral_voice(
        claim.claimant
    )


def _named_inside(short: str, long: str) -> bool:
    if len(short) < 4 or not short[:1].isupper() or short == long:
        return False
    return re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", long) is not None

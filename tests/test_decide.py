"""The decision model: applying it, loading it, learning it, and cross-validating it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.decide import (
    EXCHANGED_BY_BOTH,
    DecisionModel,
    LinearDecision,
    decide,
    load_model,
    save_model,
    shipped_model_path,
)
from counterclaim.errors import InputError
from counterclaim.evaluate import assign_folds, incident_groups, summarise
from counterclaim.model import Claim, Document
from counterclaim.training import NEVER, Example, GoldDocument, fit, label

runner = CliRunner()


def _claim(value: int, role: str = "other", features: dict[str, float] | None = None) -> Claim:
    return Claim(
        doc_id="d",
        category="killed",
        value=value,
        qualifier="exact",
        evidence="x",
        span_start=value,
        span_end=value + 1,
        target_role=role,
        features=features or {},
        claimant="army",  # a party to the conflict: every role is open to it
    )


KEEP = LinearDecision(classes=("claim", "no"), weights={"history": (4.0,)}, bias=(-2.0,))
ROLE = LinearDecision(
    classes=("civilian", "opponent", "other", "own"),
    weights={"word=villagers": (3.0, 0.0, 0.0, 0.0), "word=militants": (0.0, 3.0, 0.0, 0.0)},
    bias=(0.0, 0.0, 0.0, 0.0),
)


def test_binary_probabilities_sum_to_one() -> None:
    probs = KEEP.probabilities({"history": 1.0})
    assert probs["no"] == pytest.approx(1 / (1 + 2.718281828**-2), rel=1e-6)
    assert sum(probs.values()) == pytest.approx(1.0)


def test_without_a_model_the_rules_decide() -> None:
    claims = [_claim(3, "own"), _claim(5, "civilian")]
    assert decide(claims, None) == claims


def test_the_model_drops_what_is_not_a_claim_and_sets_roles() -> None:
    model = DecisionModel(keep=KEEP, role=ROLE, keep_threshold=0.5)
    claims = [
        _claim(12, "other", {"word=villagers": 1.0}),
        _claim(40, "other", {"history": 1.0}),  # a recalled past toll
        _claim(7, "civilian", {"word=militants": 1.0}),
    ]
    decided = decide(claims, model)
    assert [(c.value, c.target_role) for c in decided] == [(12, "civilian"), (7, "opponent")]
    assert decided[0].id == claims[0].id  # the same claim, decided again


def test_a_role_margin_keeps_the_rules_role_unless_the_model_is_sure() -> None:
    unsure = DecisionModel(role=ROLE, role_margin=0.95)
    assert decide([_claim(7, "civilian", {"word=militants": 1.0})], unsure)[0].target_role == (
        "civilian"
    )


def test_a_margin_learned_for_one_rule_role_leaves_that_role_alone() -> None:
    model = DecisionModel(role=ROLE, role_margin=0.0, role_margins={"civilian": 1.01})
    decided = decide(
        [
            _claim(7, "civilian", {"word=militants": 1.0}),
            _claim(9, "other", {"word=militants": 1.0}),
        ],
        model,
    )
    assert [c.target_role for c in decided] == ["civilian", "opponent"]


def test_fit_learns_a_margin_per_rule_role() -> None:
    """Where the model is right against one rule role and wrong against another, the inner
    folds keep its overrules of the first and stop those of the second."""
    examples = []
    for i in range(40):
        # rules say "other", the model learns the right role from the word
        examples.append(
            Example({"word=troops": 1.0, f"a={i}": 1.0}, "claim", "own", "other", f"a{i}")
        )
        # rules say "civilian" and are right, though the word points elsewhere half the time
        word = "word=troops" if i % 2 else "word=villagers"
        examples.append(
            Example({word: 1.0, f"c={i}": 1.0}, "claim", "civilian", "civilian", f"c{i}")
        )
    model = fit(examples, decisions=("role",))
    assert set(model.role_margins) == {"civilian", "other"}
    decided = decide(
        [_claim(1, "other", {"word=troops": 1.0}), _claim(2, "civilian", {"word=troops": 1.0})],
        model,
    )
    assert [c.target_role for c in decided] == ["own", "civilian"]


def test_fit_does_not_overrule_the_rules_where_it_wins_by_chance() -> None:
    """A role the model gets right out of fold only about as often as it gets the rules'
    right one wrong is no gain on unseen text: the rules' role stands."""
    examples = []
    for i in range(60):
        # rules say "other"; the gold role is "own" or "other" whatever the word says
        gold = "own" if i % 2 else "other"
        word = "word=troops" if i % 4 < 2 else "word=men"
        examples.append(Example({word: 1.0, f"a={i}": 1.0}, "claim", gold, "other", f"a{i}"))
    model = fit(examples, decisions=("role",))
    assert model.role_margins == {"other": NEVER}
    decided = decide([_claim(1, "other", {"word=troops": 1.0})], model)
    assert decided[0].target_role == "other"


def test_models_round_trip_through_json(tmp_path: Path) -> None:
    model = DecisionModel(
        keep=KEEP,
        role=ROLE,
        keep_threshold=0.3,
        role_margins={"civilian": 1.01, "own": 0.2},
        meta={"articles": 2},
    )
    path = tmp_path / "m.json"
    save_model(model, path)
    loaded = load_model(str(path))
    assert loaded == model
    assert loaded.fingerprint == model.fingerprint


def test_the_shipped_model_loads_without_network() -> None:
    model = load_model("shipped")
    assert model is not None and model.role is not None
    assert list(model.meta["decisions"]) == ["role"]  # the rules take claims and claimants
    assert shipped_model_path().is_file()
    assert load_model("none") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"format": "something-else"}', "not a counterclaim decision model"),
        ('{"format": "counterclaim-decisions/1", "keep": {"classes": 1}}', "malformed"),
    ],
)
def test_a_bad_model_file_is_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        load_model(str(path))
    assert str(path) in str(error.value)
    with pytest.raises(InputError, match="cannot read"):
        load_model(str(tmp_path / "missing.json"))


def test_candidates_are_labelled_by_figure_category_and_evidence() -> None:
    text = (
        "Rebels killed 9 soldiers near Kidal, the army said. "
        "In 2012 the same group killed 40 people in Aguelhok."
    )
    document = Document(text=text)
    first = text.index("Rebels")
    second = text.index("In 2012")
    candidates = [
        Claim("d", "killed", 9, "exact", text[first:second], first, second, target="soldiers"),
        Claim("d", "killed", 40, "exact", text[second:], second, len(text), target="people"),
    ]
    gold = {
        "doc": "a.txt",
        "claims": [
            {
                "claimant": "FAMa",
                "category": "killed",
                "value": 9,
                "target": "soldiers",
                "target_role": "own",
                "evidence": "Rebels killed 9 soldiers near Kidal",
            }
        ],
    }
    examples = label(GoldDocument(gold, document, candidates))
    assert [(e.keep, e.role) for e in examples] == [("claim", "own"), ("no", None)]


def test_fit_learns_a_separable_decision() -> None:
    examples = []
    for i in range(40):
        examples.append(Example({"recalled": 1.0, f"n={i}": 1.0}, "no", None, "other", f"a{i}"))
        examples.append(
            Example({"word=troops": 1.0, f"m={i}": 1.0}, "claim", "own", "other", f"b{i}")
        )
        examples.append(
            Example({"word=villagers": 1.0, f"k={i}": 1.0}, "claim", "civilian", "other", f"c{i}")
        )
    model = fit(examples, decisions=("keep", "role", "claimant"))
    assert model.keep is not None and model.role is not None
    assert fit(examples).keep is None  # by default the rules decide what is a claim
    kept = decide(
        [
            _claim(1, "other", {"recalled": 1.0}),
            _claim(2, "other", {"word=troops": 1.0}),
            _claim(3, "other", {"word=villagers": 1.0}),
        ],
        model,
    )
    assert [(c.value, c.target_role) for c in kept] == [(2, "own"), (3, "civilian")]


def _article(doc: str, incident: str, region: str, copies: tuple[str, ...] = ()) -> dict:
    claim = {"incident": incident, "category": "killed", "value": 1}
    return {"doc": doc, "region": region, "near_duplicate_of": list(copies), "claims": [claim]}


def test_folds_keep_incidents_and_copies_together() -> None:
    articles = [
        _article("a", "kidal-2024-01-01", "wa"),
        _article("b", "kidal-2024-01-01", "wa"),
        _article("c", "goma-2024-02-02", "ea"),
        _article("d", "other-2024-03-03", "ea", copies=("c",)),
        _article("e", "gaza-2024-04-04", "me"),
        _article("f", "kyiv-2024-05-05", "eu"),
    ]
    groups = sorted(sorted(g) for g in incident_groups(articles))
    assert groups == [[0, 1], [2, 3], [4], [5]]
    folds = assign_folds(articles, folds=2)
    assert sorted(i for _, f in folds for i in f) == list(range(6))
    for _, fold in folds:
        for group in groups:
            assert set(group) <= set(fold) or not set(group) & set(fold)
    by_region = dict(assign_folds(articles, by="region"))
    assert by_region == {"ea": [2, 3], "eu": [5], "me": [4], "wa": [0, 1]}
    with pytest.raises(InputError, match="folds"):
        assign_folds(articles, folds=9)


def test_summaries_give_mean_and_spread_of_every_score() -> None:
    mean, stdev = summarise([{"strict": {"f1": 0.4}, "n": 2}, {"strict": {"f1": 0.6}, "n": 4}])
    assert mean == {"n": 3.0, "strict": {"f1": 0.5}}
    assert stdev["strict"]["f1"] == pytest.approx(0.1)


# -- end to end, on reports written for these tests ------------------------------------------
REPORTS = [
    ("mali.txt", "kidal-2024-03-04", "Rebels killed 9 soldiers near Kidal on Monday, the army said.",
     [("FAMa", ["the army"], "killed", 9, "own")]),
    ("sudan.txt", "fasher-2024-05-10", "Shelling killed 14 civilians in El Fasher on Friday, "
     "a local health official said.", [("local health official", [], "killed", 14, "civilian")]),
    ("kivu.txt", "rutshuru-2024-06-01", "Militants kidnapped 11 villagers in Rutshuru on "
     "Saturday, the governor said.", [("governor", [], "captured", 11, "civilian")]),
    ("kashmir.txt", "kupwara-2024-07-02", "Troops killed four militants in Kupwara on Tuesday, "
     "police said.", [("police", [], "killed", 4, "opponent")]),
]  # fmt: skip


@pytest.fixture
def small_gold(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    lines = []
    for name, incident, text, claims in REPORTS:
        (tmp_path / "articles" / name).write_text(text + "\n", encoding="utf-8")
        record = {
            "doc": f"articles/{name}",
            "published": "2024-07-03",
            "region": name.split(".")[0],
            "claims": [
                {
                    "claimant": who,
                    "claimant_aliases": aliases,
                    "category": category,
                    "value": value,
                    "target_role": role,
                    "qualifier": "exact",
                    "incident": incident,
                    "evidence": text,
                }
                for who, aliases, category, value, role in claims
            ],
        }
        lines.append(json.dumps(record))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold


@pytest.mark.model
def test_train_then_eval_with_the_trained_model(small_gold: Path, tmp_path: Path) -> None:
    model_path = tmp_path / "model.json"
    result = runner.invoke(app, ["train", str(small_gold), "-o", str(model_path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["articles"] == 4 and model_path.is_file()
    result = runner.invoke(app, ["eval", str(small_gold), "--model", str(model_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["gold_claims"] == 4
    bad = runner.invoke(app, ["eval", str(small_gold), "--model", str(tmp_path / "nope.json")])
    assert bad.exit_code == 2 and "nope.json" in bad.output


@pytest.mark.model
def test_eval_cross_validates_by_group(small_gold: Path) -> None:
    result = runner.invoke(app, ["eval", str(small_gold), "--by", "region", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["folds"] == 4 and report["grouped_by"] == "region"
    assert set(report["mean"]) >= {"strict", "loose", "qualifier_accuracy", "gold_claims"}
    assert set(report["stdev"]["strict"]) == {"precision", "recall", "f1"}
    assert [f["fold"] for f in report["per_fold"]] == ["kashmir", "kivu", "mali", "sudan"]
    assert report["rules_alone"]["per_fold"][0]["gold_claims"] == 1
    folds = runner.invoke(app, ["eval", str(small_gold), "--folds", "2", "--json"])
    assert folds.exit_code == 0, folds.output
    assert json.loads(folds.stdout)["folds"] == 2


@pytest.mark.model
def test_loose_candidates_are_proposed_only_for_a_model_that_judges_them() -> None:
    from counterclaim.nlp import load_pipeline

    text = "Forty people at the market, witnesses said, and the attackers killed them all."
    strict = load_pipeline()(text)._.extractions
    loose = load_pipeline(loose=True)(text)._.extractions
    assert [e.count.value for e in strict] == []
    assert [(e.count.value, e.category, "loose_trigger" in e.features) for e in loose] == [
        (40, "killed", True)
    ]
    candidate = _claim(40, "civilian", {"loose_trigger": 1.0})
    assert decide([candidate], None) == []  # the rules alone do not accept it
    assert decide([candidate], DecisionModel(role=ROLE)) == []  # nor a model without keep
    judge = DecisionModel(keep=KEEP, keep_threshold=0.5, loose_threshold=0.1)
    assert [c.value for c in decide([candidate], judge)] == [40]


def test_a_claimant_of_no_side_never_gets_own_or_opponent() -> None:
    model = DecisionModel(role=ROLE)
    militants = {"word=militants": 1.0}
    # A party's claim: the model may call the militants its opponents
    party = replace(_claim(8, "other", militants), claimant="Nigerian Army")
    assert [c.target_role for c in decide([party], model)] == ["opponent"]
    # The outlet's own voice and a neutral monitor have no opponents (ANNOTATION.md)
    reporter = replace(_claim(8, "other", militants), claimant="reporter")
    monitor = replace(
        _claim(9, "other", {**militants, "side_relation=neutral_claimant": 1.0}), claimant="UN"
    )
    assert [c.target_role for c in decide([reporter, monitor], model)] == ["other", "other"]


def test_prisoners_both_parties_each_freed_stay_other_whatever_the_model_says() -> None:
    model = DecisionModel(role=ROLE)
    militants = {"word=militants": 1.0}
    exchanged = replace(
        _claim(270, "other", {**militants, EXCHANGED_BY_BOTH: 1.0}), claimant="Nigerian Army"
    )
    assert [c.target_role for c in decide([exchanged], model)] == ["other"]


def _said_by(claimant: str, aliases: list[str], actor: str | None, role: str = "own") -> Claim:
    return replace(
        _claim(9, role), claimant=claimant, claimant_aliases=aliases, claimant_actor=actor
    )


def test_two_names_of_one_speaker_give_one_claim() -> None:
    from counterclaim.decide import collapse_repeats

    officer = _said_by(
        "Reasi police",
        ["Senior Superintendent of Police, Reasi, Mohita Sharma", "Reasi police"],
        "reasi-police",
    )
    # the figure again in a later sentence, by the surname alone
    surname = replace(_said_by("Sharma", ["Sharma"], None), span_start=40, span_end=41)
    [kept] = collapse_repeats([surname, officer])
    assert kept.claimant == "Reasi police"  # the name the knowledge base knows
    assert "Sharma" in kept.claimant_aliases


def test_one_speaker_s_figure_for_two_sides_stays_two_claims() -> None:
    from counterclaim.decide import collapse_repeats

    soldiers = _said_by("Pakistan army", ["ISPR"], "pakistan-army", role="own")
    civilians = _said_by("Pakistan army", ["ISPR"], "pakistan-army", role="civilian")
    assert len(collapse_repeats([soldiers, civilians])) == 2
    # two speakers who give the same figure are two claims
    other = _said_by("Balochistan government", ["Shahid Rind"], "balochistan-government")
    assert len(collapse_repeats([soldiers, other])) == 2


def test_the_outlet_s_figure_restates_a_speaker_s_only_if_it_may_count_the_same_people() -> None:
    from counterclaim.decide import collapse_repeats

    civilian = replace(_said_by("police", ["police"], None, role="civilian"), target="civilian")
    # the outlet's "one more terrorist was eliminated": a fighter is no civilian
    terrorist = replace(
        _said_by("reporter", [], None, role="other"), target="terrorist", span_start=60, span_end=61
    )
    assert len(collapse_repeats([civilian, terrorist])) == 2
    # while "one person" may be the civilian the police named, and the "crew members" the
    # outlet counts the seafarers a firm did ("members" is no fighter's word there)
    person = replace(terrorist, target="person")
    assert len(collapse_repeats([civilian, person])) == 1
    seafarers = replace(civilian, claimant="security firms", target="seafarers")
    crew = replace(terrorist, target="crew members", target_role="civilian")
    assert len(collapse_repeats([seafarers, crew])) == 1


@pytest.mark.model
def test_other_speakers_are_resolved_only_for_whoever_chooses_among_them(tmp_path) -> None:
    from counterclaim.actors import KnowledgeBase
    from counterclaim.decide import save_model
    from counterclaim.pipeline import document_claims
    from counterclaim.settings import load_settings

    text = (
        "The army said it had cleared the area near Kidal. Officials at the hospital said 12 "
        "soldiers were killed in the ambush."
    )
    kb = KnowledgeBase.load()
    role_only = tmp_path / "role.json"
    save_model(DecisionModel(role=ROLE), role_only)
    chooser = tmp_path / "claimant.json"
    save_model(DecisionModel(claimant=ROLE), chooser)

    def options(model: str, **kwargs: bool) -> list[int]:
        settings = load_settings(environ={}, model=model)
        [(_, claims, _)] = list(document_claims([Document(text=text)], kb, settings, **kwargs))
        return [len(c.claimant_options) for c in claims]

    assert options(str(role_only)) == [0]
    assert options(str(chooser))[0] >= 2
    assert options("none", candidates_only=True)[0] >= 2  # training reads them all


def test_two_figures_of_one_sentence_are_never_repeats() -> None:
    from counterclaim.decide import collapse_repeats

    # "the blast killed a policeman and a child": one sentence, two counts of one
    policeman = replace(_said_by("army", [], None, role="civilian"), target="policeman")
    child = replace(policeman, target="child", id="")
    assert len(collapse_repeats([policeman, child])) == 2
    # the same figure in another sentence is a repeat
    later = replace(policeman, span_start=80, span_end=81, id="")
    assert len(collapse_repeats([policeman, later])) == 1


def test_one_figure_of_two_different_things_is_two_claims() -> None:
    from counterclaim.decide import collapse_repeats

    # "shot down an air defence system" and, a paragraph later, "a drone": one each
    system = replace(
        _said_by("reporter", [], None), category="destroyed", value=1, target="air defence system"
    )
    drone = replace(system, target="drone", span_start=80, span_end=81, id="")
    assert len(collapse_repeats([system, drone])) == 2
    # the same thing named again is a repeat; people are counted under many names
    again = replace(system, target="air defence systems", span_start=120, span_end=121, id="")
    assert len(collapse_repeats([system, again])) == 1
    # a ship's name and the noun for it elsewhere may be one ship
    named = replace(system, target="Eternity C", span_start=140, span_end=141, id="")
    ship = replace(system, target="Greek bulk carrier ship", span_start=160, span_end=161, id="")
    assert len(collapse_repeats([named, ship])) == 1
    pilgrims = replace(_said_by("reporter", [], None), target="people")
    named = replace(pilgrims, target="pilgrims", span_start=80, span_end=81, id="")
    assert len(collapse_repeats([pilgrims, named])) == 1


def test_a_party_s_unnamed_voice_and_its_named_one_give_one_claim() -> None:
    from counterclaim.decide import collapse_repeats

    # "officials said 14 police officers were killed in Aguililla" and, later, the
    # security ministry's statement of the same 14
    officials = _said_by("officials", ["officials"], None)
    ministry = replace(
        _said_by("Mexican Security Ministry", ["the federal security ministry"], None),
        span_start=60,
        span_end=61,
    )
    [kept] = collapse_repeats([officials, ministry])
    assert kept.claimant == "Mexican Security Ministry"  # the named voice is credited
    assert "officials" in kept.claimant_aliases
    # two unnamed voices of one side ("intelligence sources", "an official") are one too
    sources = replace(_said_by("intelligence sources", ["intelligence sources"], None), id="")
    official = replace(_said_by("an official", ["an official"], None), span_start=90, id="")
    assert len(collapse_repeats([sources, official])) == 1


def test_voices_that_stand_apart_keep_their_own_claims() -> None:
    from counterclaim.decide import collapse_repeats

    # Residents of Beni and the Congolese army both count nine dead: two claimants
    residents = _said_by("residents", ["residents"], None, role="civilian")
    army = replace(
        _said_by("FARDC", ["the army"], "fardc", role="civilian"), span_start=70, span_end=71
    )
    assert len(collapse_repeats([residents, army])) == 2
    # a monitor the knowledge base holds neutral, beside an unnamed official
    monitor = replace(
        _said_by("Syrian Observatory for Human Rights", ["SOHR"], "sohr", role="civilian"),
        features={"side_relation=neutral_claimant": 1.0},
        span_start=70,
        span_end=71,
    )
    official = _said_by("officials", ["officials"], None, role="civilian")
    assert len(collapse_repeats([official, monitor])) == 2
    # two named parties giving the same figure stay two (Hamas and the Israeli army)
    hamas = _said_by("Hamas", ["Hamas"], "hamas")
    idf = replace(_said_by("IDF", ["IDF"], "idf"), span_start=70, span_end=71)
    assert len(collapse_repeats([hamas, idf])) == 2


def test_a_vague_figure_gives_way_only_to_a_precise_one_of_the_same_thing() -> None:
    from counterclaim.decide import collapse_repeats

    # "killed several dozen members of the Africa Corps" and "15 bodies were left"
    members = replace(
        _said_by("FLA", [], "fla", role="opponent"),
        value=None,
        qualifier="vague",
        target="members of the Africa Corps",
    )
    bodies = replace(members, value=15, qualifier="exact", target="bodies", span_start=80, id="")
    assert len(collapse_repeats([members, bodies])) == 2
    # "hundreds were killed ... at least 200 people": one claim, the precise one
    people = replace(members, target="people")
    precise = replace(bodies, target="people", qualifier="at_least", value=200)
    assert [c.value for c in collapse_repeats([people, precise])] == [200]


def test_a_figure_of_people_and_the_same_figure_named_later_are_one_claim() -> None:
    from counterclaim.decide import collapse_repeats

    people = replace(
        _said_by("Armenia government", [], "armenia-government", role="civilian"), target="people"
    )
    troops = replace(
        _said_by("Armenia government", [], "armenia-government", role="own"),
        target="Armenian troops",
        span_start=40,
        span_end=41,
    )
    # whichever comes first, the one claim is of those the name says
    for claims in ([people, troops], [troops, people]):
        [kept] = collapse_repeats([replace(c) for c in claims])
        assert (kept.target, kept.target_role) == ("Armenian troops", "own")
    # two named kinds of people with one figure stay two claims
    civilians = replace(people, target="civilians")
    assert len(collapse_repeats([civilians, troops])) == 2
    # and "six people" killed in one place, "six civilians" in another, may be two events'
    others = replace(people, target_role="other")
    named_civilians = replace(civilians, span_start=40, span_end=41)
    assert len(collapse_repeats([others, named_civilians])) == 2
    # the claims given are not changed
    assert (people.target, people.target_role) == ("people", "civilian")

"""Candidate pairs by overlapping month runs are those of the (key, month) buckets."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Hashable
from datetime import date, timedelta

from counterclaim import incidents
from counterclaim.incidents import _Segment

PLACES = ["gaza city", "khartoum", "goma", "kherson", "quetta", "sagaing", "sanaa", "mopti"]


def _segment(index: int, rng: random.Random) -> _Segment:
    start = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 700))
    if rng.random() < 0.15:
        explicit = None  # dated by publication alone, or not at all
    elif rng.random() < 0.2:  # a vague date: a month or a year
        explicit = (start, start + timedelta(days=rng.choice([30, 90, 365])))
    else:
        explicit = (start, start)
    published = None if rng.random() < 0.1 else start + timedelta(days=rng.randrange(0, 4))
    return _Segment(
        index=index,
        doc_id=f"doc{index // 2}",
        claims=[],
        explicit=explicit,
        published=published,
        place_keys=set(rng.sample(PLACES, rng.randrange(0, 3))),
        coords=[(31.5, 34.45)] if rng.random() < 0.2 else [],
        sites=[],
        claimants=set(),
        figures={("killed", rng.choice([3, 7, 12]))} if rng.random() < 0.5 else set(),
        operation=None,
        duplicate_group="g1" if rng.random() < 0.05 else None,
        existing_id=f"inc{index % 7}" if rng.random() < 0.4 else None,
    )


def _pairs_by_buckets(segments: list[_Segment]) -> set[tuple[int, int]]:
    """The definition: a pair shares a key and a month bucket (or one is undated), and one
    of the two is new."""
    dated: dict[Hashable, set[int]] = defaultdict(set)
    undated: dict[Hashable, set[int]] = defaultdict(set)
    for seg in segments:
        buckets = incidents._month_buckets(seg)
        for key in incidents._meeting_keys(seg):
            if buckets is None:
                undated[key].add(seg.index)
            else:
                for bucket in buckets:
                    dated[(key, bucket)].add(seg.index)
    meets: set[tuple[int, int]] = set()
    for members in dated.values():
        meets |= {(x, y) for x in members for y in members if x < y}
    for (key, _), members in dated.items():
        meets |= {(min(x, y), max(x, y)) for x in members for y in undated.get(key, ()) if x != y}
    for members in undated.values():
        meets |= {(x, y) for x in members for y in members if x < y}
    stored = {seg.index for seg in segments if seg.existing_id}
    return {(x, y) for x, y in meets if x not in stored or y not in stored}


def test_pairs_equal_those_of_shared_buckets() -> None:
    for seed in range(12):
        rng = random.Random(seed)
        segments = [_segment(i, rng) for i in range(rng.randrange(2, 80))]
        assert incidents._candidate_pairs(segments) == _pairs_by_buckets(segments)


def test_reports_months_apart_are_no_pair() -> None:
    rng = random.Random(1)
    first, second = _segment(0, rng), _segment(1, rng)
    for seg, day in ((first, date(2024, 1, 5)), (second, date(2024, 9, 5))):
        seg.explicit, seg.published, seg.existing_id = (day, day), day, None
        seg.place_keys, seg.figures, seg.coords, seg.duplicate_group = {"kherson"}, set(), [], None
    assert incidents._candidate_pairs([first, second]) == set()
    second.explicit = second.published = None  # undated: meets every month
    assert incidents._candidate_pairs([first, second]) == {(0, 1)}

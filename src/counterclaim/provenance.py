"""Stage 2, provenance: near-duplicate groups, agency credits, citation chains, origins.

Ten outlets repeating one party's statement are one source, not ten. This module finds

- **near-duplicates**: documents that carry largely the same words (syndicated copies,
  re-posts, rewrites). Each document gets a MinHash signature (datasketch) of its content
  words; its LSH band buckets are indexed in the store (by ``pipeline.update_provenance``,
  which alone reads and writes the store: the functions here take data and return data), so
  finding the candidates of a new document is a handful of indexed lookups whatever the
  size of the store; crowded buckets (common words' hashes) are read only up to a cap
  (``lsh_candidates``), so the candidates stay bounded too. Candidates are kept when their estimated Jaccard similarity reaches
  the threshold (setting ``near_duplicate_threshold``).
- **credits**: the agency a text is credited to (``syndicated_from``): datelines
  ("KYIV, March 3 (Reuters) -"), closing "(AP)", credit lines ("MENAFN - The Peninsula)
  Xinhua"), "With reporting from AFP", syndicated-feed disclaimers. Quoting an agency
  ("told AFP") is not a credit.
- **citations**: who relays whom ("shared by The Balochistan Post, citing the official
  channel of the BLA", "the ISPR said in a statement", "quoted by Tolo News").
- **origins and independence**: a claim's origin is the party or agency its figure traces
  back to; the number of independent origins of a figure counts origins, not articles.

Patterns, agency names and stop words live in ``data/lexicon/provenance.yaml``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

import numpy as np
from datasketch import MinHash

from counterclaim.lexicon import load_data
from counterclaim.model import REPORTER, Claim, Document, normalise_text

NUM_PERM = 128
DEFAULT_THRESHOLD = 0.25
LEXICON = "lexicon/provenance.yaml"
AGENCIES = "agencies.yaml"


# -- lexicon --------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreditPattern:
    where: str  # header, footer, any
    pattern: re.Pattern[str]
    line: bool = False  # a credit that is a whole line; not under a caption sentence
    cues: tuple[tuple[str, ...], ...] = ()  # texts every match holds (see ``_cues``)


@dataclass(frozen=True)
class _Lexicon:
    agency_by_form: dict[str, str]
    agency_pattern: str
    credits: list[CreditPattern]
    self_references: list[re.Pattern[str]]
    outlet_credit: re.Pattern[str]
    citations: list[tuple[str, re.Pattern[str], list[tuple[str, ...]]]]  # kind, pattern, cues
    source_wrappers: re.Pattern[str]
    stopwords: frozenset[str]


_CAP = r"[A-Z][\w’'.&-]*"
_SP = r"[^\S\n]+"  # spaces within one paragraph: a name never runs across lines


@dataclass(frozen=True)
class _Words:
    """The ``words`` section of the provenance lexicon, combined into patterns."""

    subject: str
    expansions: dict[str, str]
    number_words: dict[str, int]
    number_word: re.Pattern[str]
    suffixes: tuple[str, ...]
    pronouns: frozenset[str]
    trailing: re.Pattern[str]
    caption: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    words = load_data(LEXICON)["words"]
    roles = "|".join(words["speaker_roles"])
    heads = "|".join(words["subject_heads"])
    # A short noun phrase naming who speaks or relays: a run of capitalised words (with "of
    # the", role words such as "spokesperson" or "Governor" inside), or "the ministry"-style
    # phrases.
    subject = (
        rf"(?<![\w’'-])(?:"
        rf"(?:[Tt]he{_SP})?{_CAP}(?:{_SP}(?:(?:of|for|de|du|al){_SP}(?:the{_SP})?)?"
        rf"(?:{_CAP}|\d+(?:st|nd|rd|th)|{roles}))*"
        rf"|(?:[Tt]he|[Aa]n?){_SP}(?:[\w’'-]+{_SP}){{0,3}}?(?:{heads}|{_CAP})"
        rf")"
    )
    month = "(?i:" + "|".join(words["months"]) + ")"
    numbers = {str(w): i for i, w in enumerate(words["number_words"])}
    return _Words(
        subject=subject,
        expansions={
            "{place}": words["place"],
            "{date}": rf"{month}\.?\s*\d{{1,2}}(?:,?\s*\d{{4}})?",
            "{name}": words["name"],
            "{subject}": subject,
        },
        number_words=numbers,
        number_word=re.compile(r"\b(" + "|".join(numbers) + r")\b", re.IGNORECASE),
        suffixes=tuple(words["suffixes"]),
        pronouns=frozenset(words["pronouns"]),
        trailing=re.compile(r"\s+(?:" + "|".join(words["name_enders"]) + r")\b.*$", re.DOTALL),
        caption=re.compile(
            r"\b(?:" + "|".join(words["caption_words"]) + r")\b|"
            r"\b(?:19|20)\d\d\.?\s*[–—-]+\s*\S+\s*$",
            re.IGNORECASE,
        ),
    )


def _agency_names() -> dict[str, str]:
    """Surface form → canonical name, from data/agencies.yaml (every section)."""
    by_form: dict[str, str] = {}
    for section in load_data(AGENCIES).values():
        for canonical, forms in (section or {}).items():
            by_form[canonical] = canonical
            for form in forms:
                by_form[form] = canonical
    return by_form


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data(LEXICON)
    by_form = _agency_names()
    forms = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    agency = rf"(?<![\w-])(?:{forms})(?![\w-])"
    expansions = {
        **_words().expansions,
        "{agency}": agency,
        "{agency_in_word}": rf"(?:{forms})(?![\w-])",
        "{agency_bare}": rf"(?:{forms})",
    }

    def expand(pattern: str) -> str:
        for key, value in expansions.items():
            pattern = pattern.replace(key, value)
        return pattern

    credits = []
    for c in data["credits"]:
        pattern = re.compile(expand(c["pattern"]))
        credits.append(
            CreditPattern(c["where"], pattern, bool(c.get("line")), tuple(_cues(pattern)))
        )
    selfrefs = [re.compile(expand(p)) for p in data["self_references"]]
    patterns = [(c["kind"], re.compile(expand(c["pattern"]))) for c in data["citations"]]
    citations = [(kind, pattern, _cues(pattern)) for kind, pattern in patterns]
    wrappers = re.compile(
        r"^(?:" + "|".join(f"(?:{w})" for w in data["source_wrappers"]) + r")", re.IGNORECASE
    )
    return _Lexicon(
        agency_by_form=by_form,
        agency_pattern=agency,
        credits=credits,
        self_references=selfrefs,
        outlet_credit=re.compile(expand(data["outlet_credit"])),
        citations=citations,
        source_wrappers=wrappers,
        stopwords=frozenset(str(w).lower() for w in data["stopwords"]),
    )


def _cues(pattern: re.Pattern[str]) -> list[tuple[str, ...]]:
    """Texts every match of the pattern contains: each entry is a set of alternatives of
    which a text must hold one (its literal words outside any repeat, optional part or
    case-folding, and the openings of its alternations), so a text missing one is not
    scanned. Most citation patterns open on a capitalised noun phrase that the regex engine
    tries at every capital of every text: the scans were 0.11 s of provenance's 0.4 s on
    200 bench reports, which mostly hold none of "citing", "quoted" or "told".

    Read from the pattern's source by :func:`_sequence_cues`, which knows only the syntax
    the lexicon uses and takes anything else for a part that requires nothing: a cue it
    misses spares no scan, but it never makes up one."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return []
    return _sequence_cues(pattern.pattern)


@dataclass(frozen=True)
class _Atom:
    """One item of a pattern's source: a literal character, a plain group (capturing or
    not, its body), or anything else (a class, an escape class, an anchor, a lookaround,
    a group with flags); ``optional`` when a quantifier follows it."""

    literal: str = ""
    group: str | None = None
    optional: bool = False


_ESCAPED_CONTROLS = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ESCAPE_CODE = re.compile(
    r"\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|N\{[^}]*\}|[0-9]{1,3}|.)",
    re.DOTALL,
)
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")


def _closing(source: str, start: int, close: str) -> int:
    """The index of the bracket closing the one opened just before ``start`` (``)`` or
    ``]``), skipping escapes and character classes; -1 when there is none."""
    depth = 1
    i = start
    if close == "]" and source[i : i + 1] == "^":
        i += 1
    if close == "]" and source[i : i + 1] == "]":
        i += 1  # "[]...]": a leading bracket is a member of the class
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if close == "]":
            if char == "]":
                return i
        elif char == "[":
            inner = _closing(source, i + 1, "]")
            if inner < 0:
                return -1
            i = inner
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _atoms(source: str) -> list[_Atom] | None:
    """The items of one branch of a pattern, None when it cannot be read (an inline flag
    for the whole pattern, an unbalanced bracket)."""
    atoms: list[_Atom] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escaped = source[i + 1 : i + 2]
            if not escaped:
                return None
            if escaped in _ESCAPED_CONTROLS:
                atom, i = _Atom(literal=_ESCAPED_CONTROLS[escaped]), i + 2
            elif escaped.isalnum() or escaped == "_":
                # A class, an anchor, a reference or a character code ("\\x41", "\\u00e9",
                # "\\012", "\\N{...}"): nothing literal, and the code's digits are no words
                code = _ESCAPE_CODE.match(source, i)
                atom, i = _Atom(), code.end() if code else i + 2
            else:
                atom, i = _Atom(literal=escaped), i + 2
        elif char == "[":
            end = _closing(source, i + 1, "]")
            if end < 0:
                return None
            atom, i = _Atom(), end + 1
        elif char == "(":
            end = _closing(source, i + 1, ")")
            if end < 0:
                return None
            inside = source[i + 1 : end]
            if inside.startswith("?:"):
                atom = _Atom(group=inside[2:])
            elif inside.startswith("?P<"):
                name_end = inside.find(">")
                atom = _Atom(group=inside[name_end + 1 :]) if name_end > 0 else _Atom()
            elif not inside.startswith("?"):
                atom = _Atom(group=inside)
            elif re.fullmatch(r"\?[aiLmsux-]+", inside):
                return None  # "(?i)": flags for the whole pattern
            else:
                atom = _Atom()  # a lookaround, a comment, a group with its own flags
            i = end + 1
        elif char in ".^$|)":
            atom, i = _Atom(), i + 1
        else:
            atom, i = _Atom(literal=char), i + 1
        quantifier = _QUANTIFIER.match(source, i)
        if quantifier:
            atom = _Atom(atom.literal, atom.group, optional=True)
            i = quantifier.end()
        atoms.append(atom)
    return atoms


def _branches(source: str) -> list[str]:
    """The source cut at its own alternation bars (not those inside groups or classes)."""
    branches = []
    start = i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char in "[(":
            end = _closing(source, i + 1, "]" if char == "[" else ")")
            i = len(source) if end < 0 else end + 1
            continue
        if char == "|":
            branches.append(source[start:i])
            start = i + 1
        i += 1
    branches.append(source[start:])
    return branches


def _sequence_cues(source: str) -> list[tuple[str, ...]]:
    branches = _branches(source)
    if len(branches) > 1:
        openings = tuple(_opening_literal(branch) for branch in branches)
        return [openings] if all(openings) else []
    atoms = _atoms(source)
    if atoms is None:
        return []
    cues: list[tuple[str, ...]] = []
    run = ""
    for atom in atoms:
        if atom.literal and not atom.optional:
            run += atom.literal
            continue
        if len(run) >= 2:
            cues.append((run,))
        run = ""
        if atom.group is not None and not atom.optional:
            cues += _sequence_cues(atom.group)
    if len(run) >= 2:
        cues.append((run,))
    return cues


def _opening_literal(source: str) -> str:
    opening = ""
    for atom in _atoms(source) or []:
        if not atom.literal or atom.optional:
            break
        opening += atom.literal
    return opening


def canonical_agency(name: str | None) -> str | None:
    """The lexicon's name for an agency mentioned as ``name`` ("Agence France-Presse" → AFP)."""
    if not name:
        return None
    lex = _lexicon()
    name = name.strip()
    if name in lex.agency_by_form:
        return lex.agency_by_form[name]
    match = re.search(lex.agency_pattern, name)
    return lex.agency_by_form[match.group(0)] if match else None


# -- near-duplicates ------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 16)  # a feed's vocabulary repeats: each word is stemmed once
def _stem(word: str) -> str:
    # Light suffix stripping so "executed"/"executions"/"execute" meet; no stemmer dependency.
    for suffix in _words().suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def shingles(text: str) -> set[str]:
    """The content words of a text, lower-cased and lightly stemmed, as a set.

    Single content words rather than word n-grams: a rewrite of one statement (the same
    facts in reordered, reworded sentences) keeps most of its vocabulary but few of its
    5-word runs, while two independent reports of one event share names and numbers but
    much less of the rest. Measured on the dev set: rewrites 0.29-0.62, independent reports
    of the same event at most 0.21.
    """
    stop = _lexicon().stopwords
    # each distinct word once: a report repeats many of its words. NFC alone, not the whole
    # normalise_text: what else it does is to whitespace, which no word holds
    words = set(_WORD.findall(unicodedata.normalize("NFC", text).lower()))
    return {_stem(w) for w in words if w not in stop and (len(w) > 2 or w.isdigit())}


@lru_cache(maxsize=4)
def _empty_minhash(num_perm: int) -> MinHash:
    # Building the permutations is as costly as hashing a document; copy a prototype instead.
    prototype = MinHash(num_perm=num_perm)
    # datasketch's own hash function (copies keep it), each word hashed once: a feed's
    # vocabulary repeats, and the hashing was half of a signature's time
    prototype.hashfunc = lru_cache(maxsize=1 << 16)(prototype.hashfunc)
    return prototype


def minhash_signature(text: str, num_perm: int = NUM_PERM) -> list[int]:
    """MinHash signature (datasketch) of the text's content-word set."""
    minhash = _empty_minhash(num_perm).copy()
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return minhash.hashvalues.tolist()  # numpy's own conversion to Python ints


def estimated_jaccard(first: Sequence[int], second: Sequence[int]) -> float:
    """Share of equal signature slots: the MinHash estimate of Jaccard similarity."""
    if len(first) != len(second) or not first:
        return 0.0
    return float(np.count_nonzero(np.asarray(first) == np.asarray(second))) / len(first)


@dataclass(frozen=True)
class LshParams:
    """LSH banding: ``bands`` buckets per document, each hashing ``rows`` signature slots."""

    num_perm: int
    bands: int
    rows: int
    threshold: float


def _probability_integral(
    bands: np.ndarray, rows: np.ndarray, low: float, high: float, collide: bool
) -> np.ndarray:
    """The integral, for each (bands, rows) pair, of the probability that two documents
    share a bucket (``collide``) or share none, over similarities from ``low`` to ``high``."""
    xs = np.linspace(low, high, 201)
    p = 1.0 - (1.0 - xs[np.newaxis, :] ** rows[:, np.newaxis]) ** bands[:, np.newaxis]
    ys = p if collide else 1.0 - p
    return np.sum((ys[:, 1:] + ys[:, :-1]) / 2.0 * np.diff(xs), axis=1)


@lru_cache(maxsize=32)
def lsh_params(
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = NUM_PERM,
    false_positive_weight: float = 0.3,
    false_negative_weight: float = 0.7,
) -> LshParams:
    """Bands and rows minimising weighted false-positive and false-negative areas.

    The same criterion as datasketch's MinHashLSH (which keeps it private); false negatives
    weigh more because every candidate is verified against the threshold afterwards. Every
    pair is weighed at once (a loop over the 645 pairs of 128 slots took 20 ms of the
    provenance stage's first batch); on a tie the fewest bands, then rows, win.
    """
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bands = np.array([b for b, _ in pairs], dtype=float)
    rows = np.array([r for _, r in pairs], dtype=float)
    fp = _probability_integral(bands, rows, 0.0, threshold, collide=True)
    fn = _probability_integral(bands, rows, threshold, 1.0, collide=False)
    best = int(np.argmin(fp * false_positive_weight + fn * false_negative_weight))
    return LshParams(
        num_perm=num_perm, bands=pairs[best][0], rows=pairs[best][1], threshold=threshold
    )


def band_buckets(signature: Sequence[int], params: LshParams) -> list[str]:
    """One bucket key per band. The row count is hashed in, so keys made with other
    parameters never collide with these."""
    keys = []
    values = list(map(str, signature))  # each slot written once, not once per genexpr step
    prefix = f"{params.rows}:"
    for band in range(params.bands):
        payload = prefix + ",".join(values[band * params.rows : (band + 1) * params.rows])
        keys.append(hashlib.blake2b(payload.encode("ascii"), digest_size=10).hexdigest())
    return keys


DEFAULT_MAX_BUCKET = 100


@lru_cache(maxsize=1)
def max_bucket() -> int:
    """How many documents an LSH band bucket may hold and still count as evidence
    (``lsh.max_bucket`` in the provenance lexicon)."""
    return int((load_data(LEXICON).get("lsh") or {}).get("max_bucket", DEFAULT_MAX_BUCKET))


def bucket_keys(buckets: Sequence[str]) -> list[tuple[int, str]]:
    """``(band, bucket)`` keys of one document's band buckets, as the store indexes them."""
    return list(enumerate(buckets))


def lsh_candidates(
    buckets: Sequence[str],
    holders: Mapping[tuple[int, str], Sequence[str]],
    limit: int | None = None,
) -> set[str]:
    """The stored documents worth comparing with a new one, from the holders of its band
    buckets (``holders``: up to ``limit + 1`` documents per bucket, e.g.
    ``Store.lsh_bucket_holders(keys, limit + 1)``).

    With two-row bands (the 0.25 threshold) a bucket keyed by two common words' hashes
    gathers a share of every same-domain store: its holders grow with the store and carry
    no evidence, like a stop word. A bucket with more than ``limit`` holders is crowded and
    its holders count only when they recur in another crowded bucket of the same document
    (the holders come lowest id first, so the many copies of one text, which fill every
    bucket of a new copy, recur in all of them). The candidates are at most
    ``bands * limit`` whatever the size of the store."""
    limit = max_bucket() if limit is None else limit
    rare: set[str] = set()
    crowded: dict[str, int] = {}
    for key in bucket_keys(buckets):
        found = holders.get(key, ())
        if len(found) <= limit:
            rare.update(found)
            continue
        for doc_id in found[:limit]:
            crowded[doc_id] = crowded.get(doc_id, 0) + 1
    return rare | {doc_id for doc_id, count in crowded.items() if count >= 2}


@dataclass
class Match:
    doc_id: str
    similarity: float


@dataclass(frozen=True)
class IndexedSignature:
    """A document's MinHash signature and its LSH band buckets, as the store indexes them."""

    doc_id: str
    signature: list[int]
    buckets: list[str]


def unindexed(docs: Iterable[Document], indexed: Iterable[str]) -> list[Document]:
    """The documents not yet in the near-duplicate index, each once, in the order given."""
    skip = set(indexed)
    fresh: list[Document] = []
    for doc in docs:
        if doc.id not in skip:
            skip.add(doc.id)
            fresh.append(doc)
    return fresh


def index_signatures(
    docs: Iterable[Document], threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM
) -> list[IndexedSignature]:
    """Signature and band buckets of each document, for the store's index."""
    params = lsh_params(threshold, num_perm)
    out = []
    for doc in docs:
        signature = minhash_signature(doc.text, num_perm)
        out.append(IndexedSignature(doc.id, signature, band_buckets(signature, params)))
    return out


def near_duplicate_matches(
    signature: Sequence[int],
    candidates: Mapping[str, Sequence[int]],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    exclude: str | None = None,
) -> list[Match]:
    """Candidates (doc id → signature, e.g. the stored documents sharing a band bucket with
    ``signature``) whose estimated Jaccard similarity reaches the threshold, best first. The
    cost depends on the number of candidates, not on the size of the store."""
    ids = [i for i, other in candidates.items() if i != exclude and len(other) == len(signature)]
    if not ids or not signature:
        return []
    # One comparison of every candidate at once: the same share of equal slots as
    # estimated_jaccard, without a Python loop over a candidate list that grows with the store.
    others = np.asarray([candidates[i] for i in ids], dtype=np.uint64)
    equal = np.count_nonzero(others == np.asarray(signature, dtype=np.uint64), axis=1)
    found = [
        Match(doc_id, sim)
        for doc_id, count in zip(ids, equal.tolist(), strict=True)
        if (sim := float(count) / len(signature)) >= threshold
    ]
    return sorted(found, key=lambda m: (-m.similarity, m.doc_id))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a


@dataclass(frozen=True)
class StoredNeighbours:
    """What a batch of new documents needs to know of the stored ones they may copy.

    - ``documents``: the stored documents some new document matched by signature (their
      text for the verifier, their group).
    - ``ingestion_rank``: rank in ingestion order of those documents' group names (a group is
      named after a document); the earlier name survives a merge.
    - ``group_members``: the stored members of each of those groups, in ingestion order.
    """

    documents: Mapping[str, Document] = field(default_factory=dict)
    ingestion_rank: Mapping[str, int] = field(default_factory=dict)
    group_members: Mapping[str, Sequence[str]] = field(default_factory=dict)


def group_labels(documents: Iterable[Document]) -> set[str]:
    """The group names stored documents stand for: their group, else themselves."""
    return {d.near_duplicate_group or d.id for d in documents}


def group_near_duplicates(
    fresh: Sequence[Document],
    signatures: Sequence[IndexedSignature],
    stored_matches: Mapping[str, Sequence[str]],
    neighbours: StoredNeighbours,
    threshold: float = DEFAULT_THRESHOLD,
    verifier: VerifierParams | None = None,
) -> dict[str, str]:
    """Put new documents into near-duplicate groups; returns doc id → group id for every
    document (new or stored) whose group was created or changed.

    ``fresh`` are documents not yet indexed, ``signatures`` theirs (same order),
    ``stored_matches`` the stored documents each one's signature matched, best first
    (:func:`near_duplicate_matches`). The verifier (:func:`compare_texts`, thresholds from
    the lexicon unless ``verifier`` is given) keeps only candidates that share their text in
    order, so two reports of one event stay apart.

    Each new document is compared with its stored matches and with the new documents before
    it. A group is named after its earliest member (stored documents count as earlier than
    new ones, new ones in the order given); when a new document bridges two groups they
    merge under the earlier name.
    """
    verifier = verifier or verifier_params()
    batch_buckets: dict[tuple[int, str], list[str]] = {}
    # The batch's signatures as one matrix (one length, as index_signatures makes them):
    # each new document meets all its in-batch candidates in one comparison. Common words'
    # buckets gather most of a batch, so pair by pair this grew with the square of it.
    matrix = np.asarray([indexed.signature for indexed in signatures], dtype=np.uint64)
    row_of = {doc.id: row for row, doc in enumerate(fresh)}
    edges: list[tuple[str, str]] = []
    matched_stored: set[str] = set()
    batch_texts = {doc.id: doc.text for doc in fresh}
    # New documents already joined through other copies need no verifying: without this,
    # n copies of one text cost n²/2 text comparisons (1,000 one-line files: 270 s).
    linked = _UnionFind()
    for row, (doc, indexed) in enumerate(zip(fresh, signatures, strict=True)):
        signature, buckets = indexed.signature, indexed.buckets
        for other in stored_matches.get(doc.id, ()):
            # A stored match stands for its whole group (below): one verified member is enough.
            known = neighbours.documents.get(other)
            group = f"stored:{known.near_duplicate_group or other if known else other}"
            if linked.find(doc.id) == linked.find(group):
                continue
            if verifier.enabled and not verifier.is_copy(
                compare_texts(doc.text, known.text if known else "", verifier)
            ):
                continue
            edges.append((doc.id, other))
            matched_stored.add(other)
            linked.union(doc.id, group)
        in_batch = {
            other
            for band, key in enumerate(buckets)
            for other in batch_buckets.get((band, key), [])
        }
        ordered = sorted(in_batch)
        equal = np.count_nonzero(matrix[[row_of[o] for o in ordered]] == matrix[row], axis=1)
        for other, count in zip(ordered, equal.tolist(), strict=True):
            if linked.find(doc.id) == linked.find(other):
                continue
            if (count / len(signature) if signature else 0.0) < threshold:
                continue  # the estimated_jaccard of the two signatures
            if verifier.enabled and not verifier.is_copy(
                compare_texts(doc.text, batch_texts[other], verifier)
            ):
                continue
            edges.append((doc.id, other))
            linked.union(doc.id, other)
        for band, key in enumerate(buckets):
            batch_buckets.setdefault((band, key), []).append(doc.id)
    if not edges:
        return {}

    # Stored matches stand for their whole group; a stored singleton is its own group.
    label_of = {
        d.id: d.near_duplicate_group or d.id
        for other in sorted(matched_stored)
        if (d := neighbours.documents.get(other)) is not None
    }
    union = _UnionFind()
    for new_id, other in edges:
        union.union(label_of.get(new_id, new_id), label_of.get(other, other))
    stored_labels = sorted(set(label_of.values()))
    # Ingestion order of the stored groups' first members decides which name survives.
    ranked = sorted(
        (label for label in stored_labels if label in neighbours.ingestion_rank),
        key=neighbours.ingestion_rank.__getitem__,
    )
    order = {label: i for i, label in enumerate(ranked)}
    order.update({d.id: len(order) + i for i, d in enumerate(fresh) if d.id not in order})
    members: dict[str, set[str]] = {}
    for node in list(union.parent):
        members.setdefault(union.find(node), set()).add(node)

    assignments: dict[str, str] = {}
    stored_label_set = set(stored_labels)
    for nodes in members.values():
        name = min(nodes, key=lambda n: (order.get(n, len(order)), n))
        for node in nodes:
            if node not in stored_label_set:
                assignments[node] = name
                continue
            current = list(neighbours.group_members.get(node, ()))
            if node != name or not current:
                for member in current or [node]:
                    assignments[member] = name
    return assignments


# -- credits --------------------------------------------------------------------------------
@dataclass
class Credit:
    """Why a text is credited to an agency: the pattern family and the matching text."""

    agency: str
    kind: str  # ingest, header, ending, footer, any, self_reference, outlet
    evidence: str


@dataclass
class Citation:
    """One link of a citation chain: ``relayer`` passes on what ``source`` said."""

    kind: str  # citing, statement, social, quoted, interview
    source: str | None
    relayer: str | None
    channel: str | None
    evidence: str
    start: int
    end: int

    @property
    def source_party(self) -> str | None:
        """The party the statement traces back to, without its channel ("the official
        channel of the BLA" → "BLA"); ``None`` when the text names it only by a pronoun."""
        return source_party(self.source)


@dataclass
class Origin:
    """Where a text says it comes from."""

    syndicated_from: str | None  # agency the text is credited to
    credit: Credit | None
    citations: list[Citation] = field(default_factory=list)
    origin: str | None = None  # the agency if credited, else the outlet (its own reporting)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def _agency_from_match(match: re.Match[str]) -> str | None:
    for name, value in match.groupdict().items():
        if name.startswith("agency") and value:
            return canonical_agency(value)
    free = (match.groupdict().get("name") or "").strip()
    if free:
        # A credit line may name an outlet the list does not know ("Source: Vanguardia").
        free = re.sub(r"\s+news agency$", "", free, flags=re.IGNORECASE)
        return canonical_agency(free) if free in _lexicon().agency_by_form else free
    return None


_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,30}[A-Z](?:,\s*[A-Z][\w .'’-]{1,30})?(?:\s*[–—-]+|:)\s"
)
_HEADER_PARAGRAPHS = 8
_FOOTER_PARAGRAPHS = 4


def _paragraphs_after_sentence(text: str) -> list[tuple[str, bool]]:
    """Non-empty paragraphs, each with whether it hangs directly (no blank line) under a line
    ending a sentence: where a photo caption's credit line sits."""
    out: list[tuple[str, bool]] = []
    previous = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            out.append((stripped, bool(re.search(r"[.!?\"”’)]$", previous))))
        previous = stripped
    return out


def _holds_one(text: str, alternatives: tuple[str, ...], held: dict[tuple[str, ...], bool]) -> bool:
    """Whether the text holds one of the alternatives, each set looked up once per text."""
    found = held.get(alternatives)
    if found is None:
        found = held[alternatives] = _alternatives_pattern(alternatives).search(text) is not None
    return found


@lru_cache(maxsize=64)
def _alternatives_pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    # one scan for a hundred agency names is faster than a hundred substring tests
    return re.compile("|".join(re.escape(cue) for cue in alternatives) if alternatives else "(?!)")


def find_credits(text: str) -> list[Credit]:
    """Every agency credit in the text, strongest first: header credits (dateline, byline,
    first lines) in reading order, then disclaimers anywhere, then the sign-off and credit
    lines of the footer, last line first; agency self-references only when none of those is
    found and a wire dateline opens the text."""
    lex = _lexicon()
    # A paragraph is part of the text: a pattern whose cues the text lacks matches in none
    # of them (most credit patterns need an agency's name, which most reports never write).
    held: dict[tuple[str, ...], bool] = {}
    usable = [
        credit
        for credit in lex.credits
        if all(_holds_one(text, alternatives, held) for alternatives in credit.cues)
    ]
    paragraphs = _paragraphs_after_sentence(text)
    footer = [p for p in paragraphs[-_FOOTER_PARAGRAPHS:] if not _words().caption.search(p[0])]
    parts = {
        "header": paragraphs[:_HEADER_PARAGRAPHS],
        "any": [(text, False)],
        "footer": list(reversed(footer)),
    }
    found: list[Credit] = []
    for where in ("header", "any", "footer"):
        for paragraph, under_sentence in parts[where]:
            for credit in usable:
                if credit.where != where or (credit.line and under_sentence and where == "header"):
                    continue
                match = credit.pattern.search(paragraph)
                agency = _agency_from_match(match) if match else None
                if match and agency:
                    found.append(Credit(agency, where, match.group(0).strip()))
    if not found and any(_WIRE_DATELINE.match(p) for p, _ in paragraphs[:6]):
        for pattern in lex.self_references:
            match = pattern.search(text)
            agency = _agency_from_match(match) if match else None
            if match and agency:
                found.append(Credit(agency, "self_reference", match.group(0)))
                break
    return found


def outlet_credit(outlet: str | None) -> str | None:
    """The agency an outlet description names as the copy's source ("GV Wire (Reuters copy)")."""
    if not outlet:
        return None
    match = _lexicon().outlet_credit.search(outlet)
    return _agency_from_match(match) if match else None


# -- citations ------------------------------------------------------------------------------
_SPOKES_FOR = re.compile(r",\s*(?:a\s+)?spokes(?:person|man|woman)\s+(?:for|of)\s+(.+)$")
_SPOKES_OF = re.compile(r"^(?:the\s+)?(.+?)\s+spokes(?:person|man|woman)\b")


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = _words().trailing.sub("", name.strip()).strip(" ,.;:“”\"'")
    return name or None


def source_party(source: str | None) -> str | None:
    """A cited source without its channel words ("the official channel of the BLA" → BLA)."""
    if not source or source.lower() in _words().pronouns:
        return None
    # "Jeeyand Baloch, spokesperson for the BLA" and "RSF spokesperson Al-Fateh Qurashi"
    # both trace back to the organisation, not the person.
    spokes = _SPOKES_FOR.search(source) or _SPOKES_OF.match(source)
    if spokes:
        source = spokes.group(1)
    wrappers = _lexicon().source_wrappers
    previous = None
    while previous != source:
        previous = source
        source = wrappers.sub("", source).strip()
    return source or None


def citations(text: str) -> list[Citation]:
    """Citation chains in the text, in reading order: who relays whose statement."""
    return [replace(c) for c in _citations(text)]


@lru_cache(maxsize=2048)
def _citations(text: str) -> tuple[Citation, ...]:
    # Every incident page and list recomputes origins of the same stored texts: the regex
    # scan was 60% of the incident list's time (0.42 s of 0.8 s on the 273 train reports).
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, cues in _lexicon().citations:
        if not all(any(cue in text for cue in alternatives) for alternatives in cues):
            continue  # the pattern cannot match: spare the scan
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s <= start < e or start <= s < end for s, e in taken):
                continue
            groups = match.groupdict()
            relayer = _clean_name(groups.get("relayer"))
            found.append(
                Citation(
                    kind=kind,
                    source=_clean_name(groups.get("source")),
                    relayer=canonical_agency(relayer) or relayer,
                    channel=groups.get("channel2") or groups.get("channel"),
                    evidence=match.group(0),
                    start=start,
                    end=end,
                )
            )
            taken.append((start, end))
    return tuple(sorted(found, key=lambda c: c.start))


# -- origins --------------------------------------------------------------------------------
def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "://" in url else f"http://{url}").hostname or ""
    return host.removeprefix("www.") or None


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _own_outlet(name: str, doc: Document) -> bool:
    """A newspaper or broadcaster credited on its own site ("Published in Dawn" on dawn.com)
    is the outlet's own reporting, not a copy. Agencies are the source wherever their copy
    stands, their own wire site included."""
    if name in _agencies_proper():
        return False
    key = _key(name)
    host = (_host(doc.url) or "").rsplit(".", 1)[0]
    return bool(key) and (key == _key(doc.outlet or "") or key in _key(host))


@lru_cache(maxsize=1)
def _agencies_proper() -> frozenset[str]:
    return frozenset(load_data(AGENCIES).get("agencies") or {})


def detect_origin(doc: Document) -> Origin:
    """The agency the text is credited to, its citation chains, and its origin.

    Credits come from the text first (an ingest-detected credit such as the removed ANI
    disclaimer counts as text), then from the outlet metadata when the text names none.
    """
    credit: Credit | None = None
    ingested = canonical_agency(doc.syndicated_from)
    if not ingested and doc.syndicated_from and doc.metadata.get("syndication_notice"):
        # A syndication notice names its source outright, listed agency or not.
        ingested = doc.syndicated_from
    if ingested:
        credit = Credit(ingested, "ingest", doc.syndicated_from or "")
    else:
        found = [c for c in find_credits(doc.text) if not _own_outlet(c.agency, doc)]
        if found:
            credit = found[0]
        elif agency := outlet_credit(doc.outlet):
            credit = Credit(agency, "outlet", doc.outlet or "")
    agency_name = credit.agency if credit else None
    return Origin(
        syndicated_from=agency_name,
        credit=credit,
        citations=citations(doc.text),
        origin=agency_name or doc.outlet or _host(doc.url),
    )


def claim_origin(claim: Claim, doc: Document, origin: Origin | None = None) -> str:
    """The party or agency a claim's figure traces back to.

    A party's statement traces back to the party, whoever carries it. A figure in the
    outlet's own voice traces back to a source cited in the same passage, else to the
    agency the copy is credited to, else to the outlet, else to the document's group.
    """
    if claim.claimant and claim.claimant != REPORTER:
        return claim.claimant_actor or claim.claimant
    origin = origin or detect_origin(doc)
    for citation in origin.citations:
        overlaps = citation.start < claim.span_end and claim.span_start < citation.end
        if overlaps and (party := citation.source_party or citation.relayer):
            return party
    if origin.origin:
        return origin.origin
    return f"document:{doc.near_duplicate_group or doc.id}"


FigureKey = tuple[Any, ...]


def figure_key(claim: Claim) -> FigureKey:
    """What makes two claims the same figure: claimant, category, target side, value."""
    claimant = (claim.claimant_actor or claim.claimant or REPORTER).strip().lower()
    return (claimant, claim.category, claim.target_role, claim.value)


def independent_origins(
    claims: Iterable[Claim],
    docs: Iterable[Document] | Mapping[str, Document],
    *,
    key: Callable[[Claim], FigureKey] = figure_key,
) -> dict[str, int]:
    """For each claim, how many distinct origins carry its figure.

    Copies in one near-duplicate group count once (their origins are merged), and so do
    articles relaying the same party or agency. Returns claim id → count.
    """
    by_id = dict(docs) if isinstance(docs, Mapping) else {d.id: d for d in docs}
    origins: dict[str, Origin] = {}
    by_figure: dict[FigureKey, list[Claim]] = {}
    for claim in claims:
        by_figure.setdefault(key(claim), []).append(claim)
    result: dict[str, int] = {}
    for figure_claims in by_figure.values():
        union = _UnionFind()
        nodes: list[str] = []
        for claim in figure_claims:
            doc = by_id.get(claim.doc_id)
            if doc is None:
                node = f"origin:{(claim.origin or claim.doc_id).lower()}"
            else:
                if doc.id not in origins:
                    origins[doc.id] = detect_origin(doc)
                node = f"origin:{claim_origin(claim, doc, origins[doc.id]).lower()}"
                if doc.near_duplicate_group:
                    union.union(f"group:{doc.near_duplicate_group}", node)
            union.find(node)
            nodes.append(node)
        count = len({union.find(n) for n in nodes})
        for claim in figure_claims:
            result[claim.id] = count
    return result


@dataclass
class OriginSummary:
    """How many documents, and how many independent copies, one origin accounts for."""

    origin: str
    documents: int
    independent: int  # distinct near-duplicate groups (a document without one is its own)
    outlets: list[str] = field(default_factory=list)


def origin_summary(docs: Iterable[Document]) -> list[OriginSummary]:
    """Stored documents by origin, most documents first: ten outlets carrying one agency's
    copy show as one origin with ten documents."""
    by_origin: dict[str, list[Document]] = {}
    for doc in docs:
        key = doc.origin or doc.syndicated_from or doc.outlet or _host(doc.url) or "unknown"
        by_origin.setdefault(key, []).append(doc)
    out = [
        OriginSummary(
            origin=origin,
            documents=len(members),
            independent=len({d.near_duplicate_group or d.id for d in members}),
            outlets=sorted({d.outlet for d in members if d.outlet}),
        )
        for origin, members in by_origin.items()
    ]
    return sorted(out, key=lambda s: (-s.documents, s.origin.lower()))


# -- scoring against gold files -----------------------------------------------------------
def symmetric_pairs(articles: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """Unordered ``(doc, doc)`` pairs named by the articles' ``near_duplicate_of`` lists;
    a pair listed on one side only counts as well."""
    pairs: set[tuple[str, str]] = set()
    for article in articles:
        for other in article.get("near_duplicate_of") or []:
            if other != article["doc"]:
                first, second = sorted((article["doc"], other))
                pairs.add((first, second))
    return pairs


def near_duplicate_pairs_score(
    gold_articles: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> dict[str, float]:
    """Pair precision, recall and F1 of predicted ``near_duplicate_of`` against gold.

    Both sides are read as symmetric pairs, restricted to the gold file's documents. With no
    pair on either side, precision, recall and F1 are 1.0 (nothing to find, nothing found).
    """
    docs = {a["doc"] for a in gold_articles}
    gold = symmetric_pairs(gold_articles)
    pred = {p for p in symmetric_pairs(predicted) if p[0] in docs and p[1] in docs}
    hits = len(gold & pred)
    precision = hits / len(pred) if pred else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold_pairs": len(gold),
        "predicted_pairs": len(pred),
        "correct_pairs": hits,
    }


def syndication_accuracy(
    gold_articles: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> dict[str, float]:
    """Share of gold articles whose predicted ``syndicated_from`` equals the gold one,
    case-insensitively, ``null`` matching ``null``; a missing prediction counts as null."""
    by_doc = {p["doc"]: p for p in predicted}
    correct = 0
    for article in gold_articles:
        gold = (article.get("syndicated_from") or "").strip().lower()
        guess = (by_doc.get(article["doc"], {}).get("syndicated_from") or "").strip().lower()
        correct += gold == guess
    total = len(gold_articles)
    return {"accuracy": correct / total if total else 1.0, "correct": correct, "articles": total}


# -- near-duplicate verifier ----------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"‘'(\d])|\n+")
_QUOTE = re.compile(r"[“\"]([^”\"\n]{20,400})[”\"]")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _content(text: str) -> frozenset[str]:
    stop = _lexicon().stopwords
    words = _WORD.findall(text.lower())
    return frozenset(_stem(w) for w in words if w not in stop and (len(w) > 2 or w.isdigit()))


# A new document is verified against each of its stored matches in turn: its own sentences,
# shingles and figures are split once, not once per match.
_TEXT_CACHE = 64


@lru_cache(maxsize=_TEXT_CACHE * 2)
def _units(text: str, splitter: re.Pattern[str], min_words: int) -> tuple[frozenset[str], ...]:
    """Content-word sets of the text's sentences or paragraphs of at least ``min_words``."""
    return tuple(
        _content(part)
        for part in splitter.split(normalise_text(text))
        if len(_WORD.findall(part)) >= min_words
    )


_PARAGRAPH_END = re.compile(r"\n+")


@lru_cache(maxsize=_TEXT_CACHE)
def _figures(text: str) -> tuple[str, ...]:
    """The figures of a text in reading order; small number words become digits so that
    "seven soldiers" in one rewrite meets "7 soldiers" in another."""
    words = _words()
    spelled = words.number_word.sub(lambda m: str(words.number_words[m.group(1).lower()]), text)
    return tuple(m.group(0).replace(",", "").rstrip(".") for m in _FIGURE.finditer(spelled))


@lru_cache(maxsize=_TEXT_CACHE)
def _word_shingles(text: str, size: int = 5) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(normalise_text(text).lower())
    return frozenset(tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1)))


def _longest_common_subsequence(first: Sequence[str], second: Sequence[str]) -> int:
    previous = [0] * (len(second) + 1)
    for item in first:
        current = [0]
        for j, other in enumerate(second):
            current.append(previous[j] + 1 if item == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _longest_increasing(values: Sequence[int]) -> int:
    tails: list[int] = []
    for value in values:
        low, high = 0, len(tails)
        while low < high:
            mid = (low + high) // 2
            if tails[mid] < value:
                low = mid + 1
            else:
                high = mid
        if low == len(tails):
            tails.append(value)
        else:
            tails[low] = value
    return len(tails)


def _aligned(
    first: Sequence[frozenset[str]], second: Sequence[frozenset[str]], cutoff: float
) -> float:
    """Share of the shorter side's units with a match (content-word Jaccard at least
    ``cutoff``) in the other, counted along the longest run that keeps both orders."""
    short, long_ = (first, second) if len(first) <= len(second) else (second, first)
    if not short or not long_:
        return 0.0
    matched = []
    for unit in short:
        scores = [len(unit & other) / len(unit | other) if unit | other else 0.0 for other in long_]
        best = max(range(len(long_)), key=scores.__getitem__)
        if scores[best] >= cutoff:
            matched.append(best)
    return _longest_increasing(matched) / len(short)


def _shared_quotes(first: str, second: str) -> tuple[float, int]:
    from rapidfuzz import fuzz

    qa = [" ".join(_WORD.findall(q.lower())) for q in _QUOTE.findall(normalise_text(first))]
    qb = [" ".join(_WORD.findall(q.lower())) for q in _QUOTE.findall(normalise_text(second))]
    fewer, other = (qa, second) if len(qa) <= len(qb) else (qb, first)
    if not fewer:
        return 0.0, 0
    other_words = " ".join(_WORD.findall(normalise_text(other).lower()))
    found = sum(1 for q in fewer if fuzz.partial_ratio(q, other_words) >= 90)
    return found / len(fewer), len(fewer)


@dataclass(frozen=True)
class PairEvidence:
    """What two texts share, in order; every ratio is over the shorter side.

    - ``aligned``: sentences with a close match in the other text, kept in order.
    - ``paragraphs``: the same over paragraphs, with a looser match (a paraphrase keeps a
      paragraph's names and facts while rewording each sentence).
    - ``containment``: 5-word shingles found in the other text.
    - ``figures``: longest common subsequence of the figures (``figure_count``: how many
      the text with fewer has).
    - ``quotes``: quotations of 20+ characters found nearly verbatim in the other text
      (``quote_count``: how many). Reported, not decisive: independent reports of one
      statement share its quotes, and most rewrites in the measured sets quote nothing.
    """

    aligned: float
    paragraphs: float
    containment: float
    figures: float
    figure_count: int
    quotes: float
    quote_count: int

    def as_dict(self) -> dict[str, float]:
        return {k: round(float(v), 3) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class VerifierParams:
    """Thresholds of the near-duplicate verifier, shipped in data/lexicon/provenance.yaml
    (``near_duplicates``). A candidate pair is a copy when its aligned sentences reach
    ``aligned``, or its shingle containment reaches ``containment``, or its paragraphs align
    (``paragraphs``) while keeping at least ``min_figures`` figures in the same sequence
    (``figures``)."""

    sentence_similarity: float = 0.3
    paragraph_similarity: float = 0.2
    aligned: float = 0.4
    containment: float = 0.5
    paragraphs: float = 0.65
    figures: float = 0.75
    min_figures: int = 3
    enabled: bool = True

    def is_copy(self, evidence: PairEvidence) -> bool:
        if not self.enabled:
            return True
        if evidence.aligned >= self.aligned or evidence.containment >= self.containment:
            return True
        return (
            evidence.paragraphs >= self.paragraphs
            and evidence.figure_count >= self.min_figures
            and evidence.figures >= self.figures
        )

    def describe(self) -> str:
        return (
            f"aligned>={self.aligned:.2f} | containment>={self.containment:.2f} | "
            f"paragraphs>={self.paragraphs:.2f} & figures>={self.figures:.2f}"
        )


NO_VERIFIER = VerifierParams(enabled=False)  # LSH alone, as before the verifier


@lru_cache(maxsize=1)
def verifier_params() -> VerifierParams:
    """The verifier thresholds shipped in the provenance lexicon."""
    return VerifierParams(**(load_data(LEXICON).get("near_duplicates") or {}))


def compare_texts(first: str, second: str, params: VerifierParams | None = None) -> PairEvidence:
    """What two texts share in order: sentences, paragraphs, shingles, figures, quotes."""
    params = params or verifier_params()
    sa, sb = _word_shingles(first), _word_shingles(second)
    fa, fb = _figures(first), _figures(second)
    fewer = min(len(fa), len(fb))
    quotes, quote_count = _shared_quotes(first, second)
    return PairEvidence(
        aligned=_aligned(
            _units(first, _SENTENCE_END, 6),
            _units(second, _SENTENCE_END, 6),
            params.sentence_similarity,
        ),
        paragraphs=_aligned(
            _units(first, _PARAGRAPH_END, 12),
            _units(second, _PARAGRAPH_END, 12),
            params.paragraph_similarity,
        ),
        containment=len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0,
        figures=_longest_common_subsequence(fa, fb) / fewer if fewer else 0.0,
        figure_count=fewer,
        quotes=quotes,
        quote_count=quote_count,
    )


def is_copy(first: str, second: str, params: VerifierParams | None = None) -> bool:
    """Whether two texts are copies or rewrites of one source text (not two reports of one
    event), by the verifier's thresholds."""
    params = params or verifier_params()
    return params.is_copy(compare_texts(first, second, params))


def fit_verifier(
    labelled: Sequence[tuple[PairEvidence, bool]], base: VerifierParams | None = None
) -> VerifierParams:
    """Thresholds maximising pair F1 on labelled candidate pairs (evidence, is-copy): a small
    grid over the sentence and paragraph cut-offs, for leave-one-region-out estimates. Ties go
    to the stricter setting."""
    base = base or verifier_params()
    best: tuple[float, float, VerifierParams] | None = None
    for aligned in [x / 20 for x in range(4, 19)]:
        for paragraphs in [x / 20 for x in range(8, 21)]:
            params = replace(base, aligned=aligned, paragraphs=paragraphs)
            tp = sum(1 for ev, dup in labelled if dup and params.is_copy(ev))
            fp = sum(1 for ev, dup in labelled if not dup and params.is_copy(ev))
            fn = sum(1 for ev, dup in labelled if dup and not params.is_copy(ev))
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            key = (f1, aligned + paragraphs)
            if best is None or key > best[:2]:
                best = (f1, aligned + paragraphs, params)
    assert best is not None
    return best[2]

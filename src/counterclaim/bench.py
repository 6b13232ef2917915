"""Benchmarks. ``bench_duplicates``: does near-duplicate detection per new document stay
flat as the store grows?

Synthetic documents (random word sequences over a vocabulary of made-up words) are indexed
into a temporary SQLite store in bulk. At each store size a batch of new documents is
looked up — half of them planted near-duplicates of stored documents (a share of words
replaced, sentences reordered), half fresh — and the mean time per document is measured.
Results are reported as times and as ratios to the smallest size measured in the same run,
never against absolute thresholds, because machines differ.

Synthetic words are drawn uniformly from 200,000 made-up words, so two unrelated documents
rarely share a word (about 3% of pairs share one): this measures the index (bucket
lookups, candidate verification). Those pairs still become candidates at a rate of about
3.5 per 100,000 stored documents, which verification discards cheaply.
How many unrelated documents become candidates is a property of the data, not of the
index: it is reported as ``candidates_per_doc``. With a 50,000-word vocabulary, one pair in
eight shares a word and the candidate count grows with the store (about 1.3 per 10,000
stored documents at the default threshold); real news, whose documents share common
words, has a higher rate still.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import random
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from counterclaim.model import Claim, Document, Place
from counterclaim.provenance import (
    DEFAULT_THRESHOLD,
    NUM_PERM,
    Match,
    band_buckets,
    lsh_params,
    minhash_signature,
    near_duplicate_matches,
)
from counterclaim.settings import load_settings
from counterclaim.store import Store

_SYLLABLES = ("ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "da", "pe", "zu", "bo", "gi", "ha")


@dataclass
class SizeResult:
    size: int  # documents in the store when measured
    lookup_ms_per_doc: float  # signature + candidate lookup + verification
    assign_ms_per_doc: float  # pipeline.update_provenance on a batch: lookup, origins, writes
    candidates_per_doc: float
    recall: float  # planted near-duplicates whose source was found
    false_matches: int  # fresh documents matched to anything
    lookup_ratio: float = 1.0  # against the smallest size of this run
    assign_ratio: float = 1.0


@dataclass
class DuplicatesBenchReport:
    sizes: list[int]
    threshold: float
    num_perm: int
    bands: int
    rows: int
    query_batch: int
    results: list[SizeResult] = field(default_factory=list)
    build_seconds: float = 0.0

    @property
    def recall(self) -> float:
        return min((r.recall for r in self.results), default=0.0)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["recall"] = self.recall
        return out


class _Corpus:
    def __init__(self, vocabulary: int, words: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = words
        self.vocabulary = self._make_vocabulary(vocabulary)
        self.count = 0

    def _make_vocabulary(self, size: int) -> list[str]:
        # Word i spelled in base len(_SYLLABLES), from three syllables up: distinct by
        # construction, so no rejection loop over random draws.
        base = len(_SYLLABLES)
        words = []
        for number in range(base**2, base**2 + size):
            syllables = []
            while number:
                number, digit = divmod(number, base)
                syllables.append(_SYLLABLES[digit])
            words.append("".join(syllables))
        return words

    def text(self) -> str:
        self.count += 1
        words = self.rng.choices(self.vocabulary, k=self.words)
        sentences = [" ".join(words[i : i + 12]) + "." for i in range(0, len(words), 12)]
        return " ".join(sentences)

    def rewrite(self, text: str, replaced: float = 0.15) -> str:
        """A near-duplicate: some words replaced, sentences reordered, a new headline."""
        self.count += 1
        body = text
        sentences = [s for s in body.split(". ") if s]
        self.rng.shuffle(sentences)
        words = " ".join(sentences).split(" ")
        for i in range(len(words)):
            if self.rng.random() < replaced:
                words[i] = self.rng.choice(self.vocabulary)
        return " ".join(words)


def _fill(store: Store, corpus: _Corpus, count: int, threshold: float) -> list[Document]:
    """Add ``count`` documents with their signatures in bulk; returns them."""
    params = lsh_params(threshold, NUM_PERM)
    docs = [Document(text=corpus.text(), outlet="synthetic") for _ in range(count)]
    store.add_documents(docs)
    rows = []
    for doc in docs:
        signature = minhash_signature(doc.text)
        rows.append((doc.id, signature, band_buckets(signature, params)))
    store.add_signatures(rows)
    return docs


def bench_duplicates(
    sizes: Sequence[int] = (10_000, 100_000),
    *,
    query_batch: int = 200,
    words: int = 80,
    vocabulary: int = 200_000,
    threshold: float = DEFAULT_THRESHOLD,
    seed: int = 7,
    chunk: int = 5_000,
    directory: str | Path | None = None,
    advance: Callable[[int], None] | None = None,
) -> DuplicatesBenchReport:
    """Grow a temporary store to each size and time near-duplicate detection per document."""
    sizes = sorted(set(sizes))
    params = lsh_params(threshold, NUM_PERM)
    report = DuplicatesBenchReport(
        sizes=list(sizes),
        threshold=threshold,
        num_perm=NUM_PERM,
        bands=params.bands,
        rows=params.rows,
        query_batch=query_batch,
    )
    corpus = _Corpus(vocabulary, words, seed)
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        stored: list[Document] = []
        for size in sizes:
            started = time.perf_counter()
            while len(stored) < size:
                added = _fill(store, corpus, min(chunk, size - len(stored)), threshold)
                stored.extend(added)
                if advance:
                    advance(len(added))
            report.build_seconds += time.perf_counter() - started
            report.results.append(_measure(store, corpus, stored, query_batch, threshold))
        store.close()
    base = report.results[0]
    for result in report.results:
        result.lookup_ratio = result.lookup_ms_per_doc / base.lookup_ms_per_doc
        result.assign_ratio = result.assign_ms_per_doc / base.assign_ms_per_doc
    return report


def _lookup(store: Store, signature: list[int], threshold: float) -> list[Match]:
    """One document's stored near-duplicates: its band buckets' holders, then their
    signatures against the threshold."""
    params = lsh_params(threshold, len(signature))
    candidates = store.lsh_candidates(band_buckets(signature, params))
    return near_duplicate_matches(signature, store.signatures(candidates), threshold)


def _measure(
    store: Store, corpus: _Corpus, stored: list[Document], batch: int, threshold: float
) -> SizeResult:
    planted = [(corpus.rewrite(src.text), src.id) for src in corpus.rng.sample(stored, batch // 2)]
    fresh = [corpus.text() for _ in range(batch - len(planted))]
    queries = [(text, source) for text, source in planted] + [(text, None) for text in fresh]
    passes: list[float] = []
    found = 0
    false_matches = 0
    candidates = 0
    for attempt in range(5):
        started = time.perf_counter()
        for text, source in queries:
            matches = _lookup(store, minhash_signature(text), threshold)
            if attempt == 0:
                ids = {m.doc_id for m in matches}
                if source is None:
                    false_matches += bool(ids)
                else:
                    found += source in ids
        passes.append((time.perf_counter() - started) / len(queries))
    # Candidate counts outside the timed loop, so counting costs nothing there.
    params = lsh_params(threshold, NUM_PERM)
    for text, _ in queries:
        candidates += len(store.lsh_candidates(band_buckets(minhash_signature(text), params)))

    new_docs = [Document(text=t, outlet="synthetic") for t in [corpus.text() for _ in range(batch)]]
    store.add_documents(new_docs)
    from counterclaim.pipeline import update_provenance

    settings = load_settings(environ={}).with_overrides(near_duplicate_threshold=threshold)
    started = time.perf_counter()
    update_provenance(store, new_docs, settings)
    assign_seconds = (time.perf_counter() - started) / len(new_docs)
    stored.extend(new_docs)
    return SizeResult(
        size=len(stored) - len(new_docs),
        # The fastest pass is the one least disturbed by other work on the machine.
        lookup_ms_per_doc=min(passes) * 1000,
        assign_ms_per_doc=assign_seconds * 1000,
        candidates_per_doc=candidates / len(queries),
        recall=found / len(planted) if planted else 1.0,
        false_matches=false_matches,
    )


# -- extraction throughput --------------------------------------------------------------------
@dataclass
class ExtractCase:
    """One corpus timed through spaCy's parse alone (the baseline, in the same run) and
    through the whole claim path: parse, rule components, resolution."""

    name: str
    documents: int
    tokens: int
    parse_seconds: float
    full_seconds: float
    claims: int

    @property
    def overhead_ratio(self) -> float:
        """Whole path over parse alone: 1.0 means the rules and resolution cost nothing."""
        return self.full_seconds / self.parse_seconds

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.full_seconds


@dataclass
class ExtractBenchReport:
    cases: list[ExtractCase] = field(default_factory=list)
    peak_rss_mb: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": [
                asdict(c)
                | {
                    "overhead_ratio": round(c.overhead_ratio, 3),
                    "docs_per_second": round(c.docs_per_second, 2),
                }
                for c in self.cases
            ],
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


def bench_extract(copies: int = 10, passes: int = 3) -> ExtractBenchReport:
    """Time the bundled sample corpus through spaCy's parse only and through extraction and
    resolution, as ``copies`` short reports each, and as one long round-up of them all
    (where work that grows with the square of a document's length would show); the fastest
    of ``passes`` passes counts."""
    import resource

    from counterclaim import places
    from counterclaim.actors import KnowledgeBase
    from counterclaim.errors import InputError
    from counterclaim.ingest import IngestOptions, read_sources
    from counterclaim.lexicon import data_path
    from counterclaim.nlp import load_pipeline, parse_documents
    from counterclaim.resolve import resolve_claims

    sample = [
        d
        for d in read_sources([str(data_path("sample"))], IngestOptions())
        if not isinstance(d, InputError)
    ]
    roundup = Document(text="Round-up\n\n" + "\n\n".join(d.text for d in sample * 5))
    nlp = load_pipeline()
    kb = KnowledgeBase.load()
    places.resolve("Kyiv")  # the gazetteer is built once per process, outside the timing
    report = ExtractBenchReport()
    for name, docs in (("short reports", sample * copies), ("one long round-up", [roundup])):
        texts = [d.text for d in docs]
        claims = 0

        def parse_only(texts: list[str] = texts) -> None:
            with nlp.select_pipes(disable=["counterclaim_claims"]):
                for _ in nlp.pipe(texts, batch_size=32):
                    pass

        def full(docs: list[Document] = docs) -> None:
            nonlocal claims
            claims = 0
            for document, parsed in parse_documents(docs, batch_size=32):
                claims += len(resolve_claims(document, parsed._.extractions or [], kb))

        full()  # warm caches (lexicons, knowledge-base indexes) before either is timed
        report.cases.append(
            ExtractCase(
                name=name,
                documents=len(docs),
                tokens=sum(len(doc) for doc in nlp.tokenizer.pipe(texts)),
                parse_seconds=_fastest(parse_only, passes),
                full_seconds=_fastest(full, passes),
                claims=claims,
            )
        )
    report.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


def _fastest(run: Callable[[], None], passes: int) -> float:
    """The least disturbed of several passes: these machines are shared and noisy."""
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


# -- the whole path ------------------------------------------------------------------------------
# Generated reports read like conflict news: sentences written for this benchmark (no article
# text), filled with places, forces and figures of several conflicts, so that the extractor,
# the resolver, the gazetteer and near-duplicate detection all do the work real reports cause.
_CONFLICTS: tuple[dict[str, tuple[str, ...]], ...] = (
    {
        "places": ("Kharkiv", "Zaporizhzhia", "Odesa", "Dnipro", "Sumy", "Kherson", "Pokrovsk"),
        "attackers": ("Russian forces", "Russian troops", "Moscow's forces"),
        "defenders": ("Ukrainian forces", "Ukraine's army", "Ukrainian troops"),
        "sources": ("the regional governor", "Ukraine's emergency service", "local officials"),
        "military": ("Russia's defence ministry", "Ukraine's general staff"),
        "weapons": ("a missile", "a glide bomb", "a drone", "an artillery shell"),
    },
    {
        "places": ("Khan Younis", "Rafah", "Deir al-Balah", "Jabalia", "Gaza City", "Beit Lahia"),
        "attackers": ("Israeli forces", "Israeli aircraft", "Israeli troops"),
        "defenders": ("Hamas fighters", "Palestinian militants", "Islamic Jihad fighters"),
        "sources": ("Gaza's health ministry", "the civil defence agency", "hospital officials"),
        "military": ("the Israeli military", "Hamas's armed wing"),
        "weapons": ("an air strike", "tank fire", "a drone strike", "shelling"),
    },
    {
        "places": ("El Fasher", "Omdurman", "Nyala", "Wad Madani", "El Obeid", "Kadugli"),
        "attackers": ("the Rapid Support Forces", "RSF fighters", "paramilitary fighters"),
        "defenders": ("the Sudanese army", "army units", "allied militias"),
        "sources": ("local activists", "a medical charity", "the state health ministry"),
        "military": ("the Sudanese army", "the RSF"),
        "weapons": ("shelling", "a drone strike", "a ground assault", "rocket fire"),
    },
    {
        "places": ("Djibo", "Menaka", "Gao", "Tillaberi", "Kaya", "Dori", "Mopti"),
        "attackers": ("jihadist fighters", "JNIM militants", "gunmen on motorbikes"),
        "defenders": ("the army", "government troops", "volunteer defence forces"),
        "sources": ("security sources", "a local official", "residents"),
        "military": ("the army", "JNIM"),
        "weapons": ("an ambush", "a roadside bomb", "a raid", "mortar fire"),
    },
    {
        "places": ("Sagaing", "Lashio", "Myawaddy", "Hpakant", "Mandalay", "Sittwe"),
        "attackers": ("the military junta", "junta troops", "military aircraft"),
        "defenders": ("the Arakan Army", "resistance fighters", "the Kachin Independence Army"),
        "sources": ("a resistance spokesperson", "a local rescue team", "villagers"),
        "military": ("the junta", "the Arakan Army"),
        "weapons": ("an air strike", "artillery fire", "a paraglider attack", "a bombing"),
    },
    {
        "places": ("Kupwara", "Poonch", "Rajouri", "Baramulla", "Anantnag", "Kathua"),
        "attackers": ("militants", "infiltrators", "gunmen"),
        "defenders": ("Indian troops", "security forces", "the army"),
        "sources": ("police", "a senior police officer", "army officials"),
        "military": ("the army", "police"),
        "weapons": ("a gunfight", "an ambush", "a grenade attack", "cross-border firing"),
    },
    {
        "places": ("Goma", "Bunia", "Rutshuru", "Beni", "Bukavu", "Masisi"),
        "attackers": ("M23 rebels", "ADF militants", "CODECO fighters"),
        "defenders": ("Congolese troops", "the army", "UN peacekeepers"),
        "sources": ("civil society groups", "a local administrator", "the UN mission"),
        "military": ("the Congolese army", "M23"),
        "weapons": ("a machete attack", "shelling", "an assault", "a raid"),
    },
    {
        "places": ("Marib", "Taiz", "Hodeidah", "Saada", "Al Bayda", "Dhale"),
        "attackers": ("Houthi forces", "Houthi fighters", "Houthi drones"),
        "defenders": ("government forces", "pro-government tribesmen", "coalition aircraft"),
        "sources": ("a government official", "medical sources", "the Houthi health ministry"),
        "military": ("the Houthis", "the coalition"),
        "weapons": ("a ballistic missile", "a drone", "sniper fire", "an air raid"),
    },
    {
        "places": ("Quetta", "Bannu", "Peshawar", "Turbat", "Dera Ismail Khan", "Khyber"),
        "attackers": ("militants", "Pakistani Taliban fighters", "separatist gunmen"),
        "defenders": ("security forces", "the Frontier Corps", "Pakistani troops"),
        "sources": ("the provincial government", "police", "a hospital spokesperson"),
        "military": ("the military's media wing", "the Pakistani Taliban"),
        "weapons": ("a suicide bombing", "a gun attack", "a roadside bomb", "a raid"),
    },
)

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_VICTIMS = ("civilians", "people", "villagers", "residents", "farmers", "displaced people")
_COMBATANTS = ("fighters", "soldiers", "militants", "troops", "gunmen")
_SITES = (
    "a market",
    "a residential block",
    "a school used as a shelter",
    "a hospital compound",
    "a checkpoint",
    "a camp for displaced families",
    "a mosque",
    "a bus station",
    "a fuel depot",
    "a village on the outskirts",
)
_LEDES = (
    "{attacker} hit {site} in {place} on {day}, killing {n} {victims} and wounding {m} others, "
    "{source} said.",
    "At least {n} {victims} were killed and {m} injured when {weapon} struck {site} in {place}, "
    "according to {source}.",
    "{source_cap} said {n} {victims} died after {weapon} on {site} near {place} late on {day}.",
    "The death toll from {day}'s attack on {site} in {place} has risen to {n}, {source} said.",
    "{n} {victims} were killed in {place} on {day} when {attacker} opened fire on {site}, "
    "{source} told reporters.",
    "{weapon_cap} on {site} in {place} killed {n} {victims}, among them {k} children, "
    "{source} said on {day}.",
)
_FOLLOW_UPS = (
    "{military_cap} said its forces had killed {n} {combatants} in the fighting near {place}.",
    "{military_cap} said {k} of its {combatants} were wounded and {k2} were missing.",
    "{military_cap} claimed to have destroyed {k} armoured vehicles and captured {k2} "
    "{combatants}.",
    "{source_cap} put the number of wounded at {m}, many of them in serious condition.",
    "Rescuers pulled {k} bodies from the rubble overnight, {source} said.",
    "{n} {combatants} were killed in clashes that followed, according to {source}.",
    "{military_cap} said it had intercepted {k} drones over {place2} on the same night.",
    "{source_cap} said {k} people were abducted from {place2} during the raid.",
    "{attacker_cap} denied targeting {victims} and said the strike hit a weapons store.",
    '"We buried {k} people yesterday and there are more under the debris," a resident '
    "of {place} said.",
)
_CONTEXT = (
    "The town has changed hands several times since the fighting began.",
    "Aid agencies have warned that food, fuel and medicine are running short.",
    "Reporters could not reach the area, and phone lines were down for much of the day.",
    "Talks brokered by regional mediators stalled last month.",
    "Doctors at the main hospital said they were short of blood and painkillers.",
    "Witnesses described a loud explosion followed by long bursts of gunfire.",
    "Neither side commented on reports of a local truce.",
    "Thousands of families have fled {place} in recent weeks, many of them on foot.",
    "The figures could not be independently verified.",
    "{place} lies on a road that both sides want to control ahead of the rainy season.",
    "Satellite images taken before and after the attack show several burned buildings.",
    "A curfew was imposed in {place2} while security forces searched nearby villages.",
    "The United Nations called for an investigation and for civilians to be spared.",
    "Local radio stations went off the air shortly after the attack.",
    "Schools in the district have been closed since the start of the month.",
    "Residents said the shelling began before dawn and lasted several hours.",
    "The government has accused foreign backers of arming its opponents.",
    "Humanitarian convoys have been blocked at checkpoints for weeks.",
    "Mourners gathered in {place} for the funerals on {day}.",
    "Analysts say the offensive aims to cut supply lines running through {place2}.",
    "Electricity has been cut across much of {place} since the power station was hit.",
    "Officials in {place2} said they were preparing to receive more displaced families.",
    "Prices of flour and cooking oil have doubled in local markets since the siege began.",
    "A spokesperson for the aid group said its staff had withdrawn from the district.",
    "Journalists who visited the site a day later saw craters and a burned-out truck.",
    "The authorities declared three days of mourning.",
    "The latest fighting follows weeks of relative calm along the front line.",
    "Residents said they had received no warning before the attack.",
    "Rights groups have documented dozens of similar incidents this year.",
    "Video shared on social media showed smoke rising over the centre of {place}.",
    "Local leaders appealed for safe passage for the wounded.",
    "Foreign ministers meeting this week are expected to discuss the crisis.",
    "Fighting also continued around {place2}, though no casualties were reported there.",
    "It was not clear who controlled the area at the time of the strike.",
    "The region has seen repeated attacks on roads used by traders and aid workers.",
)
# Everyday detail around the fighting, composed from three parts so that two reports rarely
# share many content words: with whole stock sentences, every pair of generated reports looked
# alike to near-duplicate detection (tens of candidate pairs per report, where real news has
# well under one).
_WHO = (
    "Farmers near {place}",
    "A local aid worker",
    "Teachers at the district school",
    "Two nurses at the clinic",
    "Elders from nearby villages",
    "The mayor of {place2}",
    "Traders at the cattle market",
    "A group of university students",
    "Truck drivers on the northern road",
    "Relatives of the missing",
    "Volunteers from the Red Crescent",
    "A photographer based in {place}",
    "Shopkeepers in the old quarter",
    "Fishermen along the river",
    "Women at the water point",
    "A priest in {place2}",
    "Engineers from the water board",
    "The district commissioner",
    "Doctors from a mobile clinic",
    "Bus passengers stranded overnight",
    "Young men at a tea stall",
    "A councillor from {place2}",
    "Families sheltering in tents",
    "Mechanics near the bus depot",
    "A retired schoolteacher",
    "Brick makers outside town",
    "A pharmacist on the main avenue",
    "Herders moving south",
    "Nuns running an orphanage",
    "Taxi drivers at the roundabout",
)
_DID = (
    "complained about the price of bread",
    "described nights spent in cellars",
    "asked for tarpaulins and blankets",
    "recalled aircraft circling for hours",
    "said the wells had run dry",
    "patched a broken water main",
    "queued for cooking gas",
    "moved their goats to higher pasture",
    "reopened a small bakery",
    "carried sacks of maize across the bridge",
    "handed out chlorine tablets",
    "counted bullet holes in the walls",
    "waited for news of relatives",
    "sold furniture to pay rent",
    "painted over slogans on the gates",
    "swept glass from the courtyard",
    "demanded payment for burned crops",
    "worried aloud about the harvest",
    "closed their shutters early",
    "charged telephones from a solar panel",
    "boiled river water for the children",
    "rebuilt a collapsed classroom wall",
    "traded rumours about the front",
    "stacked sandbags against the doors",
    "printed lists of missing neighbours",
    "smuggled medicine in vegetable crates",
    "held prayers in a half-built hall",
    "rationed fuel for the generator",
    "walked miles to reach a market",
    "registered newborns at a makeshift office",
)
_WHEN = (
    "after the bridge was closed",
    "despite the curfew",
    "on the edge of {place}",
    "while drones hummed overhead",
    "in the afternoon heat",
    "before the rains",
    "as prices kept climbing",
    "with little help from the authorities",
    "near the ruined police station",
    "during a lull",
    "at the end of the fasting month",
    "behind a wall of sandbags",
    "with a patchy mobile signal",
    "under a grey sky",
    "as dust storms swept the plain",
    "a week after the convoy turned back",
    "beside the shuttered cinema",
    "while generators droned all night",
    "outside the abandoned customs post",
    "along the dry riverbed",
    "as winter approached",
    "in a borrowed storeroom",
    "between the checkpoints",
    "at first light",
    "under the gaze of armed guards",
    "without salaries for months",
    "in a village of mud houses",
    "near the old railway line",
    "when the phone network returned",
    "on the road to {place2}",
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_TRADES = _words(
    """baker tailor carpenter welder plumber midwife butcher cobbler potter weaver barber
    blacksmith electrician bricklayer fisherman shepherd beekeeper miller grocer florist
    locksmith jeweller printer bookseller photographer nurse surgeon dentist vet pharmacist
    accountant lawyer judge clerk librarian janitor cook waiter porter courier ferryman
    boatman trucker mechanic painter plasterer glazier roofer tiler gardener forester
    hunter trapper saddler tanner dyer spinner embroiderer goldsmith tinsmith cooper
    chandler vintner brewer distiller confectioner fruiterer fishmonger poulterer dairyman
    herdsman drover muleteer cameleer caravanner surveyor cartographer engineer architect
    chemist geologist teacher lecturer imam pastor chaplain monk scribe translator"""
)
_GOODS = _words(
    """onions lentils sugar kerosene batteries tyres blankets soap flour rice tomatoes
    peppers eggs chickens goats cement nails rope candles matches lanterns sandals radios
    bicycles mattresses buckets jerrycans firewood charcoal dates figs olives almonds
    sorghum millet cassava yams plantains beans peanuts sesame honey cheese yoghurt butter
    tea coffee cardamom cumin saffron tobacco cigarettes sweets biscuits bread noodles
    pasta macaroni sardines tuna salt vinegar mangoes bananas oranges lemons melons grapes
    apricots cherries walnuts pistachios raisins carpets cushions curtains fabric thread
    needles scissors buttons zips shoes boots jackets scarves gloves hats umbrellas tarps
    tents stoves kettles pots pans plates cups spoons knives axes shovels hoes sickles
    seeds fertiliser pesticide diesel petrol oil grease spanners wrenches hammers saws
    bricks tiles planks beams pipes taps valves wires cables fuses bulbs"""
)
_LANDMARKS = _words(
    """granary pharmacy stadium cinema library museum bakery tannery brewery sawmill
    quarry dairy orchard vineyard cemetery bathhouse caravanserai lighthouse harbour
    jetty wharf ferry-landing slaughterhouse courthouse post-office telegraph-office
    waterworks pumping-station substation seminary madrassa monastery chapel shrine
    synagogue pagoda fortress citadel barracks armoury prison garage warehouse depot
    terminus tramway viaduct aqueduct reservoir dam canal lock-keeper's-house"""
)
# Real reports name people and villages, often ones no other report names, which keeps
# unrelated reports apart for near-duplicate detection. Measured on 273 reports each (MinHash
# estimate of content-word Jaccard; share of pairs sharing an LSH bucket at the default
# threshold): the train corpus 0.055 median, 9% of pairs; generated reports before these
# names and shorter stock parts 0.125, 33%; with them 0.086, 20%. Still twice as alike as
# real news: near-duplicate lookups cost more here than on real text.
_FIRST_NAMES = _words(
    """Olena Taras Mykola Iryna Bohdan Oksana Ahmad Fatima Yousef Mariam Khalil Samira Omar
    Amal Ibrahim Halima Abdelrahman Nafisa Moussa Aminata Boubacar Mariam Seydou Kadiatou
    Aung Thida Kyaw Nilar Zaw Hla Tun Moe Farooq Shabnam Irfan Rukhsana Bilal Nasreen
    Jean-Pierre Esperance Patrick Furaha Emmanuel Neema Saleh Bushra Nabil Huda Waleed
    Arwa Imran Sadia Zubair Ayesha Tariq Gulalai Yaw Hamid Leila Rashid Zainab"""
)
_SURNAMES = _words(
    """Kovalenko Shevchenko Bondarenko Tkachenko Melnyk Hassan Abu-Shamala Barakat Haddad
    Mansour Suleiman Adam Osman Yagoub Abdalla Traore Diallo Coulibaly Sawadogo Maiga Cisse
    Win Naing Htun Thein Lwin Bhat Dar Lone Mir Wani Kabila Mukendi Lukusa Ilunga Mutombo
    al-Ahmadi al-Hakimi al-Sharabi Baloch Khan Yousafzai Afridi Marri Mengal Achakzai"""
)
_ONSETS = ("b", "d", "g", "h", "k", "l", "m", "n", "r", "s", "t", "w", "z", "ch", "sh", "kh")
_VOWELS = ("a", "e", "i", "o", "u", "aa", "ai", "ou")
_WITNESSES = (
    "{person}, a {trade} from {village}, left with {other}.",
    "In {village}, {person} and {other} waited.",
    "{person} of {village} spoke to {other}.",
    "{person} walked from {village} to {village2}.",
    "{other} named {person}, a {trade} from {village}.",
    "{person} and {other} reached {village}.",
)
_PERIODS = ("last spring", "the new year", "the summer", "the last harvest", "early autumn")
_STALLS = (
    "A {trade} in {place} said {goods} and {goods2} now cost twice what they did in {period}.",
    "A {trade} who left {place2} said she sold her {goods} to pay for the journey.",
    "Near the old {landmark}, a {trade} was selling {goods} and {goods2} from a cart.",
    "The {landmark} in {place} has been shut since {period}, a {trade} said.",
    "A {trade} said the {landmark} had been used to store {goods} and {goods2}.",
    "Outside the {landmark}, a {trade} and a {trade2} argued over the price of {goods}.",
)
_HEADLINES = (
    "{n} killed in attack on {place}",
    "Strike on {place} leaves {n} dead",
    "Deadly {day} in {place} as fighting spreads",
    "Toll rises after attack near {place}",
    "{place}: civilians caught in crossfire",
)
_OUTLETS = ("Frontline Wire", "Daily Monitor", "Regional Times", "Evening Courier", "Field Report")


class ReportCorpus:
    """Reproducible, varied, realistic-looking conflict reports (see the sentences above)."""

    def __init__(
        self, seed: int = 7, *, days: int | None = None, start: date = date(2024, 1, 1)
    ) -> None:
        self.rng = random.Random(seed)
        self.days = days  # publish within this many days from ``start``, not over 2024
        self.start = start

    def _slots(self) -> dict[str, str]:
        rng = self.rng
        conflict = rng.choice(_CONFLICTS)
        place, place2 = rng.sample(conflict["places"], 2)
        slots = {
            "place": place,
            "place2": place2,
            "attacker": rng.choice(conflict["attackers"]),
            "source": rng.choice(conflict["sources"]),
            "military": rng.choice(conflict["military"]),
            "weapon": rng.choice(conflict["weapons"]),
            "site": rng.choice(_SITES),
            "day": rng.choice(_DAYS),
            "victims": rng.choice(_VICTIMS),
            "combatants": rng.choice(_COMBATANTS),
            **self._figures(),
        }
        for key in ("attacker", "source", "military", "weapon"):
            slots[f"{key}_cap"] = slots[key][0].upper() + slots[key][1:]
        return slots

    def _figures(self) -> dict[str, str]:
        rng = self.rng
        return {
            "n": str(rng.randint(3, 140)),
            "m": str(rng.randint(2, 300)),
            "k": str(rng.randint(2, 12)),
            "k2": str(rng.randint(2, 9)),
        }

    def _village(self) -> str:
        syllables = [
            self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS)
            for _ in range(self.rng.randint(2, 3))
        ]
        name = "".join(syllables)
        return name[0].upper() + name[1:]

    def report(self) -> dict[str, Any]:
        """One report as a JSON Lines record: title, outlet, published date and text."""
        return self.report_with_facts()[0]

    def report_with_facts(self) -> tuple[dict[str, Any], dict[str, str]]:
        """One report and the facts it was written from (the slots: place, figures...)."""
        rng = self.rng
        slots = self._slots()
        details = [
            f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHEN)}."
            for _ in range(rng.randint(1, 3))
        ]
        details += [
            rng.choice(_STALLS).format(
                place="{place}",
                place2="{place2}",
                trade=trades[0],
                trade2=trades[1],
                goods=goods[0],
                goods2=goods[1],
                landmark=rng.choice(_LANDMARKS).replace("-", " "),
                period=rng.choice(_PERIODS),
            )
            for trades, goods in (
                (rng.sample(_TRADES, 2), rng.sample(_GOODS, 2)) for _ in range(rng.randint(1, 3))
            )
        ]
        details += [
            rng.choice(_WITNESSES).format(
                person=f"{rng.choice(_FIRST_NAMES)} {self._village()}",
                other=f"{rng.choice(_FIRST_NAMES)} {rng.choice(_SURNAMES)}",
                village=self._village(),
                village2=self._village(),
                trade=rng.choice(_TRADES),
            )
            for _ in range(rng.randint(3, 6))
        ]
        rest = rng.sample(_FOLLOW_UPS, rng.randint(1, 3)) + rng.sample(_CONTEXT, rng.randint(1, 2))
        rest += details
        rng.shuffle(rest)
        # The lede repeats the headline's figures; each later sentence has its own.
        lede = rng.choice(_LEDES).format(**slots)
        sentences = [lede]
        sentences += [s.format(**(slots | self._figures())) for s in rest]
        paragraphs: list[str] = []
        while sentences:
            take = rng.randint(1, 2)
            paragraphs.append(" ".join(sentences[:take]))
            sentences = sentences[take:]
        title = rng.choice(_HEADLINES).format(**slots)
        title = title[0].upper() + title[1:]
        outlet = rng.choice(_OUTLETS)
        if self.days is None:
            published = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        else:
            published = (self.start + timedelta(days=rng.randrange(self.days))).isoformat()
        record = {
            "title": title,
            "outlet": outlet,
            "published": published,
            "text": title + "\n\n" + "\n\n".join(paragraphs),
        }
        return record, slots | {"lede": lede}

    def write(self, path: Path, count: int) -> Path:
        """``count`` distinct reports as a JSON Lines file at ``path``."""
        seen: set[str] = set()
        with open(path, "w", encoding="utf-8") as out:
            while len(seen) < count:
                record = self.report()
                if record["text"] in seen:
                    continue
                seen.add(record["text"])
                out.write(json.dumps(record) + "\n")
        return path


MEMORY_METHOD = (
    "peak resident set size (getrusage ru_maxrss) of a fresh child process that runs only "
    "this benchmark; 'loaded' is the peak after loading spaCy, the knowledge base and the "
    "gazetteer, before the corpus is read"
)
STAGES = ("ingest", "provenance", "extract", "incidents")


@dataclass
class PipelineBenchReport:
    """The whole path (ingest → claims stored → incidents) against spaCy's parse alone."""

    corpus: str
    documents: int
    words: int
    tokens: int
    stage_seconds: dict[str, float]
    parse_seconds: float
    reingest_seconds: float
    claims: int
    incidents: int
    near_duplicate_groups: int
    loaded_rss_mb: float
    peak_rss_mb: float
    memory_method: str = MEMORY_METHOD

    @property
    def whole_seconds(self) -> float:
        return sum(self.stage_seconds.values())

    @property
    def time_ratio(self) -> float:
        """Whole-path seconds over parse-alone seconds on the same texts (1.0: free rules)."""
        return self.whole_seconds / self.parse_seconds

    @property
    def reingest_ratio(self) -> float:
        """A second ingest of the same corpus over the first: the cost of finding it stored."""
        return self.reingest_seconds / self.whole_seconds

    def rates(self, seconds: float) -> dict[str, float]:
        return {
            "docs_per_second": round(self.documents / seconds, 2),
            "words_per_second": round(self.words / seconds, 1),
        }

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["stage_seconds"] = {k: round(v, 4) for k, v in self.stage_seconds.items()}
        out |= {
            "whole_seconds": round(self.whole_seconds, 4),
            "whole": self.rates(self.whole_seconds),
            "parse": self.rates(self.parse_seconds),
            "time_ratio": round(self.time_ratio, 3),
            "reingest_ratio": round(self.reingest_ratio, 4),
        }
        return out


def bench_pipeline(
    docs: int = 200,
    *,
    corpus: str | Path | None = None,
    seed: int = 7,
    processes: int = 1,
    in_child: bool = True,
) -> PipelineBenchReport:
    """Time the whole path over ``docs`` generated reports (or the files at ``corpus``) in a
    temporary SQLite store, spaCy's parse alone over the same texts, and a re-ingest.

    Runs in a fresh child process by default so that its peak memory is the benchmark's own
    and not that of whatever ran before in this process."""
    arguments = (docs, None if corpus is None else str(corpus), seed, processes)
    if not in_child:
        return _bench_pipeline(*arguments)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_bench_pipeline, *arguments).result()


def _peak_rss_mb() -> float:
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes there, KiB here


def _bench_pipeline(
    docs: int, corpus: str | None, seed: int, processes: int
) -> PipelineBenchReport:
    from counterclaim import pipeline, places, provenance
    from counterclaim.actors import KnowledgeBase
    from counterclaim.errors import InputError
    from counterclaim.ingest import IngestOptions, read_sources
    from counterclaim.nlp import PIECE_CHARS, load_pipeline, text_pieces
    from counterclaim.settings import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        if corpus is None:
            source = str(ReportCorpus(seed).write(Path(tmp) / "reports.jsonl", docs))
            name = f"{docs} generated reports"
        else:
            source, name = corpus, corpus
        settings = load_settings(environ={}, db=f"sqlite:///{Path(tmp) / 'bench.db'}")
        settings = settings.with_overrides(n_process=processes)
        nlp = load_pipeline()
        kb = KnowledgeBase.from_settings(settings)
        places.resolve("Kyiv")  # the gazetteer, built once per process
        # and its index of loose spellings, built on the first name it does not know
        places.resolve("Xqzvillebad")
        provenance.shingles("warm")  # the provenance lexicon
        loaded_rss = _peak_rss_mb()

        read = [d for d in read_sources([source], IngestOptions()) if not isinstance(d, InputError)]
        texts = [d.text for d in read]
        for day in {d.published for d in read}:
            kb.as_of(day)  # the knowledge base of each time the reports speak of, once
        # Warm the lexicons and indexes that load on first use, outside every timing.
        for _ in pipeline.document_claims(read[:2], kb, settings.with_overrides(n_process=1)):
            pass
        # The incidents stage imports its module on first use, a once-per-process cost like
        # the lexicons' (compiling its source, where no bytecode is cached: about 0.02 s)
        importlib.import_module("counterclaim.incidents")
        # and the version claims are stored under, which the provenance stage asks for first:
        # its first call hashes the decision model's JSON and the extractor (about 0.02 s)
        pipeline.extraction_version(kb, settings)

        def parse_alone() -> None:
            with nlp.select_pipes(disable=["counterclaim_claims"]):
                short = [t for t in texts if len(t) <= PIECE_CHARS]
                pieces = [p for t in texts if len(t) > PIECE_CHARS for p in text_pieces(t)]
                for _ in nlp.pipe(short, batch_size=settings.batch_size, n_process=processes):
                    pass
                for _ in nlp.pipe(pieces, batch_size=settings.batch_size):
                    pass

        # Parsed once before and once after the whole path; the faster counts, as the run
        # least disturbed by other work on a shared machine. The whole path runs only once,
        # so a noisy machine can make the ratio look worse here, never better.
        parse_seconds = _fastest(parse_alone, 1)

        # The stages of pipeline.process, timed one by one.
        store = Store(settings.db)
        stages: dict[str, float] = {}
        started = time.perf_counter()
        pipeline.ingest(store, [source], settings)
        stages["ingest"] = time.perf_counter() - started
        started = time.perf_counter()
        pending = store.documents_needing_extraction(pipeline.extraction_version(kb, settings))
        pipeline.update_provenance(store, store.documents(ids=pending), settings)
        stages["provenance"] = time.perf_counter() - started
        started = time.perf_counter()
        claims = pipeline.extract_claims(store, settings, doc_ids=pending)
        stages["extract"] = time.perf_counter() - started
        started = time.perf_counter()
        incidents = pipeline.update_incidents(store)  # how many
        stages["incidents"] = time.perf_counter() - started

        started = time.perf_counter()
        pipeline.ingest(store, [source], settings)
        pipeline.process(store, settings)
        reingest_seconds = time.perf_counter() - started
        groups = len(store.duplicate_groups())
        store.close()
        parse_seconds = min(parse_seconds, _fastest(parse_alone, 1))
    return PipelineBenchReport(
        corpus=name,
        documents=len(read),
        words=sum(len(t.split()) for t in texts),
        tokens=sum(len(d) for d in nlp.tokenizer.pipe(texts)),
        stage_seconds=stages,
        parse_seconds=parse_seconds,
        reingest_seconds=reingest_seconds,
        claims=claims,
        incidents=incidents,
        near_duplicate_groups=groups,
        loaded_rss_mb=loaded_rss,
        peak_rss_mb=_peak_rss_mb(),
    )


# -- stores at scale -------------------------------------------------------------------------
# Where each conflict of the generated reports happens: claims get coordinates near it, so
# that incidents group by place as they do with the gazetteer, without loading it.
_CENTRES = ((48.5, 35.0), (31.4, 34.4), (13.6, 25.3), (14.5, 0.5), (21.9, 95.9), (34.1, 74.5))
_CENTRES += ((-1.6, 29.2), (15.4, 44.2), (30.2, 67.0))


def _place(name: str) -> Place:
    conflict = next(i for i, c in enumerate(_CONFLICTS) if name in c["places"])
    lat, lon = _CENTRES[conflict]
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest()
    return Place(name, lat + (digest[0] - 128) / 100, lon + (digest[1] - 128) / 100, source="bench")


def claims_of_report(doc: Document, facts: dict[str, str]) -> list[Claim]:
    """The claims an extractor would find in a generated report's lede (the toll, stated by
    its source) and the wounded: what the incident grouping needs, without spaCy."""
    start = doc.text.index(facts["lede"])
    end = start + len(facts["lede"])
    place = _place(facts["place"])
    common = {
        "doc_id": doc.id,
        "qualifier": "",
        "evidence": facts["lede"],
        "span_start": start,
        "span_end": end,
        "claimant": facts["source"],
        "target": facts["victims"],
        "target_role": "civilian",
        "event_date": doc.published.isoformat() if doc.published else None,
        "locations": [place.name],
        "places": [place],
        "stated_on": doc.published,
    }
    claims = [Claim(category="killed", value=int(facts["n"]), **common)]  # type: ignore[arg-type]
    if facts["m"] in facts["lede"]:
        claims.append(Claim(category="injured", value=int(facts["m"]), **common))  # type: ignore[arg-type]
    return claims


def generated_reports(
    count: int, seed: int = 7, *, days: int | None = None, start: date = date(2024, 1, 1)
) -> Iterator[tuple[Document, list[Claim]]]:
    """``count`` distinct generated reports as documents, each with the claims of its lede."""
    corpus = ReportCorpus(seed, days=days, start=start)
    seen: set[str] = set()
    while len(seen) < count:
        record, facts = corpus.report_with_facts()
        if record["text"] in seen:
            continue
        seen.add(record["text"])
        doc = Document(
            text=record["text"],
            title=record["title"],
            outlet=record["outlet"],
            published=date.fromisoformat(record["published"]),
            body_start=len(record["title"]) + 2,
        )
        yield doc, claims_of_report(doc, facts)


SCALE_VERSION = "bench"  # the extraction version of generated claims: no extractor ran
SCALE_DAYS = 3650  # an archive: reports published over ten years from SCALE_START
SCALE_START = date(2016, 1, 1)
BATCH_DAYS = 30  # a day's feed reports the last weeks: new reports are of the last month


@dataclass
class ScaleResult:
    """A fresh batch through the path (spaCy aside) against a store of ``stored`` documents."""

    stored: int  # documents in the store before the batch
    stored_claims: int
    fill_seconds: float  # documents, signatures, claims and incidents put in, in bulk
    ingest_seconds: float  # reading the batch's JSON Lines file and storing the documents
    provenance_seconds: float  # pipeline.update_provenance: near-duplicates, credits
    claims_seconds: float  # storing the batch's claims (generated: no spaCy)
    incidents_seconds: float  # pipeline.update_incidents, incremental
    lookup_ms_per_doc: float  # near-duplicate candidates and matches of one new text
    candidates_per_doc: float  # stored documents sharing a band bucket with a new text
    opened_rss_mb: float  # peak RSS after opening the store, before the batch
    peak_rss_mb: float  # peak RSS of the process that ran the batch
    full_incidents_seconds: float | None = None  # the same update regrouping every claim
    full_peak_rss_mb: float | None = None

    @property
    def batch_seconds(self) -> float:
        return (
            self.ingest_seconds
            + self.provenance_seconds
            + self.claims_seconds
            + self.incidents_seconds
        )


@dataclass
class ScaleBenchReport:
    sizes: list[int]
    batch: int
    results: list[ScaleResult] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        """Largest size over smallest: memory, near-duplicate lookup, provenance, incidents."""
        if len(self.results) < 2:
            return {}
        small, large = self.results[0], self.results[-1]
        pairs = {
            "peak_rss": (large.peak_rss_mb, small.peak_rss_mb),
            "lookup_per_doc": (large.lookup_ms_per_doc, small.lookup_ms_per_doc),
            "provenance": (large.provenance_seconds, small.provenance_seconds),
            "incidents": (large.incidents_seconds, small.incidents_seconds),
            "batch": (large.batch_seconds, small.batch_seconds),
        }
        return {k: round(a / b, 3) if b else 0.0 for k, (a, b) in pairs.items()}

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for row, result in zip(out["results"], self.results, strict=True):
            row["batch_seconds"] = round(result.batch_seconds, 4)
        out["ratios"] = self.ratios()
        out["memory_method"] = MEMORY_METHOD.replace("this benchmark", "one batch")
        return out


def bench_scale(
    sizes: Sequence[int] = (10_000, 100_000),
    *,
    batch: int = 200,
    seed: int = 7,
    full: bool = True,
    directory: str | Path | None = None,
) -> ScaleBenchReport:
    """Grow a store of generated reports (documents, signatures, claims, incidents, filled in
    bulk without spaCy) to each size; at each, time a fresh batch of ``batch`` reports
    through ingest, provenance, storing claims and the incident update, in a fresh child
    process whose peak memory is reported. With ``full``, another batch is timed with a
    regroup of every claim (the cost before incremental updates), in its own process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    report = ScaleBenchReport(sizes=sorted(set(sizes)), batch=batch)
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        url = f"sqlite:///{Path(tmp) / 'scale.db'}"
        for size in report.sizes:
            with ProcessPoolExecutor(1, mp_context=context) as pool:
                fill_seconds = pool.submit(_fill_store, url, size, seed).result()
            with ProcessPoolExecutor(1, mp_context=context) as pool:
                result = pool.submit(_scale_batch, url, batch, seed + size, False).result()
            result.fill_seconds = fill_seconds
            if full:
                with ProcessPoolExecutor(1, mp_context=context) as pool:
                    before = pool.submit(_scale_batch, url, batch, seed + size + 1, True).result()
                result.full_incidents_seconds = before.incidents_seconds
                result.full_peak_rss_mb = before.peak_rss_mb
            report.results.append(result)
    return report


def _fill_store(url: str, size: int, seed: int, chunk: int = 5_000) -> float:
    """Add generated documents with their signatures and claims up to ``size``, then group
    the claims into incidents in one regroup (in chunks, each chunk's update touched most of
    the store's incidents: the generated reports share 54 places and small figures)."""
    from counterclaim import pipeline
    from counterclaim.provenance import index_signatures

    started = time.perf_counter()
    store = Store(url)
    threshold = load_settings(environ={}).near_duplicate_threshold
    while (have := store.document_count()) < size:
        count = min(chunk, size - have)
        reports = list(
            generated_reports(count, seed * 1_000_003 + have, days=SCALE_DAYS, start=SCALE_START)
        )
        docs = [doc for doc, _ in reports]
        fresh = [d for d, new in zip(docs, store.add_documents(docs), strict=True) if new]
        index = index_signatures(fresh, threshold)
        store.add_signatures([(s.doc_id, s.signature, s.buckets) for s in index])
        new_ids = {d.id for d in fresh}
        store.replace_claims({d.id: c for d, c in reports if d.id in new_ids}, SCALE_VERSION)
    if store.claims_without_incident():
        pipeline.update_incidents(store, full=True)
    store.close()
    return time.perf_counter() - started


def _scale_batch(url: str, batch: int, seed: int, full: bool) -> ScaleResult:
    from counterclaim import pipeline

    store = Store(url)
    settings = load_settings(environ={})
    threshold = settings.near_duplicate_threshold
    stored, stored_claims = store.document_count(), store.claim_count()
    opened = _peak_rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        recent = SCALE_START + timedelta(days=SCALE_DAYS - BATCH_DAYS)
        corpus = ReportCorpus(seed, days=BATCH_DAYS, start=recent)
        records = [corpus.report_with_facts() for _ in range(batch)]
        source = Path(tmp) / "batch.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r, _ in records), encoding="utf-8")
        probe_corpus = ReportCorpus(seed + 1)
        probes = [probe_corpus.report()["text"] for _ in range(batch)]

        # Near-duplicate lookup alone (no writes), as update_provenance does it.
        params = lsh_params(threshold, NUM_PERM)
        signatures = [minhash_signature(t) for t in probes]
        lookups = [(s, band_buckets(s, params)) for s in signatures]
        passes = []
        candidates = 0
        for _ in range(3):
            started = time.perf_counter()
            found = pipeline.near_duplicate_lookup(store, lookups, threshold)
            candidates = sum(count for count, _ in found)
            passes.append((time.perf_counter() - started) / batch)

        stages: dict[str, float] = {}
        started = time.perf_counter()
        ingested = pipeline.ingest(store, [str(source)], settings)
        stages["ingest"] = time.perf_counter() - started
        started = time.perf_counter()
        pipeline.update_provenance(store, ingested.new, settings)
        stages["provenance"] = time.perf_counter() - started
        facts = {r["title"] + "\n" + r["published"]: f for r, f in records}
        claims: dict[str, list[Claim]] = {}
        for doc in ingested.new:
            fact = facts.get(f"{doc.title}\n{doc.published}")
            if fact is not None and fact["lede"] in doc.text:
                claims[doc.id] = claims_of_report(doc, fact)
        started = time.perf_counter()
        store.replace_claims(claims, SCALE_VERSION)
        stages["claims"] = time.perf_counter() - started
        started = time.perf_counter()
        pipeline.update_incidents(store, full=full)
        stages["incidents"] = time.perf_counter() - started
    store.close()
    return ScaleResult(
        stored=stored,
        stored_claims=stored_claims,
        fill_seconds=0.0,
        ingest_seconds=stages["ingest"],
        provenance_seconds=stages["provenance"],
        claims_seconds=stages["claims"],
        incidents_seconds=stages["incidents"],
        lookup_ms_per_doc=min(passes) * 1000,
        candidates_per_doc=candidates / batch,
        opened_rss_mb=opened,
        peak_rss_mb=_peak_rss_mb(),
    )

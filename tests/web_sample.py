# ruff: noqa: E501  (article texts keep one sentence per line, as news text does)
"""A small hand-made store for the API and dashboard tests.

The articles are written for these tests (figures only are borrowed from real reporting).
Hand-made claims pin exact figures, a near-duplicate pair and a hostile document; the
dashboard test on the shipped sample corpus runs the real pipeline instead.
"""

from __future__ import annotations

from datetime import date

from counterclaim.model import Document, Incident, Place
from counterclaim.store import Store
from factories import claim_at, fill_store

QUETTA = Place("Quetta", 30.1798, 66.975, "PK", "Balochistan", "test")
NUSHKI = Place("Nushki", 29.5522, 66.0228, "PK", "Balochistan", "test")
TURBAT = Place("Turbat", 26.0023, 63.0440, "PK", "Balochistan", "test")
EL_FASHER = Place("El Fasher", 13.6279, 25.3494, "SD", "North Darfur", "test")
KHARKIV = Place("Kharkiv", 49.9935, 36.2304, "UA", "Kharkiv Oblast", "test")

BALOCH_WIRE = """Militants strike security posts across Balochistan

QUETTA, February 2 (ANI): Separatist fighters attacked security posts in several districts of Balochistan on Saturday.
The Baloch Liberation Army said in a statement that its fighters killed 84 security personnel and captured 18 others in Nushki and Turbat.
Interior minister Mohsin Naqvi told reporters that 10 officers died in the fighting.
The army's media wing said troops killed 108 militants in clearance operations that followed."""

BALOCH_LOCAL = """Provincial government says most attacks foiled

The Balochistan government said on Sunday that security forces foiled most of the overnight attacks.
A government spokesman said at least 10 personnel were killed, while officials in Quetta put the number of wounded at 22.
The group's claim that 84 soldiers died could not be verified independently."""

SUDAN = """Shelling hits camp outside El Fasher

Medical volunteers said shelling killed at least 40 civilians at a displacement camp near El Fasher on Tuesday.
The Rapid Support Forces denied targeting the camp and said 0 civilians were harmed by its units.
The Sudanese army said its soldiers killed more than 200 RSF fighters in the same area."""

KHARKIV_TEXT = """Drone strike on Kharkiv

Ukraine's air force said Russia launched 30 drones at Kharkiv overnight and that 25 were shot down.
The regional governor said 3 people were killed and 12 wounded in the strike on a residential street."""

SCRIPT_TEXT = """<script>alert("pwned")</script> Raid near Quetta

Police said two <b>suspects</b> were killed in a raid near Quetta on Monday.
The text also carries <img src=x onerror=alert(1)> to check escaping."""


def build_sample_store(store: Store) -> dict[str, object]:
    """Fill ``store`` with five documents, their claims and four incidents."""
    # The wire story and its syndicated copy share everything but text, address and outlet.
    syndicated = dict(
        title="Militants strike security posts across Balochistan",
        published=date(2025, 2, 2),
        syndicated_from="ANI",
        near_duplicate_group="g-baloch",
    )
    wire = Document(
        BALOCH_WIRE,
        url="https://example.org/balochistan-attacks",
        outlet="Example Wire",
        **syndicated,
    )
    copy = Document(
        BALOCH_WIRE + "\nThis story was published from a syndicated feed.",
        url="https://example.com/copy",
        outlet="Example Daily",
        **syndicated,
    )
    local = Document(
        BALOCH_LOCAL,
        title="Provincial government says most attacks foiled",
        url="https://example.net/foiled",
        outlet="Quetta Example News",
        published=date(2025, 2, 3),
    )
    sudan = Document(
        SUDAN,
        title="Shelling hits camp outside El Fasher",
        outlet="Example Sudan Monitor",
        published=date(2024, 6, 11),
    )
    kharkiv = Document(
        KHARKIV_TEXT,
        title="Drone strike on Kharkiv",
        outlet="Example Kyiv",
        published=date(2025, 3, 5),
    )
    script = Document(
        SCRIPT_TEXT,
        title='<script>alert("pwned")</script> Raid near Quetta',
        outlet="<i>Evil</i> Outlet",
        published=date(2025, 1, 20),
    )
    docs = [wire, copy, local, sudan, kharkiv, script]

    # Unless a claim says otherwise: exact figures (the factory's default).
    baloch = dict(event_date="2025-02-01", locations=["Nushki", "Turbat"], places=[NUSHKI, TURBAT])
    quetta = dict(event_date="2025-02-01", locations=["Quetta"], places=[QUETTA])
    fasher = dict(event_date="2024-06-11", locations=["El Fasher"], places=[EL_FASHER])
    kharkiv_strike = dict(
        claimant="regional governor",
        target="people",
        target_role="civilian",
        event_date="2025-03-04",
        locations=["Kharkiv"],
        places=[KHARKIV],
    )
    bla = dict(
        claimant="Baloch Liberation Army", target="security personnel", target_role="opponent"
    )
    provincial = dict(claimant="Balochistan government", target="personnel", target_role="own")
    bla_84 = "its fighters killed 84 security personnel"
    claims = [
        claim_at(wire, bla_84, category="killed", value=84, **bla, **baloch),
        claim_at(wire, "captured 18 others", category="captured", value=18, **bla, **baloch),
        claim_at(
            wire,
            "10 officers died in the fighting",
            claimant="Mohsin Naqvi",
            category="killed",
            value=10,
            target="officers",
            target_role="own",
            **quetta,
        ),
        claim_at(
            wire,
            "troops killed 108 militants",
            claimant="Inter-Services Public Relations",
            category="killed",
            value=108,
            target="militants",
            target_role="opponent",
            **baloch,
        ),
        claim_at(copy, bla_84, category="killed", value=84, **bla, **baloch),
        claim_at(
            local,
            "at least 10 personnel were killed",
            category="killed",
            value=10,
            qualifier="at_least",
            stated_on=date(2025, 2, 3),
            **provincial,
            **quetta,
        ),
        claim_at(
            local,
            "the number of wounded at 22",
            category="wounded",
            value=22,
            **provincial,
            **quetta,
        ),
        claim_at(
            sudan,
            "shelling killed at least 40 civilians",
            claimant="medical volunteers",
            category="killed",
            value=40,
            qualifier="at_least",
            target="civilians",
            target_role="civilian",
            **fasher,
        ),
        claim_at(
            sudan,
            "0 civilians were harmed",
            claimant="Rapid Support Forces",
            category="killed",
            value=0,
            target="civilians",
            target_role="civilian",
            **fasher,
        ),
        claim_at(
            sudan,
            "killed more than 200 RSF fighters",
            claimant="Sudanese Armed Forces",
            category="killed",
            value=200,
            qualifier="more_than",
            target="RSF fighters",
            target_role="opponent",
            **fasher,
        ),
        claim_at(kharkiv, "3 people were killed", category="killed", value=3, **kharkiv_strike),
        claim_at(kharkiv, "12 wounded", category="wounded", value=12, **kharkiv_strike),
        claim_at(
            script,
            "two <b>suspects</b> were killed",
            claimant="<script>police</script>",
            category="killed",
            value=2,
            target="<b>suspects</b>",
            target_role="opponent",
            event_date="2025-01-20",
            locations=["Quetta"],
            places=[QUETTA],
        ),
    ]

    def ids(*docs_: Document) -> list[str]:
        return [c.id for d in docs_ for c in claims if c.doc_id == d.id]

    incidents = [
        Incident(
            "inc-baloch",
            "Balochistan attacks, 1 February 2025",
            "2025-02-01",
            "2025-02-01",
            ["Nushki", "Turbat", "Quetta"],
            None,
            ids(wire, copy, local),
            [wire.id, copy.id, local.id],
        ),
        Incident(
            "inc-fasher",
            "El Fasher camp shelling",
            "2024-06-11",
            "2024-06-11",
            ["El Fasher"],
            None,
            ids(sudan),
            [sudan.id],
        ),
        Incident(
            "inc-kharkiv",
            "Kharkiv drone strike",
            "2025-03-04",
            "2025-03-04",
            ["Kharkiv"],
            None,
            ids(kharkiv),
            [kharkiv.id],
        ),
        Incident(
            "inc-script",
            '<script>alert("x")</script> raid',
            "2025-01-20",
            "2025-01-20",
            ["Quetta"],
            None,
            ids(script),
            [script.id],
        ),
    ]
    fill_store(store, docs, claims, incidents=incidents)
    return {
        "docs": {d.title: d for d in docs},
        "wire": wire,
        "local": local,
        "script": script,
        "copy": copy,
        "sudan": sudan,
    }

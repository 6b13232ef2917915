"""The one-page brief of an incident, in Markdown and HTML, from a hand-made store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from counterclaim import review
from counterclaim.brief import incident_brief, render_html, render_markdown
from counterclaim.cli import app
from counterclaim.model import Document, Incident
from counterclaim.store import Store
from factories import claim_at, fill_store

# Written for this test: a Gaza strike reported by a wire and a local outlet, one of them
# with an address that must never become a link.
WIRE = Document(
    "Strike on a school in Gaza City\n\nThe Gaza civil defence said an Israeli strike on a "
    "school sheltering displaced families killed 27 people. The Israeli military said it hit "
    "a command centre and killed 9 militants.",
    title="Strike on a school in Gaza City",
    outlet="Example Wire",
    url="https://example.org/gaza-school",
    published=date(2025, 6, 3),
    syndicated_from="AP",
)
LOCAL = Document(
    "Families mourn in Gaza City\n\nHospital officials said the toll from the school strike "
    "rose to 31 dead.",
    title="Families mourn in Gaza City",
    outlet="Example Local <News>",
    url="javascript:alert(1)",
    published=date(2025, 6, 4),
)


def build(store: Store) -> None:
    civil = {"claimant": "Gaza civil defence", "target": "people", "target_role": "civilian"}
    claims = [
        claim_at(WIRE, "killed 27 people", category="killed", value=27, **civil),
        claim_at(WIRE, "killed 9 militants", category="killed", value=9,
                 claimant="Israeli military", target="militants", target_role="opponent"),
        claim_at(LOCAL, "rose to 31 dead", category="killed", value=31,
                 claimant="hospital officials", target="dead", target_role="civilian"),
    ]  # fmt: skip
    incident = Incident(
        "inc-school", "gaza-city-2025-06-03", "2025-06-03", "2025-06-03", ["Gaza City"],
        claim_ids=[c.id for c in claims], doc_ids=[WIRE.id, LOCAL.id],
    )  # fmt: skip
    fill_store(store, [WIRE, LOCAL], claims, incidents=[incident])


def test_markdown_brief_has_accounts_figures_chart_origins_and_sources() -> None:
    store = Store(":memory:")
    build(store)
    text = render_markdown(incident_brief(store, "gaza-city-2025-06-03"))
    assert "### Brief: gaza-city-2025-06-03" in text
    assert "**Gaza civil defence**" in text and "27 killed (people)" in text
    assert "| killed |" in text
    assert "*single-party claim*" in text or "*contested*" in text
    assert "```" in text and "█" in text  # the text chart
    assert "#### Independent origins: 2" in text
    assert "[Strike on a school in Gaza City](<https://example.org/gaza-school>)" in text
    assert "javascript:" not in text  # not an http(s) address: no link
    assert "Example Local &lt;News>" in text


def test_reviewed_figures_are_marked_and_rejected_ones_gone() -> None:
    store = Store(":memory:")
    build(store)
    militants = next(c for c in store.claims() if c.value == 9)
    review.reject(store, [militants.id], "Noa", "not in this strike")
    first = next(c for c in store.claims() if c.value == 27)
    review.correct(store, first.id, {"value": 28}, "Noa")
    brief = incident_brief(store, "inc-school")
    assert brief.reviewed == 1 and brief.claims == 2
    text = render_markdown(brief)
    assert "28 *" in text and "✓" in text and "militants" not in text


def test_html_brief_is_one_escaped_page_with_an_svg_chart() -> None:
    store = Store(":memory:")
    build(store)
    page = render_html(incident_brief(store, "inc-school"))
    assert page.startswith("<!doctype html>") and "<style>" in page
    assert "<svg" in page and "<rect" in page
    assert 'href="https://example.org/gaza-school"' in page
    assert "javascript:" not in page and "Example Local &lt;News&gt;" in page
    linked = render_html(incident_brief(store, "inc-school"), stylesheet_href="/static/brief.css")
    assert "<style>" not in linked and 'href="/static/brief.css"' in linked


def test_brief_command(tmp_path: Path) -> None:
    db = tmp_path / "brief.db"
    build(Store(f"sqlite:///{db}"))
    runner = CliRunner()
    md = runner.invoke(app, ["brief", "inc-school", "--db", str(db)])
    assert md.exit_code == 0 and "Independent origins" in md.output
    out = tmp_path / "brief.html"
    html = runner.invoke(
        app, ["brief", "inc-school", "--format", "html", "-o", str(out), "--db", str(db)]
    )
    assert html.exit_code == 0 and "<svg" in out.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["brief", "inc-school", "--format", "pdf", "--db", str(db)])
    assert bad.exit_code == 2 and "valid formats: md, html" in bad.output
    missing = runner.invoke(app, ["brief", "no-such-incident", "--db", str(db)])
    assert missing.exit_code == 2 and "no-such-incident" in missing.output


def test_a_party_named_two_ways_is_one_account_as_in_the_matrix() -> None:
    # Written for this test: one ministry named two ways in two reports of one strike.
    first = Document(
        "Drones over Belgorod\n\nRussia's Defence Ministry said 14 Ukrainian drones were "
        "shot down over the region.",
        title="Drones over Belgorod",
        outlet="Example Moscow Daily",
        published=date(2025, 8, 2),
    )
    second = Document(
        "Night attack\n\nThe Russian Ministry of Defense reported 14 drones downed; Kyiv's "
        "air force said it sent 20.",
        title="Night attack",
        outlet="Example Wire Two",
        published=date(2025, 8, 2),
    )
    claims = [
        claim_at(first, "14 Ukrainian drones", category="destroyed", value=14,
                 claimant="Russia's Defence Ministry", target="Ukrainian drones",
                 target_role="opponent"),
        claim_at(second, "14 drones downed", category="destroyed", value=14,
                 claimant="Russian Ministry of Defense", target="drones", target_role="opponent"),
    ]  # fmt: skip
    incident = Incident(
        "inc-belgorod", "belgorod-2025-08-02", "2025-08-02", "2025-08-02", ["Belgorod"],
        claim_ids=[c.id for c in claims], doc_ids=[first.id, second.id],
    )  # fmt: skip
    store = fill_store(Store(":memory:"), [first, second], claims, incidents=[incident])
    brief = incident_brief(store, "inc-belgorod")
    (account,) = brief.parties
    assert account.claimant in brief.claimants and len(brief.claimants) == 1
    assert "14 destroyed (Ukrainian drones)" in account.says
    assert "14 destroyed (drones)" in account.says  # both names' claims, in one account

    from counterclaim.web.views import load_incident, summarise

    data = load_incident(store, "inc-belgorod")
    matrix = data.matrix
    assert matrix.claimants == brief.claimants == summarise(data).parties
    assert [(r.category, r.target) for r in matrix.rows] == [
        (r.category, r.side) for r in brief.rows
    ]

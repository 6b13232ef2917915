"""A one-page brief of an incident, for someone who never opened the tool.

``incident_brief(store, key, settings)`` gathers what the page says (:class:`Brief`):

1. what each party says happened, in one line per party, with one of its quotes;
2. the figures side by side, one row per category and affected side, one column per
   claimant, each figure with its grade (``compare``) and a mark when an analyst reviewed it;
3. a small chart of the figures (bars; an inline SVG in HTML, a text bar in Markdown);
4. the independent origins behind the reports (copies and relays of one source count once);
5. the sources, with links only for http and https addresses.

``render_markdown`` and ``render_html`` lay it out; the HTML is one self-contained page (its
stylesheet inline) unless a stylesheet address is given, as the dashboard does so that its
Content-Security-Policy need not allow inline styles.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterclaim.compare import Comparison
from counterclaim.model import REPORTER, Claim, Document, Incident
from counterclaim.store import Store

FORMATS: tuple[str, ...] = ("md", "html")
STYLESHEET = Path(__file__).parent / "web" / "static" / "brief.css"
BAR_WIDTH = 30  # characters of the longest text bar
REVIEWED_MARK = "✓"


@dataclass
class BriefFigure:
    claimant: str
    text: str
    value: int | None
    grade: str
    reviewed: bool
    origins: int
    latest: bool = True


@dataclass
class BriefRow:
    category: str
    side: str
    figures: dict[str, list[BriefFigure]] = field(default_factory=dict)
    spread: str | None = None


@dataclass
class PartyAccount:
    claimant: str
    side: str | None
    says: list[str]  # "84 killed (security personnel)"
    quote: str
    quote_source: str


@dataclass
class Source:
    title: str
    outlet: str
    published: str | None
    url: str | None  # only an http(s) address
    origin: str


@dataclass
class Brief:
    incident: Incident
    parties: list[PartyAccount]
    claimants: list[str]
    rows: list[BriefRow]
    grades: dict[str, str]
    origins: dict[str, list[str]]  # origin → outlets carrying it
    sources: list[Source]
    claims: int
    reviewed: int
    largest_discrepancy: str | None


def incident_brief(store: Store, key: str, settings: Any = None) -> Brief:
    """The brief of the incident with this id or label: the matrix the dashboard and
    ``counterclaim show`` give (``views.compare_stored``), its columns as the parties."""
    from counterclaim.compare import GRADES
    from counterclaim.web.views import compare_stored, knowledge_base

    (data,) = compare_stored(store, [store.incident(key)], knowledge_base(settings))
    incident, claims, docs, comparison = data.incident, data.claims, data.docs, data.comparison
    statuses = store.review_statuses([c.id for c in claims]) if claims else {}
    rows = []
    made: dict[str, int] = {}
    for cell in comparison.cells:
        row = BriefRow(cell.category, cell.label)
        if cell.spread is not None:
            row.spread = f"×{cell.spread:g}"
        elif cell.denied_by:
            row.spread = "denied by " + ", ".join(map(_party, cell.denied_by))
        for claimant, history in cell.figures.items():
            made[claimant] = made.get(claimant, 0) + len(history)
            row.figures[claimant] = [
                BriefFigure(
                    claimant=claimant,
                    text=f.display,
                    value=f.value,
                    grade=f.grade,
                    reviewed=any(cid in statuses for cid in f.claim_ids),
                    origins=f.origins,
                    latest=f.is_latest or f.is_part,
                )
                for f in history
            ]
        rows.append(row)
    claimants = sorted(made, key=lambda c: (c == REPORTER, -made[c], c))
    largest = comparison.largest_discrepancy
    return Brief(
        incident=incident,
        parties=_accounts(claims, docs, comparison, claimants),
        claimants=claimants,
        rows=rows,
        grades=dict(GRADES),
        origins=_origins(docs),
        sources=_sources(docs),
        claims=len(claims),
        reviewed=len(statuses),
        largest_discrepancy=largest.describe() if largest else None,
    )


def _party(name: str) -> str:
    return "the outlets themselves (reporter)" if name == REPORTER else name


def _accounts(
    claims: list[Claim], docs: dict[str, Document], comparison: Comparison, order: list[str]
) -> list[PartyAccount]:
    """One account per column of the matrix: a party named several ways is one party."""
    column_of = {
        claim_id: column
        for cell in comparison.cells
        for column, history in cell.figures.items()
        for figure in history
        for claim_id in figure.claim_ids
    }
    sides = comparison.sides
    by_claimant: dict[str, list[Claim]] = {}
    for claim in claims:
        by_claimant.setdefault(column_of.get(claim.id, claim.claimant), []).append(claim)
    accounts = []
    for claimant in order:
        own = by_claimant.get(claimant, [])
        if not own:
            continue
        says = list(dict.fromkeys(_statement(c) for c in own))
        # The fullest sentence with a number tells most of what the party says.
        quoted = max(own, key=lambda c: (c.value is not None, len(c.evidence)))
        doc = docs.get(quoted.doc_id)
        side = sides.get(claimant)
        accounts.append(
            PartyAccount(
                claimant=claimant,
                side=side if side and side != claimant else None,
                says=says,
                quote=" ".join(quoted.evidence.split()),
                quote_source=(doc.outlet or doc.title or doc.id) if doc else quoted.doc_id,
            )
        )
    return accounts


def _statement(claim: Claim) -> str:
    from counterclaim.numbers import Count, format_count

    figure = (
        format_count(Count(claim.value, claim.qualifier, claim.value_high))
        if claim.value is not None
        else "an unstated number"
    )
    about = f" ({claim.target})" if claim.target else ""
    hedge = ", not verified" if claim.hedged else ""
    return f"{figure} {claim.category}{about}{hedge}"


def _origins(docs: dict[str, Document]) -> dict[str, list[str]]:
    """Each independent origin and the outlets that carry it: copies of one text and relays
    of one party or agency count once (``compare.origin_groups``, as on the dashboard)."""
    from counterclaim.compare import origin_groups

    return {
        origin: list(dict.fromkeys(d.outlet or d.title or d.id for d in members))
        for origin, members in origin_groups(docs.values()).items()
    }


def _sources(docs: dict[str, Document]) -> list[Source]:
    from counterclaim.compare import document_origin
    from counterclaim.web.views import web_link

    ordered = sorted(docs.values(), key=lambda d: (d.published is None, d.published, d.id))
    return [
        Source(
            title=(d.title or d.source or d.id).strip(),
            outlet=d.outlet or "unknown outlet",
            published=d.published.isoformat() if d.published else None,
            url=web_link(d.url),
            origin=document_origin(d),
        )
        for d in ordered
    ]


def _dates(incident: Incident) -> str:
    if incident.date_start and incident.date_end and incident.date_end != incident.date_start:
        return f"{incident.date_start} to {incident.date_end}"
    return incident.date_start or "date unknown"


def _chart_rows(brief: Brief) -> list[tuple[str, list[tuple[str, int, bool]]]]:
    """Per row with numbers, each claimant's latest figure: what the chart draws."""
    out = []
    for row in brief.rows:
        bars = []
        for claimant in brief.claimants:
            latest = [f for f in row.figures.get(claimant, []) if f.latest and f.value is not None]
            if latest:
                bars.append((claimant, max(f.value or 0 for f in latest), latest[-1].reviewed))
        if bars:
            out.append((f"{row.category} · {row.side}", bars))
    return out


# -- Markdown -------------------------------------------------------------------------------
def _md(text: str) -> str:
    """Text safe in a Markdown table cell or line: no pipes, no markup."""
    return (
        " ".join(str(text).split())
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )


def _figure_md(f: BriefFigure) -> str:
    mark = f" {REVIEWED_MARK}" if f.reviewed else ""
    earlier = " (earlier)" if not f.latest else ""
    return f"{_md(f.text)}{earlier} *{f.grade}*{mark}"


def render_markdown(brief: Brief) -> str:
    inc = brief.incident
    lines = [f"### Brief: {_md(inc.label)}", ""]
    facts = [f"**When** {_dates(inc)}"]
    if inc.places:
        facts.append("**Where** " + _md(", ".join(inc.places[:5])))
    if inc.operation:
        facts.append("**Operation** " + _md(inc.operation))
    facts.append(
        f"**Claims** {brief.claims} ({brief.reviewed} reviewed by an analyst, marked "
        f"{REVIEWED_MARK})"
    )
    lines += [" · ".join(facts), "", "#### What each party says", ""]
    for party in brief.parties:
        side = f" (speaks for {_md(party.side)})" if party.side else ""
        lines.append(
            f"- **{_md(_party(party.claimant))}**{side}: " + "; ".join(map(_md, party.says))
        )
        lines.append(f"  > “{_md(party.quote)}” ({_md(party.quote_source)})")
    lines += ["", "#### The figures side by side", ""]
    if brief.rows:
        header = ["Figure", "About", *(_md(_party(c)) for c in brief.claimants), "Spread"]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in brief.rows:
            cells = [
                "<br>".join(_figure_md(f) for f in row.figures.get(c, [])) or "—"
                for c in brief.claimants
            ]
            lines.append(
                "| " + " | ".join([row.category, _md(row.side), *cells, row.spread or "—"]) + " |"
            )
        if brief.largest_discrepancy:
            lines += ["", f"Largest discrepancy: {_md(brief.largest_discrepancy)}."]
    else:
        lines.append("No figures.")
    chart = _chart_rows(brief)
    if chart:
        lines += ["", "#### Chart", "", "```"]
        largest = max(v for _, bars in chart for _, v, _ in bars) or 1
        width = max(len(_party(c)) for _, bars in chart for c, _, _ in bars)
        for title, bars in chart:
            lines.append(title)
            for claimant, value, reviewed in bars:
                bar = "█" * max(1 if value else 0, round(BAR_WIDTH * value / largest))
                mark = f" {REVIEWED_MARK}" if reviewed else ""
                lines.append(f"  {_party(claimant):<{width}}  {bar} {value:,}{mark}")
        lines.append("```")
    lines += [
        "",
        f"#### Independent origins: {len(brief.origins)}",
        "",
    ]
    for origin, outlets in brief.origins.items():
        lines.append(f"- {_md(origin)}: " + ", ".join(map(_md, outlets)))
    lines += ["", "#### Sources", ""]
    for source in brief.sources:
        when = f", {source.published}" if source.published else ""
        title = _md(source.title)
        linked = f"[{title}](<{source.url}>)" if source.url else title
        lines.append(f"- {linked}: {_md(source.outlet)}{when}")
    lines += ["", "Grades: " + " ".join(f"*{g}*: {m}" for g, m in brief.grades.items())]
    return "\n".join(lines) + "\n"


# -- HTML -----------------------------------------------------------------------------------
def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _chart_svg(brief: Brief) -> str:
    chart = _chart_rows(brief)
    if not chart:
        return ""
    largest = max(v for _, bars in chart for _, v, _ in bars) or 1
    label_w, bar_w, row_h = 230, 360, 18
    height = sum(22 + row_h * len(bars) for _, bars in chart) + 6
    parts = [
        f'<svg class="chart" viewBox="0 0 {label_w + bar_w + 90} {height}" role="img" '
        f'aria-label="Figures by claimant" width="{label_w + bar_w + 90}" height="{height}">'
    ]
    y = 16
    for title, bars in chart:
        parts.append(f'<text x="0" y="{y}" font-weight="bold" font-size="13">{_e(title)}</text>')
        y += 6
        for claimant, value, reviewed in bars:
            width = max(1 if value else 0, round(bar_w * value / largest))
            mark = f" {REVIEWED_MARK}" if reviewed else ""
            parts.append(
                f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">'
                f"{_e(_party(claimant)[:34])}</text>"
                f'<rect x="{label_w}" y="{y + 2}" width="{width}" height="{row_h - 5}" '
                f'fill="{_colour(claimant)}"><title>{_e(_party(claimant))}: {value:,}</title></rect>'
                f'<text x="{label_w + width + 5}" y="{y + 13}" font-size="12">{value:,}{mark}</text>'
            )
            y += row_h
        y += 16
    parts.append("</svg>")
    return "".join(parts)


def _colour(name: str) -> str:
    from counterclaim.web.views import party_colour

    return party_colour(name)


def render_html(brief: Brief, stylesheet_href: str | None = None) -> str:
    """One page. With ``stylesheet_href`` the page links its stylesheet instead of holding it
    (for pages served under a policy that forbids inline styles)."""
    inc = brief.incident
    if stylesheet_href:
        style = f'<link rel="stylesheet" href="{_e(stylesheet_href)}">'
    else:
        style = f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>"
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Brief: {_e(inc.label)}</title>",
        style,
        '</head><body><main class="brief">',
        f"<h1>{_e(inc.label)}</h1>",
        '<p class="facts">',
        f"<span><b>When</b> {_e(_dates(inc))}</span>",
    ]
    if inc.places:
        out.append(f"<span><b>Where</b> {_e(', '.join(inc.places[:5]))}</span>")
    if inc.operation:
        out.append(f"<span><b>Operation</b> {_e(inc.operation)}</span>")
    out.append(
        f"<span><b>Claims</b> {brief.claims} ({brief.reviewed} reviewed by an analyst, "
        f'marked <span class="reviewed">{REVIEWED_MARK}</span>)</span></p>'
    )
    out.append('<h2>What each party says</h2><ul class="parties">')
    for party in brief.parties:
        side = f' <span class="side">speaks for {_e(party.side)}</span>' if party.side else ""
        out.append(
            f"<li><b>{_e(_party(party.claimant))}</b>{side}: {_e('; '.join(party.says))}"
            f"<blockquote>“{_e(party.quote)}” <cite>{_e(party.quote_source)}</cite>"
            "</blockquote></li>"
        )
    out.append("</ul><h2>The figures side by side</h2>")
    if brief.rows:
        out.append('<table class="figures"><thead><tr><th>Figure</th><th>About</th>')
        out += [f"<th>{_e(_party(c))}</th>" for c in brief.claimants]
        out.append("<th>Spread</th></tr></thead><tbody>")
        for row in brief.rows:
            out.append(f"<tr><th>{_e(row.category)}</th><td>{_e(row.side)}</td>")
            for claimant in brief.claimants:
                figures = row.figures.get(claimant, [])
                cell = "<br>".join(
                    f'<span class="figure">{_e(f.text)}</span>'
                    + (" <small>(earlier)</small>" if not f.latest else "")
                    + f' <span class="grade">{_e(f.grade)}</span>'
                    + (f' <span class="reviewed">{REVIEWED_MARK}</span>' if f.reviewed else "")
                    for f in figures
                )
                out.append(f"<td>{cell or '—'}</td>")
            out.append(f"<td>{_e(row.spread or '—')}</td></tr>")
        out.append("</tbody></table>")
        if brief.largest_discrepancy:
            out.append(f"<p>Largest discrepancy: {_e(brief.largest_discrepancy)}.</p>")
    else:
        out.append("<p>No figures.</p>")
    out.append(_chart_svg(brief))
    out.append(f"<h2>Independent origins: {len(brief.origins)}</h2><ul>")
    out += [
        f"<li>{_e(origin)}: {_e(', '.join(outlets))}</li>"
        for origin, outlets in brief.origins.items()
    ]
    out.append('</ul><h2>Sources</h2><ol class="sources">')
    for source in brief.sources:
        title = _e(source.title)
        if source.url:
            title = f'<a href="{_e(source.url)}" rel="noopener noreferrer">{title}</a>'
        when = f", {_e(source.published)}" if source.published else ""
        out.append(f"<li>{title}: {_e(source.outlet)}{when}</li>")
    out.append('</ol><details class="grades"><summary>What the grades mean</summary><dl>')
    out += [f"<dt>{_e(g)}</dt><dd>{_e(m)}</dd>" for g, m in brief.grades.items()]
    out.append("</dl></details></main></body></html>")
    return "\n".join(out) + "\n"


def render(brief: Brief, fmt: str = "md") -> str:
    from counterclaim.errors import CounterclaimError

    if fmt == "md":
        return render_markdown(brief)
    if fmt == "html":
        return render_html(brief)
    raise CounterclaimError(f"unknown brief format {fmt!r}; valid formats: {', '.join(FORMATS)}")

"""The ``counterclaim`` command: a thin skin over the pipeline and the store."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from counterclaim import __version__, pipeline
from counterclaim.errors import CounterclaimError
from counterclaim.settings import Settings, load_settings
from counterclaim.store import Store

app = typer.Typer(
    help="counterclaim: who claims how many were killed, wounded, captured… and on whose word.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
# No wrapping: each error stays on one line that names the input, for people and for grep.
err_console = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL or SQLite path [env: COUNTERCLAIM_DB].", show_default=False
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
KbOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--kb",
        help="Your own actor knowledge-base file (YAML, see data/actors/README.md), added to "
        "the shipped one; repeat for several. Replaces COUNTERCLAIM_KB.",
        show_default=False,
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Decision model: 'shipped' (default), a file from `counterclaim train`, or 'none' "
        "for the rules alone [env: COUNTERCLAIM_MODEL].",
        show_default=False,
    ),
]
DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        help="Parse, extract and resolve on a Dask cluster: a scheduler address "
        "(tcp://host:8786) or 'local' for two local worker processes.",
        show_default=False,
    ),
]
F = TypeVar("F", bound=Callable[..., Any])


def translate_errors(func: F) -> F:
    """Print one line naming the input and the problem instead of a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CounterclaimError as exc:
            err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
            if exc.hint:
                err_console.print(f"hint: {exc.hint}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def open_store(
    db: str | None, kb: list[Path] | None = None, **overrides: Any
) -> tuple[Store, Settings]:
    """The store and settings of a command; a knowledge base given is loaded first, so a bad
    file is reported before anything is read or stored."""
    settings = load_settings(db=db, kb=kb_setting(kb), **overrides)
    if kb:
        from counterclaim.actors import KnowledgeBase

        KnowledgeBase.from_settings(settings)
    return Store(settings.db), settings


def kb_setting(kb: list[Path] | None) -> str | None:
    return os.pathsep.join(str(path) for path in kb) if kb else None


@contextmanager
def progress_bar(
    description: str, total: int | None, enabled: bool = True
) -> Iterator[Callable[[int], None]]:
    if not enabled:
        yield lambda _n: None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_table(title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title, show_lines=False, highlight=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        console.print(f"counterclaim {__version__}")
        raise typer.Exit()


@app.command()
@translate_errors
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")
    ],
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for documents that name none.")] = None,
    max_file_bytes: Annotated[
        int | None, typer.Option(help="Largest file accepted, in bytes.")
    ] = None,
    process: Annotated[
        bool,
        typer.Option(
            "--process/--no-process", help="Run provenance, extraction and incidents after storing."
        ),
    ] = True,
    kb: KbOption = None,
    model: ModelOption = None,
    dask: DaskOption = None,
    as_json: JsonOption = False,
) -> None:
    """Store documents (text, HTML, JSON Lines, RSS/Atom) and extract their claims.

    Claims of stored documents are re-extracted when the extractor or the knowledge base
    (``--kb``) changed since they were made."""
    store, settings = open_store(db, kb, max_file_bytes=max_file_bytes, model=model)
    with progress_bar("reading", None, not as_json) as advance:
        report = pipeline.ingest(store, paths, settings, outlet=outlet, advance=advance)
    processed = _process_stale(store, settings, dask, not as_json) if process else None
    summary = {
        "new": len(report.new),
        "already_stored": len(report.already_stored),
        "failed": len(report.failed),
        "failures": [{"source": e.source, "reason": e.reason} for e in report.failed],
    }
    if processed is not None:
        summary["extracted"] = processed.get("documents")
        summary["claims"] = processed.get("claims")
        summary["incidents"] = processed.get("incidents")
    if as_json:
        print_json(summary)
    else:
        for failure in report.failed:
            err_console.print(f"[red]failed:[/red] {escape(str(failure))}", highlight=False)
        line = (
            f"new: {summary['new']}, already stored: {summary['already_stored']}, "
            f"failed: {summary['failed']}"
        )
        if processed is not None:
            line += (
                f"; extracted: {summary['extracted']}, claims: {summary['claims']}, "
                f"incidents: {summary['incidents']}"
            )
        console.print(line, highlight=False)
    if report.failed:
        raise typer.Exit(1)


def _process_stale(
    store: Store, settings: Settings, dask: str | None, show_progress: bool
) -> dict[str, int]:
    if dask:
        from counterclaim.scale import dask_claims

        with dask_claims(dask, settings) as claims_of:
            return pipeline.process(
                store, settings, show_progress=show_progress, claims_of=claims_of
            )
    return pipeline.process(store, settings, show_progress=show_progress)


@app.command("process")
@translate_errors
def process_command(
    db: DbOption = None,
    kb: KbOption = None,
    model: ModelOption = None,
    dask: DaskOption = None,
    as_json: JsonOption = False,
) -> None:
    """Extract the claims of every stored document whose claims are stale (never made, or
    made by another extractor, knowledge base or model: run it after an upgrade), then
    update incidents."""
    store, settings = open_store(db, kb, model=model)
    processed = _process_stale(store, settings, dask, not as_json)
    if as_json:
        print_json(processed)
    else:
        console.print(
            f"extracted: {processed['documents']}, claims: {processed['claims']}, "
            f"incidents: {processed['incidents']}",
            highlight=False,
        )


@app.command()
@translate_errors
def documents(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    groups: Annotated[
        bool, typer.Option("--groups", help="Show near-duplicate groups and origins.")
    ] = False,
    flagged: Annotated[
        bool,
        typer.Option(
            "--flagged", help="Only documents flagged for checking (e.g. contradictory acronyms)."
        ),
    ] = False,
    failed: Annotated[
        bool,
        typer.Option(
            "--failed", help="Only documents whose claims could not be extracted, with why."
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """List stored documents."""
    store, _ = open_store(db)
    if groups:
        _print_groups(store, as_json)
        return
    docs = store.documents(limit=limit, flagged=flagged, failed=failed)
    if as_json:
        print_json([d.summary() for d in docs])
        return
    rows = [
        [
            d.id,
            d.published,
            d.outlet,
            d.syndicated_from,
            (d.title or d.source or "")[:70],
            "; ".join(f.message for f in d.flags),
        ]
        for d in docs
    ]
    title = (
        f"{len(docs)} failed documents"
        if failed
        else f"{len(docs)} flagged documents"
        if flagged
        else f"{store.document_count()} documents"
    )
    print_table(title, ["id", "published", "outlet", "credited to", "title", "flags"], rows)


def _print_groups(store: Store, as_json: bool) -> None:
    from dataclasses import asdict

    from counterclaim.provenance import origin_summary

    grouped = store.duplicate_groups()
    origins = origin_summary(store.iter_documents())
    if as_json:
        print_json(
            {
                "groups": [
                    {"group": g, "documents": [d.summary() for d in docs]}
                    for g, docs in grouped.items()
                ],
                "origins": [asdict(o) for o in origins],
            }
        )
        return
    rows = [
        [
            f"{g} ({len(docs)})" if i == 0 else "",
            d.id,
            (d.title or d.source or "")[:60],
            d.outlet,
            d.syndicated_from,
            d.origin,
        ]
        for g, docs in grouped.items()
        for i, d in enumerate(docs)
    ]
    print_table(
        f"{len(grouped)} near-duplicate groups",
        ["group (size)", "id", "title", "outlet", "credited to", "origin"],
        rows,
    )
    print_table(
        "origins: documents and independent copies",
        ["origin", "documents", "independent", "outlets"],
        [[o.origin, o.documents, o.independent, ", ".join(o.outlets)] for o in origins],
    )


@app.command()
@translate_errors
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="csv, jsonl, geojson, acled, or gold (reviewed documents in the gold format, "
            "their texts beside --output).",
        ),
    ] = "csv",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    db: DbOption = None,
    claimant: Annotated[str | None, typer.Option(help="Only this claimant's claims.")] = None,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    incident: Annotated[str | None, typer.Option(help="Only this incident (id or label).")] = None,
    partial: Annotated[
        bool, typer.Option("--partial", help="gold: also documents only partly reviewed.")
    ] = False,
    kb: KbOption = None,
) -> None:
    """Export claims as CSV, JSON Lines, GeoJSON or an ACLED-style incident table, or the
    reviewed documents in the gold format (for train and eval)."""
    from counterclaim.export import GOLD, export_claims, export_gold
    from counterclaim.store import ClaimFilter

    store, settings = open_store(db, kb)
    if fmt == GOLD and output is not None:
        written = export_gold(store, Path(output), partial=partial)
        err_console.print(f"wrote {written} reviewed documents to {output}", highlight=False)
        return
    filters = ClaimFilter(claimant=claimant, category=category, incident_id=incident)
    if output is None:
        export_claims(store, fmt, sys.stdout, filters, _knowledge_base(settings))
        return
    target = Path(output)
    partial = target.with_name(target.name + ".partial")
    # Written beside the target and renamed, so a failed export leaves no truncated file.
    try:
        with open(partial, "w", encoding="utf-8", newline="") as handle:
            count = export_claims(store, fmt, handle, filters, _knowledge_base(settings))
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    err_console.print(f"wrote {count} {fmt} records to {target}", highlight=False)


@app.command()
@translate_errors
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    kb: KbOption = None,
) -> None:
    """Serve the dashboard at / and the JSON API at /api/ (writes need COUNTERCLAIM_API_TOKEN)."""
    import uvicorn

    from counterclaim.web.app import create_app

    store, settings = open_store(db, kb)
    writes = "enabled (bearer token set)" if settings.api_token else "disabled (no api_token)"
    err_console.print(
        f"counterclaim dashboard on http://{host}:{port}/ · API docs /docs · writes {writes}",
        highlight=False,
    )
    uvicorn.run(create_app(store, settings), host=host, port=port, log_level="warning")


@app.command()
@translate_errors
def extract(
    path: Annotated[
        str, typer.Argument(help="A text, HTML or JSON Lines file, or - for standard input.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO) for relative dates.")
    ] = None,
    kb: KbOption = None,
    model: ModelOption = None,
) -> None:
    """Print the claims of one text as JSON Lines in the gold claim format (no store)."""
    from counterclaim.actors import KnowledgeBase
    from counterclaim.errors import InputError
    from counterclaim.ingest import read_source
    from counterclaim.model import EXTRACTION_FAILED

    parsed = read_source(path)
    failures = [p for p in parsed if isinstance(p, InputError)]
    documents = [p for p in parsed if not isinstance(p, InputError)]
    if published:
        from counterclaim.dates import parse_iso_or_text

        for document in documents:
            document.published = parse_iso_or_text(published)
    settings = load_settings(kb=kb_setting(kb), model=model)
    knowledge = KnowledgeBase.from_settings(settings)
    for document, claims, flags in pipeline.document_claims(documents, knowledge, settings):
        for claim in claims:
            print_json(claim.to_gold())
        failures += [
            InputError(document.source or document.id, f.message)
            for f in flags
            if f.kind == EXTRACTION_FAILED
        ]
    for failure in failures:
        err_console.print(f"[red]failed:[/red] {failure.source}: {failure.reason}", highlight=False)
    if failures:
        raise typer.Exit(1)


@app.command()
@translate_errors
def claims(
    db: DbOption = None,
    claimant: Annotated[
        str | None, typer.Option(help="Only this claimant (canonical name).")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help="Only this category (killed, wounded, ...).")
    ] = None,
    incident: Annotated[str | None, typer.Option(help="Only this incident (id or label).")] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Event date on or after (ISO).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Event date on or before (ISO).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """List stored claims, with filters."""
    from counterclaim.errors import SettingsError
    from counterclaim.model import CATEGORIES
    from counterclaim.store import ClaimFilter

    if category and category not in CATEGORIES:
        raise SettingsError(f"unknown category {category!r}; valid: {', '.join(CATEGORIES)}")
    store, _ = open_store(db)
    found = store.claims(
        ClaimFilter(
            claimant=claimant,
            category=category,
            incident_id=incident,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
    )
    if as_json:
        for claim in found:
            print_json(claim.to_gold() | {"id": claim.id, "doc_id": claim.doc_id})
        return
    from counterclaim.numbers import Count, format_count

    rows = [
        [
            c.claimant,
            c.category,
            format_count(Count(c.value, c.qualifier, c.value_high))
            if c.value is not None
            else "vague",
            c.target[:40],
            c.target_role,
            c.event_date,
            c.incident,
            ("hedged " if c.hedged else "") + c.evidence[:80],
        ]
        for c in found
    ]
    print_table(
        f"{len(found)} claims",
        ["claimant", "category", "figure", "target", "role", "date", "incident", "evidence"],
        rows,
    )


@app.command("eval")
@translate_errors
def eval_command(
    gold: Annotated[
        list[str], typer.Argument(help="Gold file(s) (JSON Lines, ANNOTATION.md format).")
    ],
    as_json: JsonOption = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every missed and spurious claim.")
    ] = False,
    predictions: Annotated[
        str | None,
        typer.Option(help="Also write the system's output in the gold format to this file."),
    ] = None,
    folds: Annotated[
        int | None,
        typer.Option(
            "--folds",
            min=2,
            help="Cross-validate: train the decision model on K-1 folds of whole incidents "
            "(copies included) and score the one left out, K times.",
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Cross-validate leaving one group out at a time, by this article field "
            "(e.g. region).",
        ),
    ] = None,
    kb: KbOption = None,
    model: ModelOption = None,
    decide: DecideOption = None,
) -> None:
    """Run the whole pipeline on a gold file's articles in a fresh store and score it; with
    --folds or --by, cross-validate the decision model (trained as `train --decide` would)
    against the rules alone instead."""
    from counterclaim.evaluate import cross_validate, run_eval

    if folds or by:
        with progress_bar("finding candidates", None, enabled=not as_json) as advance:
            result = cross_validate(
                [Path(g) for g in gold],
                folds=folds,
                by=by,
                kb=kb_setting(kb),
                progress=advance,
                decisions=_decisions(decide),
            )
        _print_cross_validation(result, as_json)
        return
    if len(gold) != 1:
        raise typer.BadParameter("one gold file, unless cross-validating (--folds or --by)")
    scores, results, predicted = run_eval(Path(gold[0]), kb=kb_setting(kb), model=model)
    if predictions:
        with open(predictions, "w", encoding="utf-8") as handle:
            for article in predicted:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    if as_json:
        print_json(scores)
    else:
        rows = [
            [name, scores[name]["precision"], scores[name]["recall"], scores[name]["f1"]]
            for name in ("strict", "loose")
        ]
        rows += [
            [f"  {cat}", v["precision"], v["recall"], v["f1"]]
            for cat, v in scores["per_category"].items()
        ]
        print_table(
            f"{scores['articles']} articles, {scores['gold_claims']} gold claims, "
            f"{scores['predicted_claims']} predicted",
            ["score", "precision", "recall", "f1"],
            rows,
        )
        for key in (
            "qualifier_accuracy",
            "event_date_accuracy",
            "event_date_accuracy_1d",
            "incident_bcubed_f1",
            "claimant_columns",
            "place_resolution",
            "location_agreement",
            "syndication_accuracy",
            "near_duplicate_pairs",
        ):
            if key in scores:
                console.print(f"{key}: {scores[key]}", highlight=False)
    if errors:
        for result in results:
            for claim in result.missed:
                err_console.print(
                    f"MISSED   {result.doc}: {claim['claimant']} {claim['category']} {claim['value']} "
                    f"{claim['target_role']} | {claim['evidence'][:110]}",
                    highlight=False,
                    markup=False,
                )
            for claim in result.spurious:
                err_console.print(
                    f"SPURIOUS {result.doc}: {claim['claimant']} {claim['category']} {claim['value']} "
                    f"{claim['target_role']} | {claim['evidence'][:110]}",
                    highlight=False,
                    markup=False,
                )


@app.command("places")
@translate_errors
def places_command(
    name: Annotated[str, typer.Argument(help="A place name: 'Kalat', 'Kursk region', 'Hodeidah'.")],
    country: Annotated[
        str | None, typer.Option("--country", help="ISO code of the document's country (PK, UA…).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many candidates.")] = 5,
    as_json: JsonOption = False,
) -> None:
    """Look a place up in the offline gazetteer: best match first, then alternatives."""
    from counterclaim.places import Gazetteer

    found = Gazetteer.load().candidates(name, country=country, limit=limit)
    if not found:
        err_console.print(
            f"no place matches {name!r}"
            + (f" (country {country.upper()})" if country else "")
            + "; add it to data/places.yaml if it should",
            highlight=False,
            markup=False,
        )
        raise typer.Exit(1)
    keys = ("name", "latitude", "longitude", "country_code", "admin_area", "source")
    if as_json:
        print_json([{key: getattr(place, key) for key in keys} for place in found])
        return
    rows = [[getattr(place, key) for key in keys] for place in found]
    columns = ["name", "lat", "lon", "country", "admin area", "source"]
    print_table(f"places matching {name!r}", columns, rows)


bench_app = typer.Typer(
    help="Benchmarks, reported as ratios to a baseline measured in the same run.",
    no_args_is_help=True,
)
app.add_typer(bench_app, name="bench")


@bench_app.command("extract")
@translate_errors
def bench_extract_command(
    copies: Annotated[int, typer.Option(help="Times the sample corpus is repeated.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Documents per second through extraction, against spaCy's parse alone in the same run."""
    from counterclaim.bench import bench_extract

    report = bench_extract(copies=max(1, copies))
    if as_json:
        print_json(report.to_dict())
        return
    print_table(
        "extraction: whole claim path against spaCy's parse alone, measured in the same run",
        ["corpus", "documents", "tokens", "parse s", "full s", "ratio", "docs/s", "claims"],
        [
            [
                c.name,
                c.documents,
                f"{c.tokens:,}",
                f"{c.parse_seconds:.2f}",
                f"{c.full_seconds:.2f}",
                f"{c.overhead_ratio:.2f}",
                f"{c.docs_per_second:.1f}",
                c.claims,
            ]
            for c in report.cases
        ],
    )
    console.print(f"peak memory {report.peak_rss_mb:.0f} MB", highlight=False)


@bench_app.command("duplicates")
@translate_errors
def bench_duplicates_command(
    sizes: Annotated[
        str, typer.Option(help="Store sizes to measure at, comma-separated.")
    ] = "10000,100000",
    query_batch: Annotated[int, typer.Option(help="New documents timed at each size.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """Time near-duplicate detection per new document as the store grows."""
    from counterclaim.bench import bench_duplicates
    from counterclaim.errors import SettingsError

    try:
        size_list = [int(s.replace("_", "")) for s in sizes.split(",") if s.strip()]
    except ValueError:
        raise SettingsError(
            f"--sizes {sizes!r} is not a comma-separated list of integers"
        ) from None
    if not size_list or min(size_list) <= 0:
        raise SettingsError(f"--sizes {sizes!r} must list positive store sizes")
    with progress_bar("indexing documents", max(size_list), not as_json) as advance:
        report = bench_duplicates(size_list, query_batch=query_batch, advance=advance)
    if as_json:
        print_json(report.to_dict())
        return
    rows = [
        [
            f"{r.size:,}",
            f"{r.lookup_ms_per_doc:.2f}",
            f"{r.lookup_ratio:.2f}",
            f"{r.assign_ms_per_doc:.2f}",
            f"{r.assign_ratio:.2f}",
            f"{r.candidates_per_doc:.2f}",
            f"{r.recall:.0%}",
            r.false_matches,
        ]
        for r in report.results
    ]
    print_table(
        f"near-duplicate detection (threshold {report.threshold}, "
        f"{report.bands} bands × {report.rows} rows)",
        [
            "store size",
            "lookup ms/doc",
            "ratio",
            "assign ms/doc",
            "ratio",
            "candidates/doc",
            "recall",
            "false matches",
        ],
        rows,
    )


@bench_app.command("pipeline")
@translate_errors
def bench_pipeline_command(
    docs: Annotated[int, typer.Option(help="Generated reports to run (without --corpus).")] = 200,
    corpus: Annotated[
        Path | None,
        typer.Option(help="Run these files or folder instead of generated reports."),
    ] = None,
    processes: Annotated[int, typer.Option(help="spaCy worker processes (n_process).")] = 1,
    as_json: JsonOption = False,
) -> None:
    """The whole path (ingest → claims stored → incidents) against spaCy's parse alone on
    the same texts, per stage, with peak memory and the cost of a re-ingest."""
    from counterclaim.bench import bench_pipeline
    from counterclaim.errors import SettingsError

    if docs <= 0 or processes <= 0:
        raise SettingsError("--docs and --processes must be positive")
    if corpus is not None and not corpus.exists():
        raise SettingsError(f"--corpus {str(corpus)!r} does not exist")
    report = bench_pipeline(docs, corpus=corpus, processes=processes)
    if as_json:
        print_json(report.to_dict())
        return
    data = report.to_dict()
    rows = [[stage, f"{seconds:.2f}", ""] for stage, seconds in report.stage_seconds.items()]
    rows += [
        ["whole path", f"{report.whole_seconds:.2f}", _rates(data["whole"])],
        ["spaCy parse alone", f"{report.parse_seconds:.2f}", _rates(data["parse"])],
        ["re-ingest", f"{report.reingest_seconds:.2f}", ""],
    ]
    print_table(
        f"{report.corpus}: {report.documents} documents, {report.words:,} words, "
        f"{report.claims} claims, {report.incidents} incidents",
        ["stage", "seconds", "rate"],
        rows,
    )
    console.print(
        f"time_ratio {report.time_ratio:.2f} (whole path / parse alone), "
        f"reingest_ratio {report.reingest_ratio:.3f}, memory {report.loaded_rss_mb:.0f} MB "
        f"loaded, {report.peak_rss_mb:.0f} MB peak (ru_maxrss of a child process)",
        highlight=False,
    )


def _rates(rates: dict[str, float]) -> str:
    return f"{rates['docs_per_second']:.1f} docs/s, {rates['words_per_second']:,.0f} words/s"


def _knowledge_base(settings: Settings) -> Any:
    """The actor knowledge base for sides; without a usable one, the shipped one."""
    from counterclaim.actors import KnowledgeBase

    try:
        return KnowledgeBase.from_settings(settings)
    except CounterclaimError as exc:
        err_console.print(f"warning: sides without the knowledge base: {exc}", highlight=False)
        return None


def _comparisons(store: Store, settings: Settings, incidents: list[Any]) -> list[Any]:
    from counterclaim.pipeline import compare_stored

    return [d.comparison for d in compare_stored(store, incidents, _knowledge_base(settings))]


@app.command("incidents")
@translate_errors
def incidents_command(
    db: DbOption = None,
    update: Annotated[
        bool, typer.Option("--update", help="Regroup the stored claims into incidents first.")
    ] = False,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List incidents: dates, places, parties and the largest discrepancy between them."""
    store, settings = open_store(db, kb)
    incidents = store.incidents()
    if update or (not incidents and store.claim_count()):
        pipeline.update_incidents(store)
        incidents = store.incidents()
    summaries = [c.summary() for c in _comparisons(store, settings, incidents)]
    if as_json:
        print_json(summaries)
        return
    rows = [
        [
            s["date"],
            s["label"],
            ", ".join(s["places"][:3]),
            ", ".join(s["parties"]),
            s["claims"],
            s["documents"],
            s["largest_discrepancy"] or "",
        ]
        for s in summaries
    ]
    print_table(
        f"{len(summaries)} incidents",
        ["date", "incident", "places", "parties", "claims", "docs", "largest discrepancy"],
        rows,
    )


@app.command("show")
@translate_errors
def show_command(
    incident: Annotated[str, typer.Argument(help="Incident id or label.")],
    db: DbOption = None,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print an incident's claims matrix: every party's figures side by side, with evidence."""
    store, settings = open_store(db, kb)
    (comparison,) = _comparisons(store, settings, [store.incident(incident)])
    if as_json:
        print_json(comparison.to_dict())
        return
    inc = comparison.incident
    dates = inc.date_start if inc.date_start == inc.date_end else f"{inc.date_start}/{inc.date_end}"
    console.print(
        f"[bold]{escape(inc.label)}[/bold] ({inc.id})  {dates or 'undated'}  "
        f"{escape(', '.join(inc.places[:5]))}"
        + (f"  operation: {escape(inc.operation)}" if inc.operation else ""),
        highlight=False,
    )
    for category in dict.fromkeys(cell.category for cell in comparison.cells):
        rows = []
        for cell in (c for c in comparison.cells if c.category == category):
            for claimant, history in cell.figures.items():
                for f in history:
                    state = "part" if f.is_part else ("latest" if f.is_latest else "earlier")
                    rows.append(
                        [
                            cell.label,
                            claimant,
                            f.display,
                            f.grade,
                            f"{f.origins} / {len(f.doc_ids)}",
                            f.stated_on,
                            state if len(history) > 1 else "",
                            f"“{f.evidence}”",
                        ]
                    )
            if cell.spread or cell.note:
                spread = f"spread ×{cell.spread}" if cell.spread else ""
                rows.append([cell.label, "", spread, cell.note or "", "", "", "", ""])
        print_table(
            category,
            [
                "affected",
                "claimant",
                "figure",
                "grade",
                "origins/docs",
                "stated",
                "history",
                "evidence",
            ],
            rows,
        )
    own_rows = [
        [claimant, category, pair["own"], pair["opponent"]]
        for claimant, by_category in comparison.own_vs_opponent.items()
        for category, pair in by_category.items()
    ]
    if own_rows:
        print_table("own vs opponent losses", ["claimant", "category", "own", "opponent"], own_rows)
    if comparison.largest_discrepancy:
        console.print(
            f"largest discrepancy: {escape(comparison.largest_discrepancy.describe())}",
            highlight=False,
        )


@app.command()
@translate_errors
def demo(
    db: DbOption = None,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The main job on the bundled sample corpus: ingest, extract, group, compare, print."""
    from counterclaim.lexicon import data_path

    store, settings = open_store(db, kb)
    sample = str(data_path("sample"))
    with progress_bar("reading sample", None, not as_json) as advance:
        report = pipeline.ingest(store, [sample], settings, advance=advance)
    summary = pipeline.process(store, settings, show_progress=not as_json)
    if as_json:
        print_json({"new": len(report.new), "already_stored": len(report.already_stored)} | summary)
        return
    console.print(
        f"sample corpus: {len(report.new)} new, {len(report.already_stored)} already stored "
        f"in {store.url}",
        highlight=False,
    )
    from counterclaim.numbers import Count, format_count

    found = store.claims()
    rows = [
        [
            c.incident,
            c.claimant,
            c.category,
            format_count(Count(c.value, c.qualifier, c.value_high)),
            c.target_role,
            c.event_date,
        ]
        for c in sorted(found, key=lambda c: (c.incident or "", c.category, c.claimant))
    ]
    print_table(
        f"{len(found)} claims found in the sample corpus",
        ["incident", "claimant", "category", "figure", "role", "date"],
        rows,
    )
    incidents_command(db=store.url, update=False, kb=kb, as_json=False)
    for incident in store.incidents():
        show_command(incident=incident.id, db=store.url, kb=kb, as_json=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()


def _print_cross_validation(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(result)
        return
    mean, stdev, rules = result["mean"], result["stdev"], result["rules_alone"]["mean"]

    def cell(scores: dict[str, Any], spread: dict[str, Any], *path: str) -> str:
        value: Any = scores
        deviation: Any = spread
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
            deviation = deviation.get(part) if isinstance(deviation, dict) else None
        if value is None:
            return "-"
        return f"{value:.3f} ± {deviation:.3f}" if isinstance(deviation, float) else f"{value:.3f}"

    keys = [
        ("strict F1", ("strict", "f1")),
        ("strict precision", ("strict", "precision")),
        ("strict recall", ("strict", "recall")),
        ("loose F1", ("loose", "f1")),
        ("qualifier accuracy", ("qualifier_accuracy",)),
        ("event date exact", ("event_date_accuracy",)),
        ("event date ±1 day", ("event_date_accuracy_1d",)),
        ("incident B-cubed", ("incident_bcubed_f1",)),
        ("claimants split in columns", ("claimant_columns", "split_share")),
        ("locations agree", ("location_agreement",)),
    ]
    rows = [
        [label, cell(mean, stdev, *path), cell(rules, result["rules_alone"]["stdev"], *path)]
        for label, path in keys
    ]
    print_table(
        f"{result['folds']} folds grouped by {result['grouped_by']} (mean ± stdev)",
        ["score", "rules + model", "rules alone"],
        rows,
    )
    per_fold = [
        [f["fold"], f["articles"], f["gold_claims"], f["strict"]["f1"], r["strict"]["f1"]]
        for f, r in zip(result["per_fold"], result["rules_alone"]["per_fold"], strict=True)
    ]
    print_table(
        "per fold: strict F1",
        ["fold", "articles", "gold claims", "rules + model", "rules alone"],
        per_fold,
    )


DecideOption = Annotated[
    str | None,
    typer.Option(
        "--decide",
        help="Which decisions the model takes, comma-separated from keep, role, claimant "
        "[default: claimant — the one that beats the rules in cross-validation].",
        show_default=False,
    ),
]


def _decisions(decide: str | None) -> tuple[str, ...]:
    from counterclaim.training import DECISIONS, DEFAULT_DECISIONS

    if not decide:
        return DEFAULT_DECISIONS
    chosen = tuple(d.strip() for d in decide.split(",") if d.strip())
    unknown = [d for d in chosen if d not in DECISIONS]
    if unknown:
        raise typer.BadParameter(f"unknown decision {unknown[0]!r}; choose from {DECISIONS}")
    return chosen


@app.command("train")
@translate_errors
def train_command(
    gold: Annotated[
        list[str], typer.Argument(help="Gold files to learn from (ANNOTATION.md format).")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the model (JSON).")
    ],
    kb: KbOption = None,
    decide: DecideOption = None,
    as_json: JsonOption = False,
) -> None:
    """Train the decision model on gold files (the rules find the candidates; the model
    learns who makes each claim, whose people it counts and, if asked, whether it is one)."""
    from counterclaim.training import train_files

    with progress_bar("finding candidates", None, enabled=not as_json) as advance:
        model = train_files(
            [Path(g) for g in gold],
            output,
            kb=kb_setting(kb),
            progress=advance,
            decisions=_decisions(decide),
        )
    summary = {"output": str(output), **dict(model.meta), "fingerprint": model.fingerprint}
    if as_json:
        print_json(summary)
    else:
        console.print(
            f"trained on {summary['examples']} candidates ({summary['claims']} claims) from "
            f"{len(gold)} gold file(s); wrote {output}",
            highlight=False,
        )


# -- analyst review -------------------------------------------------------------------------
review_app = typer.Typer(
    help="Review the machine's claims: accept, correct, reject, add; merge claimant columns; "
    "split or merge incidents; every review is kept as history.",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")
ByOption = Annotated[
    str | None,
    typer.Option("--by", help="Who reviews (default: your login name).", show_default=False),
]
ReasonOption = Annotated[str, typer.Option("--reason", "-r", help="Why, for the history.")]


def _reviewer(by: str | None) -> str:
    import getpass

    if by:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _print_review(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.to_dict())
        return
    for claim, status in result.claims:
        console.print(
            f"{status}: {claim.id} {escape(claim.claimant)} {claim.category} "
            f"{claim.value if claim.value is not None else 'vague'} ({claim.target_role}) "
            f"in {escape(claim.incident or '-')}",
            highlight=False,
        )
    for claim_id in result.removed:
        console.print(f"rejected: {claim_id}", highlight=False)
    if result.incident:
        console.print(f"incident: {result.incident}", highlight=False)
    if result.note:
        console.print(escape(result.note), highlight=False)


def _review_kb(settings: Settings) -> Any:
    from counterclaim.actors import KnowledgeBase

    try:
        return KnowledgeBase.from_settings(settings)
    except CounterclaimError as exc:
        err_console.print(f"warning: claimants not resolved to actors: {exc}", highlight=False)
        return None


def _parse_sets(values: list[str] | None) -> dict[str, Any]:
    from counterclaim.review import ReviewError

    out: dict[str, Any] = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise ReviewError(f"--set {item!r}: write FIELD=VALUE, e.g. --set value=48")
        out[name.strip()] = value.strip()
    return out


@review_app.command("accept")
@translate_errors
def review_accept(
    claim_ids: Annotated[list[str] | None, typer.Argument(help="Claim ids.")] = None,
    doc: Annotated[
        str | None,
        typer.Option("--doc", help="Accept every unreviewed claim of this document."),
    ] = None,
    by: ByOption = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Vouch for claims as the machine made them (or bring rejected ones back)."""
    from counterclaim import review

    store, _ = open_store(db)
    if doc:
        result = review.accept_document(store, doc, _reviewer(by), reason)
    else:
        result = review.accept(store, claim_ids or [], _reviewer(by), reason)
    _print_review(result, as_json)


@review_app.command("correct")
@translate_errors
def review_correct(
    claim_id: Annotated[str, typer.Argument(help="Claim id.")],
    sets: Annotated[
        list[str],
        typer.Option(
            "--set",
            help="FIELD=VALUE, repeatable: claimant, category, target, target_role, value, "
            "value_high, qualifier, event_date, incident (id or label), hedged, locations "
            "(';'-separated).",
        ),
    ],
    by: ByOption = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Correct fields of a claim; the machine version stays in the history."""
    from counterclaim import review

    store, settings = open_store(db, kb)
    result = review.correct(
        store, claim_id, _parse_sets(sets), _reviewer(by), reason, kb=_review_kb(settings)
    )
    _print_review(result, as_json)


@review_app.command("reject")
@translate_errors
def review_reject(
    claim_ids: Annotated[list[str], typer.Argument(help="Claim ids.")],
    by: ByOption = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Take claims out of the ledger (the matrix, exports and briefs); the history keeps them."""
    from counterclaim import review

    store, _ = open_store(db)
    _print_review(review.reject(store, claim_ids, _reviewer(by), reason), as_json)


@review_app.command("add")
@translate_errors
def review_add(
    doc_id: Annotated[str, typer.Argument(help="Document id.")],
    evidence: Annotated[
        str, typer.Option("--evidence", help="The sentence or clause, as the text has it.")
    ],
    category: Annotated[str, typer.Option("--category", help="killed, wounded, captured, …")],
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", help="FIELD=VALUE for the other fields (value, claimant, …)."),
    ] = None,
    by: ByOption = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a claim the machine missed, from its evidence in the document text."""
    from counterclaim import review

    store, settings = open_store(db, kb)
    values = {**_parse_sets(sets), "evidence": evidence, "category": category}
    result = review.add_claim(store, doc_id, values, _reviewer(by), reason, kb=_review_kb(settings))
    _print_review(result, as_json)


@review_app.command("merge-actors")
@translate_errors
def review_merge_actors(
    source: Annotated[str, typer.Argument(help="Claimant whose column goes.")],
    into: Annotated[str, typer.Argument(help="Claimant it is merged into.")],
    incident: Annotated[
        str | None, typer.Option("--incident", help="Only the claims of this incident.")
    ] = None,
    kb: Annotated[
        Path | None,
        typer.Option(
            "--kb",
            help="Your knowledge-base file, where SOURCE becomes an alias (created if "
            "missing; default: the first file of COUNTERCLAIM_KB).",
            show_default=False,
        ),
    ] = None,
    by: ByOption = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge two claimant columns into one actor, for stored and future documents."""
    from counterclaim import review

    settings = load_settings(db=db)
    configured = [Path(p) for p in str(settings.kb or "").split(os.pathsep) if p.strip()]
    kb_file = kb or (configured[0] if configured else None)
    if kb_file is None:
        raise review.ReviewError(
            "merge-actors writes the alias into your knowledge-base file: none is set",
            hint="give --kb FILE (created if missing) or set COUNTERCLAIM_KB",
        )
    store = Store(settings.db)
    result = review.merge_actors(
        store,
        source,
        into,
        _reviewer(by),
        reason,
        kb_file=kb_file,
        kb_files=configured,
        incident=incident,
    )
    _print_review(result, as_json)


@review_app.command("split-incident")
@translate_errors
def review_split_incident(
    incident: Annotated[str, typer.Argument(help="Incident id or label.")],
    claim_ids: Annotated[list[str], typer.Argument(help="Claims that go to the new incident.")],
    label: Annotated[str | None, typer.Option("--label", help="The new incident's label.")] = None,
    by: ByOption = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Move some claims of an incident into a new one."""
    from counterclaim import review

    store, _ = open_store(db)
    result = review.split_incident(store, incident, claim_ids, _reviewer(by), reason, label)
    _print_review(result, as_json)


@review_app.command("merge-incidents")
@translate_errors
def review_merge_incidents(
    keep: Annotated[str, typer.Argument(help="Incident that stays (id or label).")],
    other: Annotated[str, typer.Argument(help="Incident merged into it.")],
    by: ByOption = None,
    reason: ReasonOption = "",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge two incidents that are one event."""
    from counterclaim import review

    store, _ = open_store(db)
    _print_review(review.merge_incidents(store, keep, other, _reviewer(by), reason), as_json)


@review_app.command("history")
@translate_errors
def review_history(
    claim: Annotated[str | None, typer.Option("--claim", help="One claim's reviews.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="One document's reviews.")] = None,
    incident: Annotated[
        str | None, typer.Option("--incident", help="One incident's reviews.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 200,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every review, newest first: who, when, what changed and why."""
    from counterclaim import review

    store, _ = open_store(db)
    rows = review.history(store, claim_id_=claim, doc_id=doc, incident=incident, limit=limit)
    if as_json:
        print_json([r.to_dict() for r in rows])
        return
    print_table(
        f"{len(rows)} reviews",
        ["#", "when", "who", "operation", "claim", "what changed", "why"],
        [
            [
                r.id,
                r.at.isoformat(sep=" ", timespec="seconds") if r.at else "",
                r.reviewer,
                r.operation,
                r.claim_id or "",
                r.describe(),
                r.reason,
            ]
            for r in rows
        ],
    )


@app.command("brief")
@translate_errors
def brief_command(
    incident: Annotated[str, typer.Argument(help="Incident id or label.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    db: DbOption = None,
    kb: KbOption = None,
) -> None:
    """A one-page brief of an incident: each party's account, the figures side by side with
    grades, a chart, the independent origins and the sources."""
    from counterclaim.brief import incident_brief, render

    store, settings = open_store(db, kb)
    text = render(incident_brief(store, incident, settings), fmt)
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    err_console.print(f"wrote the brief of {incident} to {output}", highlight=False)


@bench_app.command("scale")
@translate_errors
def bench_scale_command(
    sizes: Annotated[
        str, typer.Option(help="Stored documents to measure at, comma-separated.")
    ] = "10000,100000",
    batch: Annotated[int, typer.Option(help="Fresh reports timed at each size.")] = 200,
    full: Annotated[
        bool, typer.Option("--full/--no-full", help="Also time a regroup of every claim.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """A fresh batch (ingest, provenance, claims, incidents; no spaCy) against stores of
    generated reports of each size: time per stage, near-duplicate lookup per document and
    peak memory, with the ratios of the largest size to the smallest."""
    from counterclaim.bench import bench_scale
    from counterclaim.errors import SettingsError

    try:
        counts = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError as exc:
        raise SettingsError(f"--sizes must be whole numbers: {sizes!r}") from exc
    if not counts or min(counts) <= 0 or batch <= 0:
        raise SettingsError("--sizes and --batch must be positive")
    report = bench_scale(counts, batch=batch, full=full)
    if as_json:
        print_json(report.to_dict())
        return
    rows = [
        [
            f"{r.stored:,}",
            f"{r.stored_claims:,}",
            f"{r.ingest_seconds:.2f}",
            f"{r.provenance_seconds:.2f}",
            f"{r.incidents_seconds:.2f}",
            "" if r.full_incidents_seconds is None else f"{r.full_incidents_seconds:.2f}",
            f"{r.lookup_ms_per_doc:.1f} ({r.candidates_per_doc:,.0f})",
            f"{r.peak_rss_mb:.0f}",
        ]
        for r in report.results
    ]
    print_table(
        f"a batch of {report.batch} reports against stores of generated reports",
        [
            "stored docs",
            "claims",
            "ingest s",
            "provenance s",
            "incidents s",
            "full regroup s",
            "lookup ms/doc (candidates)",
            "peak MB",
        ],
        rows,
    )
    ratios = ", ".join(f"{k} {v:.2f}" for k, v in report.ratios().items())
    if ratios:
        console.print(f"largest / smallest: {ratios}", highlight=False)

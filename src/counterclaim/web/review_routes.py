"""API endpoints of the analyst review, the exports and the incident brief.

Writes (``POST``) need the bearer token, like every write of the API, and run one at a time
under the application's write lock; each answers with what the review did
(``counterclaim.review.ReviewResult``). Reads are open: the review history, the exports
(``GET /api/export``, as downloads) and the one-page brief of an incident.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from counterclaim import review
from counterclaim.errors import NotFoundError
from counterclaim.settings import Settings
from counterclaim.store import ClaimFilter, Store

MAX_REVIEW_BODY = 256_000  # bytes: a review is a few fields, never a document
EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "geojson": ("application/geo+json; charset=utf-8", "geojson"),
    "acled": ("text/csv; charset=utf-8", "csv"),
}


class ReviewIn(BaseModel):
    reviewer: str | None = Field(None, description="Who reviews (shown in the history).")
    reason: str = Field("", description="Why, for the history.")


class CorrectIn(ReviewIn):
    changes: dict[str, Any] = Field(
        description="Field → new value: " + ", ".join(review.EDITABLE) + "."
    )


class AddIn(ReviewIn):
    category: str
    evidence: str | None = Field(None, description="The evidence, as the document text has it.")
    span_start: int | None = Field(None, ge=0, description="Where the evidence starts.")
    span_end: int | None = Field(None, ge=0, description="Where it ends.")
    value: int | str | None = None
    value_high: int | str | None = None
    qualifier: str | None = None
    claimant: str | None = None
    target: str | None = None
    target_role: str | None = None
    event_date: str | None = None
    incident: str | None = Field(None, description="Incident id or label; a new label makes one.")
    hedged: bool | None = None
    locations: list[str] | None = None


class MergeActorsIn(ReviewIn):
    source: str = Field(description="Claimant whose column goes.")
    into: str = Field(description="Claimant it is merged into.")
    incident: str | None = Field(None, description="Only the claims of this incident.")


class SplitIn(ReviewIn):
    claim_ids: list[str] = Field(description="Claims that go to the new incident.")
    label: str | None = Field(None, description="The new incident's label.")


class MergeIncidentsIn(ReviewIn):
    other: str = Field(description="Incident (id or label) merged into this one.")


def small_body(request: Request) -> None:
    """A review body over the limit is refused before it is read."""
    from counterclaim.web.app import ApiError

    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_REVIEW_BODY:
        raise ApiError(413, f"request body is {int(declared):,} bytes, over {MAX_REVIEW_BODY:,}")


def register(
    app: FastAPI,
    store: Store,
    settings: Settings,
    require_token: Callable[[Request], None],
    write_lock: threading.Lock,
) -> None:
    """Add the review, export and brief endpoints to ``app``."""
    from counterclaim.web.app import ApiError
    from counterclaim.web.views import knowledge_base

    writes = [Depends(require_token), Depends(small_body)]

    def done(result: review.ReviewResult, status: int = 200) -> JSONResponse:
        from counterclaim.web.views import to_jsonable

        return JSONResponse(to_jsonable(result.to_dict()), status_code=status)

    def kb_files() -> list[Any]:
        import os
        from pathlib import Path

        return [Path(p) for p in str(settings.kb or "").split(os.pathsep) if p.strip()]

    def verdict_route(verdict: Callable[..., review.ReviewResult]) -> Callable[..., JSONResponse]:
        """A route that passes one claim's verdict (accept, reject) to the review stage."""

        def route(claim_id: str, body: ReviewIn | None = None) -> JSONResponse:
            body = body or ReviewIn()
            with write_lock:
                return done(verdict(store, [claim_id], body.reviewer, body.reason))

        return route

    for verb, verdict, summary in (
        ("accept", review.accept, "Accept a claim as the machine made it (needs the token)"),
        ("reject", review.reject, "Reject a claim (needs the token)"),
    ):
        app.post(
            f"/api/claims/{{claim_id}}/{verb}",
            tags=["review"],
            summary=summary,
            dependencies=writes,
            name=f"api_{verb}",
        )(verdict_route(verdict))

    @app.post(
        "/api/claims/{claim_id}/correct",
        tags=["review"],
        summary="Correct fields of a claim (needs the token)",
        dependencies=writes,
    )
    def api_correct(claim_id: str, body: CorrectIn) -> JSONResponse:
        with write_lock:
            result = review.correct(
                store,
                claim_id,
                body.changes,
                body.reviewer,
                body.reason,
                kb=knowledge_base(settings),
            )
        return done(result)

    @app.post(
        "/api/documents/{doc_id}/claims",
        tags=["review"],
        summary="Add a claim the machine missed, by its evidence (needs the token)",
        status_code=201,
        dependencies=writes,
    )
    def api_add(doc_id: str, body: AddIn) -> JSONResponse:
        values = body.model_dump(exclude_none=True, exclude={"reviewer", "reason"})
        with write_lock:
            result = review.add_claim(
                store, doc_id, values, body.reviewer, body.reason, kb=knowledge_base(settings)
            )
        return done(result, 201)

    @app.post(
        "/api/documents/{doc_id}/accept",
        tags=["review"],
        summary="Accept every unreviewed claim of a document (needs the token)",
        dependencies=writes,
    )
    def api_accept_document(doc_id: str, body: ReviewIn | None = None) -> JSONResponse:
        body = body or ReviewIn()
        with write_lock:
            return done(review.accept_document(store, doc_id, body.reviewer, body.reason))

    @app.post(
        "/api/actors/merge",
        tags=["review"],
        summary="Merge two claimant columns into one actor (needs the token)",
        dependencies=writes,
    )
    def api_merge_actors(body: MergeActorsIn) -> JSONResponse:
        files = kb_files()
        if not files:
            raise ApiError(
                400,
                "merging claimants writes an alias into your knowledge-base file, and none "
                "is configured (set the kb setting, e.g. COUNTERCLAIM_KB, and restart)",
            )
        with write_lock:
            result = review.merge_actors(
                store,
                body.source,
                body.into,
                body.reviewer,
                body.reason,
                kb_file=files[0],
                kb_files=files,
                incident=body.incident,
            )
        return done(result)

    @app.post(
        "/api/incidents/{incident_id}/split",
        tags=["review"],
        summary="Move some claims of an incident into a new incident (needs the token)",
        dependencies=writes,
    )
    def api_split(incident_id: str, body: SplitIn) -> JSONResponse:
        with write_lock:
            result = review.split_incident(
                store, incident_id, body.claim_ids, body.reviewer, body.reason, body.label
            )
        return done(result)

    @app.post(
        "/api/incidents/{incident_id}/merge",
        tags=["review"],
        summary="Merge another incident into this one (needs the token)",
        dependencies=writes,
    )
    def api_merge_incidents(incident_id: str, body: MergeIncidentsIn) -> JSONResponse:
        with write_lock:
            result = review.merge_incidents(
                store, incident_id, body.other, body.reviewer, body.reason
            )
        return done(result)

    @app.get("/api/reviews", tags=["review"], summary="Review history, newest first")
    def api_reviews(
        claim: Annotated[str | None, Query(description="One claim's reviews.")] = None,
        doc: Annotated[str | None, Query(description="One document's reviews.")] = None,
        incident: Annotated[str | None, Query(description="One incident's reviews.")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> dict[str, Any]:
        rows = review.history(store, claim_id_=claim, doc_id=doc, incident=incident, limit=limit)
        return {"items": [r.to_dict() for r in rows], "total": len(rows)}

    @app.get(
        "/api/claims/{claim_id}/history",
        tags=["review"],
        summary="A claim's machine version and its reviews",
    )
    def api_claim_history(claim_id: str) -> dict[str, Any]:
        rows = review.history(store, claim_id_=claim_id, limit=None)
        current = None
        try:
            claim = store.claim(claim_id)
            current = review.claim_to_data(claim)
            current["review_status"] = store.review_statuses([claim_id]).get(claim_id)
        except NotFoundError:
            if not rows:
                raise  # never a claim; a rejected one still has its history
        doc_ids = sorted({r.doc_id for r in rows if r.doc_id})
        machine = store.machine_versions(doc_ids).get(claim_id) if doc_ids else None
        return {
            "claim_id": claim_id,
            "current": current,
            "rejected": current is None,
            "machine": (machine or {}).get("data"),
            "reviews": [r.to_dict() for r in rows],
        }

    @app.get(
        "/api/export",
        tags=["exports"],
        summary="Export claims: csv, jsonl, geojson or the ACLED-style table (a download)",
    )
    def api_export(
        format: Annotated[str, Query(description="csv, jsonl, geojson or acled.")] = "csv",
        incident: Annotated[str | None, Query(description="Incident id or label.")] = None,
        claimant: str | None = None,
        category: str | None = None,
    ) -> Response:
        from counterclaim.export import FORMATS, export_claims

        if format not in EXPORT_TYPES:
            raise ApiError(
                400, f"unknown export format {format!r}; valid formats: {', '.join(FORMATS)}"
            )
        incident_id = store.incident(incident).id if incident else None
        out = io.StringIO()
        export_claims(
            store,
            format,
            out,
            ClaimFilter(claimant=claimant, category=category, incident_id=incident_id),
            knowledge_base(settings),
        )
        media, suffix = EXPORT_TYPES[format]
        name = f"counterclaim-{incident_id or 'all'}-{format}.{suffix}"
        return Response(
            out.getvalue(),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get(
        "/api/incidents/{incident_id}/brief",
        tags=["exports"],
        summary="A one-page brief of an incident (md or html)",
    )
    def api_brief(
        incident_id: str,
        format: Annotated[str, Query(pattern="^(md|html)$", description="md or html.")] = "md",
    ) -> Response:
        from counterclaim.brief import incident_brief, render_html, render_markdown

        brief = incident_brief(store, incident_id, settings)
        if format == "html":
            return HTMLResponse(render_html(brief, stylesheet_href="/static/brief.css"))
        return PlainTextResponse(render_markdown(brief), media_type="text/markdown; charset=utf-8")

    @app.get("/incidents/{incident_id}/brief", response_class=HTMLResponse, include_in_schema=False)
    def dashboard_brief(incident_id: str) -> Response:
        from counterclaim.brief import incident_brief, render_html

        brief = incident_brief(store, incident_id, settings)
        return HTMLResponse(render_html(brief, stylesheet_href="/static/brief.css"))

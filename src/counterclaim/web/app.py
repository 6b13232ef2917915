"""The REST API (under /api/) and the dashboard (under /), one FastAPI application.

Read endpoints are open; ``POST /api/documents`` needs the bearer token of the ``api_token``
setting and is refused while no token is configured. Every API error has one shape,
``{"error": {"status": <code>, "message": <text>}}``. Pages are rendered on the server by
Jinja2 with autoescaping; every asset (CSS, script, map outlines) is served from
``static/`` inside the package, so the dashboard works with no internet.

Hardening, for a tool fed hostile text: every response carries a Content-Security-Policy
that allows only this server's own files (no inline script or style on the dashboard), and
X-Frame-Options, X-Content-Type-Options and Referrer-Policy; only http(s) addresses become
links; query values are bounded and NUL characters refused; a request body over
``max_file_bytes`` is refused with 413 as soon as its declared or counted size passes the
limit; posted documents are processed in a worker thread, so reads go on meanwhile.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import secrets
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterclaim import __version__, pipeline
from counterclaim.errors import CounterclaimError, InputError, NotFoundError
from counterclaim.ingest import (
    IngestOptions,
    decode,
    parse_feed,
    parse_html,
    parse_jsonl,
    parse_text,
    sniff_format,
)
from counterclaim.model import CATEGORIES, Document
from counterclaim.settings import Settings
from counterclaim.store import ClaimFilter, Store
from counterclaim.web import review_routes, views

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
DOCS_URL = "/docs"
REDOC_URL = "/redoc"
# Far above any store, and small enough for every database's integer type.
MAX_OFFSET = 2**31 - 1
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CONTENT_KINDS = {
    "text/plain": "text",
    "text/markdown": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "json",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
}

DOCUMENT_IN: dict[str, Any] = {
    "type": "object",
    "description": "One article: 'text' or 'html', with optional metadata.",
    "properties": {
        "text": {"type": "string"},
        "html": {"type": "string"},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "outlet": {"type": "string"},
        "published": {"type": "string", "format": "date"},
        "language": {"type": "string"},
    },
}

LIST_PAGE = 100  # incidents per page of the dashboard's list
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
DateParam = Annotated[
    str | None,
    Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A date, YYYY-MM-DD."),
]


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class SecurityHeaders:
    """Adds the security headers to every response, errors and static files included.

    The API documentation pages (Swagger UI, ReDoc) come from another package: Swagger UI
    starts from an inline script, which the policy of those pages alone allows by its hash,
    and both UIs write styles and ReDoc a search worker at run time, which those pages alone
    allow too. Dashboard pages never get any of it.
    """

    def __init__(self, app: ASGIApp, doc_pages: frozenset[str]) -> None:
        self.app = app
        self.doc_pages = doc_pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in self.doc_pages:
            await self._doc_page(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                add_security_headers(message, CONTENT_SECURITY_POLICY)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _doc_page(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, collect)
        if start is None:
            return
        body = b"".join(chunks)
        hashes = " ".join(f"'{h}'" for h in inline_script_hashes(body))
        policy = CONTENT_SECURITY_POLICY.replace(
            "script-src 'self'", f"script-src 'self' {hashes}".rstrip()
        ).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        policy += "; worker-src 'self' blob:"  # ReDoc's search runs in a worker it builds
        add_security_headers(start, policy)
        await send(start)
        await send({"type": "http.response.body", "body": body})


def add_security_headers(start: Message, policy: str) -> None:
    headers = MutableHeaders(scope=start)
    headers.setdefault("Content-Security-Policy", policy)
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)


_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def inline_script_hashes(html: bytes) -> list[str]:
    """CSP source expressions ('sha256-…') for the inline scripts of a page."""
    return [
        "sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode()
        for script in _INLINE_SCRIPT.findall(html)
    ]


def reject_nul(request: Request) -> None:
    """NUL ends a string in SQLite's LIKE and PostgreSQL refuses it: a filter with one would
    match everything or fail, so it is refused with a clear message instead."""
    if "\x00" in request.scope["path"]:
        raise ApiError(422, "invalid request: the path contains a NUL character (%00)")
    for name, value in request.query_params.multi_items():
        if "\x00" in name or "\x00" in value:
            raise ApiError(
                422, f"invalid request: query parameter {name!r} contains a NUL character (%00)"
            )


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {
        "items": items[offset : offset + limit],
        "total": len(items),
        "limit": limit,
        "offset": offset,
    }


def create_app(store: Store, settings: Settings, *, process_new: bool = True) -> FastAPI:
    """The application over ``store``.

    ``process_new=False`` stores posted documents without running provenance, extraction
    and incidents over them (the CLI's ``ingest --no-process``).
    """
    # FastAPIOffline serves Swagger UI and ReDoc from files inside that package, not a CDN.
    app = FastAPIOffline(
        docs_url=DOCS_URL,
        redoc_url=REDOC_URL,
        dependencies=[Depends(reject_nul)],
        title="counterclaim",
        version=__version__,
        description="Attributed, quantified claims from conflict news reports: who claims "
        "what about each incident. Read endpoints are open; writes need the bearer token "
        "set in the `api_token` setting (COUNTERCLAIM_API_TOKEN).",
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True  # every template, whatever its suffix
    templates.env.globals.update(
        party_colour=views.party_colour,
        party_class=views.party_class,
        party_label=views.party_label,
        version=__version__,
    )
    templates.env.filters["web_link"] = views.web_link
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    doc_pages = {DOCS_URL, REDOC_URL, app.swagger_ui_oauth2_redirect_url}
    app.add_middleware(SecurityHeaders, doc_pages=frozenset(p for p in doc_pages if p))
    # One write at a time: the pipeline over one store is not meant to run twice at once.
    write_lock = threading.Lock()
    # Each incident's matrix, recomputed only when its claims or documents change.
    cache = views.IncidentCache(store, settings)
    app.state.incident_cache = cache

    # -- errors ---------------------------------------------------------------------------
    def wants_json(request: Request) -> bool:
        path = request.url.path
        return path.startswith("/api") or path.startswith("/openapi")

    def error_response(
        request: Request, status: int, message: str, headers: dict[str, str] | None = None
    ) -> Response:
        if wants_json(request):
            return JSONResponse(
                {"error": {"status": status, "message": message}}, status, headers=headers
            )
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
        if exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
            problems.append(f"{where}: {error.get('msg', 'invalid')}")
        return error_response(request, 422, "invalid request: " + "; ".join(problems))

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(CounterclaimError)
    async def _counterclaim_error(request: Request, exc: CounterclaimError) -> Response:
        message = f"{exc} (hint: {exc.hint})" if exc.hint else str(exc)
        return error_response(request, 400, message)

    @app.exception_handler(Exception)
    async def _unexpected_error(request: Request, exc: Exception) -> Response:
        # Outside the middleware stack: the headers are added here, in the one error shape.
        logger.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"error": {"status": 500, "message": "internal error; see the server log"}},
            500,
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY, **SECURITY_HEADERS},
        )

    # -- API: reads -----------------------------------------------------------------------
    @app.get("/api/documents", tags=["documents"], summary="List stored documents")
    def api_documents(
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
        q: Annotated[str | None, Query(description="Text in the title or body.")] = None,
        outlet: str | None = None,
        origin: str | None = None,
        flagged: Annotated[
            bool, Query(description="Only documents flagged for checking (alias conflicts).")
        ] = False,
        failed: Annotated[
            bool,
            Query(description="Only documents whose claims could not be extracted, with why."),
        ] = False,
    ) -> dict[str, Any]:
        if not (q or outlet or origin or flagged or failed):
            docs = store.documents(limit=limit, offset=offset)
            return {
                "items": [d.summary() for d in docs],
                "total": store.document_count(),
                "limit": limit,
                "offset": offset,
            }
        matches = [
            d.summary()
            for d in (
                store.documents(flagged=flagged, failed=failed)
                if flagged or failed
                else store.iter_documents()
            )
            if (not q or q.lower() in f"{d.title or ''}\n{d.text}".lower())
            and (not outlet or (d.outlet or "").lower() == outlet.lower())
            and (
                not origin
                or origin.lower() in {(d.origin or "").lower(), (d.syndicated_from or "").lower()}
            )
        ]
        return page(matches, limit, offset)

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document with its claims")
    def api_document(doc_id: str) -> dict[str, Any]:
        doc = store.document(doc_id)
        claims = store.claims(ClaimFilter(doc_id=doc.id))
        sides = cache.claim_sides(claims)
        return {
            **doc.summary(),
            "text": doc.text,
            "metadata": views.to_jsonable(doc.metadata),
            "duplicates": [d.summary() for d in _duplicates(store, doc) if d.id != doc.id],
            "claims": [views.claim_dict(c, sides.get(c.id)) for c in claims],
        }

    @app.get("/api/claims", tags=["claims"], summary="Search claims")
    def api_claims(
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
        claimant: Annotated[str | None, Query(description="Claimant name (any case).")] = None,
        category: Annotated[str | None, Query(description=", ".join(CATEGORIES))] = None,
        target_side: Annotated[
            str | None, Query(description="Side or role the figure is about: own, opponent, …")
        ] = None,
        incident: Annotated[str | None, Query(description="Incident id or label.")] = None,
        place: Annotated[str | None, Query(description="A place named by the claim.")] = None,
        date_from: DateParam = None,
        date_to: DateParam = None,
        q: Annotated[str | None, Query(description="Text in the evidence or target.")] = None,
    ) -> dict[str, Any]:
        if category and category not in CATEGORIES:
            raise ApiError(
                400, f"unknown category {category!r}; valid categories: {', '.join(CATEGORIES)}"
            )
        incident_id = cache.get(incident).data.incident.id if incident else None
        filters = ClaimFilter(
            claimant=claimant,
            category=category,
            incident_id=incident_id,
            place=place,
            date_from=date_from,
            date_to=date_to,
            text=q,
        )
        if not target_side:
            # The page alone is read and given its sides; the database counts the rest.
            filters.limit, filters.offset = limit, offset
            claims = store.claims(filters)
            sides = cache.claim_sides(claims)
            return {
                "items": [views.claim_dict(c, sides.get(c.id)) for c in claims],
                "total": store.count_claims(filters),
                "limit": limit,
                "offset": offset,
            }
        # The affected side is decided per incident by compare, not stored: filter after.
        claims = store.claims(filters)
        sides = cache.claim_sides(claims)
        items = [views.claim_dict(c, sides.get(c.id)) for c in claims]
        wanted = target_side.lower()
        items = [
            c
            for c in items
            if wanted in {(c["affected_side"] or "").lower(), c["target_role"].lower()}
        ]
        return page(items, limit, offset)

    @app.get("/api/incidents", tags=["incidents"], summary="List incidents")
    def api_incidents(
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
        q: str | None = None,
        party: str | None = None,
        place: str | None = None,
        date_from: DateParam = None,
        date_to: DateParam = None,
    ) -> dict[str, Any]:
        summaries = views.filter_summaries(
            cache.summaries(),
            q=q,
            party=party,
            place=place,
            date_from=date_from,
            date_to=date_to,
        )
        # Only the page shown is laid out: the list may hold tens of thousands of incidents.
        return {
            "items": [s.as_dict() for s in summaries[offset : offset + limit]],
            "total": len(summaries),
            "limit": limit,
            "offset": offset,
        }

    @app.get(
        "/api/incidents/{incident_id}",
        tags=["incidents"],
        summary="One incident with its claims matrix",
    )
    def api_incident(incident_id: str) -> dict[str, Any]:
        entry = cache.get(incident_id)
        if entry.payload is None:
            entry.payload = incident_payload(entry)
        return entry.payload

    def incident_payload(entry: views.CachedIncident) -> dict[str, Any]:
        data, sides = entry.data, entry.sides
        return {
            **entry.summary.as_dict(),
            "matrix": {
                "source": data.matrix.source,
                "claimants": data.matrix.claimants,
                "sides": data.matrix.sides,
                "rows": views.to_jsonable(data.matrix.rows),
                "grades": data.matrix.grades,
            },
            "comparison": (
                data.comparison.to_dict() if hasattr(data.comparison, "to_dict") else None
            ),
            "claims": [views.claim_dict(c, sides.get(c.id)) for c in data.claims],
            "documents": [d.summary() for d in data.docs.values()],
        }

    @app.get("/api/actors", tags=["actors"], summary="Actors and how many claims each makes")
    def api_actors(
        limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, q: str | None = None
    ) -> dict[str, Any]:
        actors = views.actor_index(store.claims(), settings)
        if q:
            # The values only: the JSON text would also match its keys and escapes.
            actors = [a for a in actors if q.lower() in views.searchable_text(a)]
        return page(actors, limit, offset)

    @app.get("/api/places", tags=["places"], summary="Places named by claims, with coordinates")
    def api_places(
        limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, q: str | None = None
    ) -> dict[str, Any]:
        places = views.place_index(store.claims())
        if q:
            places = [p for p in places if q.lower() in p["name"].lower()]
        return page(places, limit, offset)

    # -- API: writes ----------------------------------------------------------------------
    def require_token(request: Request) -> None:
        expected = settings.api_token or ""
        if not expected:
            raise ApiError(
                403,
                "writes are disabled: no API token is configured (set the api_token setting, "
                "e.g. COUNTERCLAIM_API_TOKEN, and restart the server)",
            )
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise ApiError(
                401,
                "missing bearer token: send 'Authorization: Bearer <token>'",
                {"WWW-Authenticate": "Bearer"},
            )
        if not secrets.compare_digest(given.strip().encode(), expected.encode()):
            # Authenticated, but not as anyone allowed to write: 403, not 401
            raise ApiError(403, "invalid bearer token")

    review_routes.register(app, store, settings, require_token, write_lock)

    @app.middleware("http")
    async def refresh_after_write(request: Request, call_next: Any) -> Response:
        # Any write that succeeded (ingest, every review form and API call) brings the
        # matrices up to date before its answer: the writer's next page shows its change.
        response = await call_next(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            await run_in_threadpool(cache.current, wait=True)
        return response

    @app.post(
        "/api/documents",
        tags=["documents"],
        summary="Ingest documents (needs the bearer token)",
        status_code=201,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                DOCUMENT_IN,
                                {"type": "array", "items": DOCUMENT_IN},
                            ]
                        }
                    },
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                    "application/x-ndjson": {"schema": {"type": "string"}},
                    "application/rss+xml": {"schema": {"type": "string"}},
                    "application/atom+xml": {"schema": {"type": "string"}},
                },
            }
        },
    )
    async def api_ingest(request: Request) -> JSONResponse:
        require_token(request)
        body = await read_body(request, settings.max_file_bytes)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        # Parsing and the pipeline are blocking work: on the event loop they would stall
        # every other request until the document is processed.
        return await run_in_threadpool(ingest_upload, body, content_type)

    def ingest_upload(body: bytes, content_type: str) -> JSONResponse:
        parsed = _parse_upload(
            body, content_type, IngestOptions(max_file_bytes=settings.max_file_bytes)
        )
        docs = [p for p in parsed if isinstance(p, Document)]
        failed = [p for p in parsed if isinstance(p, InputError)]
        with write_lock:
            flags = store.add_documents(docs) if docs else []
            store.record_failures((e.source, e.reason) for e in failed)
            new = [d for d, is_new in zip(docs, flags, strict=True) if is_new]
            old = [d for d, is_new in zip(docs, flags, strict=True) if not is_new]
            if not docs:
                reasons = (
                    "; ".join(f"{e.source}: {e.reason}" for e in failed) or "nothing to ingest"
                )
                raise ApiError(400, f"no document could be read: {reasons}")
            processed = None
            processing_error = None
            if new and process_new and hasattr(pipeline, "process"):
                try:
                    processed = pipeline.process(
                        store, settings, show_progress=False, only=[d.id for d in new]
                    )
                except CounterclaimError as exc:
                    # The documents are stored whatever happens next; say why they have no
                    # claims.
                    processing_error = str(exc)
            # Compared now, by the writer: readers after this answer find the matrices ready.
            cache.current(wait=True)
        result = {
            "new": [d.summary() for d in new],
            "already_stored": [d.summary() for d in old],
            "failed": [{"source": e.source, "reason": e.reason} for e in failed],
            "processed": views.to_jsonable(processed),
        }
        if processing_error:
            result["processing_error"] = processing_error
        return JSONResponse(result, status_code=201 if new else 200)

    # -- dashboard ------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard_incidents(
        request: Request,
        q: str | None = None,
        party: str | None = None,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        page: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
    ) -> Response:
        every = cache.summaries()
        matching = views.filter_summaries(
            every,
            q=q or None,
            party=party or None,
            place=place or None,
            date_from=date_from or None,
            date_to=date_to or None,
        )
        parties = sorted({p for s in every for p in s.parties}, key=str.lower)
        # A store of an archive holds tens of thousands of incidents: a page at a time
        first = (page - 1) * LIST_PAGE
        shown = matching[first : first + LIST_PAGE]
        filters = {
            "q": q,
            "party": party,
            "place": place,
            "date_from": date_from,
            "date_to": date_to,
        }
        return templates.TemplateResponse(
            request,
            "incidents.html",
            {
                "summaries": shown,
                "paging": views.list_paging(filters, page, LIST_PAGE, len(matching)),
                "total": len(every),
                "parties": parties,
                "filters": {
                    "q": q or "",
                    "party": party or "",
                    "place": place or "",
                    "date_from": date_from or "",
                    "date_to": date_to or "",
                },
                "map": views.incidents_map(shown),
                "documents": store.document_count(),
            },
        )

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def dashboard_incident(request: Request, incident_id: str) -> Response:
        entry = cache.get(incident_id)
        data = entry.data
        by_doc: dict[str, list[Any]] = {}
        for claim in data.claims:
            by_doc.setdefault(claim.doc_id, []).append(claim)
        articles = [
            {"doc": doc, "segments": views.highlight(doc.text, by_doc.get(doc.id, []))}
            for doc in data.docs.values()
        ]
        return templates.TemplateResponse(
            request,
            "incident.html",
            {
                "data": data,
                "summary": entry.summary,
                "matrix": data.matrix,
                "articles": articles,
                "map": views.claims_map(data.claims),
                "timeline": views.timeline(data.claims, data.docs),
                **views.review_context(store, claims=data.claims, incident=data.incident),
            },
        )

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def dashboard_documents(request: Request, offset: Offset = 0) -> Response:
        docs = store.documents(limit=DEFAULT_LIMIT, offset=offset)
        return templates.TemplateResponse(
            request,
            "documents.html",
            {
                "docs": docs,
                "total": store.document_count(),
                "offset": offset,
                "limit": DEFAULT_LIMIT,
            },
        )

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def dashboard_document(request: Request, doc_id: str) -> Response:
        doc = store.document(doc_id)
        claims = store.claims(ClaimFilter(doc_id=doc.id))
        return templates.TemplateResponse(
            request,
            "document.html",
            {
                "doc": doc,
                "claims": claims,
                "segments": views.highlight(doc.text, claims),
                "duplicates": [d for d in _duplicates(store, doc) if d.id != doc.id],
                "figure": views.figure_text,
                **views.review_context(store, claims=claims, doc_id=doc.id),
            },
        )

    return app


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 once it passes ``limit`` bytes: by its declared
    length before a byte is read, else counted as it arrives, so a huge body is never held
    in memory."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise ApiError(400, f"invalid Content-Length header: {declared[:40]!r}") from None
        if size > limit:
            raise ApiError(413, f"request body is {size:,} bytes, over the limit of {limit:,}")
    chunks: list[bytes] = []
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit:
            raise ApiError(413, f"request body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _duplicates(store: Store, doc: Document) -> list[Document]:
    if not doc.near_duplicate_group:
        return []
    return store.duplicate_groups().get(doc.near_duplicate_group, [])


def _parse_upload(body: bytes, content_type: str, options: IngestOptions) -> list[Any]:
    """Documents (or InputErrors) from a request body, with the CLI's parsers."""
    source = "api"
    try:
        text = decode(source, body)
    except InputError as exc:
        return [exc]
    if not text.strip():
        return [InputError(source, "empty request body")]
    kind = CONTENT_KINDS.get(content_type) or sniff_format(source, text)
    try:
        if kind == "json":
            try:
                payload = json.loads(text)
            except json.JSONDecodeError as exc:
                return [InputError(source, f"malformed JSON: {exc.msg} at line {exc.lineno}")]
            records = payload if isinstance(payload, list) else [payload]
            # One JSON Lines text keeps the CLI's per-record checks and error messages.
            lines = "\n".join(json.dumps(r, default=str) for r in records)
            return list(parse_jsonl(source, lines, options))
        if kind == "jsonl":
            return list(parse_jsonl(source, text, options))
        if kind == "feed":
            return list(parse_feed(source, text, options))
        if kind == "html":
            return [parse_html(source, text, options=options)]
        return [parse_text(source, text, options=options)]
    except InputError as exc:
        return [exc]

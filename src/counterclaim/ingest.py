"""Stage 1, ingest: turn files, folders, globs, feeds and standard input into Documents.

Formats: plain text, HTML (main text by trafilatura), JSON Lines with metadata, RSS/Atom
(feedparser). Page furniture lines are removed, syndication notices become metadata, a
dateline yields place, date and agency. Reading never raises for one bad input: each
failure is returned as an :class:`InputError` naming the source and the reason.
"""

from __future__ import annotations

import glob
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from counterclaim import dates
from counterclaim.errors import InputError
from counterclaim.lexicon import load_data
from counterclaim.model import Document, normalise_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
METADATA_FIELDS = ("url", "title", "outlet", "published", "language")
EARLIEST_PUBLISHED, LATEST_PUBLISHED = 1800, 2200
TEXT_METADATA_FIELDS = ("url", "title", "outlet", "language")

Parsed = Document | InputError


@dataclass
class IngestOptions:
    max_file_bytes: int = 20_000_000
    outlet: str | None = None  # default outlet for documents that name none


@dataclass
class Cleaned:
    text: str
    syndicated_from: str | None = None
    removed_lines: list[str] = field(default_factory=list)
    syndication_notice: str | None = None


# -- reading sources ------------------------------------------------------------------------
def expand_paths(paths: Sequence[str]) -> Iterator[str | InputError]:
    """Files named, files under folders (recursively, known suffixes), glob matches, ``-``."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            found, problems = _walk(path)
            yield from problems
            if not found and not problems:
                yield InputError(raw, "folder holds no .txt, .html, .jsonl or feed files")
            yield from found
        elif path.is_file():
            yield raw
        elif path.is_symlink() or path.exists():
            yield InputError(raw, _not_regular(path))
        elif glob.has_magic(raw):
            matches = sorted(p for p in glob.glob(raw, recursive=True) if Path(p).is_file())
            if not matches:
                yield InputError(raw, "pattern matches no files")
            yield from matches
        else:
            yield InputError(raw, "no such file or folder")


def _walk(folder: Path) -> tuple[list[str], list[InputError]]:
    """Files with a known suffix under ``folder``, and an error for each subfolder that cannot
    be listed and each such name that is not a regular file (reading a FIFO would block)."""
    found: list[str] = []
    problems: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(folder)
        problems.append(InputError(str(where), f"cannot read folder: {exc.strerror}"))

    for parent, _dirs, files in os.walk(folder, onerror=unreadable):
        for name in files:
            path = Path(parent) / name
            if path.suffix.lower() not in KNOWN_SUFFIXES:
                continue
            if path.is_file():
                found.append(str(path))
            else:
                problems.append(InputError(str(path), _not_regular(path)))
    return sorted(found), sorted(problems, key=lambda e: e.source)


def _not_regular(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return "broken symbolic link" if path.is_symlink() else "cannot read"
    kinds = {
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISSOCK: "a socket",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
    }
    kind = next((name for test, name in kinds.items() if test(mode)), "not a file")
    return f"not a regular file: {kind}"


def read_bytes(source: str, options: IngestOptions, stdin: BinaryIO | None = None) -> bytes:
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(options.max_file_bytes + 1)
    else:
        path = Path(source)
        try:
            status = path.stat()
        except OSError as exc:
            raise InputError(source, f"cannot read: {exc.strerror}") from exc
        if not stat.S_ISREG(status.st_mode):
            raise InputError(source, _not_regular(path))
        size = status.st_size
        if size > options.max_file_bytes:
            raise InputError(
                source,
                f"file is {size:,} bytes, over the limit of {options.max_file_bytes:,}",
                hint="raise it with --max-file-bytes",
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(source, f"cannot read: {exc.strerror}") from exc
    if len(data) > options.max_file_bytes:
        raise InputError(source, f"input is over the limit of {options.max_file_bytes:,} bytes")
    return data


def decode(source: str, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"undecodable bytes at offset {exc.start}: not valid UTF-8",
            hint="convert the file to UTF-8",
        ) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise InputError(source, "binary file (control characters), not text")
    return text


def sniff_format(source: str, text: str) -> str:
    suffix = Path(source).suffix.lower() if source != "-" else ""
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = text.lstrip()[:2000].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head):
        return "feed"
    if head.startswith("<") and ("<html" in head or "<!doctype html" in head or "<body" in head):
        return "html"
    return "text"


def read_source(
    source: str, options: IngestOptions | None = None, stdin: BinaryIO | None = None
) -> list[Parsed]:
    """Every document (or error) in one source; never raises for bad input."""
    options = options or IngestOptions()
    try:
        text = decode(source, read_bytes(source, options, stdin))
        kind = sniff_format(source, text)
        if kind == "jsonl":
            return list(parse_jsonl(source, text, options))
        if kind == "feed":
            return list(parse_feed(source, text, options))
        if not text.strip():
            raise InputError(source, "empty file (only whitespace)")
        if kind == "html":
            return [parse_html(source, text, options=options)]
        return [parse_text(source, text, options=options)]
    except InputError as exc:
        return [exc]
    except Exception as exc:
        # A parser library failing on hostile input is that file's error, never the batch's.
        return [unexpected(source, exc)]


def unexpected(source: str, exc: Exception) -> InputError:
    return InputError(source, f"cannot parse: {type(exc).__name__}: {str(exc)[:200]}")


def read_sources(
    paths: Sequence[str], options: IngestOptions | None = None, stdin: BinaryIO | None = None
) -> Iterator[Parsed]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_source(item, options, stdin)


# -- formats --------------------------------------------------------------------------------
def parse_text(
    source: str,
    raw: str,
    *,
    metadata: dict[str, Any] | None = None,
    options: IngestOptions | None = None,
) -> Document:
    """A plain-text article: first line is the title, date lines and datelines are read."""
    options = options or IngestOptions()
    # PostgreSQL text cannot hold U+0000 (a JSON "\u0000" gets past the binary check).
    meta = {
        k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in (metadata or {}).items()
    }
    cleaned = clean_text(raw.replace("\x00", ""))
    text = cleaned.text
    if not text.strip():
        raise InputError(source, "no article text left after removing page furniture")
    lines = text.split("\n")
    title = meta.get("title") or (
        lines[0] if len(lines) > 1 and looks_like_headline(lines[0]) else None
    )
    body_start = len(lines[0]) + 1 if title and lines[0] == title else 0
    dateline = find_dateline(text[body_start:])
    published = _as_date(source, meta.get("published"))
    if published is None:
        published = find_published(text, dateline)
    doc_meta: dict[str, Any] = {"removed_lines": len(cleaned.removed_lines)}
    if cleaned.syndication_notice:
        doc_meta["syndication_notice"] = cleaned.syndication_notice
    if dateline:
        doc_meta["dateline"] = {k: v for k, v in dateline.items() if v}
    extra = {
        k: v for k, v in meta.items() if k not in METADATA_FIELDS and k not in {"text", "html"}
    }
    doc_meta.update(extra)
    return Document(
        text=text,
        url=meta.get("url"),
        title=title,
        outlet=meta.get("outlet") or options.outlet,
        published=published,
        language=meta.get("language") or "en",
        source=source,
        syndicated_from=cleaned.syndicated_from or (dateline or {}).get("agency"),
        dateline_place=(dateline or {}).get("place"),
        body_start=body_start,
        metadata=doc_meta,
    )


def parse_html(
    source: str,
    html: str,
    *,
    metadata: dict[str, Any] | None = None,
    options: IngestOptions | None = None,
) -> Document:
    import trafilatura

    meta = dict(metadata or {})

    def extract(page: str) -> Any:
        return trafilatura.bare_extraction(
            page, url=meta.get("url"), with_metadata=True, include_comments=False, favor_recall=True
        )

    extracted = extract(html)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or len(body.split()) < 5:
        flattened = flatten_deep_html(html)
        if flattened is not None:
            extracted = extract(flattened)
            body = getattr(extracted, "text", None) if extracted is not None else None
    # Fewer than five words is a menu or a caption that the extractor fell back to.
    if not body or len(body.split()) < 5:
        raise InputError(source, "HTML page has no extractable article text")
    for name, attr in (("title", "title"), ("url", "url"), ("outlet", "sitename")):
        value = getattr(extracted, attr, None)
        if value and not meta.get(name):
            meta[name] = value
    page_date = getattr(extracted, "date", None)
    if page_date and not meta.get("published"):
        meta["published"] = page_date
    title = meta.get("title")
    raw = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return parse_text(source, raw, metadata=meta, options=options)


def parse_jsonl(source: str, text: str, options: IngestOptions) -> Iterator[Parsed]:
    any_line = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        any_line = True
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON on line {number}: {exc.msg}")
            continue
        except RecursionError:
            yield InputError(where, f"line {number}: JSON nested too deeply to read")
            continue
        if not isinstance(record, dict):
            yield InputError(where, f"line {number} is not a JSON object")
            continue
        wrong = [k for k in TEXT_METADATA_FIELDS if not _str_or_none(record.get(k))]
        if wrong:
            yield InputError(where, f"line {number}: field {wrong[0]!r} must be a string")
            continue
        try:
            if isinstance(record.get("text"), str) and record["text"].strip():
                yield parse_text(where, record["text"], metadata=record, options=options)
            elif isinstance(record.get("html"), str) and record["html"].strip():
                yield parse_html(where, record["html"], metadata=record, options=options)
            else:
                yield InputError(where, f"line {number} has no non-empty 'text' or 'html' field")
        except InputError as exc:
            yield exc
        except Exception as exc:
            yield unexpected(where, exc)
    if not any_line:
        yield InputError(source, "empty file (only whitespace)")


def parse_feed(source: str, text: str, options: IngestOptions) -> Iterator[Parsed]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "")) or "no entries"
        yield InputError(source, f"feed has no readable entries ({reason})")
        return
    outlet = feed.feed.get("title") or options.outlet
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{number}"
        content = ""
        if entry.get("content"):
            content = entry["content"][0].get("value", "")
        content = content or entry.get("summary", "")
        published = None
        parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed_time:
            published = date(parsed_time.tm_year, parsed_time.tm_mon, parsed_time.tm_mday)
        meta = {
            "url": entry.get("link"),
            "title": entry.get("title"),
            "outlet": outlet,
            "published": published,
        }
        try:
            if "<" in content and ">" in content:
                heading = f"<h1>{entry.get('title', '')}</h1>"
                html = f"<html><body><article>{heading}{content}</article></body></html>"
                yield parse_html(where, html, metadata=meta, options=options)
            elif content.strip():
                body = f"{entry.get('title', '')}\n\n{content}" if entry.get("title") else content
                yield parse_text(where, body, metadata=meta, options=options)
            else:
                yield InputError(where, "feed entry has no text")
        except InputError as exc:
            yield exc
        except Exception as exc:
            yield unexpected(where, exc)


# -- cleaning -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    data = load_data("lexicon/boilerplate.yaml")
    # the furniture patterns as one alternation: a line fully matches it when it fully
    # matches one of them (none has groups or flags of its own), tried in one call per line
    lines = re.compile("|".join(f"(?:{p})" for p in data["lines"]), re.IGNORECASE)
    synd = [re.compile(p, re.IGNORECASE) for p in data["syndication"]]
    return lines, synd


def clean_text(raw: str) -> Cleaned:
    """Remove furniture lines and syndication notices; keep every article line."""
    boiler, synd = _patterns()
    kept: list[str] = []
    removed: list[str] = []
    agency = None
    notice = None
    for line in normalise_text(raw).split("\n"):
        stripped = line.strip()
        stripped_body = (
            stripped[len("disclaimer:") :].strip()
            if stripped.lower().startswith("disclaimer:")
            else stripped
        )
        synd_match = next((m for p in synd if (m := p.fullmatch(stripped_body))), None)
        if synd_match:
            agency = agency or synd_match.group("agency").strip()
            notice = notice or stripped
            removed.append(line)
            continue
        if stripped and len(stripped) < 200 and boiler.fullmatch(stripped):
            removed.append(line)
            continue
        kept.append(line)
    text = normalise_text("\n".join(kept))
    return Cleaned(
        text=text, syndicated_from=agency, removed_lines=removed, syndication_notice=notice
    )


_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "NEW DELHI/ISLAMABAD (Reuters) -": a report filed from two cities; the first is the place
_JOINT = r"(?:/[A-Z][A-Za-z.'’ -]{1,30}?)*"
_DATELINES = [
    # Balochistan [Pakistan], February 2(ANI):   /   NEW DELHI, March 3 (Reuters) -
    re.compile(
        rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}?){_JOINT}(?: \[(?P<country>[^\]]{{2,40}})\])?,\s*"
        rf"(?P<month>{_MONTHS})\s*(?P<day>\d{{1,2}})(?:,?\s*(?P<year>\d{{4}}))?\s*"
        r"\((?P<agency>[A-Za-z][A-Za-z.&' ]{1,20})\)\s*[:–—-]+\s*"
    ),
    # July 10 (UPI) --
    re.compile(
        rf"^(?P<month>{_MONTHS})\s*(?P<day>\d{{1,2}})(?:,?\s*(?P<year>\d{{4}}))?\s*"
        r"\((?P<agency>[A-Za-z][A-Za-z.&' ]{1,20})\)\s*[:–—-]+\s*"
    ),
    # KYIV (Reuters) -   /  GAZA CITY, (AFP) –   /  SRINAGAR, India (AA) –
    re.compile(
        r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)"
        + _JOINT
        + r"(?:,\s*(?P<country>[A-Z][A-Za-z.'’ -]{1,30}?))?"
        r",?\s*\((?P<agency>[A-Za-z][A-Za-z.&' ]{1,20})\)\s*[:–—-]+\s*"
    ),
    # ATHENS –   /  Khartoum:
    re.compile(r"^(?P<place>[A-Z][A-Z .'’-]{2,30}[A-Z])\s+[–—-]+\s+(?=.{60})"),
    re.compile(r"^(?P<place>[A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20})?):\s+(?=[A-Z])"),
]


def looks_like_headline(line: str) -> bool:
    """A first line that is a title rather than the article's opening sentence."""
    line = line.strip()
    return 0 < len(line) < 250 and not re.search(r"[.!?:;,]['\"”’]?$", line)


# A character each pattern of _DATELINES needs (any one of them): a paragraph without skips
# the pattern, whose place names are tried at every length up to 40 before it fails
_DATELINE_NEEDS = ("(", "(", "(", "–—-", ":")


def find_dateline(body: str) -> dict[str, Any] | None:
    """Place, month, day, year and agency of a dateline opening one of the first paragraphs."""
    for paragraph in [p for p in body.split("\n") if p.strip()][:6]:
        stripped = paragraph.strip()
        for pattern, needs in zip(_DATELINES, _DATELINE_NEEDS, strict=True):
            if not any(char in stripped for char in needs):
                continue
            match = pattern.match(stripped)
            if match:
                found = {k: v for k, v in match.groupdict().items() if v}
                found["length"] = match.end()
                return found
    return None


_WEATHER_READING = re.compile(r"^\s*-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]\s*$")


def _in_site_banner(lines: list[str], number: int) -> bool:
    """A date beside a weather reading ("18.1 C") is the site's banner of today's date,
    not the article's (ANNOTATION.md, "Text that is not the article")."""
    near = lines[max(0, number - 3) : number + 3]
    return any(_WEATHER_READING.match(line) for line in near)


def find_published(text: str, dateline: dict[str, Any] | None) -> date | None:
    """A publication date stated in the page header, or a dateline's date with its year."""
    header = text.split("\n")[:15]
    found = None
    for number, line in enumerate(header):
        candidate = dates.parse_date_line(line)
        if candidate is not None and not _in_site_banner(header, number):
            found = candidate  # the last header date sits closest to the body: the byline
    if found is not None:
        return found
    if dateline and dateline.get("month") and dateline.get("day"):
        month = dates.month_number(dateline["month"])
        day = int(dateline["day"])
        year = int(dateline["year"]) if dateline.get("year") else dates.infer_year(month, day, text)
        if month and year:
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def _as_date(source: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    parsed = value if isinstance(value, date) else dates.parse_iso_or_text(str(value))
    if parsed is None:
        raise InputError(source, f"cannot read published date {value!r}")
    if not (EARLIEST_PUBLISHED <= parsed.year <= LATEST_PUBLISHED):
        # Date arithmetic around a year 9999 overflows; no news report is dated so.
        raise InputError(
            source, f"published date {value!r} is outside {EARLIEST_PUBLISHED}-{LATEST_PUBLISHED}"
        )
    return parsed


def _str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def documents_from(parsed: Iterable[Parsed]) -> tuple[list[Document], list[InputError]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in parsed:
        (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return docs, errors


# libxml2's HTML parser stops at 256 nested elements and drops what lies deeper; wrappers
# beyond this depth are removed (their text kept) so the article inside is still read.
MAX_HTML_DEPTH = 200
_VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # tag, whether it was written
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID_ELEMENTS:
            self.out.append(text)
            return
        keep = len(self.open) < MAX_HTML_DEPTH
        self.open.append((tag, keep))
        self.deepest = max(self.deepest, len(self.open))
        if keep:
            self.out.append(text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                written = self.open[index][1]
                del self.open[index:]
                if written:
                    self.out.append(f"</{tag}>")
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        pass

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def flatten_deep_html(html: str) -> str | None:
    """``html`` without the elements nested deeper than ``MAX_HTML_DEPTH``, or None when it
    is not nested that deep (nothing to retry)."""
    parser = _Flattener()
    parser.feed(html)
    parser.close()
    if parser.deepest <= MAX_HTML_DEPTH:
        return None
    return "".join(parser.out)

"""Property tests: the reader never raises, whatever the bytes, and always names the file.

A bounded slice of scripts/fuzz_ingest.py (which runs thousands of inputs end to end, not in
CI). Every text here is generated.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterclaim.errors import InputError
from counterclaim.ingest import read_source
from counterclaim.model import Document

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl", ".rss", ".xml", ".md", ""])
ARTICLE = (
    "Artillery fire hit a market in Avdiivka on Friday and killed five shoppers, the town's "
    "military administration said."
)


def read(tmp_path: Path, name: str, data: bytes) -> list[Document | InputError]:
    path = tmp_path / name
    path.write_bytes(data)
    items = read_source(str(path))
    assert items, "every input yields a document or an error"
    for item in items:
        if isinstance(item, Document):
            assert item.text.strip()
        else:
            assert isinstance(item, InputError)
            assert item.source.startswith(str(path)) and item.reason
    return items


@FUZZ
@given(data=st.binary(max_size=4000), suffix=SUFFIXES)
def test_any_bytes_give_documents_or_named_errors(tmp_path: Path, data: bytes, suffix: str) -> None:
    read(tmp_path, f"input{suffix}", data)


@FUZZ
@given(text=st.text(max_size=3000), suffix=SUFFIXES)
def test_any_text_gives_documents_or_named_errors(tmp_path: Path, text: str, suffix: str) -> None:
    read(tmp_path, f"input{suffix}", text.encode("utf-8", "surrogatepass"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
FIELDS = st.sampled_from(["text", "html", "title", "url", "outlet", "published", "language", "x"])


@FUZZ
@given(records=st.lists(st.dictionaries(FIELDS, JSON_VALUES, max_size=5), max_size=5))
def test_jsonl_with_odd_fields_reads_every_good_line(
    tmp_path: Path, records: list[dict[str, object]]
) -> None:
    good = {"text": ARTICLE, "published": "2024-02-16"}
    lines = [json.dumps(r) for r in records] + [json.dumps(good)]
    items = read(tmp_path, "feed.jsonl", "\n".join(lines).encode())
    assert isinstance(items[-1], Document) and items[-1].source.endswith(f":{len(lines)}")


@FUZZ
@given(
    tags=st.lists(st.sampled_from(["div", "span", "section", "b", "td"]), min_size=1, max_size=4),
    depth=st.integers(min_value=0, max_value=1500),
    closed=st.booleans(),
)
def test_article_is_read_at_any_nesting_depth(
    tmp_path: Path, tags: list[str], depth: int, closed: bool
) -> None:
    opening = "".join(f"<{tags[i % len(tags)]}>" for i in range(depth))
    closing = "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth)))
    html = f"<html><body>{opening}<p>{ARTICLE}</p>{closing if closed else ''}</body></html>"
    (item,) = read(tmp_path, "page.html", html.encode())
    assert isinstance(item, Document) and "killed five shoppers" in item.text

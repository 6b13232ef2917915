"""Ingest: every input format, page furniture, datelines, idempotency and each bad input.

All article texts here are written for these tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner, Result

from counterclaim import pipeline
from counterclaim.cli import app
from counterclaim.errors import InputError
from counterclaim.ingest import (
    IngestOptions,
    clean_text,
    documents_from,
    find_dateline,
    parse_jsonl,
    read_source,
    read_sources,
)
from counterclaim.model import Document, document_id, normalise_text
from counterclaim.settings import load_settings
from counterclaim.store import Store

SUDAN = (
    "Drones hit Port Sudan fuel depot\n\n"
    "PORT SUDAN, May 6 (Nile Ledger) - Drones struck the main fuel depot of Port Sudan early "
    "on Tuesday, the army said, adding that its air defences shot down 11 of the aircraft.\n\n"
    "A port official said two workers were wounded.\n"
)
KASHMIR = (
    "Encounter in Kupwara\n\n"
    "Police said three militants were killed in a gunfight in Kupwara district on Sunday, "
    "while one soldier was injured.\n"
)
MYANMAR = (
    "Resistance says it captured a hilltop base\n\n"
    "An ethnic armed group said its fighters captured 24 soldiers when they overran a hilltop "
    "base in northern Shan State; the military did not comment.\n"
)

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drone strikes hit Port Sudan fuel depot | Nile Ledger</title>
<meta property="og:title" content="Drone strikes hit Port Sudan fuel depot">
<meta property="og:site_name" content="Nile Ledger">
<meta property="article:published_time" content="2025-05-06T08:30:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Drone strikes hit Port Sudan fuel depot</h1>
<p>Drones struck the main fuel depot of Port Sudan early on Tuesday, the army said, adding
that its air defences shot down 11 of the aircraft before they reached the harbour.</p>
<p>The paramilitary Rapid Support Forces did not comment on the attack, which sent a column
of black smoke over the Red Sea city for most of the morning.</p>
<p>A port official said two workers were wounded and that fire crews were still trying to
contain the blaze by the afternoon.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Football results from the weekend</a></li></ul>
</aside>
<footer><p>Privacy policy</p></footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Monitor</title><link>https://example.org</link>
<description>news</description>
<item><title>Convoy ambushed near Menaka</title><link>https://example.org/menaka</link>
<pubDate>Mon, 10 Mar 2025 09:00:00 GMT</pubDate>
<description>The army said 9 soldiers were killed when a convoy was ambushed near Menaka;
the militants claimed 20.</description></item>
<item><title>Drone strike in Kidal</title><link>https://example.org/kidal</link>
<pubDate>Tue, 11 Mar 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;A drone strike near Kidal killed 6 people, a local official said on
Tuesday, while the rebels put the toll at 8 and said it hit a market.&lt;/p&gt;</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kivu Wire</title><id>urn:kivu</id>
<updated>2025-01-28T00:00:00Z</updated>
<entry><title>M23 claims Goma airport</title><id>urn:1</id>
<link href="https://example.org/goma"/><updated>2025-01-28T07:00:00Z</updated>
<content type="text">M23 said it had taken control of Goma airport; the army said fighting
went on in the city and 13 peacekeepers had been killed in the week.</content></entry>
</feed>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_doc(parsed: list[Document | InputError]) -> Document:
    assert len(parsed) == 1, parsed
    (item,) = parsed
    assert isinstance(item, Document), item
    return item


def only_error(parsed: list[Document | InputError]) -> InputError:
    assert len(parsed) == 1, parsed
    (item,) = parsed
    assert isinstance(item, InputError), item
    return item


def store_at(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'ingest.db'}")


def run_cli(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["ingest", "--no-process", *args], input=stdin)


# -- formats ----------------------------------------------------------------------------------
def test_plain_text_title_body_and_dateline(tmp_path: Path) -> None:
    doc = only_doc(read_source(str(write(tmp_path, "sudan.txt", SUDAN))))
    assert doc.title == "Drones hit Port Sudan fuel depot"
    assert doc.text.startswith("Drones hit Port Sudan fuel depot\n")
    assert doc.text[doc.body_start :].lstrip().startswith("PORT SUDAN, May 6")
    assert "two workers were wounded" in doc.text
    assert doc.dateline_place == "PORT SUDAN"
    assert doc.syndicated_from == "Nile Ledger"
    assert doc.source.endswith("sudan.txt")


def test_html_main_text_and_date_from_page_meta(tmp_path: Path) -> None:
    doc = only_doc(read_source(str(write(tmp_path, "page.html", ARTICLE_PAGE))))
    assert doc.title == "Drone strikes hit Port Sudan fuel depot"
    assert doc.published == date(2025, 5, 6)
    assert doc.outlet == "Nile Ledger"
    assert "shot down 11 of the aircraft" in doc.text
    assert "contain the blaze" in doc.text
    for furniture in ("Home", "Sport", "Football results", "Privacy policy"):
        assert furniture not in doc.text


def test_html_recognised_without_a_suffix(tmp_path: Path) -> None:
    doc = only_doc(read_source(str(write(tmp_path, "page", ARTICLE_PAGE))))
    assert doc.published == date(2025, 5, 6)
    assert "<p>" not in doc.text


def test_jsonl_with_metadata(tmp_path: Path) -> None:
    lines = [
        {
            "text": KASHMIR,
            "url": "https://example.org/kupwara",
            "outlet": "Valley Post",
            "published": "2025-04-06",
            "language": "en",
            "section": "Kashmir",
        },
        {"title": "Overrun base", "text": MYANMAR, "published": "6 April 2025"},
        {
            "html": "<html><body><article><p>The Houthis said they fired four missiles at "
            "ships in the Red Sea; the navy said all were intercepted.</p></article></body>"
            "</html>",
            "outlet": "Gulf Desk",
        },
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    docs, errors = documents_from(read_source(str(path)))
    assert errors == []
    kashmir, myanmar, yemen = docs
    assert kashmir.url == "https://example.org/kupwara"
    assert kashmir.outlet == "Valley Post"
    assert kashmir.published == date(2025, 4, 6)
    assert kashmir.metadata["section"] == "Kashmir"  # unknown fields kept as metadata
    assert kashmir.title == "Encounter in Kupwara"
    assert kashmir.source.endswith("batch.jsonl:1")
    assert myanmar.title == "Overrun base"
    assert myanmar.published == date(2025, 4, 6)
    assert yemen.outlet == "Gulf Desk"
    assert "four missiles" in yemen.text
    assert yemen.source.endswith("batch.jsonl:3")


def test_rss_feed_items(tmp_path: Path) -> None:
    docs, errors = documents_from(read_source(str(write(tmp_path, "sahel.rss", RSS))))
    assert errors == []
    assert [d.title for d in docs] == ["Convoy ambushed near Menaka", "Drone strike in Kidal"]
    assert [d.published for d in docs] == [date(2025, 3, 10), date(2025, 3, 11)]
    assert {d.outlet for d in docs} == {"Sahel Monitor"}
    assert docs[0].url == "https://example.org/menaka"
    assert "9 soldiers were killed" in docs[0].text
    assert "put the toll at 8" in docs[1].text and "<p>" not in docs[1].text
    assert docs[1].source.endswith("sahel.rss#2")


def test_atom_feed_entries(tmp_path: Path) -> None:
    doc = only_doc(read_source(str(write(tmp_path, "kivu.xml", ATOM))))
    assert doc.title == "M23 claims Goma airport"
    assert doc.outlet == "Kivu Wire"
    assert doc.published == date(2025, 1, 28)
    assert doc.url == "https://example.org/goma"
    assert "13 peacekeepers" in doc.text


def test_folders_are_read_recursively_with_known_suffixes(tmp_path: Path) -> None:
    write(tmp_path, "in/a.txt", SUDAN)
    write(tmp_path, "in/deeper/still/b.txt", KASHMIR)
    write(tmp_path, "in/deeper/c.jsonl", json.dumps({"text": MYANMAR}) + "\n")
    write(tmp_path, "in/notes.csv", "not,an,article\n")
    write(tmp_path, "in/image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    docs, errors = documents_from(read_sources([str(tmp_path / "in")]))
    assert errors == []
    assert sorted(d.title for d in docs) == sorted(
        ["Drones hit Port Sudan fuel depot", "Encounter in Kupwara", MYANMAR.split("\n")[0]]
    )


def test_empty_folder_and_missing_path_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _, errors = documents_from(read_sources([str(tmp_path / "empty"), str(tmp_path / "nope")]))
    assert [e.reason for e in errors] == [
        "folder holds no .txt, .html, .jsonl or feed files",
        "no such file or folder",
    ]


def test_globs(tmp_path: Path) -> None:
    write(tmp_path, "a/one.txt", SUDAN)
    write(tmp_path, "a/two.txt", KASHMIR)
    write(tmp_path, "a/b/three.txt", MYANMAR)
    docs, _ = documents_from(read_sources([str(tmp_path / "a" / "*.txt")]))
    assert len(docs) == 2
    docs, _ = documents_from(read_sources([str(tmp_path / "**" / "*.txt")]))
    assert len(docs) == 3
    _, errors = documents_from(read_sources([str(tmp_path / "*.nothing")]))
    assert errors[0].reason == "pattern matches no files"


def test_standard_input_through_the_cli(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    result = run_cli("-", "--db", db, "--json", stdin=KASHMIR)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 1
    (doc,) = Store(db).documents()
    assert doc.source == "-"
    assert doc.title == "Encounter in Kupwara"
    jsonl = json.dumps({"text": MYANMAR, "outlet": "Irrawaddy Desk"}) + "\n"
    result = run_cli("-", "--db", db, "--json", stdin=jsonl)
    assert json.loads(result.stdout)["new"] == 1
    assert {d.outlet for d in Store(db).documents()} == {None, "Irrawaddy Desk"}


def test_outlet_option_fills_documents_that_name_none(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    path = write(tmp_path, "k.txt", KASHMIR)
    assert run_cli(str(path), "--db", db, "--outlet", "Valley Post").exit_code == 0
    assert Store(db).documents()[0].outlet == "Valley Post"


# -- page furniture and syndication ------------------------------------------------------------
FURNITURE = [
    "Also Read: Ten things to know about the ceasefire",
    "ALSO READ | Army chief visits Quetta",
    "Read more: What the truce means for Rafah",
    "Share This Article",
    "Share on WhatsApp",
    "Leave a comment",
    "Leave a Reply",
    "Comments are closed.",
    "Exit mobile version",
    "We use cookies to improve your experience on our site.",
    "Accept all cookies",
    "Cookie policy",
    "Subscribe to our newsletter",
    "3 min read",
    "Advertisement",
    "Skip to main content",
    "Follow us on Telegram",
]
ARTICLE_LINES = [
    "Gunmen attacked a checkpoint in Kech district on Saturday, officials said.",
    "The group said in a statement that its fighters killed 12 soldiers; the army said 3 died.",
    "Residents said they had read more than a dozen leaflets left at the scene.",  # "read more"
    "Officials urged people to share this information with relatives in Turbat.",
    "A commander said fighters would leave a small unit to hold the pass.",
    "He said the comments are closed to the press until Monday's briefing.",
    "Aid groups said cookies and bread were among the supplies that reached Gaza City.",
]


def test_furniture_lines_removed_and_every_article_line_kept() -> None:
    mixed = []
    for i, line in enumerate(ARTICLE_LINES):
        mixed.append(line)
        mixed.append(FURNITURE[i % len(FURNITURE)])
    mixed.extend(FURNITURE)
    cleaned = clean_text("\n".join(mixed))
    assert cleaned.text.split("\n") == ARTICLE_LINES
    assert set(cleaned.removed_lines) == set(FURNITURE)


@pytest.mark.parametrize(
    ("notice", "agency"),
    [
        (
            "Disclaimer: This story is auto-generated from a syndicated feed of ANI; the "
            "outlet takes no responsibility for its content.",
            "ANI",
        ),
        ("This story has been published via the syndicated feed of PTI.", "PTI"),
        ("Distributed by Agence Presse Express.", "Agence Presse Express"),
    ],
)
def test_syndication_notice_removed_and_kept_as_metadata(
    tmp_path: Path, notice: str, agency: str
) -> None:
    text = f"Balochistan attacks\n\n{ARTICLE_LINES[0]}\n{ARTICLE_LINES[1]}\n\n{notice}\n"
    doc = only_doc(read_source(str(write(tmp_path, "synd.txt", text))))
    assert doc.syndicated_from == agency
    assert notice not in doc.text
    assert "syndicated feed" not in doc.text and "Distributed by" not in doc.text
    assert doc.metadata["syndication_notice"] == notice
    assert doc.text.endswith(ARTICLE_LINES[1])


def test_removed_line_count_is_recorded(tmp_path: Path) -> None:
    text = "Kupwara\n\n" + ARTICLE_LINES[0] + "\nShare This Article\nLeave a comment\n"
    doc = only_doc(read_source(str(write(tmp_path, "f.txt", text))))
    assert doc.metadata["removed_lines"] == 2


# -- datelines --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "Balochistan [Pakistan], February 2(ANI): The group said its fighters attacked.",
            {
                "place": "Balochistan",
                "country": "Pakistan",
                "month": "February",
                "day": "2",
                "agency": "ANI",
            },
        ),
        (
            "NEW DELHI, March 3 (Reuters) - Officials said the talks would resume.",
            {"place": "NEW DELHI", "month": "March", "day": "3", "agency": "Reuters"},
        ),
        (
            "Quetta, Feb. 2, 2025 (AFP) — Officials said eleven people were hurt.",
            {"place": "Quetta", "month": "Feb.", "day": "2", "year": "2025", "agency": "AFP"},
        ),
        (
            "July 10 (UPI) -- The ministry said the ship had been struck twice.",
            {"month": "July", "day": "10", "agency": "UPI"},
        ),
        (
            "KYIV (Reuters) - Air defences downed most drones.",
            {"place": "KYIV", "agency": "Reuters"},
        ),
        ("GAZA CITY, (AFP) – Strikes hit two houses.", {"place": "GAZA CITY", "agency": "AFP"}),
        (
            "SRINAGAR, India (AA) – Militants ambushed an army convoy.",
            {"place": "SRINAGAR", "country": "India", "agency": "AA"},
        ),
        (
            "CULIACAN, Mexico (AP) — Gunmen clashed with soldiers overnight.",
            {"place": "CULIACAN", "country": "Mexico", "agency": "AP"},
        ),
        (
            "KHARTOUM – The army said on Sunday that its forces had retaken the bridge.",
            {"place": "KHARTOUM"},
        ),
        ("Goma: Rebels said they had taken the airport.", {"place": "Goma"}),
        # filed from two cities: the first is the place
        (
            "NEW DELHI/ISLAMABAD (Reuters) - India said its strikes hit nine sites.",
            {"place": "NEW DELHI", "agency": "Reuters"},
        ),
        (
            "KYIV/MOSCOW, May 7 (Reuters) - Drones struck an oil depot overnight.",
            {"place": "KYIV", "month": "May", "day": "7", "agency": "Reuters"},
        ),
    ],
)
def test_dateline_shapes(opening: str, expected: dict[str, str]) -> None:
    found = find_dateline(opening)
    assert found is not None
    found.pop("length")
    assert found == expected


@pytest.mark.parametrize(
    "opening",
    [
        "The army said on Sunday that 4 soldiers were killed.",
        "Officials in Sanaa said the port was hit three times.",
        "",
    ],
)
def test_no_dateline_in_plain_openings(opening: str) -> None:
    assert find_dateline(opening) is None


def test_dateline_gives_place_date_and_agency(tmp_path: Path) -> None:
    text = (
        "Attacks in Balochistan\n\n"
        "Balochistan [Pakistan], February 2(ANI): The separatist group said on Saturday "
        "(Feb 1) that its fighters had attacked several posts; officials gave a lower figure.\n"
    )
    doc = only_doc(read_source(str(write(tmp_path, "ani.txt", text))))
    assert doc.dateline_place == "Balochistan"
    assert doc.syndicated_from == "ANI"
    # Saturday, 1 February falls in 2025: the dateline's year comes from the weekday.
    assert doc.published == date(2025, 2, 2)
    assert doc.metadata["dateline"]["country"] == "Pakistan"


def test_header_date_line_is_the_publication_date(tmp_path: Path) -> None:
    text = "Sudan talks stall\nWednesday, February 05, 2025\n\nThe envoy said talks had stalled.\n"
    doc = only_doc(read_source(str(write(tmp_path, "d.txt", text))))
    assert doc.published == date(2025, 2, 5)


# -- idempotency ------------------------------------------------------------------------------
def test_same_text_twice_is_stored_once(tmp_path: Path) -> None:
    write(tmp_path, "a/one.txt", SUDAN)
    write(tmp_path, "a/copy.txt", SUDAN)
    write(tmp_path, "a/spaced.txt", "  " + SUDAN.replace(" ", "  ").replace("\n", " \r\n"))
    store = store_at(tmp_path)
    first = pipeline.ingest(store, [str(tmp_path / "a")])
    assert (len(first.new), len(first.already_stored), len(first.failed)) == (1, 2, 0)
    second = pipeline.ingest(store, [str(tmp_path / "a")])
    assert (len(second.new), len(second.already_stored)) == (0, 3)
    assert store.document_count() == 1


def test_ingest_cli_twice(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    write(tmp_path, "in/a.txt", SUDAN)
    write(tmp_path, "in/b.txt", KASHMIR)
    first = run_cli(str(tmp_path / "in"), "--db", db, "--json")
    assert json.loads(first.stdout) == {"new": 2, "already_stored": 0, "failed": 0, "failures": []}
    second = run_cli(str(tmp_path / "in"), "--db", db)
    assert second.exit_code == 0
    assert "new: 0, already stored: 2, failed: 0" in second.stdout


# -- bad inputs -------------------------------------------------------------------------------
BAD_INPUTS = [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ("controls.txt", bytes(range(1, 32)) * 4, "binary file"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\t\n  \r\n", "empty file"),
    ("latin1.txt", "Caf\xe9 hit in Kharkiv".encode("latin-1"), "undecodable bytes at offset 3"),
    ("furniture.txt", b"Share This Article\nLeave a comment\n", "no article text left"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no extractable"),
    ("script.html", b"<html><body><script>var x = 1;</script></body></html>", "no extractable"),
    ("blank.jsonl", b"\n\n", "empty file"),
    ("nothing.rss", b"<rss version='2.0'><channel><title>x</title></channel></rss>", "no readable"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_INPUTS)
def test_bad_input_reported_with_file_and_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    error = only_error(read_source(str(write(tmp_path, name, content))))
    assert error.source.endswith(name)
    assert reason in error.reason
    assert name in str(error)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", SUDAN * 20)
    error = only_error(read_source(str(path), IngestOptions(max_file_bytes=1000)))
    assert "over the limit of 1,000" in error.reason
    assert error.hint and "--max-file-bytes" in error.hint
    assert isinstance(
        only_doc(read_source(str(path), IngestOptions(max_file_bytes=10**6))), Document
    )


def test_standard_input_over_the_size_limit(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    result = run_cli("-", "--db", db, "--max-file-bytes", "100", stdin=SUDAN * 5)
    assert result.exit_code == 1
    assert "-: input is over the limit of 100 bytes" in result.output


def test_malformed_json_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    content = "\n".join(
        [
            json.dumps({"text": KASHMIR}),
            '{"text": "unterminated',
            "",
            "[1, 2, 3]",
            json.dumps({"title": "no body"}),
            json.dumps({"text": "   "}),
            json.dumps({"text": MYANMAR, "published": "the day after the storm"}),
            json.dumps({"text": SUDAN, "language": ["en", "ar"]}),
            json.dumps({"text": MYANMAR}),
        ]
    )
    docs, errors = documents_from(read_source(str(write(tmp_path, "mixed.jsonl", content))))
    assert [d.title for d in docs] == ["Encounter in Kupwara", MYANMAR.split("\n")[0]]
    by_line = {e.source.rsplit(":", 1)[1]: e.reason for e in errors}
    assert by_line["2"].startswith("malformed JSON on line 2")
    assert by_line["4"] == "line 4 is not a JSON object"
    assert by_line["5"] == "line 5 has no non-empty 'text' or 'html' field"
    assert by_line["6"] == "line 6 has no non-empty 'text' or 'html' field"
    assert "cannot read published date" in by_line["7"]
    assert "'language' must be a string" in by_line["8"]
    assert all(e.source.startswith(str(tmp_path)) for e in errors)


def test_cli_reports_every_bad_file_and_still_stores_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "good-1.txt", SUDAN)
    write(folder, "good-2.jsonl", json.dumps({"text": KASHMIR}) + "\n{broken\n")
    for name, content, _ in BAD_INPUTS:
        write(folder, name, content)
    big = write(folder, "huge.txt", MYANMAR * 200)
    db = f"sqlite:///{tmp_path / 'cc.db'}"
    result = run_cli(str(folder), "--db", db, "--max-file-bytes", str(big.stat().st_size - 1))
    assert result.exit_code == 1
    output = result.output
    for name, _, reason in BAD_INPUTS:
        assert f"{name}: " in output, name
        assert reason in output, reason
    assert "huge.txt: file is" in output
    assert "good-2.jsonl:2: malformed JSON on line 2" in output
    assert f"new: 2, already stored: 0, failed: {len(BAD_INPUTS) + 2}" in output
    store = Store(db)
    assert store.document_count() == 2
    failed_sources = {Path(s.split(":")[0]).name for s, _ in store.failures()}
    assert "photo.txt" in failed_sources and "huge.txt" in failed_sources


def test_interrupted_batch_leaves_no_half_written_document(tmp_path: Path) -> None:
    for i, text in enumerate([SUDAN, KASHMIR, MYANMAR]):
        write(tmp_path, f"in/{i}.txt", text)
    docs, _ = documents_from(read_sources([str(tmp_path / "in")]))
    store = store_at(tmp_path)
    broken = Document(text="A dispatch from Marib whose text is lost before it is stored.")
    broken.text = None  # type: ignore[assignment]  # NOT NULL fails after earlier rows went in
    with pytest.raises(IntegrityError):
        store.add_documents([docs[0], docs[1], broken, docs[2]])
    assert store.document_count() == 0
    report = pipeline.ingest(store, [str(tmp_path / "in")], load_settings({}, batch_size=2))
    assert len(report.new) == 3
    assert store.document_count() == 3


def test_nul_characters_from_json_do_not_reach_the_store(tmp_path: Path) -> None:
    line = json.dumps(
        {"text": "Gaza: the ministry said 7 people\u0000 were killed.", "title": "T\u0000"}
    )
    doc = only_doc(read_source(str(write(tmp_path, "nul.jsonl", line))))
    assert "\x00" not in doc.text and "\x00" not in (doc.title or "")


# -- properties -------------------------------------------------------------------------------
@given(st.text())
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


words = st.lists(
    st.text(st.characters(categories=["L", "N", "P"]), min_size=1, max_size=12),
    min_size=1,
    max_size=30,
)
gaps = st.sampled_from([" ", "  ", "\t", " \t ", "\u00a0"])
line_ends = st.sampled_from(["\n", "\r\n", "\r", " \n", "\t\r\n"])


@given(words, st.data())
def test_document_id_is_stable_under_whitespace_changes(
    tokens: list[str], data: st.DataObject
) -> None:
    plain = " ".join(tokens)
    lines = [tokens[i : i + 5] for i in range(0, len(tokens), 5)]
    plain = "\n".join(" ".join(line) for line in lines)
    messy = data.draw(st.sampled_from(["", " ", "\n", "\t \n"])) + "".join(
        data.draw(gaps).join(line) + data.draw(line_ends) for line in lines
    )
    assert document_id(messy) == document_id(plain)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)
records = st.dictionaries(
    st.sampled_from(["text", "html", "title", "url", "outlet", "published", "language", "x"]),
    json_values | st.text(min_size=1),
    max_size=6,
)
jsonl_lines = st.one_of(st.text(), records.map(json.dumps), json_values.map(json.dumps))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(jsonl_lines, max_size=6))
def test_jsonl_reader_never_raises(lines: list[str]) -> None:
    parsed = list(parse_jsonl("feed.jsonl", "\n".join(lines), IngestOptions()))
    assert parsed
    for item in parsed:
        assert isinstance(item, Document | InputError)
        if isinstance(item, Document):
            assert item.text.strip()
            for name in ("url", "title", "outlet", "language"):
                assert getattr(item, name) is None or isinstance(getattr(item, name), str)
            assert item.published is None or isinstance(item.published, date)
        else:
            assert item.source.startswith("feed.jsonl")


# -- special files, unreadable folders, deep HTML ------------------------------------------
GAO = (
    "Convoy ambushed near Gao\n\n"
    "Gunmen ambushed a supply convoy east of Gao on Thursday and killed six drivers, a "
    "regional transport official told reporters.\n"
)


def test_fifo_is_reported_as_not_a_regular_file_and_never_read(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    (tmp_path / "gao.txt").write_text(GAO, encoding="utf-8")
    named = list(read_sources([str(pipe)]))
    in_folder = list(read_sources([str(tmp_path)]))
    for items in (named, [i for i in in_folder if isinstance(i, InputError)]):
        assert len(items) == 1 and isinstance(items[0], InputError)
        assert "not a regular file: a FIFO" in items[0].reason
        assert items[0].source == str(pipe)
    assert [d.title for d in in_folder if isinstance(d, Document)] == ["Convoy ambushed near Gao"]


def test_broken_link_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    (tmp_path / "gao.txt").write_text(GAO, encoding="utf-8")
    errors = [i for i in read_sources([str(tmp_path)]) if isinstance(i, InputError)]
    assert [(e.source, e.reason) for e in errors] == [
        (str(tmp_path / "gone.html"), "broken symbolic link")
    ]


def test_unreadable_subfolder_is_reported_and_fails_the_run(tmp_path: Path) -> None:
    """As root, permissions do not stop reading: the command runs without the capabilities
    that let root pass them (setpriv), as an ordinary user would."""
    import os
    import shutil
    import subprocess
    import sys

    folder = tmp_path / "reports"
    (folder / "locked").mkdir(parents=True)
    (folder / "gao.txt").write_text(GAO, encoding="utf-8")
    (folder / "locked" / "sumy.txt").write_text(KASHMIR, encoding="utf-8")
    (folder / "locked").chmod(0)
    command = [
        str(Path(sys.executable).with_name("counterclaim")),
        *("ingest", str(folder), "--db", str(tmp_path / "t.db"), "--no-process", "--json"),
    ]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    finally:
        (folder / "locked").chmod(0o755)
    assert done.returncode == 1, done.stderr
    summary = json.loads(done.stdout)
    assert summary["new"] == 1
    assert summary["failures"] == [
        {"source": str(folder / "locked"), "reason": "cannot read folder: Permission denied"}
    ]


@pytest.mark.parametrize("depth", [300, 5_000])
def test_html_nested_deeper_than_the_parser_allows_is_still_read(depth: int) -> None:
    from counterclaim.ingest import parse_html

    article = (
        "<h1>Strike on Marib fuel station</h1><p>An air strike hit a fuel station in Marib on "
        "Saturday, killing three people, the local health office said.</p>"
    )
    html = f"<html><body>{'<div><span>' * depth}{article}{'</span></div>' * depth}</body></html>"
    doc = parse_html("deep.html", html)
    assert "killing three people" in doc.text


def test_json_nested_too_deeply_is_one_lines_error(tmp_path: Path) -> None:
    """Found by scripts/fuzz_ingest.py: json.loads raised RecursionError, which no reader
    caught, and the whole ingest ended in a traceback."""
    deep = '{"text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    good = json.dumps({"text": GAO})
    (tmp_path / "a.jsonl").write_text(f"{deep}\n{good}\n", encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    assert len(items) == 2
    assert isinstance(items[0], InputError) and items[0].source.endswith("a.jsonl:1")
    assert items[0].reason == "line 1: JSON nested too deeply to read"
    assert isinstance(items[1], Document)

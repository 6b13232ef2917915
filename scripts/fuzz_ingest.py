"""Fuzz ingest and extraction with generated hostile inputs (not run in CI: minutes).

    .venv/bin/python scripts/fuzz_ingest.py [--count 2000] [--seed 7] [--keep DIR]

Two passes over the same generated files:

1. in process, ``read_source`` on each file alone: any exception that escapes is a bug (the
   reader must turn every bad input into an InputError), and so is a file taking longer
   than ``--slow`` seconds or a document with no text;
2. end to end, one ``counterclaim ingest`` process over the whole folder (parse, store,
   provenance, extraction, incidents): no traceback on stderr, exit status 0 or 1, one
   error line per failing file naming it, every control file (a plain report mixed into
   each kind of input) stored with its claims, and no document left with a failure flag
   unless reported by ``documents --failed``.

Prints the number of inputs tried per kind, the slowest inputs, and every problem found;
exits 1 when there is one. Every text here is generated; none comes from a real article.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from counterclaim.errors import InputError
from counterclaim.ingest import read_source
from counterclaim.model import Document

PLACES = ["Kharkiv", "Rafah", "Nyala", "Mopti", "Myitkyina", "Uri", "Beni", "Hodeidah", "Tank"]
CLAIMANTS = ["the army", "the health ministry", "a local official", "the rebels", "police"]
SCRIPTS = [
    "Обстріл знищив два будинки",  # Cyrillic
    "قتل ثلاثة أشخاص في غارة",  # Arabic
    "爆炸造成五人死亡",  # CJK
    "ग्रामीणों ने कहा कि चार लोग घायल हुए",  # Devanagari
    "\u202eevil\u202c \u200b\u200d\ufeff",  # bidi overrides, zero-width
    "👩‍👩‍👧 🔥💥",
]
Input = tuple[str, bytes, bool]  # file name, content, whether it must be stored


def report(rng: random.Random, number: int) -> str:
    """A plain, valid, generated report that must always be stored."""
    place, who = rng.choice(PLACES), rng.choice(CLAIMANTS)
    dead = rng.randint(2, 90)
    return (
        f"Attack near {place} leaves {dead} dead (control {number})\n\n"
        f"At least {dead} people were killed near {place} on Wednesday, {who} said, "
        f"and {dead + rng.randint(1, 40)} others were hurt in the blast.\n"
    )


def noise(rng: random.Random, size: int) -> str:
    pool = "abcdefghij klmnop<>&;\"'/\\\n\t0123456789.,-" + "".join(SCRIPTS)
    return "".join(rng.choice(pool) for _ in range(size))


def random_bytes(rng: random.Random, n: int) -> Input:
    return (
        f"bytes{n}.{rng.choice(['txt', 'html', 'jsonl', 'xml', 'md'])}",
        rng.randbytes(rng.randint(0, 5000)),
        False,
    )


def broken_encoding(rng: random.Random, n: int) -> Input:
    text = report(rng, n).encode()
    cut = rng.randint(1, len(text))
    choices = [
        text[:cut] + "é".encode("latin-1") + text[cut:],  # Latin-1 byte inside UTF-8
        "Déjà ".encode() + "naïve".encode("latin-1"),
        text.replace(b" ", b"\x00", rng.randint(1, 3)),  # null bytes
        "ab".encode("utf-16"),
        b"\xef\xbb\xbf" + text,  # BOM: good
        "é".encode()[:1] + text,  # truncated sequence first
    ]
    pick = rng.randrange(len(choices))
    return f"enc{n}.txt", choices[pick], pick == 4


def long_lines(rng: random.Random, n: int) -> Input:
    size = rng.choice([10_000, 100_000, 400_000])
    kind = rng.randrange(3)
    if kind == 0:
        body = "x" * size  # one token
    elif kind == 1:
        body = " ".join(noise(rng, 8) for _ in range(size // 9))  # one long line
    else:
        body = report(rng, n) + ("killed " * (size // 7))
    return f"long{n}.txt", body.encode(), False


def huge_numbers(rng: random.Random, n: int) -> Input:
    number = rng.choice(
        ["9" * 20, "1" + "0" * 5000, "1e308", "-5", "0x1F", "1,000,000,000,000,000", "½"]
    )
    place = rng.choice(PLACES)
    text = (
        f"Numbers report {n}\n\nOfficials said {number} people were killed in {place} "
        f"on Monday and {number} were wounded, while {number} homes were destroyed.\n"
    )
    return f"num{n}.txt", text.encode(), True


def odd_dates(rng: random.Random, n: int) -> Input:
    value = rng.choice(
        [
            "9999-12-31",
            "0001-01-01",
            "0000-00-00",
            "2024-02-30",
            "2024-13-45",
            "yesterday",
            -1,
            1e308,
            17e9,
            True,
            None,
            "",
            "Mon, 32 Foo 2024",
            "1969-12-31T23:59:60Z",
        ]
    )
    record = {"text": report(rng, n), "published": value, "title": f"Dated {n}"}
    return f"date{n}.jsonl", json.dumps(record).encode(), False


def jsonl_types(rng: random.Random, n: int) -> Input:
    weird: list[object] = [5, 3.5, None, [], {}, ["a"], {"a": 1}, True, "x" * 100_000]
    field = rng.choice(
        ["text", "html", "title", "url", "outlet", "language", "published", "metadata", "extra"]
    )
    record: dict[str, object] = {"text": report(rng, n)}
    record[field] = rng.choice(weird)
    lines = [json.dumps(record)]
    if rng.random() < 0.3:
        depth = rng.choice([50, 1000, 100_000])
        lines.append('{"text": "x", "deep": ' + "[" * depth + "]" * depth + "}")
    if rng.random() < 0.3:
        lines.append("{not json")
    lines.append(json.dumps({"text": report(rng, n + 100_000)}))  # a good record after
    return f"types{n}.jsonl", "\n".join(lines).encode(), False


def feeds(rng: random.Random, n: int) -> Input:
    item = rng.choice(
        [
            "<item></item>",
            "<item><title>Only a title</title></item>",
            f"<item><description>{report(rng, n)}</description></item>",
            f"<item><title>T</title><pubDate>99 Foo 99999</pubDate>"
            f"<description><![CDATA[<p>{report(rng, n)}</p>]]></description></item>",
            "<item><description>&lt;script&gt;alert(1)&lt;/script&gt;</description></item>",
            "<item><description>" + "<b>" * 2000 + "deep" + "</b>" * 2000 + "</description></item>",
        ]
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{item}'
    if rng.random() < 0.5:
        body += "</channel></rss>"  # else truncated
    return f"feed{n}.rss", body.encode(), False


def hostile_html(rng: random.Random, n: int) -> Input:
    article = f"<article><h1>Report {n}</h1><p>{report(rng, n)}</p></article>"
    depth = rng.choice([10, 254, 256, 300, 3000, 30_000])
    wrappers = rng.choice(["div", "span", "table", "b", "section"])
    pick = rng.randrange(5)
    if pick == 0:
        html = f"<html><body>{f'<{wrappers}>' * depth}{article}{f'</{wrappers}>' * depth}"
    elif pick == 1:
        html = f"<html><body>{f'<{wrappers}>' * depth}{article}"  # never closed
    elif pick == 2:
        html = (
            "<html><head><script>while(1){}</script><style>*{}</style></head><body>"
            f"<img src=x onerror=alert(1)>{article}<iframe src=javascript:alert(1)>"
        )
    elif pick == 3:
        html = "<!DOCTYPE html [<!ENTITY a 'aaaaaaaaaa'>]><html><body>" + "&a;" * 10_000
        html += article
    else:
        html = "<html><body>" + noise(rng, 3000) + article + noise(rng, 3000)
    return f"html{n}.html", html.encode(), pick in (0, 1, 2)


def other_scripts(rng: random.Random, n: int) -> Input:
    text = "\n".join(rng.choice(SCRIPTS) for _ in range(rng.randint(1, 30)))
    if rng.random() < 0.5:
        text = report(rng, n) + text
        return f"script{n}.txt", text.encode(), True
    return f"script{n}.txt", text.encode(), False


def empty_and_tiny(rng: random.Random, n: int) -> Input:
    return f"tiny{n}.txt", rng.choice([b"", b"\n\n", b" ", b".", b"a", b"\t\r\n"]), False


def control(rng: random.Random, n: int) -> Input:
    return f"control{n}.txt", report(rng, n).encode(), True


KINDS: dict[str, Callable[[random.Random, int], Input]] = {
    "random bytes": random_bytes,
    "broken encodings": broken_encoding,
    "long lines and tokens": long_lines,
    "huge numbers": huge_numbers,
    "odd dates": odd_dates,
    "JSONL with wrong types": jsonl_types,
    "feeds": feeds,
    "hostile and deep HTML": hostile_html,
    "other scripts": other_scripts,
    "empty and tiny": empty_and_tiny,
    "controls": control,
}


def generate(
    folder: Path, count: int, seed: int, skip: Sequence[str] = ()
) -> dict[str, tuple[str, bool]]:
    rng = random.Random(seed)
    made: dict[str, tuple[str, bool]] = {}
    names = [k for k in KINDS if k not in skip]
    for n in range(count):
        kind = names[n % len(names)]
        name, data, must_store = KINDS[kind](rng, n)
        (folder / name).write_bytes(data)
        made[name] = (kind, must_store)
    return made


def in_process(folder: Path, made: dict[str, tuple[str, bool]], slow: float) -> list[str]:
    problems: list[str] = []
    timings: list[tuple[float, str]] = []
    for name, (kind, must_store) in made.items():
        path = str(folder / name)
        start = time.perf_counter()
        try:
            items = read_source(path)
        except BaseException as exc:
            problems.append(
                f"{name} ({kind}): read_source raised {exc!r}\n"
                + "".join(traceback.format_exc(limit=-3))
            )
            continue
        took = time.perf_counter() - start
        timings.append((took, name))
        if took > slow:
            problems.append(f"{name} ({kind}): took {took:.1f} s to read")
        for item in items:
            if isinstance(item, Document) and not item.text.strip():
                problems.append(f"{name} ({kind}): a document without text")
            elif isinstance(item, InputError) and not item.source.startswith(path):
                problems.append(f"{name} ({kind}): error names {item.source!r}, not the file")
            elif isinstance(item, InputError) and item.reason.startswith("cannot parse:"):
                # The per-file guard caught a parser crash: no traceback, but a vague reason.
                problems.append(f"{name} ({kind}): parser crash: {item.reason}")
        if must_store and not any(isinstance(i, Document) for i in items):
            problems.append(f"{name} ({kind}): good file refused: {items}")
    timings.sort(reverse=True)
    print("slowest reads: " + ", ".join(f"{n} {t:.2f} s" for t, n in timings[:5]))
    return problems


def end_to_end(folder: Path, made: dict[str, tuple[str, bool]], db: Path) -> list[str]:
    problems: list[str] = []
    exe = str(Path(sys.executable).with_name("counterclaim"))
    start = time.perf_counter()
    done = subprocess.run(
        [exe, "ingest", str(folder), "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=3600,
        env={**os.environ, "NO_COLOR": "1"},
    )
    took = time.perf_counter() - start
    print(f"end to end: exit {done.returncode} in {took:.0f} s")
    if "Traceback" in done.stderr or done.returncode not in (0, 1):
        problems.append(f"ingest exit {done.returncode}, stderr:\n{done.stderr[-3000:]}")
        return problems
    summary = json.loads(done.stdout)
    failed = {Path(f["source"].split(":")[0].split("#")[0]).name for f in summary["failures"]}
    for name, (kind, must_store) in made.items():
        if must_store and name in failed:
            problems.append(f"{name} ({kind}): good file reported as failed")
    unnamed = [f for f in summary["failures"] if not f["source"].startswith(str(folder))]
    problems += [f"failure names no file: {f}" for f in unnamed]
    listed = subprocess.run(
        [exe, "documents", "--failed", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    flagged = json.loads(listed.stdout) if listed.returncode == 0 else []
    for doc in flagged:
        problems.append(f"extraction failed for {doc.get('source')}: {doc.get('flags')}")
    print(
        f"stored {summary['new']} documents, {summary['failed']} inputs refused with a reason, "
        f"{summary.get('claims')} claims, {summary.get('incidents')} incidents, "
        f"{len(flagged)} documents flagged as failed"
    )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--slow", type=float, default=10.0, help="seconds per file read")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    parser.add_argument("--no-end-to-end", action="store_true")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=list(KINDS),
        help="leave out a kind of input (repeat); 'long lines and tokens' makes the end-to-end "
        "pass take many minutes (extraction of 400,000-character texts)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="counterclaim-fuzz-"))
    folder = args.keep or work / "inputs"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        made = generate(folder, args.count, args.seed, args.skip)
        kinds = Counter(kind for kind, _ in made.values())
        print(
            f"{len(made)} inputs (seed {args.seed}): "
            + ", ".join(f"{k} {v}" for k, v in kinds.items())
        )
        problems = in_process(folder, made, args.slow)
        if not args.no_end_to_end:
            problems += end_to_end(folder, made, work / "fuzz.db")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(problems)} problems")
    for problem in problems:
        print(" -", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

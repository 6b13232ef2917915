"""Load test of ``counterclaim serve`` (not run in CI: a minute or more).

    .venv/bin/python scripts/load_test.py [--corpus DIR | --db STORE] [--clients 32]
        [--requests 3000] [--seconds 60] [--posts 10] [--synthetic CLAIMS] [--json]

Builds a temporary SQLite store from ``--corpus`` (default: the shared train articles) unless
``--db`` names one already built, starts ``counterclaim serve`` on 127.0.0.1 with a write
token, and runs ``--clients`` concurrent clients, each cycling through three reads: the
incident list, one incident page (API) and a filtered claims query. Meanwhile one more
client posts ``--posts`` short generated reports, one after another, so the pipeline runs
while the reads are served. Bounded: it stops after ``--requests`` reads or ``--seconds``,
whichever comes first. ``--synthetic 100000`` first copies that store's documents, claims and
incidents under new ids until it holds about 100,000 claims (the dashboard at size).

Prints, per read and for the posts: requests, requests per second, p50/p95/p99 latency and
errors (any status other than 200/201, or no answer within ``--timeout``). Exits 1 when any
request failed or when a read's p95 is over ``--p95`` seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval" / "train" / "articles"
EXE = str(Path(sys.executable).with_name("counterclaim"))
PLACES = ["Avdiivka", "Jabalia", "Omdurman", "Kidal", "Bhamo", "Rajouri", "Butembo", "Aden"]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[name].append(seconds)
            if error:
                self.errors[name].append(error)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_store(corpus: Path, db: Path) -> None:
    start = time.perf_counter()
    done = subprocess.run(
        [EXE, "ingest", str(corpus), "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"ingest of {corpus} failed:\n{done.stderr[-2000:]}")
    summary = json.loads(done.stdout)
    print(
        f"store: {summary['new']} documents, {summary.get('claims')} claims, "
        f"{summary.get('incidents')} incidents (built in {time.perf_counter() - start:.0f} s)"
    )


def _copy_id(original: str, copy: int) -> str:
    return hashlib.md5(f"{original}/{copy}".encode(), usedforsecurity=False).hexdigest()


def build_synthetic(source: Path, db: Path, claims_wanted: int) -> None:
    """A store of about ``claims_wanted`` claims: copies of ``source``'s documents, claims and
    incidents under new ids and labels (each copy its own incidents), written through the
    Store's methods. Copies keep the source's extraction version, so posting a document
    does not re-extract them."""
    from counterclaim import pipeline
    from counterclaim.actors import KnowledgeBase
    from counterclaim.settings import load_settings
    from counterclaim.store import Store

    start = time.perf_counter()
    original = Store(f"sqlite:///{source}")
    docs, claims, incidents = original.documents(), original.claims(), original.incidents()
    original.close()
    if not claims:
        raise SystemExit(f"{source} has no claims to copy")
    settings = load_settings()
    version = pipeline.extraction_version(KnowledgeBase.from_settings(settings), settings)
    target = Store(f"sqlite:///{db}")
    copies = max(1, -(-claims_wanted // len(claims)))
    by_doc: dict[str, list[Any]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    all_incidents = []
    for copy in range(copies):
        doc_id = {d.id: _copy_id(d.id, copy) for d in docs}
        claim_id = {c.id: _copy_id(c.id, copy) for c in claims}
        inc_id = {i.id: _copy_id(i.id, copy) for i in incidents}
        group = {d.near_duplicate_group: _copy_id(d.near_duplicate_group or "", copy) for d in docs}
        target.add_documents(
            [
                replace(
                    d,
                    id=doc_id[d.id],
                    title=f"{d.title or ''} #{copy}",
                    near_duplicate_group=group[d.near_duplicate_group]
                    if d.near_duplicate_group
                    else None,
                )
                for d in docs
            ]
        )
        label = {i.id: f"{i.label}-{copy}" for i in incidents}
        target.replace_claims(
            {
                doc_id[d]: [
                    replace(
                        c,
                        id=claim_id[c.id],
                        doc_id=doc_id[d],
                        incident_id=inc_id.get(c.incident_id or ""),
                        incident=label.get(c.incident_id or ""),
                    )
                    for c in of_doc
                ]
                for d, of_doc in by_doc.items()
            },
            version,
        )
        all_incidents.extend(
            replace(
                i,
                id=inc_id[i.id],
                label=label[i.id],
                claim_ids=[claim_id[c] for c in i.claim_ids],
                doc_ids=[doc_id[d] for d in i.doc_ids],
            )
            for i in incidents
        )
    target.save_incidents(all_incidents)
    print(
        f"synthetic store: {target.document_count()} documents, {target.claim_count()} claims, "
        f"{len(all_incidents)} incidents (built in {time.perf_counter() - start:.0f} s)",
        file=sys.stderr,  # stdout is the report, JSON with --json
    )
    target.close()


def start_server(db: Path, port: int, token: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COUNTERCLAIM_API_TOKEN": token}
    server = subprocess.Popen(
        [EXE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # A large store's matrices are all compared on the first request.
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode()[-2000:]}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/incidents?limit=1", timeout=2)
            return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("server did not answer within 900 s")


def report_text(rng: random.Random, number: int) -> str:
    place = rng.choice(PLACES)
    dead = rng.randint(2, 40)
    return (
        f"Strike reported in {place} (load test {number})\n\n"
        f"At least {dead} people were killed and {dead * 2} injured in {place} on Sunday, "
        f"the local administration said. The army said it hit {rng.randint(3, 9)} "
        "launch sites in response.\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=TRAIN)
    parser.add_argument("--db", type=Path, help="a store already built (skips the ingest)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=3000, help="reads in all, at most")
    parser.add_argument("--seconds", type=float, default=60.0, help="wall time, at most")
    parser.add_argument("--posts", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--p95", type=float, default=1.0, help="goal for each read's p95")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--synthetic",
        type=int,
        metavar="CLAIMS",
        help="copy the store (--db, or the one built from --corpus) until it holds about "
        "CLAIMS claims, and test that",
    )
    parser.add_argument(
        "--keep", type=Path, help="keep the store tested at this path (to test it again)"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="counterclaim-load-"))
    server = None
    try:
        db = args.db
        if db is None:
            if not args.corpus.is_dir():
                raise SystemExit(f"no corpus at {args.corpus}: give --corpus or --db")
            db = work / "load.db"
            build_store(args.corpus, db)
        if args.synthetic:
            copied = work / "synthetic.db"
            build_synthetic(db, copied, args.synthetic)
            db = copied
        if args.keep:
            shutil.copyfile(db, args.keep)
        port, token = free_port(), secrets.token_hex(16)
        server = start_server(db, port, token)
        base = f"http://127.0.0.1:{port}"
        first = httpx.get(f"{base}/api/incidents?limit=50", timeout=900).json()["items"]
        if not first:
            raise SystemExit("the store has no incidents")
        busiest = max(first, key=lambda i: i["claims"])
        claimant = (busiest["parties"] or ["reporter"])[0]
        reads = {
            "incident list": "/api/incidents",
            "incident page": f"/api/incidents/{busiest['id']}",
            "filtered claims": "/api/claims?"
            + httpx.QueryParams(
                {"claimant": claimant, "category": "killed", "limit": 50}
            ).__str__(),
        }
        results = Results()
        budget = threading.Semaphore(args.requests)
        stop = threading.Event()
        deadline = time.monotonic() + args.seconds

        def reader(index: int) -> None:
            names = list(reads)
            with httpx.Client(base_url=base, timeout=args.timeout) as client:
                turn = index
                while not stop.is_set() and time.monotonic() < deadline:
                    if not budget.acquire(blocking=False):
                        return
                    name = names[turn % len(names)]
                    turn += 1
                    start = time.perf_counter()
                    try:
                        response = client.get(reads[name])
                        error = None if response.status_code == 200 else str(response.status_code)
                    except httpx.HTTPError as exc:
                        error = type(exc).__name__
                    results.add(name, time.perf_counter() - start, error)

        def poster() -> None:
            rng = random.Random(args.seed)
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}
            with httpx.Client(base_url=base, timeout=max(args.timeout, 900)) as client:
                for number in range(args.posts):
                    if stop.is_set() or time.monotonic() > deadline:
                        return
                    start = time.perf_counter()
                    try:
                        body = report_text(rng, number).encode()
                        response = client.post("/api/documents", content=body, headers=headers)
                        ok = response.status_code in (200, 201)
                        error = None if ok else f"{response.status_code} {response.text[:200]}"
                    except httpx.HTTPError as exc:
                        error = type(exc).__name__
                    results.add("post document", time.perf_counter() - start, error)

        threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.clients)]
        threads.append(threading.Thread(target=poster))
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        # Reads per second over the reads' own span: a post can outlast them by minutes.
        for thread in threads[:-1]:
            thread.join(timeout=args.seconds + args.timeout + 180)
        reads_elapsed = time.perf_counter() - started
        threads[-1].join(timeout=args.seconds + args.timeout + 900)
        stop.set()
        elapsed = time.perf_counter() - started
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)

    rows = []
    for name in [*reads, "post document"]:
        times = sorted(results.latencies.get(name, []))
        if not times:
            continue
        cuts = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else []

        def pct(p: int, times: list[float] = times, cuts: list[float] = cuts) -> float:
            return cuts[p - 1] if cuts else times[0]

        rows.append(
            {
                "endpoint": name,
                "requests": len(times),
                "per_second": len(times) / (elapsed if name == "post document" else reads_elapsed),
                "p50": pct(50),
                "p95": pct(95),
                "p99": pct(99),
                "errors": len(results.errors.get(name, [])),
                "first_errors": results.errors.get(name, [])[:3],
            }
        )
    total = sum(r["requests"] for r in rows if r["endpoint"] != "post document")
    if args.json:
        print(
            json.dumps(
                {
                    "clients": args.clients,
                    "seconds": elapsed,
                    "read_seconds": reads_elapsed,
                    "rows": rows,
                }
            )
        )
    else:
        print(
            f"{args.clients} clients, {total} reads in {reads_elapsed:.1f} s "
            f"({total / reads_elapsed:.1f} reads/s in all); {elapsed:.1f} s with the posts"
        )
        print(
            f"{'endpoint':18} {'requests':>8} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} errors"
        )
        for r in rows:
            print(
                f"{r['endpoint']:18} {r['requests']:>8} {r['per_second']:>7.1f} "
                f"{r['p50']:>6.3f}s {r['p95']:>6.3f}s {r['p99']:>6.3f}s {r['errors']}"
            )
            for error in r["first_errors"]:
                print(f"   error: {error}")
    failed = any(r["errors"] for r in rows)
    slow = any(r["p95"] > args.p95 for r in rows if r["endpoint"] != "post document")
    return 1 if failed or slow else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The extraction benchmark runs end to end and reports ratios against its own baseline."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from counterclaim.bench import ReportCorpus
from counterclaim.cli import app

pytestmark = pytest.mark.model


def test_bench_extract_measures_both_corpora_against_the_parse() -> None:
    result = CliRunner().invoke(app, ["bench", "extract", "--copies", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    short, long = report["cases"]
    assert (short["name"], long["name"]) == ("short reports", "one long round-up")
    for case in (short, long):
        assert case["parse_seconds"] > 0 and case["full_seconds"] > 0
        ratio = case["full_seconds"] / case["parse_seconds"]
        assert case["overhead_ratio"] == pytest.approx(ratio, abs=1e-3)
        assert case["claims"] > 0 and case["tokens"] > 1000
    assert short["documents"] >= 10 and long["documents"] == 1
    assert report["peak_rss_mb"] > 0


def test_generated_reports_are_distinct_and_read_like_news() -> None:
    corpus = ReportCorpus(seed=3)
    reports = [corpus.report() for _ in range(40)]
    texts = {r["text"] for r in reports}
    assert len(texts) == 40
    for report in reports:
        assert report["text"].startswith(report["title"] + "\n\n")
        assert 80 < len(report["text"].split()) < 600
        assert "{" not in report["text"]  # every slot filled
    assert ReportCorpus(seed=3).report() == reports[0]  # reproducible


def test_bench_pipeline_reports_the_whole_path_against_the_parse() -> None:
    result = CliRunner().invoke(app, ["bench", "pipeline", "--docs", "12", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["documents"] == 12 and report["words"] > 12 * 80
    assert set(report["stage_seconds"]) == {"ingest", "provenance", "extract", "incidents"}
    assert all(seconds > 0 for seconds in report["stage_seconds"].values())
    assert report["whole_seconds"] == pytest.approx(sum(report["stage_seconds"].values()), 1e-3)
    assert report["time_ratio"] == pytest.approx(
        report["whole_seconds"] / report["parse_seconds"], rel=1e-2
    )
    assert 0 < report["reingest_ratio"] < 1  # finding a stored corpus costs less than reading it
    for path in ("whole", "parse"):
        assert report[path]["docs_per_second"] > 0 and report[path]["words_per_second"] > 0
    assert report["claims"] > 0 and report["incidents"] > 0
    assert 0 < report["loaded_rss_mb"] <= report["peak_rss_mb"]
    print(json.dumps(report, indent=1))  # the figures, in CI's log


def test_bench_scale_times_a_batch_against_two_store_sizes() -> None:
    result = CliRunner().invoke(
        app, ["bench", "scale", "--sizes", "60,150", "--batch", "20", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    small, large = report["results"]
    assert (small["stored"], large["stored"]) == (60, 150)  # each size filled up to itself
    for row in (small, large):
        assert row["provenance_seconds"] > 0 and row["incidents_seconds"] > 0
        assert row["full_incidents_seconds"] > 0
        assert 0 < row["opened_rss_mb"] <= row["peak_rss_mb"]
        assert row["lookup_ms_per_doc"] > 0
    assert set(report["ratios"]) == {
        "peak_rss",
        "lookup_per_doc",
        "provenance",
        "incidents",
        "batch",
    }
    print(json.dumps(report, indent=1))  # the figures, in CI's log


def test_bench_scale_refuses_sizes_that_are_not_numbers() -> None:
    result = CliRunner().invoke(app, ["bench", "scale", "--sizes", "ten"])
    assert result.exit_code != 0
    assert "--sizes" in result.output

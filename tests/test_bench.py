"""The extraction benchmark runs end to end and reports ratios against its own baseline."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

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

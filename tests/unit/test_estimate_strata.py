"""Estimating per stratum and summing: posterior draws for LCMCR, bootstrap for log-linear."""

from __future__ import annotations

import json
from typing import cast

import numpy as np
import pytest
from benchmarks.estimate_population import SIEGE, simulate

from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.lcmcr import LcmcrSettings
from tollbook.estimate.report import EstimationSettings
from tollbook.estimate.results import Estimate
from tollbook.estimate.stratified import _disagreement, estimate_strata
from tollbook.estimate.tables import OverlapTable
from tollbook.estimate.text_report import render_report

QUICK = EstimationSettings(
    lcmcr=LcmcrSettings(chains=2, draws=300, burn_in=1_000, thin=5), bootstrap=1_000
)


def test_districts_are_estimated_and_summed() -> None:
    outcome = simulate(11)
    tables = outcome.tables_by_district(SIEGE.lists)
    report = estimate_strata(tables, ("district",), QUICK)
    assert [s.label for s in report.strata] == [
        "district=centre",
        "district=north",
        "district=south",
    ]
    assert all(len(s.estimates) == 2 for s in report.strata)
    assert report.observed == sum(t.observed for t in tables.values())
    loglinear, lcmcr = (
        next(e for e in report.totals if e.method == m) for m in ("loglinear", "lcmcr")
    )
    parts = [s.estimate("loglinear") for s in report.strata]
    assert loglinear.estimate == pytest.approx(sum(p.estimate for p in parts if p is not None))
    assert loglinear.interval == "95% parametric bootstrap of the sum"
    assert loglinear.lower is not None and loglinear.upper is not None
    assert loglinear.lower < loglinear.estimate < loglinear.upper
    low, high = cast(list[float], loglinear.diagnostics["conservative_interval"])
    assert low <= loglinear.lower and loglinear.upper <= high
    draws = [s.estimate("lcmcr") for s in report.strata]
    summed = np.sum([d.draws for d in draws if d is not None and d.draws is not None], axis=0)
    assert lcmcr.estimate == np.median(summed)
    assert lcmcr.observed == report.observed
    assert report.pooled is not None and report.pooled.table.observed == report.observed
    json.dumps(report.to_dict())
    text = render_report(report, "siege.csv")
    assert "SUM OF STRATA" in text and "all pooled" in text and "district=south" in text


def test_a_refused_stratum_blocks_the_sum_and_says_why() -> None:
    small = OverlapTable(("A", "B"), (3, 40, 50), (("district", "east"),))
    big = OverlapTable(("A", "B"), (300, 400, 500), (("district", "west"),))
    settings = EstimationSettings(methods=("loglinear",), bootstrap=50)
    report = estimate_strata({small.stratum: small, big.stratum: big}, ("district",), settings)
    east = report.strata[0]
    assert east.estimates == () and "Only 3 people appear on more than one list" in east.refusals[0]
    assert report.totals == ()
    assert report.total_notes[0].startswith("No loglinear sum: district=east could not be")
    text = render_report(report)
    assert "refused" in text and "Only 3 people" in text
    assert report.anything_estimated


def test_whole_table_without_strata() -> None:
    settings = EstimationSettings(methods=("loglinear",))
    report = estimate_strata({(): KOSOVO}, (), settings)
    assert not report.stratified and report.totals == () and report.pooled is None
    estimate = report.strata[0].estimate("loglinear")
    assert estimate is not None and round(estimate.estimate, 1) == 10_356.5
    assert "sum_of_strata" not in report.to_dict()
    assert "[123,14,34] (BIC)" in render_report(report)


def test_named_model_cannot_apply_when_a_list_is_empty_in_a_stratum() -> None:
    full = OverlapTable(("A", "B", "C"), (20, 40, 30, 200, 35, 150, 120), (("d", "x"),))
    empty_c = OverlapTable.from_mapping(
        ("A", "B", "C"), {(1, 1, 0): 60, (1, 0, 0): 200, (0, 1, 0): 150}, (("d", "y"),)
    )
    settings = EstimationSettings(methods=("loglinear",), model="[12,3]", bootstrap=20)
    report = estimate_strata({full.stratum: full, empty_c.stratum: empty_c}, ("d",), settings)
    assert report.strata[0].estimates[0].model == "[12,3]"
    assert report.strata[1].failures[0][0] == "loglinear"
    assert "some are empty here" in report.strata[1].failures[0][1]
    assert "List C has no one on it here" in report.strata[1].warnings[0]


def test_methods_that_disagree_are_flagged() -> None:
    a = Estimate("loglinear", 100, 150.0, 140.0, 160.0, "i", "m")
    b = Estimate("lcmcr", 100, 300.0, 250.0, 400.0, "i", "m")
    assert _disagreement([a, b])[0].startswith("The two methods disagree")
    c = Estimate("lcmcr", 100, 155.0, 145.0, 400.0, "i", "m")
    assert _disagreement([a, c]) == []

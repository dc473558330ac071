"""Sums with an unbounded stratum, warnings carried to sums, lists that share nobody,
models that disagree, degenerate fits."""

from __future__ import annotations

from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.loglinear import disjoint_pairs, estimate_loglinear, search_models
from tollbook.estimate.loglinear_models import hierarchical_models
from tollbook.estimate.report import EstimationSettings
from tollbook.estimate.stratified import estimate_strata
from tollbook.estimate.tables import OverlapTable

LOGLINEAR = EstimationSettings(methods=("loglinear",), bootstrap=200)
#: Lists a and b share nobody; c overlaps both.
DISJOINT = OverlapTable(("a", "b", "c"), (0, 0, 60, 200, 50, 80, 300))


def test_lists_that_share_nobody_are_left_out_of_the_search() -> None:
    assert disjoint_pairs(DISJOINT) == [(0, 1)]
    assert disjoint_pairs(KOSOVO) == []
    every = list(hierarchical_models(3))
    pruned = list(hierarchical_models(3, exclude=frozenset({(0, 1)})))
    assert len(pruned) < len(every)
    assert all((0, 1) not in m.terms for m in pruned)
    fits = search_models(DISJOINT)
    assert len(fits) == len(pruned)
    estimate, _ = estimate_loglinear(DISJOINT)
    assert any("share nobody (a and b)" in w for w in estimate.warnings)


def test_models_within_bic_6_that_disagree_give_their_range() -> None:
    estimate, _ = estimate_loglinear(KOSOVO)
    found = [w for w in estimate.warnings if "within 6 of the best BIC" in w]
    assert found == [
        "The 3 models within 6 of the best BIC give totals from 10,357 to 18,393: which "
        "interactions the lists have is not settled by the data, and the figure depends on it."
    ]
    # Kosovo's figure is unchanged
    assert round(estimate.estimate, 1) == 10_356.5


def test_a_degenerate_fit_is_not_chosen_over_a_clean_one() -> None:
    fits = search_models(KOSOVO)
    clean = [f for f in fits if not f.degenerate]
    assert fits[: len(clean)] == clean


def test_a_stratum_without_upper_bound_leaves_the_sum_without_one() -> None:
    lists = ("a", "b", "c")
    # with every two-way term, this thin stratum has no upper end
    thin = OverlapTable(lists, (2, 10, 10, 80, 10, 80, 80), (("district", "x"),))
    solid = OverlapTable(lists, (30, 60, 50, 40, 200, 180, 220), (("district", "y"),))
    settings = EstimationSettings(methods=("loglinear",), bootstrap=200, model="[12,13,23]")
    report = estimate_strata(
        {(("district", "x"),): thin, (("district", "y"),): solid}, ("district",), settings
    )
    x, y = (s.estimate("loglinear") for s in report.strata)
    assert x is not None and x.upper is None
    assert y is not None and y.upper is not None
    (total,) = report.totals
    assert total.upper is None and total.lower is not None
    assert any("No upper end: district=x" in w for w in total.warnings)
    # the stratum's own warnings travel with the sum
    assert any(w.startswith("district=x: The interval has no upper end") for w in total.warnings)

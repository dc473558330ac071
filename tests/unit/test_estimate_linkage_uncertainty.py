"""Linkage error carried into estimates: imputed clusterings, Rubin's rules, bounds."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.lcmcr import LcmcrSettings
from tollbook.estimate.linkage_estimates import (
    MIN_DRAWS_PER_CLUSTERING,
    estimate_linked,
    lcmcr_chain_draws,
)
from tollbook.estimate.linkage_uncertainty import (
    LinkageSpread,
    ScoredLinkage,
    memberships,
    mix_draws,
    persons,
    rubin,
    tables_of,
)
from tollbook.estimate.loglinear_fit import fit_model
from tollbook.estimate.loglinear_models import parse_model
from tollbook.estimate.report import EstimationSettings
from tollbook.estimate.tables import OverlapTable
from tollbook.estimate.text_report import render_report


def linkage_of(
    table: OverlapTable, undecided: int = 0, probability: float = 0.3
) -> tuple[ScoredLinkage, int]:
    """Records and sure pairs that make exactly ``table``; then ``undecided`` people on
    two lists have their pair scored only ``probability`` (below the threshold), so
    linkage leaves them as two people each. Returns the linkage and how many such."""
    lists: list[str] = []
    left: list[int] = []
    right: list[int] = []
    prob: list[float] = []
    split_left = undecided
    for pattern, count in table.items():
        on = [name for name, bit in zip(table.lists, pattern, strict=True) if bit]
        for _ in range(count):
            first = len(lists)
            lists.extend(on)
            # every pair of the person's records is scored, as a linkage scores them
            for one in range(first, len(lists)):
                for other in range(one + 1, len(lists)):
                    left.append(one)
                    right.append(other)
                    weak = len(on) == 2 and split_left > 0
                    prob.append(probability if weak else 0.99)
            if len(on) == 2 and split_left > 0:
                split_left -= 1
    n = len(lists)
    return (
        ScoredLinkage(
            lists=tuple(lists),
            attributes=tuple({"district": "north" if i % 2 else "south"} for i in range(n)),
            left=np.array(left, dtype=np.int64),
            right=np.array(right, dtype=np.int64),
            probability=np.array(prob),
            decided=np.zeros(len(left), dtype=np.int64),
        ),
        undecided - split_left,
    )


def test_rubin_without_spread_keeps_the_interval() -> None:
    c = rubin([1000.0, 1000.0, 1000.0], [1000 / 1.1] * 3, [1100.0] * 3)
    assert c.between == 0 and c.linkage_share == 0
    assert c.estimate == pytest.approx(1000.0)
    assert c.lower == pytest.approx(1000 / 1.1) and c.upper == pytest.approx(1100.0)


def test_rubin_widens_the_interval_by_the_spread_between_imputations() -> None:
    points = [950.0, 1000.0, 1050.0, 1100.0]
    c = rubin(points, [p / 1.05 for p in points], [p * 1.05 for p in points])
    assert c.between > 0 and 0 < c.linkage_share < 1
    # wider than any one imputation's interval (each is about 100 wide)
    assert c.upper - c.lower > 1.5 * (1100 * 1.05 - 1100 / 1.05)
    assert math.exp(np.mean(np.log(points))) == pytest.approx(c.estimate)
    with pytest.raises(ValueError, match="two imputations"):
        rubin([1.0], [0.5], [2.0])


def test_mixed_draws_weigh_every_imputation_the_same() -> None:
    median, low, high = mix_draws([np.full(100, 10.0), np.full(10, 20.0)])
    assert low == 10.0 and high == 20.0 and median == 15.0


def test_human_decisions_win_over_probabilities() -> None:
    linkage = ScoredLinkage(
        lists=("a", "b", "c"),
        attributes=({}, {}, {}),
        left=np.array([0, 1], dtype=np.int64),
        right=np.array([1, 2], dtype=np.int64),
        probability=np.array([0.99, 0.1]),
        decided=np.array([-1, 1], dtype=np.int64),
    )
    labels = persons(linkage, linkage.made())
    assert labels[1] == labels[2] != labels[0]
    assert int(linkage.undecided.sum()) == 0


def test_undecided_pairs_bound_the_persons() -> None:
    linkage, weak = linkage_of(KOSOVO, undecided=40)
    assert weak == 40 and int(linkage.undecided.sum()) == 40
    made = tables_of(linkage, linkage.made(), KOSOVO.lists)[()]
    every = tables_of(linkage, linkage.all_undecided_linked(), KOSOVO.lists)[()]
    none = tables_of(linkage, linkage.no_undecided_linked(), KOSOVO.lists)[()]
    assert every == KOSOVO
    assert made.observed == none.observed == KOSOVO.observed + 40


def test_memberships_take_the_value_most_records_give() -> None:
    linkage = ScoredLinkage(
        lists=("a", "b", "c"),
        attributes=({"d": "x"}, {"d": "y"}, {"d": "y"}),
        left=np.array([0, 1], dtype=np.int64),
        right=np.array([1, 2], dtype=np.int64),
        probability=np.array([0.9, 0.9]),
        decided=np.zeros(2, dtype=np.int64),
    )
    (person,) = memberships(linkage, persons(linkage, linkage.made()), ("d",))
    assert person == (frozenset({"a", "b", "c"}), {"d": "y"})


def test_bad_linkage_is_refused() -> None:
    with pytest.raises(ValueError, match="not there"):
        ScoredLinkage(
            ("a",),
            ({},),
            np.array([0]),
            np.array([3]),
            np.array([0.5]),
            np.zeros(1, dtype=np.int64),
        )


def test_estimate_from_linked_persons_carries_linkage_error() -> None:
    linkage, _ = linkage_of(KOSOVO, undecided=60, probability=0.45)
    as_linked = tables_of(linkage, linkage.made(), KOSOVO.lists)
    settings = EstimationSettings(methods=("loglinear",))
    report = estimate_linked(as_linked, (), linkage, settings, imputations=8)
    (estimate,) = report.strata[0].estimates
    before = estimate.diagnostics["as_linked"]
    assert isinstance(before, dict)
    # the missed links (probability 0.45) are links in about half the clusterings: the
    # figure moves down, toward the figure of the true table
    assert estimate.estimate < float(before["estimate"])  # type: ignore[arg-type]
    assert estimate.diagnostics["linkage_imputations"] == 8
    spread = report.linkage
    assert spread is not None and spread.undecided == 60
    assert spread.estimate_all_linked is not None and spread.estimate_none_linked is not None
    assert spread.estimate_all_linked < spread.estimate_none_linked
    # with every undecided pair a link, the table is KOSOVO again
    truth = fit_model(KOSOVO, parse_model(spread.model, KOSOVO.lists)).estimate
    assert spread.estimate_all_linked == pytest.approx(truth)
    text = render_report(report, "db")
    assert "60 pairs of records wait for review" in text
    body = report.to_dict()
    saved = LinkageSpread.from_dict(body["linkage"])  # type: ignore[arg-type]
    assert saved.statement() == spread.statement() and saved.undecided == 60


def test_lcmcr_runs_one_chain_on_every_drawn_clustering() -> None:
    linkage, _ = linkage_of(KOSOVO, undecided=60, probability=0.45)
    as_linked = tables_of(linkage, linkage.made(), KOSOVO.lists)
    lcmcr = LcmcrSettings(chains=2, draws=150, burn_in=100, thin=1)
    settings = EstimationSettings(methods=("lcmcr",), lcmcr=lcmcr)
    report = estimate_linked(as_linked, (), linkage, settings, imputations=3)
    (estimate,) = report.strata[0].estimates
    # the draws of the 2 chains are shared out over the 3 clusterings: 100 each
    assert estimate.diagnostics["linkage_imputations"] == 3
    assert estimate.diagnostics["draws_per_clustering"] == lcmcr_chain_draws(lcmcr, 3) == 100
    assert estimate.draws is not None and len(estimate.draws) == 3 * 100
    assert "3 imputed clusterings" in estimate.interval


def test_both_methods_from_linked_persons_give_the_range_across_them_first() -> None:
    linkage, _ = linkage_of(KOSOVO, undecided=60, probability=0.45)
    as_linked = tables_of(linkage, linkage.made(), KOSOVO.lists)
    lcmcr = LcmcrSettings(chains=2, draws=150, burn_in=100, thin=1)
    settings = EstimationSettings(methods=("loglinear", "lcmcr"), lcmcr=lcmcr)
    report = estimate_linked(as_linked, (), linkage, settings, imputations=3)
    both, *methods = report.strata[0].estimates
    done = {e.method: e for e in methods}
    assert both.method == "models" and set(done) == {"loglinear", "lcmcr"}
    assert both.estimate == done["lcmcr"].estimate
    assert both.lower == min(e.lower for e in methods if e.lower is not None)
    assert both.upper == max(e.upper for e in methods if e.upper is not None)
    assert "range of both models' 95% intervals" in both.interval
    text = render_report(report, "db")
    assert "models" in text and "figure: LCMCR's; range: both intervals" in text


def test_chain_draws_share_out_the_draws_but_keep_a_floor() -> None:
    assert lcmcr_chain_draws(LcmcrSettings(chains=4, draws=2_500), 20) == 500
    assert lcmcr_chain_draws(LcmcrSettings(chains=4, draws=1_000), 20) == 200
    assert lcmcr_chain_draws(LcmcrSettings(chains=4, draws=100), 20) == MIN_DRAWS_PER_CLUSTERING
    assert lcmcr_chain_draws(LcmcrSettings(chains=4, draws=10), 20) == 10
    assert lcmcr_chain_draws(LcmcrSettings(chains=4, draws=100), 2) == 100


def test_the_all_and_none_persons_are_clustered_as_the_linkage_clusters() -> None:
    from tollbook.estimate.linkage_uncertainty import clustered

    # two namesakes on the morgue list (no duplicates) chained through one hospital record:
    # connected groups make them one person, the linkage's clustering never does
    linkage = ScoredLinkage(
        lists=("morgue", "hospital", "morgue", "burial"),
        attributes=({}, {}, {}, {}),
        left=np.array([0, 1, 2], dtype=np.int64),
        right=np.array([1, 2, 3], dtype=np.int64),
        probability=np.array([0.95, 0.9, 0.6], dtype=np.float64),
        decided=np.zeros(3, dtype=np.int64),
        duplicate_free=frozenset({"morgue", "hospital", "burial"}),
    )
    assert len(set(persons(linkage, linkage.made()).tolist())) == 1
    as_linked = len(set(clustered(linkage, linkage.made()).tolist()))
    none = len(set(clustered(linkage, linkage.no_undecided_linked()).tolist()))
    every = len(set(clustered(linkage, linkage.all_undecided_linked()).tolist()))
    assert as_linked == 2  # morgue 0 with hospital 1; morgue 2 with burial 3
    assert every <= as_linked <= none == 3  # the undecided 0.6 pair left apart


def test_missed_link_candidates_are_counted_on_the_persons_stored() -> None:
    from tollbook.estimate.linkage_estimates import linkage_labels
    from tollbook.estimate.missed_links import candidates

    # two namesakes on the morgue list (no duplicates) both scored likely with one
    # hospital record: connected groups make one person of the three and see no pair kept
    # apart; the linkage stores two persons, and the hospital record's second pair is the
    # candidate merge the statement counts and the calibration sample may draw
    linkage = ScoredLinkage(
        lists=("morgue", "hospital", "morgue"),
        attributes=({}, {}, {}),
        left=np.array([0, 1], dtype=np.int64),
        right=np.array([1, 2], dtype=np.int64),
        probability=np.array([0.95, 0.9], dtype=np.float64),
        decided=np.zeros(2, dtype=np.int64),
        duplicate_free=frozenset({"morgue", "hospital"}),
    )
    labels = linkage_labels(linkage)
    assert len(set(labels.tolist())) == 2
    found = candidates(linkage, labels)
    assert found.count == 1 and found.probability.tolist() == [0.9]


def test_the_heterogeneity_check_is_said_only_while_outside_the_interval_with_linkage_error() -> (
    None
):
    from tollbook.domain.text import N_
    from tollbook.estimate.linkage_estimates import _still_outside
    from tollbook.estimate.results import Estimate

    check = N_(
        "Allowing for people whom every list is less likely to record (the model "
        "%(name)s) gives %(estimate)s, outside this interval: if some of the dead were "
        "much less visible than others, this figure is too low. Compare with the latent "
        "class estimate.",
        name="[12,3] + Darroch",
        estimate="551",
    )
    linked = Estimate(
        method="loglinear",
        observed=452,
        estimate=521,
        lower=498,
        upper=545,
        interval="95% profile likelihood",
        model="[12,3]",
        diagnostics={"heterogeneity_check": {"model": "[12,3] + Darroch", "estimate": 551.0}},
        warnings=("a list is small", check),
    )
    # the interval with linkage error holds 551: the check no longer says anything true
    assert _still_outside(linked, 507, 604) == ["a list is small"]
    # still outside: said as before
    assert _still_outside(linked, 500, 548) == ["a list is small", check]

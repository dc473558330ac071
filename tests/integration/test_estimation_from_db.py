"""`tollbook estimate --from-db`: the linked persons of a simulated siege, counted per list."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from tollbook.services.linkage import link_records
from tollbook.services.linked_tables import NoLinkedPersons, linked_overlap_tables
from tollbook.services.lists import import_list
from tollbook.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def siege(siege_folder: Callable[[int, int], Path]) -> Path:
    return siege_folder(6_000, 5)


def test_no_linked_persons_is_a_clear_error(uow: UnitOfWork) -> None:
    with pytest.raises(NoLinkedPersons, match="tollbook link"):
        linked_overlap_tables(uow)


def test_overlap_tables_count_each_linked_person_once(uow: UnitOfWork, siege: Path) -> None:
    for path in sorted((siege / "lists").glob("*.csv")):
        import_list(uow, path, path.stem, actor="test")
    link_records(uow, actor="test")
    lists, tables = linked_overlap_tables(uow, by=("district",))
    assert lists == tuple(sorted(p.stem for p in (siege / "lists").glob("*.csv")))
    with (siege / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        true_persons = {row["person_id"] for row in csv.DictReader(handle)}
    seen = sum(t.observed for t in tables.values())
    # linkage is not perfect, but the persons counted are close to the true ones
    assert abs(seen - len(true_persons)) <= 0.05 * len(true_persons)
    assert len(tables) > 1  # one table per district
    with pytest.raises(ValueError, match="cannot divide"):
        linked_overlap_tables(uow, by=("shoe_size",))


def test_an_estimate_from_the_database_carries_linkage_error(uow: UnitOfWork, siege: Path) -> None:
    from tollbook.estimate.list_choice import choice_of
    from tollbook.estimate.stratum_values import stratum_key
    from tollbook.services.estimates import (
        EstimateOptions,
        estimate_from_db,
        report_of,
        run_estimate,
    )
    from tollbook.services.linkage import decide_pair, review_queue

    for path in sorted((siege / "lists").glob("*.csv")):
        import_list(uow, path, path.stem, actor="test")
    # a strict threshold and a wide review band, so that this small siege leaves pairs
    # for review
    link_records(uow, actor="test", threshold=0.99, review=(0.05, 0.999))
    queued = review_queue(uow, limit=None)
    assert len(queued) >= 2
    first = queued[0].review
    decide_pair(uow, first.record_a, first.record_b, "split", actor="test", reason="test")
    pending = len(queued) - 1
    # a named model: the model search over five lists is for benchmarks, not tests
    options = EstimateOptions(model="independence", imputations=4, bootstrap=50)
    report, lists, _, _ = estimate_from_db(uow, method="loglinear", options=options)
    assert report.linkage is not None
    assert report.linkage.undecided == pending
    assert report.linkage.estimate_all_linked is not None
    assert report.linkage.estimate_none_linked is not None
    (estimate,) = report.strata[0].estimates
    assert "linkage error included" in estimate.interval
    assert any("Log-linear models run high on linked persons" in w for w in estimate.warnings)
    assert estimate.lower is not None and estimate.upper is not None
    assert estimate.lower < estimate.estimate < estimate.upper
    # by district: one stratum per place, however the lists spell it
    by_district, _, _, _ = estimate_from_db(
        uow, by=("district",), method="loglinear", options=options
    )
    keys = [stratum_key(s.stratum[0][1]) for s in by_district.strata]
    assert len(keys) == len(set(keys))
    # a merged list, saved: the saved report keeps the linkage statement
    merged = EstimateOptions(
        model="independence",
        imputations=4,
        bootstrap=50,
        lists=choice_of(merge=["morgue+burial=bodies"]),
    )
    saved = run_estimate(uow, method="loglinear", actor="test", options=merged)
    assert "bodies" in saved.lists and "morgue" not in saved.lists and len(lists) == 5
    assert any("wait for review" in w for w in saved.warnings)
    again = report_of(saved)
    assert again.linkage is not None and again.linkage.undecided == pending


def test_the_missed_link_correction_is_drawn_by_default_and_can_be_turned_off(
    uow: UnitOfWork, siege: Path
) -> None:
    from tollbook.services.estimates import (
        EstimateOptions,
        estimate_from_db,
        report_of,
        run_estimate,
    )

    for path in sorted((siege / "lists").glob("*.csv")):
        import_list(uow, path, path.stem, actor="test", has_duplicates=True)
    # a strict threshold, so that this small siege leaves pairs between persons
    link_records(uow, actor="test", threshold=0.99, review=(0.05, 0.999))
    options = EstimateOptions(model="independence", imputations=3, bootstrap=20)
    report, _, _, _ = estimate_from_db(uow, method="loglinear", options=options)
    assert report.linkage is not None and report.linkage.missed is not None
    missed = report.linkage.missed
    assert missed.mode == "draw" and missed.candidates > 0 and missed.candidates_sum > 0
    assert missed.calibration == "Beta(1, 1)"  # the prior: no review decisions
    (estimate,) = report.strata[0].estimates
    without = estimate.diagnostics["without_missed_link_correction"]
    assert isinstance(without, dict)
    assert missed.with_correction["loglinear"][0] == estimate.estimate
    assert missed.without_correction["loglinear"][0] == pytest.approx(without["estimate"], abs=0.1)
    # merging persons only lowers the count of persons, and the figure with it
    assert missed.persons[1] <= report.linkage.persons_imputed[1]
    assert estimate.estimate < float(without["estimate"])  # type: ignore[arg-type]
    assert "with the correction" in report.linkage.statement()
    from tollbook.estimate.text_report import render_report

    assert "Missed links:" in render_report(report, "linked persons", lambda text: text)
    off = EstimateOptions(model="independence", imputations=3, bootstrap=20, missed_links="off")
    plain, _, _, _ = estimate_from_db(uow, method="loglinear", options=off)
    assert plain.linkage is not None and plain.linkage.missed is not None
    assert plain.linkage.missed.mode == "off"
    assert plain.linkage.missed.candidates == missed.candidates
    (unchanged,) = plain.strata[0].estimates
    assert unchanged.estimate == pytest.approx(without["estimate"], abs=0.1)
    assert "no correction" in plain.linkage.statement()
    saved = run_estimate(uow, method="loglinear", actor="test", options=options)
    assert saved.options["missed_links"] == "draw"
    again = report_of(saved)
    assert again.linkage is not None and again.linkage.missed is not None
    assert again.linkage.missed.candidates == missed.candidates


def test_a_reviewed_calibration_sample_updates_f_and_the_estimate_says_so(
    uow: UnitOfWork, siege: Path
) -> None:
    from tollbook.services.calibration_sample import queue_calibration_sample
    from tollbook.services.estimates import EstimateOptions, estimate_from_db
    from tollbook.services.linkage import decide_pair, review_queue

    for path in sorted((siege / "lists").glob("*.csv")):
        import_list(uow, path, path.stem, actor="test", has_duplicates=True)
    link_records(uow, actor="test", threshold=0.99, review=(0.05, 0.999))
    done = queue_calibration_sample(uow, 4, actor="test", seed=3)
    assert done.candidates > 4 and done.drawn == 4 and done.queued == 4
    queued = review_queue(uow, limit=None, calibration_only=True)
    assert len(queued) == 4 and all(q.review.calibration for q in queued)
    with uow:
        (entry,) = [e for e in uow.audit.entries() if e.action == "review_sample"]
    assert entry.after is not None and entry.after["queued"] == 4
    for number, item in enumerate(queued):
        a, b = item.review.record_a, item.review.record_b
        if number < 1:
            decide_pair(uow, a, b, "confirm", actor="test")
        else:
            decide_pair(uow, a, b, "split", actor="test", reason="different fathers")
    assert not review_queue(uow, limit=None, calibration_only=True)
    options = EstimateOptions(model="independence", imputations=3, bootstrap=20)
    report, _, _, _ = estimate_from_db(uow, method="loglinear", options=options)
    assert report.linkage is not None and report.linkage.missed is not None
    missed = report.linkage.missed
    assert (missed.sample_confirmed, missed.sample_split) == (1, 3)
    assert "4 calibration-sample decisions, 1 confirmed" in missed.statement()
    assert missed.to_dict()["calibration_decisions"] == 4
    assert "4 calibration decisions" in missed.calibration
    # a second sample draws only pairs still undecided
    again = queue_calibration_sample(uow, 5, actor="test", seed=3)
    assert again.candidates < done.candidates and again.queued == again.drawn >= 1

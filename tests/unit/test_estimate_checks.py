"""Refusals and warnings, in words a non-statistician understands."""

from __future__ import annotations

from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.checks import check_table
from tollbook.estimate.tables import OverlapTable


def test_kosovo_is_fine() -> None:
    checked = check_table(KOSOVO)
    assert not checked.refused and checked.warnings() == () and checked.table == KOSOVO


def test_a_tiny_list_is_refused_by_name() -> None:
    table = OverlapTable.from_mapping(
        ("EXH", "ABA", "OSCE"),
        {(1, 1, 0): 5, (0, 1, 1): 4, (0, 1, 0): 3, (1, 0, 1): 60, (1, 0, 0): 400, (0, 0, 1): 300},
    )
    checked = check_table(table)
    assert checked.refused
    assert checked.refusals()[0].startswith(
        "List ABA has only 12 people: too few to estimate from."
    )


def test_two_lists_that_do_not_overlap_are_refused() -> None:
    table = OverlapTable(("OSCE", "HRW"), (0, 500, 300))
    assert check_table(table).refusals() == (
        "No one appears on both OSCE and HRW: the lists do not overlap, so the number "
        "missed cannot be estimated.",
    )


def test_a_list_that_overlaps_no_other_is_refused() -> None:
    table = OverlapTable.from_mapping(
        ("morgue", "burials", "families"),
        {(1, 1, 0): 80, (1, 0, 0): 300, (0, 1, 0): 200, (0, 0, 1): 90},
    )
    refusals = check_table(table).refusals()
    assert any(r.startswith("No one on list families appears on any other list") for r in refusals)


def test_two_lists_sharing_no_one_among_several_is_a_warning() -> None:
    table = OverlapTable.from_mapping(
        ("A", "B", "C"),
        {(1, 1, 0): 40, (1, 0, 1): 50, (1, 0, 0): 300, (0, 1, 0): 200, (0, 0, 1): 150},
    )
    checked = check_table(table)
    assert not checked.refused
    assert any(w.startswith("No one appears on both B and C") for w in checked.warnings())


def test_empty_list_is_left_out_with_a_warning() -> None:
    table = KOSOVO.keep_lists(["EXH", "ABA", "OSCE"])
    widened = OverlapTable.from_mapping(
        ("EXH", "ABA", "OSCE", "HRW"), {(*p, 0): c for p, c in table.items()}
    )
    checked = check_table(widened)
    assert not checked.refused
    assert checked.table == table
    assert checked.warnings() == ("List HRW has no one on it here: it was left out.",)


def test_few_overlaps_refused_then_warned() -> None:
    few = OverlapTable(("A", "B"), (6, 100, 100))
    assert any(
        "Only 6 people appear on more than one list" in r for r in check_table(few).refusals()
    )
    some = OverlapTable(("A", "B"), (20, 100, 100))
    checked = check_table(some)
    assert not checked.refused
    assert any("Only 20 people appear on more than one list" in w for w in checked.warnings())


def test_nothing_or_one_list() -> None:
    assert check_table(OverlapTable(("A", "B"), (0, 0, 0))).refusals() == (
        "No one is on any list: there is nothing to count.",
    )
    one = check_table(OverlapTable(("A", "B"), (0, 50, 0)))
    assert one.refused and "Only one list has anyone on it" in one.refusals()[0]

"""Overlap tables: canonical cell order, sizes and overlaps, pooling, and linked persons.

Also holds the published tables (Kosovo, HIV in Rome) the other estimation tests use.
"""

from __future__ import annotations

import pytest

from tollbook.estimate.tables import (
    OverlapTable,
    patterns,
    pool,
    stratum_label,
    tables_from_memberships,
)

#: examples/mse/kosovo.csv: EXH, ABA, OSCE, HRW, in canonical order (1111 ... 0001).
KOSOVO = OverlapTable(
    ("EXH", "ABA", "OSCE", "HRW"),
    (27, 181, 18, 177, 42, 228, 106, 1131, 32, 217, 31, 845, 123, 936, 306),
)
#: examples/mse/hiv.csv (Rcapture's HIV data).
HIV = OverlapTable(
    ("c1", "c2", "c3", "c4"),
    (0, 3, 1, 33, 0, 20, 6, 403, 3, 35, 10, 545, 11, 621, 205),
)


def test_patterns_are_in_rcapture_order() -> None:
    assert patterns(2) == ((1, 1), (1, 0), (0, 1))
    assert patterns(3)[0] == (1, 1, 1) and patterns(3)[-1] == (0, 0, 1)
    assert len(patterns(4)) == 15 and (0, 0, 0, 0) not in patterns(4)


def test_sizes_and_overlaps_of_kosovo() -> None:
    assert KOSOVO.observed == 4_400
    assert KOSOVO.list_sizes() == {"EXH": 1_910, "ABA": 1_528, "OSCE": 1_786, "HRW": 685}
    assert KOSOVO.shared("OSCE", "HRW") == 27 + 42 + 32 + 123
    assert KOSOVO.only_on("HRW") == 306
    assert KOSOVO.on_several() == 4_400 - (1131 + 845 + 936 + 306)
    assert KOSOVO.count((1, 0, 0, 0)) == 1131


def test_keep_lists_merges_cells_and_drops_people_on_none() -> None:
    two = KOSOVO.keep_lists(["EXH", "HRW"])
    assert two.lists == ("EXH", "HRW")
    assert two.count((1, 1)) == 27 + 18 + 42 + 106
    assert two.count((0, 1)) == KOSOVO.list_sizes()["HRW"] - two.count((1, 1))
    assert two.observed == 1_910 + 685 - two.count((1, 1))


def test_from_mapping_fills_zeros_and_rejects_bad_patterns() -> None:
    table = OverlapTable.from_mapping(("A", "B"), {(1, 1): 5, (0, 1): 7})
    assert table.counts == (5, 0, 7)
    with pytest.raises(ValueError, match="pattern"):
        OverlapTable.from_mapping(("A", "B"), {(0, 0): 3})
    with pytest.raises(ValueError, match="negative"):
        OverlapTable(("A", "B"), (1, -1, 2))
    with pytest.raises(ValueError, match="repeat"):
        OverlapTable(("A", "A"), (1, 1, 2))


def test_pool_adds_strata() -> None:
    a = OverlapTable(("A", "B"), (1, 2, 3), (("district", "north"),))
    b = OverlapTable(("A", "B"), (10, 20, 30), (("district", "south"),))
    assert pool([a, b]).counts == (11, 22, 33)
    with pytest.raises(ValueError):
        pool([a, OverlapTable(("B", "A"), (1, 2, 3))])


def test_tables_from_linked_persons_by_stratum() -> None:
    people = [
        (frozenset({"morgue"}), {"district": "north"}),
        (frozenset({"morgue", "burials"}), {"district": "north"}),
        (frozenset({"burials"}), {"district": "south"}),
        (frozenset({"burials"}), {}),
    ]
    tables = tables_from_memberships(people, ("morgue", "burials"), ("district",))
    assert list(tables) == [
        (("district", ""),),
        (("district", "north"),),
        (("district", "south"),),
    ]
    north = tables[(("district", "north"),)]
    assert north.counts == (1, 1, 0) and north.stratum == (("district", "north"),)
    assert tables_from_memberships(people, ("morgue", "burials"))[()].counts == (1, 1, 2)
    assert stratum_label((("district", "north"), ("sex", "f"))) == "district=north, sex=f"
    assert stratum_label(()) == "all"


@pytest.mark.parametrize(
    ("on", "message"),
    [(frozenset(), "on no list"), (frozenset({"hospital"}), "unknown list")],
)
def test_linked_persons_must_be_on_known_lists(on: frozenset[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        tables_from_memberships([(on, {})], ("morgue", "burials"))

"""Choosing, dropping and merging lists; one stratum value however it is spelt."""

from __future__ import annotations

import pytest

from tests.unit.test_estimate_tables import KOSOVO
from tollbook.estimate.list_choice import ListChoice, choice_of, parse_merge
from tollbook.estimate.stratum_values import spellings, stratum_key, unify_strata
from tollbook.estimate.tables import OverlapTable


def test_merge_is_parsed_with_or_without_a_name() -> None:
    assert parse_merge("EXH+ABA=official") == (("EXH", "ABA"), "official")
    assert parse_merge(" EXH + ABA ") == (("EXH", "ABA"), "EXH+ABA")
    for bad in ("EXH", "EXH+EXH=x", "EXH+ABA="):
        with pytest.raises(ValueError):
            parse_merge(bad)


def test_merged_lists_count_a_person_once() -> None:
    merged = choice_of(merge=["EXH+ABA=official"]).apply(KOSOVO)
    assert merged.lists == ("HRW", "OSCE", "official")
    assert merged.observed == KOSOVO.observed
    sizes = merged.list_sizes()
    on_either = KOSOVO.observed - KOSOVO.keep_lists(("OSCE", "HRW")).observed
    on_either += sum(c for p, c in KOSOVO.items() if (p[0] or p[1]) and (p[2] or p[3]))
    assert sizes["official"] == on_either
    assert sizes["HRW"] == KOSOVO.list_sizes()["HRW"]


def test_dropped_and_kept_lists() -> None:
    dropped = choice_of(drop=["HRW"]).apply(KOSOVO)
    assert dropped == KOSOVO.keep_lists(("ABA", "EXH", "OSCE"))
    kept = choice_of(keep=["EXH,OSCE"]).apply(KOSOVO)
    assert kept == KOSOVO.keep_lists(("EXH", "OSCE"))


def test_bad_choices_name_the_list() -> None:
    with pytest.raises(ValueError, match="drop: no list NGO"):
        choice_of(drop=["NGO"]).apply(KOSOVO)
    with pytest.raises(ValueError, match="merge: no list NGO"):
        choice_of(merge=["NGO+EXH=x"]).apply(KOSOVO)
    with pytest.raises(ValueError, match="at least two lists"):
        choice_of(keep=["EXH"]).apply(KOSOVO)
    with pytest.raises(ValueError, match="already a list"):
        choice_of(merge=["EXH+ABA=HRW"]).apply(KOSOVO)
    assert ListChoice().empty and not choice_of(drop=["HRW"]).empty


def test_a_place_in_three_scripts_is_one_stratum() -> None:
    assert stratum_key("Вокзальний") == stratum_key("Vokzalnyi") == stratum_key("Вокзальный")
    assert stratum_key("Vokzal'nyi") == stratum_key("vokzalnyi")
    assert stratum_key("Заводський") != stratum_key("Вокзальний")
    shown = spellings(["Вокзальний", "Vokzalnyi", "Вокзальний", "Заводський"])
    assert shown == {
        "Вокзальний": "Вокзальний",
        "Vokzalnyi": "Вокзальний",
        "Заводський": "Заводський",
    }


def test_tables_of_one_place_spelt_twice_are_added() -> None:
    lists = ("a", "b")
    tables = {
        (("district", "Вокзальний"),): OverlapTable(
            lists, (5, 10, 20), (("district", "Вокзальний"),)
        ),
        (("district", "Vokzalnyi"),): OverlapTable(lists, (1, 2, 3), (("district", "Vokzalnyi"),)),
        (("district", "Sadovyi"),): OverlapTable(lists, (4, 4, 4), (("district", "Sadovyi"),)),
    }
    unified = unify_strata(tables)
    assert sorted(unified) == [(("district", "Sadovyi"),), (("district", "Вокзальний"),)]
    assert unified[(("district", "Вокзальний"),)].counts == (6, 12, 23)


def test_the_method_when_none_is_named() -> None:
    from tollbook.services.estimates.options import method_for

    # a table file: both methods; the linked persons: both too (and the range across them)
    assert method_for(None, from_db=False) == "all"
    assert method_for(None, from_db=True) == "all"
    assert method_for(None, from_db=True, model="[12,3]") == "loglinear"
    assert method_for("loglinear", from_db=True) == "loglinear"
    assert method_for("lcmcr", from_db=False) == "lcmcr"

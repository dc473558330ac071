"""Two events in one sentence: each figure keeps the site nearest to it (count/figure_sites)."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.unit.test_count_grouping import groups, sourced
from tollbook.count.figure_sites import figures_in, sites_by_figure
from tollbook.count.wording import read_wording, site_positions

HEADLINE = "Odesa: drone hits bus depot, killing three; missile on port kills eleven"


def test_figures_are_found_in_digits_and_in_words() -> None:
    assert figures_in("Twenty-three died, 1,204 were hurt and 7 missing; forty two more") == [
        (0, 23),
        (19, 1204),
        (39, 7),
        (50, 42),
    ]
    assert figures_in("a 2.5-tonne bomb, version 3.1, and room 12b") == []


def test_each_figure_keeps_the_site_nearest_to_it() -> None:
    wording = read_wording(HEADLINE)
    assert wording.sites == {"depot", "port"}
    positions = site_positions(HEADLINE, wording.sites)
    found = sites_by_figure(HEADLINE, [(3, 3), (11, 11)], positions)
    assert found == [frozenset({"depot"}), frozenset({"port"})]


def test_nothing_changes_unless_every_figure_is_found_once() -> None:
    sentence = "A strike on the market killed three and a strike on the station three more"
    positions = site_positions(sentence, read_wording(sentence).sites)
    assert sites_by_figure(sentence, [(3, 3), (3, 3)], positions) is None  # "three" twice
    assert sites_by_figure(sentence, [(3, 3), (9, 9)], positions) is None  # no nine
    one_site = "Shelling of the market killed four and wounded 19"
    spots = site_positions(one_site, read_wording(one_site).sites)
    assert sites_by_figure(one_site, [(4, 4), (19, 19)], spots) is None


def test_two_events_of_one_headline_are_two_incidents_and_each_gathers_its_reports() -> None:
    day: dict[str, Any] = {"place": "Odesa", "when": "2024-05-02"}
    first = date(2024, 5, 2)
    later = date(2024, 5, 3)
    assert groups(
        sourced(1, 3, 3, report=1, evidence=HEADLINE, published=first, **day),
        sourced(2, 11, 11, report=1, evidence=HEADLINE, published=first, **day),
        # the port's toll risen to 14 the next day; two of the wounded died overnight
        sourced(3, 14, 14, report=2, evidence="The toll of the strike on the port rose to 14.",
                published=later, **day),
        sourced(4, 2, 2, report=3, published=later, **day,
                evidence="Two of those wounded at the port died in hospital overnight."),
        # the same two events in Ukrainian, with no site word the count layer reads
        sourced(5, 14, 14, report=4, published=later, **day,
                evidence="Загинули 14 людей, повідомила адміністрація."),
        sourced(6, 3, 3, report=5, published=later, **day,
                evidence="Ще троє людей загинули, повідомила адміністрація."),
    ) == [(1, 6), (2, 3, 4, 5)]  # fmt: skip

"""Two events in one sentence: each figure keeps the site nearest to it (count/figure_sites)."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.unit.test_count_grouping import groups, sourced
from tollbook.count.figure_sites import figures_in, sites_by_figure
from tollbook.count.wording import read_wording, site_positions

NOW_PUTS = "The agency now puts the toll at 33, after two injured people died in hospital."
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


def test_a_hospital_s_lower_count_and_a_risen_toll_now_given_are_one_event() -> None:
    day: dict[str, Any] = {"place": "Gulu", "when": "2025-02-02"}
    first, later = date(2025, 2, 3), date(2025, 2, 4)
    assert groups(
        sourced(1, 23, None, report=1, published=first, **day,
                evidence="Floods killed at least 23 people in Gulu, officials said."),
        sourced(2, 31, 31, report=2, published=later, **day,
                evidence="The toll from the floods in Gulu rose to 31."),
        # the hospital's bodies, published the same day as the 31: a part, no contradiction
        sourced(3, 27, 27, report=3, published=later, kind="observed", **day,
                evidence="Gulu hospital has received 27 bodies since Sunday night."),
        # "now puts ... at 33, after two injured people died": the 33 holds the two
        sourced(4, 33, 33, report=4, published=date(2025, 2, 6), **day,
                evidence=NOW_PUTS),
        sourced(5, 2, 2, report=4, published=date(2025, 2, 6), **day,
                evidence=NOW_PUTS),
    ) == [(1, 2, 3, 4, 5)]  # fmt: skip


def test_a_toll_risen_in_ukrainian_or_russian_revises_the_first_figure() -> None:
    day: dict[str, Any] = {"place": "Zaporizhzhia", "when": "2024-03-06"}
    assert groups(
        sourced(1, 9, 9, report=1, published=date(2024, 3, 6), **day,
                evidence="Загинули дев'ять людей, повідомив Іван Федоров."),
        # an undated report of the next day: only its words say the toll rose
        sourced(2, 13, 13, report=2, published=date(2024, 3, 7), place="Zaporizhzhia",
                when=None, evidence="Число погибших выросло до 13 человек."),
        sourced(3, 13, 13, report=3, published=date(2024, 3, 7), **day,
                evidence="Кількість загиблих зросла до 13."),
    ) == [(1, 2, 3)]  # fmt: skip

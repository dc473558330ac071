"""A toll its own source says was wrong is no one's figure (``count.withdrawn``)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.test_count_tolls import sourced
from tollbook.count import CountRules, reconcile
from tollbook.count.withdrawn import withdrawn_figures
from tollbook.domain.incident import SourcedClaim


@pytest.mark.parametrize(
    ("sentence", "withdrawn"),
    [
        # what a correction started from
        ("The district office corrected the toll of the mudslide to four dead from seven.", {7}),
        ("The count was revised down from 33 after two names were found twice on the list.", {33}),
        ("The ministry lowered its figure for the quarter from 1,210 to 1,164.", {1210}),
        # what was said before, told as wrong
        (
            "The mayor had first said eight people died, but a man listed among them was found "
            "alive.",
            {8},
        ),
        ("A post on Sunday that gave the toll as 19 was wrong, the regional police said.", {19}),
        (
            "The agency, which had given a toll of 22 on Friday, corrected it to 20 on Saturday.",
            {22},
        ),
        ("Rescuers had earlier put the toll at six, but one body had been counted twice.", {6}),
        (
            "The hospital initially reported 48 deaths, a figure later blamed on double counting.",
            {48},
        ),
        ("The council withdrew an earlier statement that had given 12 dead.", {12}),
        (
            "A statement from the ministry that gave the toll as 40 had counted some victims "
            "twice.",
            {40},
        ),
        ("The governor had earlier put the toll at nine, but one man had survived.", {9}),
        # a figure told, then the error after a "but"
        (
            "A village chief told reporters that 15 died, but the police later said several "
            "bodies had been counted both at the site and at the morgue.",
            {15},
        ),
    ],
)
def test_a_figure_said_to_be_wrong_is_found(sentence: str, withdrawn: set[int]) -> None:
    assert withdrawn_figures(sentence) == withdrawn


@pytest.mark.parametrize(
    "sentence",
    [
        # a toll that rose: the earlier figure is superseded, not wrong
        "Officials had first said five people died; by evening the toll had risen to nine.",
        # the corrected figure itself
        "Flood toll revised down to 14 after a recount",
        "The toll was corrected to 31 on Tuesday.",
        # an error that is not about a figure given before
        "Troops opened fire by mistake on a car at the checkpoint, killing three.",
        # another person found alive, not the figure told
        "Four people were killed in the blast, but a fifth, first listed among the dead, was "
        "found alive.",
    ],
)
def test_a_figure_that_stands_is_not_withdrawn(sentence: str) -> None:
    assert not withdrawn_figures(sentence)


def _claim(claim_id: int, figure: int, evidence: str) -> SourcedClaim:
    return sourced(
        claim_id,
        figure,
        figure,
        "exact",
        report=1,
        place="Vilshanka",
        when="2026-04-14",
        kind="official",
        attributed_to="the regional administration",
        evidence=evidence,
        published=date(2026, 4, 15),
    )


def test_a_withdrawn_toll_does_not_set_the_minimum() -> None:
    result = reconcile(
        [
            _claim(1, 11, "A missile strike on Vilshanka killed 11 people on Tuesday."),
            _claim(
                2,
                13,
                "The administration had said on Tuesday night that 13 died, but corrected "
                "the figure after two of those listed were found in hospital.",
            ),
        ],
        rules=CountRules(),
    )
    assert [(i.low, i.high) for i in result.incidents if i.outcome == "killed"] == [(11, 11)]


def test_a_toll_that_rose_still_counts_its_latest_figure() -> None:
    result = reconcile(
        [
            _claim(1, 11, "A missile strike on Vilshanka killed 11 people on Tuesday."),
            _claim(2, 13, "The administration said the toll had risen to 13 by Wednesday."),
        ],
        rules=CountRules(),
    )
    assert [(i.low, i.high) for i in result.incidents if i.outcome == "killed"] == [(13, 13)]

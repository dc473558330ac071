"""Verbs of killing that name how before the figure ("shot dead three farmers", "beheaded
two men", "lynched four suspects") and the dead a body or a place lost ("the hospital had
lost 31 patients") (cues.LEFT_OUTCOME_RE; thirtieth session, docs/extraction.md)."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _figures(text: str) -> list[tuple[str, int | None]]:
    claims = extract_claims(Report("r", text, published=date(2026, 5, 6)))
    return [(c.outcome, c.low) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("On Tuesday evening, gunmen shot dead four herders near Dogo Nahawa, police said.", 4),
        ("Bandits gunned down six traders on the road to Gusau on Monday, residents said.", 6),
        ("A mob in the market town of Kasese lynched two suspected thieves on Sunday.", 2),
        ("The militants hacked to death five villagers in Mambasa on Monday night.", 5),
    ],
)
def test_a_verb_of_killing_before_the_figure_counts_the_dead(sentence: str, killed: int) -> None:
    assert ("killed", killed) in _figures(sentence)


def test_two_verbs_in_one_sentence_give_two_figures() -> None:
    text = (
        "The raiders beheaded three men and shot dead five other villagers in Kibirizi on "
        "Saturday, the army said."
    )
    figures = _figures(text)
    assert ("killed", 3) in figures and ("killed", 5) in figures


def test_shot_and_wounded_is_not_killed() -> None:
    text = "Police shot and wounded three protesters outside the governor's office on Monday."
    assert ("killed", 3) not in _figures(text)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The director said the district hospital had lost 31 cholera patients since March.", 31),
        ("The army had killed 60 rebels since January and lost 12 soldiers, he said.", 12),
        ("Bwera, the first village attacked, lost at least 19 of its residents on Sunday.", 19),
    ],
)
def test_lost_before_the_figure_counts_the_dead(sentence: str, killed: int) -> None:
    assert ("killed", killed) in _figures(sentence)


def test_things_lost_are_no_claim() -> None:
    text = "The village has lost 300 homes and 40 cattle to the floods, the mayor said on Monday."
    assert not [f for f in _figures(text) if f[0] == "killed"]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A rocket hit a house in Sloviansk on Monday, killing a woman and her three sons.", 3),
        ("The storm killed a 70-year-old farmer and his two grandsons near Tuzla on Friday.", 2),
        ("In Zavidovici, a man and his two grandchildren drowned when the river burst.", 2),
    ],
)
def test_the_kin_of_one_named_without_a_figure_are_counted(sentence: str, killed: int) -> None:
    assert ("killed", killed) in _figures(sentence)

"""'Among them were N ...' in a sentence of its own counts those of the figure before it,
with its outcome: the dead stay dead, the injured injured."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _claims(text: str) -> list[tuple[str, int | None, str]]:
    return [(str(c.outcome), c.low, c.victims) for c in extract_claims(Report(id="r", text=text))]


def test_among_them_after_the_dead_counts_dead() -> None:
    text = "Eleven people died when the bridge collapsed. Among them were four pupils."
    assert _claims(text) == [("killed", 11, "people"), ("killed", 4, "pupils")]


def test_among_them_after_the_injured_counts_injured() -> None:
    text = "Twenty people were injured in the blast. Among them are 5 nurses."
    assert _claims(text) == [("injured", 20, "people"), ("injured", 5, "nurses")]


def test_two_figures_joined_by_and_keep_their_own_victims() -> None:
    text = "The dead include 14 children and nine women, police said."
    assert _claims(text) == [("killed", 14, "children"), ("killed", 9, "women")]


def test_the_speaker_after_a_comma_is_not_a_second_victim_noun() -> None:
    text = "The mudslide killed 11 villagers, officials said."
    assert _claims(text) == [("killed", 11, "villagers")]


def test_a_part_named_before_its_figure_counts_with_its_outcome() -> None:
    text = "Two firefighters were among 11 people killed in the blaze, officials said."
    assert _claims(text) == [("killed", 2, "firefighters"), ("killed", 11, "people")]
    text = "Three children were among the 40 people injured."
    assert _claims(text) == [("injured", 3, "children"), ("injured", 40, "people")]

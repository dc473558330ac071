"""Figures issue 12 found missed: 'the number of people killed ... could reach N' (an
estimate up to N, the dead named before the modal verb) and 'the death toll ranges from N
to M' (a range)."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _claims(text: str) -> list[tuple[int | None, int | None, str, str]]:
    found = extract_claims(Report(id="r", text=text))
    return [(c.low, c.high, str(c.kind), str(c.qualifier)) for c in found]


def test_the_number_of_dead_that_could_reach_a_figure_is_an_estimate_up_to_it() -> None:
    text = (
        "Rescuers said the number of people killed in the mudslides could reach 900 as "
        "villages in the valley stayed cut off."
    )
    assert _claims(text) == [(None, 900, "estimate", "up_to")]


def test_the_number_of_dead_that_tops_a_figure_is_read() -> None:
    text = "The number of people killed in the district tops 120, the governor said."
    assert [c[:2] for c in _claims(text)] == [(120, None)]


def test_the_number_of_injured_that_could_reach_a_figure_is_not_a_death_toll() -> None:
    text = "The number of people injured could reach 300, the hospital said."
    assert _claims(text) == []


def test_a_toll_that_ranges_from_one_figure_to_another_is_a_range() -> None:
    text = "The death toll ranges from 2,100 to 3,400, the relief agencies said."
    assert [c[:2] + c[3:] for c in _claims(text)] == [(2100, 3400, "range")]


def test_ages_that_range_are_not_a_toll() -> None:
    assert _claims("The dead range in age from 6 to 71.") == []

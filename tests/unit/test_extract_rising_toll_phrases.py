"""A rising toll as news writes it: 'likely to rise above N' is an estimate, 'climbed past
N' is more than N, and a conjunction after the figure ('rose to 90 as rescuers ...') is no
victim noun."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _one(text: str) -> tuple[int | None, str, str, str]:
    (claim,) = extract_claims(Report(id="r", text=text))
    return claim.low, str(claim.kind), str(claim.qualifier), str(claim.victims)


def test_a_toll_likely_to_rise_above_a_figure_is_an_estimate() -> None:
    text = "The death toll is likely to rise above 150, the regional governor said."
    assert _one(text)[:3] == (150, "estimate", "more_than")


def test_a_toll_that_climbed_past_a_figure_is_more_than_it() -> None:
    text = "The toll climbed past 75 on Sunday, the emergency service said."
    assert _one(text)[:3] == (75, "official", "more_than")


def test_a_conjunction_after_the_figure_names_no_victims() -> None:
    text = "The toll rose to 64 as divers searched the lake, the police said."
    assert _one(text) == (64, "official", "exact", "people")
    text = "The toll rose to 64 while volunteers dug through the mud, the police said."
    assert _one(text)[3] == "people"


def test_civilian_deaths_count_civilians() -> None:
    text = "The mission recorded 75 civilian deaths in the region, the report said."
    assert _one(text)[3] == "civilians"
    assert _one("The ministry reported 12 new deaths.")[3] == "people"


def test_homes_buried_by_a_landslide_are_not_the_dead() -> None:
    text = "The landslide buried 27 homes and killed 9 people, the disaster response force said."
    assert _one(text) == (9, "official", "exact", "people")

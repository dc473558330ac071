"""Figure shapes of round 11: a toll that "could pass" or "could exceed" a number (more
than it, an estimate), a toll that "crosses" one, a sentence whose running total is only in
its second clause ("five killed ...; toll since May crosses 260"), and "Of this year's dead,
N were children"."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _claims(text: str) -> list[tuple[str, int | None, int | None, str, str, str]]:
    return [
        (str(c.outcome), c.low, c.high, str(c.qualifier), str(c.kind), str(c.scope))
        for c in extract_claims(Report(id="r", text=text))
    ]


def _counts(text: str) -> list[tuple[str, int | None]]:
    """Each claim's outcome and low figure."""
    return [(outcome, low) for outcome, low, *_ in _claims(text)]


def test_the_number_of_dead_could_pass_a_figure() -> None:
    text = "The governor said the number of dead could pass 80 as rescuers reach the hills."
    assert _claims(text) == [("killed", 80, None, "more_than", "estimate", "incident")]


def test_deaths_this_year_could_exceed_a_figure() -> None:
    text = "An epidemiologist said deaths this year could exceed 700 if cases keep rising."
    assert _claims(text)[0][:5] == ("killed", 700, None, "more_than", "estimate")


def test_a_toll_that_crosses_a_figure_is_more_than_it() -> None:
    text = "Floods: toll in the province crosses 140 as rivers keep rising"
    assert _claims(text)[0][:4] == ("killed", 140, None, "more_than")


def test_only_the_clause_with_the_running_total_is_cumulative() -> None:
    text = "Seven killed in new clashes in Tamenglong; toll since March 2024 crosses 300"
    assert [(low, scope) for _, low, _, _, _, scope in _claims(text)] == [
        (7, "incident"),
        (300, "cumulative"),
    ]


def test_of_this_year_s_dead_counts_part_of_the_dead() -> None:
    text = (
        "Dengue killed six more people, bringing this year's toll to 212. "
        "Of this year's dead, 33 were children under 15, the directorate said."
    )
    assert _counts(text) == [
        ("killed", 6),
        ("killed", 212),
        ("killed", 33),
    ]


def test_of_those_killed_and_among_the_deaths_open_a_breakdown() -> None:
    text = "Gunmen killed 102 people. Of those killed, 81 were men, 19 women and two children."
    assert _counts(text) == [
        ("killed", 102),
        ("killed", 81),
        ("killed", 19),
        ("killed", 2),
    ]
    text = "Cholera has killed 90 people. Among the deaths, 22 were children under five."
    assert _counts(text) == [("killed", 90), ("killed", 22)]


def test_a_breakdown_by_place_after_of_the_fatalities() -> None:
    text = (
        "The storm left 18 dead. Of the fatalities, seven were reported in the mountain "
        "region, and four in the islands."
    )
    assert _counts(text) == [
        ("killed", 18),
        ("killed", 7),
        ("killed", 4),
    ]
    text = "The quake killed 118 people. Of the dead in Gansu, 31 were in Dahejia Township."
    assert _counts(text) == [("killed", 118), ("killed", 31)]


def test_of_them_opens_a_breakdown_with_no_casualty_word() -> None:
    text = "A crush killed 23 pilgrims. Of them, 14 are women and five are children."
    assert _counts(text) == [
        ("killed", 23),
        ("killed", 14),
        ("killed", 5),
    ]


def test_the_verb_after_another_figure_is_that_figure_s() -> None:
    text = (
        "The death toll rose overnight to 36, among them three children, and 121 people "
        "were injured, the emergency service said."
    )
    assert _counts(text) == [
        ("killed", 36),
        ("killed", 3),
        ("injured", 121),
    ]
    text = "Twelve soldiers and eight volunteer fighters were killed in the ambush."
    assert _counts(text) == [("killed", 12), ("killed", 8)]


def test_a_dateline_s_day_and_the_first_figure_are_no_range() -> None:
    text = "TALAVERA, August 12 - Fourteen people were killed when the dam gave way."
    assert [(low, high, q) for _, low, high, q, *_ in _claims(text)] == [(14, 14, "exact")]
    text = "The floods killed 12-15 people, officials said."
    assert [(low, high, q) for _, low, high, q, *_ in _claims(text)] == [(12, 15, "range")]


def test_people_still_searched_for_are_missing() -> None:
    text = (
        "Rescuers pulled six bodies from the river while the search continued for "
        "two others, the police said."
    )
    assert _counts(text) == [("bodies_found", 6), ("missing", 2)]


def test_some_of_the_bodies_keep_the_verb_before_them() -> None:
    text = "Rescuers recovered four of the bodies before dark."
    assert _counts(text) == [("bodies_found", 4)]
    text = "Villagers buried 20 of the bodies in a mass grave."
    assert _counts(text) == [("buried", 20)]


def test_some_of_the_victims_buried_are_burials_and_of_those_opens_a_breakdown() -> None:
    text = "Witnesses said they helped bury 31 of the victims in the church cemetery."
    assert _counts(text) == [("buried", 31)]
    text = "Forty people were injured. Of those, 19 were children under the age of 15."
    assert _counts(text) == [("injured", 40), ("injured", 19)]


def test_a_breakdown_after_of_those_killed_is_part_of_the_total_and_keeps_its_scope() -> None:
    report = Report(
        id="r",
        text="The outbreak has killed 44 people since March. Among the deaths, 22 were children.",
    )
    claims = extract_claims(report)
    assert [(c.low, c.scope, c.part_of) for c in claims] == [
        (44, "cumulative", None),
        (22, "cumulative", 0),
    ]


def test_the_largest_share_of_the_deaths_with_a_figure() -> None:
    text = (
        "Kordofan recorded the largest share of the new deaths, with 14, "
        "followed by Darfur with nine."
    )
    assert _counts(text) == [("killed", 14), ("killed", 9)]


def test_those_hunted_are_not_missing_and_do_not_make_an_estimate() -> None:
    text = "Police are searching for five suspects after the attack that killed 12 people."
    assert [(o, low, kind) for o, low, _, _, kind, _ in _claims(text)] == [
        ("killed", 12, "reported")
    ]

"""The extractor on single sentences: each rule of CLAIMS.md, and the traps of real copy."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.domain.report import Report
from tollbook.extract import extract_claims

Fig = tuple[str, int | None, int | None, str]


def figures(text: str, published: date | None = None) -> list[Fig]:
    claims = extract_claims(Report("t", text, published))
    return [(c.outcome, c.low, c.high, c.qualifier) for c in claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hedges, each on the number it stands before
        (
            "At least 39 people were killed and 87 wounded in the blast.",
            [("killed", 39, None, "at_least"), ("injured", 87, 87, "exact")],
        ),
        ("More than 200 civilians have died.", [("killed", 200, None, "more_than")]),
        ("Over 50 people were injured.", [("injured", 50, None, "more_than")]),
        ("About 300 people are missing.", [("missing", 300, 300, "about")]),
        ("Some 45 soldiers were killed.", [("killed", 45, 45, "about")]),
        ("Approximately 120 people died.", [("killed", 120, 120, "about")]),
        ("Up to 70 people may have been killed.", [("killed", None, 70, "up_to")]),
        ("Nearly 90 people were wounded.", [("injured", None, 90, "up_to")]),
        ("Almost 1,000 people have died.", [("killed", None, 1000, "up_to")]),
        ("Between 10 and 15 people were killed.", [("killed", 10, 15, "range")]),
        ("Officials said 20 to 25 people were missing.", [("missing", 20, 25, "range")]),
        ("Medics said 10-15 people were injured.", [("injured", 10, 15, "range")]),
        # numbers in words and with scales
        ("Forty bodies were buried in a mass grave.", [("buried", 40, 40, "exact")]),
        ("A dozen people were killed.", [("killed", 12, 12, "exact")]),
        ("Two dozen civilians were wounded.", [("injured", 24, 24, "exact")]),
        ("The war has killed 1.2 million people.", [("killed", 1200000, 1200000, "exact")]),
        ("Twenty-five people died in the fire.", [("killed", 25, 25, "exact")]),
        ("One hundred and twenty people were killed.", [("killed", 120, 120, "exact")]),
        # several figures, several outcomes
        (
            "The strike killed 12 people and wounded 40 others.",
            [("killed", 12, 12, "exact"), ("injured", 40, 40, "exact")],
        ),
        (
            "The attack left 5 dead, 12 injured and 3 missing.",
            [("killed", 5, 5, "exact"), ("injured", 12, 12, "exact"), ("missing", 3, 3, "exact")],
        ),
        ("The death toll rose to 35 on Friday.", [("killed", 35, 35, "exact")]),
        ("The death toll has climbed to at least 112.", [("killed", 112, None, "at_least")]),
        ("Rescuers recovered 14 bodies from the rubble.", [("bodies_found", 14, 14, "exact")]),
        ("The bodies of 9 civilians were found in a basement.", [("bodies_found", 9, 9, "exact")]),
        ("Three people were reported missing after the flood.", [("missing", 3, 3, "exact")]),
        # vague figures
        ("Dozens of people were killed.", [("killed", None, None, "vague")]),
        (
            "The blast killed at least 17 and injured many more.",
            [("killed", 17, None, "at_least"), ("injured", None, None, "vague")],
        ),
        ("Hundreds were feared dead.", [("killed", None, None, "vague")]),
    ],
)
def test_figures(text: str, expected: list[Fig]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The city, home to 430,000 people, has no water.",
        "A 12-year-old girl was among those killed.",
        "The victim, aged 67, was killed instantly.",
        "Rescuers evacuated 300 people from the building.",
        "More than 2 million people have been displaced since 2022.",
        "About 1,500 people are sheltering in the metro.",
        "The strike destroyed 40 homes and 3 schools.",
        "Russia fired 25 missiles and 30 drones overnight.",
        "The convoy was 20 km from the front on March 4.",
        "Prices rose 15% and the aid package is worth $40 million.",
        "The magnitude 7.8 earthquake struck at 4.17am.",
        "Police arrested 45 people after the protest.",
        "How many people died we do not know.",
        "Sign up to our newsletter for 5 daily updates on the war that killed 3,000.",
        "",
        "The weather was fine on Tuesday.",
    ],
)
def test_not_claims(text: str) -> None:
    assert figures(text) == []


def test_same_figure_repeated_is_one_claim() -> None:
    text = (
        "At least 17 people were killed in the strike on Kharkiv.\n"
        "The strike, which killed at least 17 people, hit a market."
    )
    assert figures(text) == [("killed", 17, None, "at_least")]


def test_derived_multiplier_of_an_official_figure() -> None:
    text = (
        "The official death toll stands at 300.\n"
        'The mayor said: "The real number is three to four times more than that."'
    )
    assert ("killed", 900, 1200, "derived") in figures(text)


def test_twice_as_many_in_same_sentence() -> None:
    found = figures("Doctors believe twice as many as the official 50 died.")
    assert ("killed", 100, 100, "derived") in found
    assert ("killed", 50, 50, "exact") in found


def test_split_words_and_typos_are_mended() -> None:
    assert figures("At least 12 people were kil led and 30 in jured.") == [
        ("killed", 12, None, "at_least"),
        ("injured", 30, 30, "exact"),
    ]


def test_curly_quotes_and_attribution_across_quotes() -> None:
    text = (
        "Ivan Petrenko, governor of the Kharkiv region, said the situation was dire.\n"
        "He added: “Nine people were killed in Izium overnight.”"
    )
    claims = extract_claims(Report("t", text, date(2022, 4, 2)))
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.low, claim.attributed_to) == (9, "Ivan Petrenko, governor of the Kharkiv region")
    assert claim.place == "Izium"
    assert claim.when == "2022-04-01/2022-04-02"  # "overnight": the night before publication
    assert claim.kind == "official"
    assert claim.evidence == "He added: “Nine people were killed in Izium overnight.”"


def test_place_from_earlier_sentence_and_relative_date() -> None:
    text = (
        "Shelling continued in Kherson this week.\n"
        "On Tuesday, a strike on the market killed 7 people, officials said."
    )
    claims = extract_claims(Report("t", text, date(2022, 11, 25)))
    assert [(c.place, c.when) for c in claims] == [("market, Kherson", "2022-11-22")]
    assert claims[0].geo is not None and claims[0].geo.country == "UA"


def test_unknown_village_kept_as_written() -> None:
    claims = extract_claims(
        Report("t", "Four civilians were killed in the village of Zarichne Mala overnight.")
    )
    assert claims[0].place == "Zarichne Mala"
    assert claims[0].geo is None


def test_cumulative_scope_and_period() -> None:
    claims = extract_claims(
        Report(
            "t",
            "Since February 24, 2022, at least 8,000 civilians have been killed.",
            date(2023, 1, 10),
        )
    )
    assert claims[0].scope == "cumulative"
    assert claims[0].when == "2022-02-24/2023-01-10"


def test_evidence_is_a_substring_of_the_input() -> None:
    text = "Menu\nHome\n“Thirty people died,” she said. Rescuers were still digging."
    claims = extract_claims(Report("t", text))
    assert claims and all(c.evidence in text for c in claims)
    assert all(
        text[c.evidence_start : c.evidence_start + len(c.evidence)] == c.evidence
        for c in claims
        if c.evidence_start is not None
    )


def test_the_gazetteer_is_loaded_once_per_process() -> None:
    from tollbook.extract.places import default_gazetteer

    assert default_gazetteer() is default_gazetteer()


def _one(text: str, published: date | None = None):  # type: ignore[no-untyped-def]
    claims = extract_claims(Report("t", text, published))
    assert len(claims) == 1, claims
    return claims[0]


def test_kinds_official_estimate_observed_reported() -> None:
    assert _one("The health ministry said 40 people were killed.").kind == "official"
    assert _one("Local residents estimate that 300 people died.").kind == "estimate"
    assert _one("Our correspondent counted 12 bodies in the yard.").kind == "observed"
    assert _one("At least 9 people died in the fire.").kind == "reported"


def test_historical_toll_keeps_its_own_place() -> None:
    text = (
        "The earthquake killed 120 people in Herat on Saturday.\n"
        "It was the deadliest since a 1998 quake in Takhar killed about 4,000."
    )
    claims = extract_claims(Report("t", text, date(2023, 10, 9)))
    assert [(c.low, c.place) for c in claims] == [(120, "Herat"), (4000, "Takhar")]


def test_boilerplate_never_yields_claims() -> None:
    text = (
        "Sign up to our newsletter: 5 things that killed 300 people this year\n"
        "Follow our live blog for updates on the 12 killed in Kharkiv\n"
        "Share this article\n"
        "Two people died in the blaze, firefighters said."
    )
    assert [(c.low, c.evidence) for c in extract_claims(Report("t", text))] == [
        (2, "Two people died in the blaze, firefighters said.")
    ]


def test_links_after_a_related_header_are_not_claims() -> None:
    text = "Six people were injured in Sumy.\nMore on this story\nBlast in Odesa leaves 4 dead\n"
    assert [(c.outcome, c.low) for c in extract_claims(Report("t", text))] == [("injured", 6)]


def test_multiplier_of_a_figure_named_again_and_of_a_non_casualty_number() -> None:
    text = (
        "A strike killed at least 14 people in Kharkiv.\n"
        '"The real toll may be twice as high as the 14 we have confirmed."'
    )
    assert ("killed", 28, 28, "derived") in figures(text)
    capacity = "The boat carried 280 passengers, more than twice the 120 it was licensed to carry."
    assert figures(capacity) == []

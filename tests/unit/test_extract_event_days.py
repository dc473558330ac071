"""The day of an event. A weekday is the latest such day on or before publication ("on
Wednesday" in a report published on a Wednesday is that day, "last Wednesday" the week
before); the day a figure was said or stated is not the event's; "the toll from Tuesday's
explosion rose to 98 on Thursday" is one event's rising toll, not a period between the two
days; "April last year" is in the year before publication. All sentences are written for
these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims

WEDNESDAY = date(2026, 7, 15)
THURSDAY = date(2026, 10, 22)


def _first(text: str, published: date) -> tuple[str | None, str]:
    claim = extract_claims(Report(id="r", text=text, published=published))[0]
    return claim.when, str(claim.scope)


def test_the_weekday_of_publication_is_the_day_of_publication() -> None:
    text = "A drone strike killed 9 people in the village of Tonbo on Wednesday, officials said."
    assert _first(text, WEDNESDAY)[0] == "2026-07-15"


def test_last_weekday_of_publication_is_the_week_before() -> None:
    text = "A drone strike killed 9 people in the village of Tonbo last Wednesday, officials said."
    assert _first(text, WEDNESDAY)[0] == "2026-07-08"


def test_an_earlier_weekday_is_in_the_same_week() -> None:
    text = "A drone strike killed 9 people in the village of Tonbo on Monday, officials said."
    assert _first(text, WEDNESDAY)[0] == "2026-07-13"


def test_a_toll_from_one_days_explosion_that_rose_on_another_is_one_event() -> None:
    text = (
        "The death toll from Tuesday's gas explosion at a market in Kebbi rose to 41 on "
        "Thursday after six of the injured died, the state emergency agency said."
    )
    assert _first(text, THURSDAY)[1] == "incident"


def test_the_day_a_toll_was_given_is_not_the_day_of_the_crash() -> None:
    text = (
        "The district police said on Wednesday that 12 passengers were killed when a bus "
        "fell into a gorge near Kalpa on Tuesday night."
    )
    assert _first(text, WEDNESDAY)[0] == "2026-07-14"


def test_a_figure_whose_sentence_names_only_the_day_it_was_told_takes_the_events_day() -> None:
    text = (
        "A drone strike on a wedding party killed at least 19 people, residents told "
        "reporters on Wednesday.\nThe drone struck the party in the village of Mabo on "
        "Sunday evening, one resident said. Eleven of the wounded were taken to Gao."
    )
    assert _first(text, WEDNESDAY)[0] == "2026-07-12"


def test_the_day_of_a_statement_is_not_the_day_of_the_operation() -> None:
    text = (
        "The army said in a statement on Wednesday that 31 fighters were killed during an "
        "operation near Ansongo on Sunday."
    )
    assert _first(text, WEDNESDAY)[0] == "2026-07-12"


def test_a_month_last_year_is_in_the_year_before_publication() -> None:
    text = (
        "The floods were the worst in the province since April last year, when the "
        "disaster agency counted 64 deaths in one week."
    )
    when = _first(text, WEDNESDAY)[0]
    assert when is not None and when.startswith("2025-04-01")


def test_a_past_disaster_named_by_its_year_is_dated_that_year() -> None:
    text = "The 2004 Sumatra earthquake and tsunami killed more than 160,000 people in Aceh."
    assert _first(text, WEDNESDAY) == ("2004-01-01/2004-12-31", "incident")


def test_a_past_disaster_named_by_its_month_and_year_is_dated_that_month() -> None:
    text = "The floods of October 2018 killed more than 40 people in the same district."
    assert _first(text, WEDNESDAY) == ("2018-10-01/2018-10-31", "incident")


def test_the_deadliest_day_since_a_past_war_is_dated_today() -> None:
    text = (
        "Air strikes killed 92 people in the south on Wednesday, the deadliest day since "
        "the 2006 war, the health ministry said."
    )
    assert _first(text, WEDNESDAY)[0] == "2026-07-15"


def test_a_past_disaster_named_by_month_and_year_after_the_is_dated_then() -> None:
    text = "In the June 2023 floods, 95 people were killed in the province."
    assert _first(text, WEDNESDAY)[0] == "2023-06-01/2023-06-30"


def test_last_year_opening_a_sentence_is_the_year_before() -> None:
    text = "Last year, flash floods in the same valley killed more than 210 people."
    assert _first(text, WEDNESDAY)[0] == "2025-01-01/2025-12-31"

"""The extractor's rules of round 45 (thirty-third session; docs/extraction.md, "Round
45"), one or more tests each, every one failing on the code before its rule. The round is
about a toll's day and place when the report tells them after it: the event's day told
after the lead's aftermath, the day a report was filed, the village a headline names only
by its region."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, published: date = date(2026, 3, 6)) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _claim(claims: list[Claim], outcome: str, low: int) -> Claim:
    return next(c for c in claims if c.outcome == outcome and c.low == low)


def test_a_country_that_owns_the_place_after_it_is_not_the_figures_place() -> None:
    text = "A storm killed five people in Bulgaria's Burgas province on Sunday, officials said."
    assert _claim(_claims(text), "killed", 5).place == "Burgas province"


def test_a_country_right_after_the_figure_is_still_its_place() -> None:
    text = "Floods have killed 41 people in Bulgaria since Sunday, the ministry said."
    assert _claim(_claims(text), "killed", 41).place == "Bulgaria"


def test_a_lead_that_tells_the_aftermath_first_takes_the_events_day_told_next() -> None:
    text = (
        "Rescuers pulled three more bodies from the rubble on Thursday, bringing the toll "
        "to 12, the governor of Izmir said.\n"
        "The five-storey apartment block in Bayrakli collapsed late on Tuesday after a gas "
        "explosion.\n"
        "Fourteen people are still in hospital."
    )
    claims = _claims(text)
    assert _claim(claims, "killed", 12).when == "2026-03-03"
    assert _claim(claims, "bodies_found", 3).when == "2026-03-05"  # the day they were found


def test_a_day_told_next_that_is_not_in_the_week_before_leaves_the_lead_as_it_was() -> None:
    text = (
        "Rescuers pulled three more bodies from the rubble on Thursday, bringing the toll "
        "to 12, the governor said.\n"
        "A similar collapse in the same district on 2 January killed four people."
    )
    assert _claim(_claims(text), "killed", 12).when == "2026-03-05"


def test_the_events_day_told_before_its_aftermath_in_the_lead_is_carried() -> None:
    text = (
        "A drone strike on a market in Kostiantynivka on Sunday morning has killed nine "
        "people, including two who died of their wounds in hospital on Tuesday.\n"
        "The regional governor said 14 people were wounded."
    )
    assert _claim(_claims(text, date(2026, 3, 4)), "injured", 14).when == "2026-03-01"


def test_the_day_an_earlier_toll_was_given_is_not_carried_to_the_figures_after_it() -> None:
    text = (
        "The toll from the earthquake that struck the Arequipa region late on Tuesday rose "
        "to 18 on Thursday, the civil defence institute said.\n"
        "It had put the toll at 11 on Wednesday evening.\n"
        "In the district of Chivay, 10 people died, the mayor said."
    )
    assert _claim(_claims(text, date(2026, 5, 14)), "killed", 10).when == "2026-05-12"


def test_a_statement_by_a_named_body_dated_in_its_heading_does_not_date_the_headline() -> None:
    text = (
        "Gunmen kill at least 11 migrants at a river reception station\n"
        "Statement by the Migrant Aid Network, Panama City, 12 March 2026\n"
        "The network condemns the attack late on Tuesday on the reception station at "
        "Bajo Chiquito.\n"
        "Among the dead are three children, our volunteers said."
    )
    assert _claim(_claims(text, date(2026, 3, 12)), "killed", 11).when == "2026-03-10"


def test_the_site_of_an_event_weeks_before_is_not_the_site_of_the_reports_figures() -> None:
    text = (
        "Russian glide bombs struck an industrial district of Zaporizhzhia on Wednesday "
        "afternoon, killing seven people and wounding 34, the governor said.\n"
        "Zaporizhzhia has been hit repeatedly this year. On 2 May, a missile strike on the "
        "city's bus station killed 11 people."
    )
    claims = _claims(text, date(2026, 8, 13))
    assert _claim(claims, "killed", 7).place == "Zaporizhzhia"
    assert _claim(claims, "injured", 34).place == "Zaporizhzhia"

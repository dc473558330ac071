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


def test_a_cyrillic_dateline_is_the_day_of_filing_not_of_the_event() -> None:
    text = (
        "Пожежа в гуртожитку в Полтаві: кількість загиблих зросла до п'яти\n"
        "Полтава, 12 березня 2026\n"
        "Кількість загиблих унаслідок пожежі в гуртожитку на вулиці Соборності в Полтаві "
        "зросла до п'яти, повідомили в ДСНС.\n"
        "Пожежа сталася в неділю ввечері на третьому поверсі, тоді загинули троє людей."
    )
    claims = _claims(text, date(2026, 3, 12))
    assert _claim(claims, "killed", 5).when == "2026-03-08"
    assert _claim(claims, "killed", 3).when == "2026-03-08"


def test_a_cyrillic_dateline_still_dates_a_report_that_tells_no_day_of_its_own() -> None:
    text = (
        "Удар по ринку в Херсоні: загинули четверо\n"
        "Херсон, 12 березня 2026\n"
        "Унаслідок удару по центральному ринку загинули четверо людей, повідомили в ОВА."
    )
    assert _claim(_claims(text, date(2026, 3, 12)), "killed", 4).when == "2026-03-12"


def test_a_round_ups_day_heading_is_no_dateline() -> None:
    text = (
        "Тиждень на Херсонщині: дев'ятеро загиблих\n"
        "Вівторок, 10 березня.\n"
        "Загинули двоє жителів Білозерки, ще п'ятеро поранені."
    )
    assert _claim(_claims(text, date(2026, 3, 14)), "killed", 2).when == "2026-03-10"


def test_a_later_toll_follows_the_village_the_body_gives_the_regions_headline() -> None:
    text = (
        "На Рівненщині зіткнулися автобус і вантажівка: загинули п'ятеро людей\n"
        "ДТП сталася 8 лютого близько 17:10 поблизу села Олександрія Рівненського району.\n"
        "На місці події загинули четверо пасажирів автобуса, ще один чоловік помер дорогою "
        "до лікарні.\n"
        "Пізніше начальник Рівненської ОВА повідомив, що в лікарні помер ще один пасажир. "
        "Кількість загиблих зросла до шести."
    )
    claims = _claims(text, date(2026, 2, 9))
    assert _claim(claims, "killed", 5).place == "Олександрія"
    assert _claim(claims, "killed", 6).place == "Олександрія"


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


def test_the_same_number_two_days_apart_in_another_town_is_another_event() -> None:
    text = (
        "Обстрелы Донецкой области: погибли четверо\n"
        "18 октября в Краматорске погибли трое мирных жителей, сообщил глава ОВА.\n"
        "Кроме того, в больнице скончалась женщина, раненая 16 октября в Дружковке. Таким "
        "образом, число погибших в результате того удара возросло до трех."
    )
    claims = [c for c in _claims(text, date(2026, 10, 19)) if c.outcome == "killed"]
    assert sorted((c.low, c.when) for c in claims if c.low == 3) == [
        (3, "2026-10-16"),
        (3, "2026-10-18"),
    ]


def test_a_figure_told_in_another_country_is_no_share_of_the_toll() -> None:
    text = (
        "Tropical storm: live updates\n"
        "21:15 | Toll rises to 12\n"
        "The Emergency Operations Centre now says 12 people have died in the Dominican "
        "Republic since the storm made landfall near Barahona on Tuesday night.\n"
        "17:20 | Two dead in Haiti\n"
        "Haiti's Civil Protection Directorate said two people died in Jacmel on Wednesday "
        "when a wall collapsed onto their home."
    )
    claims = _claims(text, date(2026, 9, 24))
    assert all(c.part_of is None for c in claims if c.outcome == "killed" and c.low == 2)


def test_elsewhere_in_a_town_of_the_tolls_province_is_a_share_of_it() -> None:
    text = (
        "A magnitude 6.2 earthquake struck Malatya province before dawn on Tuesday, killing "
        "31 people, 18 of them students in a dormitory that collapsed in the town of "
        "Pütürge, the disaster agency said.\n"
        "Elsewhere in Pütürge, nine people were killed when old stone houses collapsed."
    )
    claims = _claims(text, date(2026, 9, 16))
    nine = _claim(claims, "killed", 9)
    assert nine.part_of is not None and claims[nine.part_of].low == 31


def test_elsewhere_in_a_country_is_still_another_event() -> None:
    text = (
        "A Russian missile struck Kharkiv on Tuesday, killing 12 people, the governor said.\n"
        "Elsewhere in Ukraine, three people were killed in shelling."
    )
    assert _claim(_claims(text, date(2026, 9, 16)), "killed", 3).part_of is None

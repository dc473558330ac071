"""Shapes of round 17, found by storing new reports of my own about one besieged city
without review, as a new user would, and reading the toll. All sentences are written for
these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _read(text: str) -> list[tuple[str, int | None, int | None, str, str]]:
    report = Report(id="r", text=text, published=date(2026, 3, 12))
    return [(c.outcome, c.low, c.high, c.scope, c.kind) for c in extract_claims(report)]


def test_one_strike_on_a_day_alone_is_an_incident_and_a_days_count_is_not() -> None:
    one = "On Wednesday alone, a strike on a school basement used as a shelter killed six people."
    assert _read(one)[0][:4] == ("killed", 6, 6, "incident")
    many = "On Tuesday alone, 40 people were killed across the region, the governor said."
    assert _read(many)[0][:4] == ("killed", 40, 40, "cumulative")


def test_a_toll_since_a_siege_began_in_a_month_runs_to_the_report() -> None:
    text = (
        "At least 1,900 civilians have died in Kherson since the siege began in January, "
        "the city's mayor said on Tuesday."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 3, 12)))
    assert (claims[0].scope, claims[0].when) == ("cumulative", "2026-01-01/2026-03-12")
    # a month named after the period's clause is that month
    text = "In January, shelling killed 40 people in Kherson, the mayor said."
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 3, 12)))
    assert claims[0].when == "2026-01-01/2026-01-31"


def _places(text: str) -> list[tuple[int | None, str | None]]:
    report = Report(id="r", text=text, published=date(2026, 6, 14))
    return [(c.low, c.place) for c in extract_claims(report)]


def test_an_island_a_mountain_pass_and_a_dam_are_where_it_happened_and_stand_alone() -> None:
    assert _places(
        "A ferry sank off Tamsin Island, in the south of the country, on Monday, killing 21 "
        "people, the coast guard said."
    ) == [(21, "Tamsin Island")]
    assert _places(
        "A lorry plunged into a ravine on the Dorvash mountain pass in western Kyrgyzstan, "
        "killing nine people, police said."
    ) == [(9, "Dorvash pass")]
    assert _places(
        "Eleven workers died when the Kessel Dam gave way near Blantyre, the ministry said."
    ) == [(11, "Kessel Dam")]


def test_where_the_victims_came_from_or_were_going_is_not_where_they_died() -> None:
    assert _places(
        "A bus crashed near Naryn on Friday, killing 14 people, police said. Nine of the dead "
        "were members of two families from Osh, police said."
    ) == [(14, "Naryn"), (9, "Naryn")]
    assert _places(
        "The boat, which had left the landing at dawn for Mombasa, sank near Lamu, killing "
        "12 people, the coast guard said."
    ) == [(12, "Lamu")]


def test_a_city_in_the_genitive_is_no_authority_in_ukrainian_and_russian() -> None:
    from tollbook.extract.uk_ru.sources_uk_ru import is_official

    # "ова" ends "Львова" and "ода" ends "города": neither is a military administration
    assert not is_official("Обстріл Львова")
    assert not is_official("жители города")
    assert is_official("голова Львівської ОВА")
    assert is_official("начальник Херсонской ОВА")
    text = (
        "Обстріл Львова: загинули четверо людей\n"
        "Унаслідок ракетного удару по вулиці Городоцькій загинули четверо людей, повідомив "
        "голова Львівської ОВА.\n"
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 3, 4)))
    assert claims and all(c.attributed_to != "Обстріл Львова" for c in claims)


def test_the_source_of_figures_from_a_body_is_the_body() -> None:
    def source(text: str) -> str | None:
        report = Report(id="r", text=text, published=date(2026, 2, 5))
        return extract_claims(report)[0].attributed_to

    assert source("According to the latest figures from AFAD, 44 people have died.") == "AFAD"
    assert source("According to a tally by the Associated Press, 31 people have died.") == (
        "Associated Press"
    )
    assert source("According to data from the regional police, 12 people have died.") == (
        "regional police"
    )


def test_one_in_a_list_by_place_is_a_figure_and_a_share_is_not() -> None:
    text = (
        "Strikes in the region\n"
        "Shelling killed five civilians in the region over the past day: three in Bakhmut, "
        "one in Siversk and one in Lyman."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 6, 10)))
    assert sorted((c.low, c.place) for c in claims if c.low == 1) == [
        (1, "Lyman"),
        (1, "Siversk"),
    ]
    assert claims[0].when == "2026-06-09/2026-06-10"  # "over the past day"
    text = "Heat wave\nThe heat killed 30 people in Multan, and one in four of them were children."
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 6, 10)))
    assert [c.low for c in claims] == [30]


def test_the_station_or_the_committee_said_names_the_body_named_before() -> None:
    text = (
        "Fire at care home kills nine\n"
        "A fire broke out at a care home in Gimhae on Saturday, the Gimhae Fire Station said.\n"
        "Nine residents were killed and 14 injured, the station said."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 6, 10)))
    injured = next(c for c in claims if c.outcome == "injured")
    assert injured.attributed_to == "Gimhae Fire Station"
    assert injured.kind == "official"


def test_a_past_event_counted_back_from_the_report_is_dated_then() -> None:
    def when(text: str) -> str | None:
        report = Report(id="r", text=f"Title\n{text}", published=date(2026, 1, 15))
        return extract_claims(report)[0].when

    assert when("A year ago, a missile strike on a block of flats killed 46 people.") == (
        "2025-01-01/2025-12-31"
    )
    assert when("Two months ago, floods killed 30 people in the province.") == (
        "2025-11-01/2025-11-30"
    )
    assert when("Three days ago, a bomb killed 7 people at the market.") == "2026-01-12"


def test_the_paragraphs_speaker_goes_on_when_the_next_paragraph_has_its_own() -> None:
    text = (
        "Floods kill 112\n"
        "Floods have killed 112 people across Pakistan, including 45 in Sindh province, "
        "the disaster agency said on Monday. At least 230 people were injured.\n"
        "In the town of Dadu, a roof collapse killed eight members of one family, police said."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 7, 20)))
    injured = next(c for c in claims if c.outcome == "injured")
    assert injured.attributed_to == "disaster agency"
    assert next(c for c in claims if c.low == 8).attributed_to == "police"


def test_the_places_a_count_is_broken_into_do_not_place_the_next_figure() -> None:
    text = (
        "Floods kill 112\n"
        "Floods have killed 112 people across Pakistan, including 45 in Sindh province "
        "and 30 in Punjab, the disaster agency said on Monday. At least 230 people were "
        "injured, the agency said."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 7, 20)))
    assert next(c for c in claims if c.outcome == "injured").place == "Pakistan"
    assert {c.place for c in claims if c.low in (45, 30)} == {"Sindh province", "Punjab"}


def test_a_place_a_count_is_given_for_alone_is_its_place_and_voice() -> None:
    text = (
        "Flood toll climbs to 131\n"
        "The death toll from flooding in Pakistan has risen to 131, the NDMA said on "
        "Wednesday, as rains continued in the south. In Sindh alone, 52 people have died."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 7, 22)))
    sindh = next(c for c in claims if c.low == 52)
    assert (sindh.place, sindh.attributed_to, sindh.kind) == ("Sindh", "NDMA", "official")
    text = "Heat wave\nIn March alone, 40 people died of heat stroke, the ministry said."
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 4, 2)))
    assert claims[0].place is None


def test_the_wounded_after_the_dead_and_their_child_are_no_part_of_the_dead() -> None:
    text = (
        "Обстрел Белгорода\n"
        "В результате обстрела на улице Щорса в Белгороде погибли пять человек, в том числе "
        "ребенок, еще 18 получили ранения, сообщил губернатор области."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 5, 12)))
    injured = next(c for c in claims if c.outcome == "injured")
    assert (injured.low, injured.part_of) == (18, None)


def test_a_cyrillic_first_line_is_the_headline_and_takes_the_bodys_speaker() -> None:
    text = (
        "Обстрел Белгорода: погибли пять человек\n\n"
        "Белгород, 12 мая. В результате обстрела на улице Щорса в Белгороде погибли пять "
        "человек, в том числе ребенок, еще 18 получили ранения, сообщил губернатор области "
        "Вячеслав Гладков.\n\n"
        "По его словам, с начала года в регионе погибли 134 мирных жителя.\n"
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 5, 12)))
    dead = next(c for c in claims if c.outcome == "killed")
    assert dead.attributed_to == "Вячеслав Гладков, губернатор области"
    assert dead.place is not None and "Щорса" in dead.place


def test_a_place_named_after_a_date_dates_nothing() -> None:
    text = (
        "Crush at stadium gate kills 17\n"
        "At least 17 people were crushed to death when fans rushed a gate at the September 28 "
        "stadium in Conakry on Sunday evening, the health ministry said."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 12, 2)))
    assert {c.when for c in claims} == {"2026-11-29"}


def test_a_bulletins_labels_give_the_outcome() -> None:
    text = (
        "Situation report No. 3: floods in Kasese district\n\n"
        "Date: 3 May 2026\n"
        "Deaths: 27 (confirmed by the district health office)\n"
        "Injured: at least 112\n"
        "Missing: 9\n"
        "Displaced: 14,300 people\n"
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 5, 4)))
    assert [(c.outcome, c.low, c.qualifier) for c in claims] == [
        ("killed", 27, "exact"),
        ("injured", 112, "at_least"),
        ("missing", 9, "exact"),
    ]
    assert claims[0].attributed_to == "district health office"
    assert all(c.place == "Kasese" for c in claims)  # not the city of Date, Japan
    line = "Killed: 12 | Injured: 40"
    claims = extract_claims(Report(id="r", text=f"Title\n{line}", published=date(2026, 5, 4)))
    assert [(c.outcome, c.low) for c in claims] == [("killed", 12), ("injured", 40)]


def test_a_town_the_gazetteer_lacks_is_read_before_a_period_or_a_time() -> None:
    text = (
        "GENEVA, March 12 - The UN monitoring mission said it had verified the deaths of 412 "
        "civilians in Velikodar between 24 February and 10 March."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 3, 12)))
    assert claims[0].place == "Velikodar"


def test_a_country_that_says_is_the_speaker_not_the_place() -> None:
    text = (
        "Strikes kill 42 in Gaza\n"
        "Israeli strikes killed at least 42 Palestinians across the Gaza Strip, the health "
        "ministry said. Israel says it has killed more than 17,000 militants."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 11, 3)))
    militants = next(c for c in claims if c.low == 17000)
    assert militants.place != "Israel"


def test_a_running_total_since_an_undated_start_takes_no_days_period() -> None:
    text = (
        "Strikes kill 42\n"
        "Strikes killed at least 42 people across the Strip over the past 24 hours, the health "
        "ministry said on Tuesday, bringing the death toll since the war began to 44,100."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 11, 3)))
    whens = {c.low: c.when for c in claims}
    assert whens[42] == "2026-11-02/2026-11-03"
    assert whens[44100] is None


def test_a_centre_or_a_commission_that_says_is_a_body_that_speaks() -> None:
    text = (
        "Landslide buries village\n"
        "Local officials said 670 people were feared dead, while the national disaster centre "
        "put the toll at more than 2,000."
    )
    claims = extract_claims(Report(id="r", text=text, published=date(2026, 5, 26)))
    assert [(c.low, c.attributed_to) for c in claims] == [
        (670, "local officials"),
        (2000, "national disaster centre"),
    ]

"""The extractor's rules of round 43 (thirty-first session; docs/extraction.md, "Round 43"),
one or more tests each, every one failing on the code before its rule: events told inside
running totals ("among them a family of four who were found dead on Sunday"), breakdowns
("Of the 163, 97 were soldiers"), figures of one ("one farmer was killed"), what stands
between the dead and their death, figures that count no one (a temperature, death records,
an age bound), days (a year in Ukrainian and Russian), and a transcript's speakers."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

_LEAD = (
    "SEVILLE, Aug 9 - At least 41 people have died of heatstroke in Andalusia since the heat "
    "wave began on July 30, the regional health service said on Sunday.\n"
)


def _claims(text: str, published: date = date(2026, 8, 9)) -> list[Claim]:
    return extract_claims(Report("r", text, published=published))


def _killed_lows(text: str) -> list[int | None]:
    """The figures of the killed claims read in ``text``, in order of size."""
    return sorted((c.low for c in _claims(text) if c.outcome == "killed"), key=lambda x: x or 0)


def _killed(claims: list[Claim], low: int) -> Claim:
    return next(c for c in claims if c.outcome == "killed" and c.low == low)


def test_a_part_who_died_on_a_named_day_is_an_event() -> None:
    text = _LEAD + (
        "Among them were four residents of a nursing home in Écija who died on Friday night "
        "after its cooling broke down, the town hall said."
    )
    part = _killed(_claims(text), 4)
    assert part.scope == "incident"
    assert part.when == "2026-08-07"


def test_a_family_found_dead_on_a_day_inside_a_running_total_is_an_event() -> None:
    text = (
        "Fumes from generators have killed 19 people across the country since March, the "
        "ministry said, among them a family of five who were found dead on Thursday in "
        "their flat in Dos Hermanas."
    )
    part = _killed(_claims(text), 5)
    assert part.scope == "incident"
    assert part.when == "2026-08-06"


def test_a_share_of_the_total_by_area_stays_in_the_total() -> None:
    text = _LEAD + "Eleven of them died in the province of Córdoba, officials said."
    assert _killed(_claims(text), 11).scope == "cumulative"


def test_a_day_count_across_the_region_stays_a_count() -> None:
    text = _LEAD + (
        "Among them were seven people who died on Saturday across the region, most of them over 80."
    )
    assert _killed(_claims(text), 7).scope == "cumulative"


def test_a_temperature_is_no_count() -> None:
    text = (
        "SEVILLE, Aug 9 - At least 41 people have died of heatstroke in Andalusia since the "
        "heat wave began on July 30, a tally of regional figures showed on Sunday, as "
        "temperatures topped 44 C in parts of the region for a third straight day."
    )
    assert _killed_lows(text) == [41]


def test_a_mine_left_from_the_war_kills_in_one_event() -> None:
    text = (
        "On Tuesday a shell left from the war killed three children playing near the old "
        "railway depot in Ilovaisk, the emergency service said."
    )
    assert _killed(_claims(text), 3).scope == "incident"


def test_the_war_itself_still_counts_a_period() -> None:
    text = "The war killed at least 3,100 civilians in the region in its first year, the UN said."
    assert _killed(_claims(text), 3100).scope == "cumulative"


def test_what_the_dead_were_doing_stands_between_them_and_their_death() -> None:
    text = (
        "On Thursday afternoon, four roofers fixing a school roof in the Triana district "
        "collapsed and died in the heat, the fire brigade said."
    )
    assert _killed(_claims(text), 4).scope == "incident"


def test_a_participle_does_not_reach_another_clause_s_dead() -> None:
    text = "About 300 people sheltering in the gym where two pupils died were moved on Friday."
    assert _killed_lows(text) == [2]


def test_death_records_are_no_dead() -> None:
    text = (
        "The audit of the heat deaths, ordered by the regional parliament, covered 104 "
        "municipalities and 2,310 death records, the health service said."
    )
    assert [c for c in _claims(text) if c.outcome == "killed"] == []


def test_deaths_of_a_disease_are_the_outbreak_s_count() -> None:
    for text, low in (
        ("The measles outbreak declared in Kasai in May has now killed 48 children.", 48),
        ("On Monday the ministry confirmed three more deaths from the Marburg virus.", 3),
        ("He was one of four nurses in the province to die of cholera during the outbreak.", 4),
    ):
        assert _killed(_claims(text), low).scope == "cumulative", text


def test_a_landslide_that_buried_homes_leaves_the_event_s_day_to_later_sentences() -> None:
    # the release's own date heads it; the landslide's night is told in the lead, and the
    # later figures are the landslide's, not the release's day
    text = (
        "Civil Protection | Bulletin 12 | Tegucigalpa, 14 June 2026\n"
        "Civil Protection reports that 14 people have died in the landslide that buried part "
        "of the Los Pinos neighbourhood at 2 am on Friday 12 June.\n"
        "The bulletin issued on Saturday recorded 11 deaths."
    )
    claims = _claims(text, published=date(2026, 6, 14))
    assert _killed(claims, 11).when == "2026-06-12"


def test_the_dead_a_medical_service_identified_are_counted() -> None:
    text = (
        "The forensic service has identified 21 people who died in the fires: 15 in the "
        "commune of Florida and six in Penco."
    )
    assert _killed_lows(text) == [6, 15, 21]


def test_a_family_among_the_dead_is_a_part_of_them() -> None:
    text = (
        "Eleven deaths were recorded in the south of the island, including a family of four "
        "in Naqara village whose house was buried by a landslide."
    )
    claims = _claims(text)
    family = _killed(claims, 4)
    assert family.part_of is not None and claims[family.part_of].low == 11


def test_of_the_figure_before_opens_its_breakdown() -> None:
    text = (
        "The ministry said 148 members of the security forces were killed last year.\n"
        "Of the 148, 90 were soldiers and 58 were police officers, the ministry said."
    )
    claims = _claims(text)
    for low in (90, 58):
        part = _killed(claims, low)
        assert part.part_of is not None and claims[part.part_of].low == 148


def test_of_a_population_is_no_breakdown_of_the_dead() -> None:
    text = (
        "Gunmen killed 14 people in the town in March.\n"
        "Of the 21,000 people who lived there before the attack, about 4,800 are back."
    )
    assert _killed_lows(text) == [14]


def test_a_ranking_of_areas_by_their_dead_is_a_breakdown_of_the_total() -> None:
    text = (
        "Dengue has killed 140 people in the country since January, the ministry said.\n"
        "Santa Cruz recorded the most deaths, 61, followed by Beni with 40 and Tarija with 22."
    )
    claims = _claims(text)
    for low in (61, 40, 22):
        share = _killed(claims, low)
        assert share.scope == "cumulative", low
        assert share.part_of is not None and claims[share.part_of].low == 140, low


def test_a_share_of_a_total_counts_over_the_total_s_period() -> None:
    text = (
        "Cholera has killed 96 people in the province since the outbreak was declared on "
        "14 December, WHO said.\nAmong the dead were 31 children under five."
    )
    claims = _claims(text)
    assert _killed(claims, 31).when == _killed(claims, 96).when


def test_a_storm_s_toll_since_landfall_is_the_storm_s_event() -> None:
    text = (
        "Civil defence now says 14 people have died since Tropical Storm Ofelia made "
        "landfall near Puerto Cabezas on Sunday night."
    )
    assert _killed(_claims(text), 14).scope == "incident"
    season = "Floods have killed 40 people since the rainy season began in May."
    assert _killed(_claims(season), 40).scope == "cumulative"


def test_an_age_bound_after_people_counts_no_one() -> None:
    for text in (
        "The dead included nine people under 18, the youngest a girl of 11 shot in the "
        "Ratoma district, and 120 people were wounded.",
        "The dead included six people over 70 and 120 people were injured.",
    ):
        figures = {(c.low, c.high) for c in _claims(text)}
        assert not figures & {(None, 18), (70, None)}, text
        assert (120, 120) in figures


def test_one_person_named_by_what_they_did_is_a_figure_of_one() -> None:
    for text in (
        "On Friday gunmen ambushed a convoy near Bunia, killing one Malawian peacekeeper and "
        "wounding three others.",
        "In Rangpur, one farmer was killed and two were injured when lightning struck a field.",
        "On Sunday one fan died and nine were hurt in a crush at the stadium in Tegucigalpa.",
    ):
        assert _killed_lows(text) == [1], text
    assert _claims("One man was arrested after the crash, police said.") == []


def test_a_year_named_in_ukrainian_or_russian_dates_its_figure() -> None:
    ukrainian = (
        "Це найбільша пожежа в місті з 2018 року, коли в гуртожитку на Садовій загинули "
        "шестеро людей."
    )
    past = next(c for c in _claims(ukrainian) if c.outcome == "killed")
    assert past.when == "2018-01-01/2018-12-31"
    russian = "В 2025 году на дорогах области погибли 214 человек."
    year = next(c for c in _claims(russian) if c.outcome == "killed")
    assert year.when == "2025-01-01/2025-12-31"


def test_what_was_done_to_the_dead_stands_between_them_and_their_death() -> None:
    text = "Three patients airlifted from Chivay to Arequipa died there on Monday, he said."
    assert _killed_lows(text) == [3]


def test_one_of_a_group_who_died_is_a_death_of_one() -> None:
    for text in (
        "One of the survivors, a 37-year-old fisherman, died at the district hospital on Friday.",
        "One of the workers taken to Lille University Hospital with severe burns died there "
        "on Saturday.",
    ):
        assert _killed_lows(text) == [1], text
    assert _claims("She was one of the nurses who treated the wounded.") == []


def test_one_more_after_a_figure_is_one_more_dead() -> None:
    text = "Three of the wounded died in hospital on Friday and one more on Saturday."
    assert _killed_lows(text) == [1, 3]
    assert _claims("One more day passed without news of the missing boat.") == []


def test_a_press_conference_s_speakers_and_title_bodies_name_no_place() -> None:
    text = (
        "Kavieng, Papua New Guinea, 9 May 2026\n"
        "Speakers: John Mamu, Morobe provincial administrator, and Ruth Kaupa, disaster "
        "coordinator\n"
        "Q: What is the toll this morning?\n"
        "A: Mamu: We have confirmed 13 deaths.\n"
        "Q: Were rescuers hurt?\n"
        "A: Mamu: Two volunteers were killed when more earth came down on Thursday. Those two "
        "are included in the 13 I gave you."
    )
    report = Report(
        "r",
        text,
        title="Wantoat Landslide: Questions and Answers From the Morobe Disaster Committee",
        published=date(2026, 5, 9),
    )
    claims = extract_claims(report)
    toll = _killed(claims, 13)
    assert toll.place is None or "Morobe" not in toll.place  # not the speaker's province
    volunteers = _killed(claims, 2)
    assert volunteers.part_of is not None and claims[volunteers.part_of].low == 13

"""Round 18 of issue 12 (docs/extraction.md): faults found in the tuning corpora's errors,
each tested on sentences written for the test."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.attribution import Speakers
from tollbook.extract.dates import find_dates
from tollbook.extract.extractor import extract_claims
from tollbook.extract.kind import kind_of
from tollbook.extract.scope import is_cumulative
from tollbook.extract.shares import _tells_an_event
from tollbook.extract.source_text import tidy_source


def _source(sentence: str) -> str | None:
    return Speakers([sentence]).source(0)


def test_the_number_of_dead_is_no_speaker_and_a_body_named_after_it_is() -> None:
    assert (
        _source(
            "The number of deaths UNHCR has counted on the central Mediterranean route this "
            "year rose to 740 after Tuesday's sinking."
        )
        == "UNHCR"
    )
    assert tidy_source("number of dead") is None
    assert tidy_source("the number of people killed") is None


def test_a_bodys_statement_or_report_is_the_bodys_word() -> None:
    assert (
        _source("Nine fishermen drowned, according to the Coast Guard statement.") == "Coast Guard"
    )
    assert tidy_source("Amnesty International report") == "Amnesty International"
    assert tidy_source("statement") is None  # nothing named: no source


def test_a_hospitals_size_is_no_word_of_its_name() -> None:
    who = _source("Nurses at the 350-bed district hospital said 21 of the injured were children.")
    assert who is not None and not who.startswith("bed ")


def test_figures_documented_by_a_body_are_the_bodys() -> None:
    assert tidy_source("figures documented by the Regional Monitoring Unit") == (
        "Regional Monitoring Unit"
    )


def test_a_source_cut_before_its_noun_or_a_pronoun_is_no_source() -> None:
    # "an estimated" is no speaker's verb here: the phrase is no source
    assert tidy_source("Smoke blamed for an") is None
    assert tidy_source("Based on") is None
    assert tidy_source("him") is None
    assert tidy_source("his weekly update") is None
    assert tidy_source("or whose relatives") is None


def test_according_to_him_is_the_speaker_named_before() -> None:
    speakers = Speakers(
        [
            "Rukhsana Bibi, the district health officer, spoke to reporters at the hospital.",
            "According to him, 14 people were injured in the blast.",
        ]
    )
    assert speakers.source(1) != "him"


def test_a_body_described_in_the_headline_takes_its_full_name_from_the_report() -> None:
    text = (
        "Shelling of Kadoma market kills 19, medics' network says\n\n"
        "KADOMA, 3 March - Shells hit the main market of Kadoma on Monday, killing 19 people, "
        "the Kadoma Medics Network said in a statement.\n\n"
        "The Britain-based monitor said 40 more had been wounded."
    )
    report = Report("r18-names", text, published=date(2026, 3, 3), title=text.splitlines()[0])
    sources = {c.attributed_to for c in extract_claims(report)}
    assert "medics' network" not in sources
    assert "Kadoma Medics Network" in sources
    # no observatory is named: the monitor keeps its description
    assert "Britain-based monitor" in sources


def test_the_association_said_and_the_same_sources_name_who_was_named_before() -> None:
    speakers = Speakers(
        [
            "The Northern Fishers Association (NFA) said 14 boats had not returned.",
            "Two years ago, nine crews drowned in one storm, the association said.",
            "Twenty houses burned, local sources said.",
            "Three people are missing, according to the same sources.",
        ]
    )
    assert (speakers.source(0) or "").startswith("Northern Fishers Association")
    assert speakers.source(1) == speakers.source(0)
    assert speakers.source(3) == "local sources"


def test_who_was_told_is_not_who_said_it() -> None:
    told_paper = _source(
        "District Commissioner Grace Mwale told Radio Kalulu by phone that 15 villagers had died."
    )
    assert told_paper is not None and "Radio Kalulu" not in told_paper
    assert "Grace Mwale" in told_paper
    told_house = _source(
        "The interior minister told parliament that the police had registered 44 deaths."
    )
    assert told_house is None or "parliament" not in told_house
    # the inverted "said X" still names X
    assert _source("Nine bodies were recovered, said Dr Tomas Berg, a coroner.") == (
        "Dr Tomas Berg, coroner"
    )


def test_who_fears_believes_or_has_given_a_toll_is_its_source() -> None:
    assert _source("Provincial authorities have given a provisional toll of 9 dead.") == (
        "Provincial authorities"
    )
    feared = _source("Fishermen in the bay fear the real number could be close to 40.")
    assert (feared or "").lower() == "fishermen in the bay"


def test_a_hospitals_staff_telling_of_its_own_patients_is_a_first_hand_count() -> None:
    treated = "nurses there told us that they were treating 13 children for burns."
    assert kind_of(treated, "nurses there") == "observed"
    taken = "seven miners were taken to the district hospital, where two of them died."
    assert kind_of(taken, "surgeon at the district hospital") == "observed"
    # what hospital sources heard, and patients spread over a city's hospitals, are not
    assert kind_of(taken, "hospital sources") == "reported"
    spread = "dozens of wounded were taken to hospitals across the city."
    assert kind_of(spread, "a medic") == "reported"
    # a minister who is also a doctor speaks as an official
    assert kind_of(taken, "Dr Lina Haddad, health minister") == "official"


def test_a_title_case_dateline_dates_the_filing_and_the_sentences_day_the_event() -> None:
    def whens(text: str) -> list[str | None]:
        report = Report("r18-dl", text, published=date(2026, 5, 14))
        return [c.when for c in extract_claims(report)]

    # filed on Thursday 14 May; the roof fell on Tuesday
    assert whens(
        "Mombasa, 14 May 2026 - Nine people died when a church roof fell in Mombasa on "
        "Tuesday evening, police said."
    ) == ["2026-05-12"]
    assert whens(
        "Quito/Lima, Thursday 14 May 2026 - A landslide killed 12 people in Quito on Monday."
    ) == ["2026-05-11"]
    # "overnight" names no day of its own: the filing day stays
    assert whens(
        "Kharkiv, 14 May 2026 - Three people were killed in an overnight strike on Kharkiv."
    ) == ["2026-05-14"]


def test_so_far_this_year_runs_from_january_to_the_report() -> None:
    published = date(2026, 9, 30)
    (this_year,) = find_dates("so far this year, landslides have killed 44 people.", published)
    assert this_year.value == "2026-01-01/2026-09-30" and this_year.is_period
    (start,) = find_dates("since the beginning of the year, 44 have died.", published)
    assert start.value == "2026-01-01/2026-09-30"
    # a rank and a season are no period counted over
    assert find_dates("one of the deadliest floods this year killed 9.", published) == []
    assert find_dates("this year's rains killed 9.", published) == []


def test_a_running_total_takes_the_period_told_with_it() -> None:
    text = (
        "So far this year, floods in the province have killed 31 people, the disaster "
        "office said, against 12 in the whole of 2025."
    )
    claims = extract_claims(Report("r18-yr", text, published=date(2026, 9, 30)))
    assert {c.low: c.when for c in claims} == {
        31: "2026-01-01/2026-09-30",
        12: "2025-01-01/2025-12-31",
    }


def test_the_aftermath_of_an_event_keeps_its_day() -> None:
    text = (
        "A mudslide buried a road camp near Kasese late on Sunday, killing at least seven "
        "workers, police said.\n"
        "Rescuers recovered four more bodies on Tuesday morning, bringing the toll to 11 "
        "from seven, police said.\n"
        "Nine people were injured."
    )
    claims = extract_claims(Report("r18-aft", text, published=date(2026, 6, 17)))
    killed = {c.low: c.when for c in claims if c.outcome == "killed"}
    assert killed == {7: "2026-06-14", 11: "2026-06-14"}
    # bodies found keep the day they were found; the wounded told after are the event's
    found = [c.when for c in claims if c.outcome == "bodies_found"]
    assert found == ["2026-06-16"]
    assert [c.when for c in claims if c.outcome == "injured"] == ["2026-06-14"]


def test_an_earlier_toll_of_the_event_takes_the_events_day() -> None:
    text = (
        "A ferry capsized on Lake Kivu near Goma on Saturday, killing 23 passengers, the "
        "provincial governor said.\n"
        "The toll rose from 15 on Monday as divers searched the hull."
    )
    claims = extract_claims(Report("r18-earlier", text, published=date(2026, 7, 14)))
    assert {c.low: c.when for c in claims if c.outcome == "killed"} == {
        23: "2026-07-11",
        15: "2026-07-11",
    }


def test_a_week_of_a_month_alone_is_a_period_count() -> None:
    published = date(2026, 3, 20)
    (week,) = find_dates("in the second week of march, 14 died.", published)
    assert week.value == "2026-03-08/2026-03-14" and week.is_period
    (last,) = find_dates("in the last week of february, 9 died.", published)
    assert last.value == "2026-02-22/2026-02-28"
    lower = "in the first week of march alone, monitors verified 31 civilian deaths."
    assert is_cumulative(lower, find_dates(lower, published))
    lower = "in february alone, 54 people died of cholera."
    assert is_cumulative(lower, find_dates(lower, published))


def test_a_headline_figure_before_as_clashes_go_on_is_the_events() -> None:
    title = "Shelling of Zorka market kills 8 as fighting on the border enters fifth day"
    text = title + "\nA shell hit the market in Zorka on Friday, killing eight people, police said."
    claims = extract_claims(Report("r18-as", text, published=date(2026, 5, 9), title=title))
    assert [(c.low, c.scope) for c in claims if c.outcome == "killed"] == [(8, "incident")]


def test_a_toll_made_of_one_periods_counts_is_that_periods_count() -> None:
    title = "Heatwave: at least 11 dead in Seville province"
    text = (
        title + "\nEight of them died in Seville and three in the towns around it since the "
        "heatwave began last Friday, the regional health service said."
    )
    claims = extract_claims(Report("r18-per", text, published=date(2026, 7, 15), title=title))
    total = next(c for c in claims if c.low == 11)
    assert total.scope == "cumulative" and total.when == "2026-07-10/2026-07-15"


def test_the_wounded_who_died_are_dead() -> None:
    def read(text: str) -> list[tuple[int | None, str]]:
        claims = extract_claims(Report("r18-wd", text, published=date(2026, 9, 15)))
        return [(c.low, c.outcome) for c in claims]

    assert read("Two passengers injured in the derailment near Tula died in hospital.") == [
        (2, "killed")
    ]
    # admitted, and some of them died: the admitted are wounded
    assert read(
        "The hospital said 30 people injured in the derailment had been admitted and that "
        "two of them had died."
    )[0] == (30, "injured")
    assert read("Six people wounded in the attack were taken to hospital.") == [(6, "injured")]


def test_a_live_blogs_rubric_does_not_make_its_figure_a_running_total() -> None:
    title = "Border fighting live: toll in Tavush rises to 6 after night of shelling"
    text = title + "\n10:40 - Six civilians were killed in Tavush overnight, the ministry said."
    claims = extract_claims(Report("r18-live", text, published=date(2026, 9, 15), title=title))
    assert [(c.low, c.scope) for c in claims if c.outcome == "killed"] == [(6, "incident")]


def test_the_hardest_hit_area_of_a_running_total_is_a_share_of_it() -> None:
    evidence = "Kebbi state is the worst hit, with 61 deaths, followed by Sokoto with 22."
    assert not _tells_an_event(evidence, False)
    assert _tells_an_event("A truck bomb hit the market, killing 61.", False)


def test_the_day_a_share_was_said_is_no_event_of_its_own() -> None:
    evidence = "The army said Tuesday that 12 soldiers had been killed, four of them officers."
    assert not _tells_an_event(evidence, False)
    assert _tells_an_event("Twelve soldiers were killed on Tuesday, the army said.", False)


def test_some_of_a_group_who_died_are_the_dead_not_the_group() -> None:
    def read(text: str) -> list[tuple[int | None, str]]:
        claims = extract_claims(Report("r18-grp", text, published=date(2026, 9, 24)))
        return [(c.low, c.outcome) for c in claims]

    assert read("One of the two died in the district hospital on Monday night.") == [(1, "killed")]
    assert read("Four of the 15 injured died later, the doctors said.") == [(4, "killed")]
    assert read("Two of the dead were firefighters.") == [(2, "killed")]
    assert read("Eleven wounded were taken to the clinic, where one of them died at dawn.") == [
        (11, "injured"),
        (1, "killed"),
    ]
    assert read("One of them was a nurse.") == []
    assert read(
        "Rescuers buried 14 bodies, including three people who had died of their wounds."
    ) == [
        (14, "buried"),
        (3, "killed"),
    ]
    assert read("Seven people had suffered serious burns.") == [(7, "injured")]


def test_deaths_among_an_outbreaks_cases_are_counted_over_it() -> None:
    lower = "in addition, five deaths among suspected cases are under investigation."
    assert is_cumulative(lower, [])


def test_where_a_storm_made_landfall_is_not_where_its_dead_died() -> None:
    title = "Cyclone Ruda in Mozambique: toll rises to 12"
    text = (
        title + "\nThe cyclone has killed 12 people since it made landfall near Angoche on "
        "Monday, the disaster agency said."
    )
    claims = extract_claims(Report("r18-lf", text, published=date(2026, 2, 4), title=title))
    assert [c.place for c in claims if c.low == 12] == ["Mozambique"]


def test_a_thing_that_fell_once_is_one_event() -> None:
    lower = "in may 2019, a bus that plunged into a gorge near gilgit killed 26 passengers."
    assert not is_cumulative(lower, find_dates(lower, date(2026, 5, 1)))


def test_attackers_killed_are_no_part_of_the_civilians_they_killed() -> None:
    text = (
        "Gunmen killed at least 31 civilians in an attack on the village of Kourma on "
        "Saturday night, the governor said.\n"
        "The army said its soldiers killed 9 of the attackers near the village of Tinto on "
        "Sunday."
    )
    claims = extract_claims(Report("r18-att", text, published=date(2026, 5, 26)))
    attackers = next(c for c in claims if c.low == 9)
    assert attackers.part_of is None


def test_where_a_wounded_man_died_in_hospital_is_not_where_he_was_hit() -> None:
    text = (
        "Gunmen attacked a checkpoint in Zvečan on Monday, killing two police officers, "
        "police said.\n"
        "Three of the wounded died of their injuries at the Regional Clinical Centre in "
        "Mitrovica on Monday night."
    )
    claims = extract_claims(Report("r18-died", text, published=date(2026, 6, 16)))
    assert [c.place for c in claims if c.low == 3] == ["checkpoint, Zvečan"]


def test_a_site_named_with_two_kinds_is_read_whole() -> None:
    from tollbook.extract.sites import find_sites

    sentence = "Monastir University Hospital has admitted 12 of the injured."
    assert [s.name for s in find_sites(sentence)] == ["Monastir University Hospital"]


def test_an_inspectorate_for_emergency_situations_is_a_public_body() -> None:
    from tollbook.extract.kind import is_official_source

    assert is_official_source("State Inspectorate for Emergency Situations (SIES)")
    assert is_official_source("Inspectorate of Labour")
    assert not is_official_source("Sahel Relief Alliance")


def test_civil_society_the_red_cross_and_armed_groups_are_no_public_bodies() -> None:
    from tollbook.extract.kind import is_official_source

    assert not is_official_source("Jean Mbuyi, president of the civil society of Lubero")
    assert not is_official_source("Amina Yusuf, Red Cross spokesperson")
    assert not is_official_source("Kachin Independence Army")
    assert is_official_source("rebel-run health ministry")
    assert is_official_source("army spokesman")

"""Shapes of round 16, found by comparing the unreviewed toll with readers' tolls, and by
reading the kind and source errors of the tuning corpora: the dead "of them" after a count of
the wounded, a past event with the headline's figure, a toll someone expects, a port city,
a release's issuer named at its top, and public bodies the official cues lacked. All
sentences are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims
from tollbook.extract.kind import is_official_source


def test_the_dead_of_them_after_the_wounded_are_no_share_of_an_earlier_toll() -> None:
    text = (
        "Shelling kills nine at market in besieged Tarra\n"
        "Shells hit the main market of Tarra on Tuesday, killing nine people, the health "
        "office said.\n"
        "Disease has killed at least 30 more people since January, aid workers said.\n"
        "At the town's clinic, a nurse said staff had treated 21 wounded.\n"
        "Three of them died on Tuesday night, she said."
    )
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=text.split("\n")[0])
    claims = extract_claims(report)
    three = next(c for c in claims if c.low == 3 and c.outcome == "killed")
    assert three.part_of is None
    assert three.scope == "incident"


def test_a_past_event_with_the_same_figure_is_no_repeat_of_the_headline() -> None:
    text = (
        "6 killed as rebels ambush army truck in Marlo\n"
        "Rebels ambushed an army truck near Marlo on Tuesday, the army said.\n"
        "In March 2024, an ambush on the same road killed six soldiers."
    )
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=text.split("\n")[0])
    sixes = sorted(str(c.when) for c in extract_claims(report) if c.low == 6)
    assert len(sixes) == 2
    assert sixes[1].startswith("2026-03")


def test_a_toll_someone_expects_is_an_estimate() -> None:
    text = (
        "Floods kill 14 in the valley\n"
        "Rescue workers said they expected the toll to rise to more than 30 as the water fell."
    )
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=text.split("\n")[0])
    thirty = next(c for c in extract_claims(report) if c.low == 30 or c.high == 30)
    assert thirty.kind == "estimate"


def test_the_port_city_of_a_town_is_the_town() -> None:
    text = "Missiles struck the Saudi port city of Yanbu on Monday, killing seven people."
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=None)
    seven = next(c for c in extract_claims(report) if c.low == 7)
    assert seven.place == "Yanbu"


def _sources(text: str) -> list[tuple[int | None, str | None, str]]:
    report = Report(id="r", text=text, published=date(2026, 3, 5), title=text.split("\n")[0])
    return [(c.low, c.attributed_to, str(c.kind)) for c in extract_claims(report)]


def test_a_statement_titled_with_its_issuer_speaks_in_its_voice() -> None:
    text = (
        "Lakeland Police statement on the shooting at the Riverside bus depot\n"
        "Tarnow, 3 March 2026\n"
        "On Monday evening a gunman opened fire at the Riverside bus depot.\n"
        "Four people were killed and nine were wounded."
    )
    four = next(s for s in _sources(text) if s[0] == 4)
    assert four[1:] == ("Lakeland Police", "official")


def test_a_body_named_alone_at_the_top_issues_the_bulletin() -> None:
    text = (
        "Quarry collapse at Stone Ridge: five workers confirmed dead\n"
        "Ministry of Mines and Energy\n"
        "Bulletin 2, 4 March 2026\n"
        "Five workers were confirmed dead after the wall of the quarry gave way."
    )
    five = next(s for s in _sources(text) if s[0] == 5)
    assert five[1:] == ("Ministry of Mines and Energy", "official")


def test_a_body_that_opens_by_updating_the_public_issues_the_release() -> None:
    text = (
        "Press statement on the fire at the Kellam market\n"
        "The National Fire Service wishes to update the public on the fire that broke out at "
        "the Kellam market on Sunday night.\n"
        "Six traders died in the fire."
    )
    six = next(s for s in _sources(text) if s[0] == 6)
    assert six[1:] == ("National Fire Service", "official")


def test_coroners_prefects_and_fire_stations_are_public_bodies() -> None:
    for source in (
        "Lakeshore Coroners Service",
        "prefect of Dorna",
        "Vellmar fire station",
        "Eastern Mindoro Command",
        "village chairman",
    ):
        assert is_official_source(source), source
    assert not is_official_source("a neighbour")


def test_a_figure_in_the_releases_own_voice_is_the_issuers() -> None:
    text = (
        "Westland: rights office alarmed by killings in Norra\n"
        "Press briefing notes of the UN Human Rights Office (OHCHR)\n"
        "Geneva, 3 March 2026\n"
        "According to information gathered by our Office, at least 12 civilians were killed "
        "in Norra on Saturday."
    )
    twelve = next(s for s in _sources(text) if s[0] == 12)
    assert twelve[1:] == ("UN Human Rights Office (OHCHR)", "official")


def test_a_releases_unattributed_figures_are_the_issuers_but_not_a_past_events() -> None:
    text = (
        "Kellam Police statement on the attack in Dorna\n"
        "Kellam, 3 March 2026\n"
        "A gunman attacked a checkpoint near Dorna on Monday night, a witness said.\n"
        "Two officers were killed and one was wounded.\n"
        "In May 2019, an attack on the same checkpoint killed five officers."
    )
    sources = {low: (source, kind) for low, source, kind in _sources(text)}
    assert sources[2] == ("Kellam Police", "official")
    assert sources[5][0] is None


def test_a_ministry_with_and_in_its_name_is_named_whole() -> None:
    text = (
        "Between 1 May and 30 June 2026, the Ministry of Health and Social Welfare of Norland "
        "reported 120 cases, including 14 deaths."
    )
    fourteen = next(s for s in _sources(text) if s[0] == 14)
    assert fourteen[1] == "Ministry of Health and Social Welfare of Norland"


def test_a_body_that_raised_or_gave_the_toll_is_its_source() -> None:
    text = (
        "Quake toll rises in Norland\n"
        "14:20 - Civil Protection has just raised the toll to 31 dead.\n"
        "On Monday the interior ministry had given a toll of 22.\n"
        "Nine people are still missing, the coast guard said."
    )
    sources = {low: source for low, source, _ in _sources(text)}
    assert sources[31] == "Civil Protection"
    assert sources[22] == "interior ministry"
    assert sources[9] == "coast guard"


def test_an_event_that_raised_the_toll_is_no_source() -> None:
    text = "The overnight shelling raised the toll in Dorna to 40."
    forty = next(s for s in _sources(text) if s[0] == 40)
    assert forty[1] is None

"""Who said a figure (issue 12, tuning round 3): the speaker anywhere in the sentence, the
next sentence's official, "the report says" and the body behind it.

Every text here was written for this test.
"""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.attribution import Speakers
from tollbook.extract.scoring import source_agrees

PUBLISHED = date(2025, 6, 11)


def claims(text: str) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED))


def source_of(sentence: str) -> str | None:
    return Speakers([sentence]).source(0)


def test_a_speaker_after_the_verb_keeps_the_name_when_the_role_runs_on() -> None:
    said = source_of(
        '"We carried 11 bodies to the mosque," said Karim Haddou, a baker whose two sons died.'
    )
    assert said == "Karim Haddou, baker"
    assert source_of("Nine people died in the blaze, said the town's fire chief, Ana Ruiz.") == (
        "Ana Ruiz, town's fire chief"
    )
    assert source_of("Shelling killed at least 12 people, said the Darfur Bar Association.") == (
        "Darfur Bar Association"
    )


def test_a_speaker_given_with_a_title_or_in_apposition() -> None:
    assert source_of("The Emir of Kontagora, Musa Bello, said 40 people drowned.") == (
        "Musa Bello, Emir of Kontagora"
    )
    assert source_of('A fisherman, Ade Okon, said: "I pulled out nine bodies."') == (
        "Ade Okon, fisherman"
    )
    officer = source_of("In Dhanbad, the chief district officer Ravi Anand said 16 people died.")
    assert officer == "Ravi Anand, chief district officer"
    assert source_of("Police spokesman Juma Ali said seven people were killed.") == (
        "Juma Ali, police spokesman"
    )


def test_a_source_at_the_end_with_what_follows_the_verb() -> None:
    assert source_of(
        "The flood has killed 58 people, the provincial fire service said in its evening update."
    ) == ("provincial fire service")
    assert source_of("Gunmen killed 14 people in the village, residents told the AFP.") == (
        "residents"
    )
    assert source_of(
        "Among the dead were six women, a nurse who treated the wounded told Reuters by phone, "
        "asking not to be named."
    ) == ("nurse")
    assert source_of("In the hamlet of Ber, villagers said 30 people had died.") == "villagers"


def test_according_to_at_the_start_and_figures_of_a_body() -> None:
    assert source_of("According to the Sahel Rights Observatory, 210 civilians were killed.") == (
        "Sahel Rights Observatory"
    )
    ministry = source_of("At least 900 people have died, according to ministry figures.")
    assert ministry == "ministry"
    assert source_of(
        "Save the Children (STC) staff at the district clinic treated 31 wounded."
    ) == ("Save the Children")


def test_the_report_says_is_the_body_that_wrote_it() -> None:
    found = claims(
        "Amnesty International said in a report that 44 civilians were killed in Tarkiv in May.\n"
        "Twelve of those deaths came in one strike on a school, the report says.\n"
        "The group's researchers counted 30 graves in the park."
    )
    assert all(source_agrees("Amnesty International", c.attributed_to) for c in found)


def test_a_lead_sentence_takes_the_official_of_the_next_and_a_quote_lends_nobody() -> None:
    found = claims(
        "A missile hit a bus station in Kherson on Sunday, killing seven people.\n"
        "The regional police said in a statement that 21 people were injured.\n"
        "Relatives gathered at the morgue."
    )
    assert found[0].attributed_to == "regional police" and found[0].kind == "official"
    quoted = claims(
        "A missile hit a bus station in Kherson on Sunday, killing seven people.\n"
        '"It was a massacre," said Olha Bilyk, a passenger.'
    )
    assert quoted[0].attributed_to is None
    past = claims(
        "In 2017 a similar flood killed 40 people in the valley.\n"
        "The district police said 12 people drowned this week."
    )
    assert by_value(past, 40).attributed_to is None


def by_value(found: list[Claim], low: int) -> Claim:
    return next(c for c in found if c.low == low)


def test_a_release_goes_on_with_its_official_body_for_two_sentences() -> None:
    found = claims(
        "The regional prosecutor's office said a drone killed four people in Kherson on Monday.\n"
        "The attack hit a queue outside a pharmacy.\n"
        "Eleven people were injured."
    )
    injured = by_value(found, 11)
    assert source_agrees("regional prosecutor's office", injured.attributed_to)
    assert injured.kind == "official"


def test_spokespeople_coast_guards_and_emergency_managers_count_officially() -> None:
    found = claims(
        "The coast guard said 23 migrants drowned off the island.\n"
        "Spokeswoman Lina Haddad said 14 people were still missing."
    )
    assert by_value(found, 23).kind == "official"
    assert by_value(found, 14).kind == "official"


def test_first_hand_counts_at_the_scene_are_observed() -> None:
    found = claims(
        "A Reuters photographer at the scene saw nine bodies beside the road.\n"
        '"I helped bury 31 people this morning," said Musa Adamu, a farmer.\n'
        "Footage posted online shows at least 12 bodies in the street."
    )
    assert [by_value(found, n).kind for n in (9, 31, 12)] == ["observed"] * 3


def test_a_body_in_a_city_a_rescue_group_and_a_role_before_the_name() -> None:
    assert source_of("In Syria, the health ministry in Damascus put the toll at 90 dead.") == (
        "health ministry in Damascus"
    )
    assert source_of("In Idlib, the Blue Helmets rescue group said 20 people had died.") == (
        "Blue Helmets rescue group"
    )
    said = source_of('"I saw ten people drown," said fisherman Joseph Mbala, 52, who swam ashore.')
    assert said == "Joseph Mbala, fisherman"
    assert source_of("Aid partners report that 30 people were killed.") == "Aid partners"


def test_the_rescue_group_is_the_body_named_before_and_a_correspondent_speaks_alone() -> None:
    found = claims(
        "The Syrian Civil Defence said a strike hit a market in Ariha, killing nine people.\n"
        "The rescue group said 40 people were injured.\n"
        "At the hospital our correspondent saw the bodies of six people."
    )
    assert source_agrees("Syrian Civil Defence", by_value(found, 40).attributed_to)
    assert by_value(found, 6).attributed_to is None


def test_two_sources_side_by_side_each_keep_their_own_figure() -> None:
    found = claims(
        "Turkey's disaster agency said 9,100 people had been killed, while Syria's health "
        "ministry reported 2,300 dead.\n"
        "The quake killed at least 400 people in Herat, according to the disaster ministry, "
        "though its spokesman Ali Karimi said the toll could be as high as 900."
    )
    assert source_agrees("Turkey's disaster agency", by_value(found, 9100).attributed_to)
    assert source_agrees("Syria's health ministry", by_value(found, 2300).attributed_to)
    assert source_agrees("disaster ministry", by_value(found, 400).attributed_to)
    highest = next(c for c in found if c.high == 900)
    assert source_agrees("Ali Karimi", highest.attributed_to) and highest.kind == "estimate"


def test_a_headline_without_a_source_takes_the_one_its_lead_names() -> None:
    """Round 6: the headline sums up the lead, so its figure has the lead's source; a figure
    the body tells again keeps the body's own source."""
    text = (
        "Storm floods river towns, 12 missing\n\n"
        "Rivers burst their banks overnight in three valleys. The Valdora Civil Protection "
        "Agency said on Monday that rescue boats searched the flooded streets until dusk."
    )
    found = claims(text)
    assert [(c.outcome, c.low, c.attributed_to) for c in found] == [
        ("missing", 12, "Valdora Civil Protection Agency")
    ]
    plain = claims("Storm floods river towns, 12 missing\n\nRescue boats searched the streets.")
    assert plain[0].attributed_to is None  # nobody named: no source made up


def test_the_centre_is_the_centre_the_report_names_in_either_spelling() -> None:
    found = claims(
        "The Kestrel Emergency Operation Center opened at dawn as the rain went on. "
        "At least 40 people were injured across the province, the centre said in its update."
    )
    assert found[0].attributed_to == "Kestrel Emergency Operation Center"


def test_a_body_named_by_an_acronym_alone_speaks_before_its_verb() -> None:
    assert source_of("In May, KESMO documented 212 civilian deaths in the two provinces.") == (
        "KESMO"
    )


def test_the_administration_said_is_an_administration_not_any_source_before() -> None:
    speakers = Speakers(
        [
            "Air defence forces said they downed most of the drones over the city.",
            "Strikes on the city have killed 58 civilians this month, "
            "the city administration said.",
        ]
    )
    assert speakers.source(1) == "city administration"


def test_a_numbered_unit_in_the_role_before_a_name_is_no_figure() -> None:
    said = source_of(
        "The spokesman for the Kivu 3 operations of the army, Major Ana Tembo, confirmed 12 deaths."
    )
    assert said is not None and said.startswith("Major Ana Tembo")

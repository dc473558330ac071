"""The rules of round 47 (thirty-fifth session; docs/extraction.md, "Round 47"), one or
more tests each, every one failing on the code before its rule unless it says it guards
one. The round is about the dead a report tells without a figure of their own (a suicide
bomber), or with one the reader misses or misdates, and a figure the report itself
questions."""

from __future__ import annotations

from datetime import date

from tests.unit.test_count_tolls import sourced
from tollbook.count import place_toll, reconcile
from tollbook.domain.claim import Claim
from tollbook.domain.incident import SourcedClaim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, published: date = date(2026, 6, 10)) -> list[Claim]:
    title = text.split("\n", 1)[0]
    return extract_claims(Report("r", text, title=title, published=published))


def _killed(claims: list[Claim]) -> list[tuple[int | None, str]]:
    return [(c.low, c.victims) for c in claims if c.outcome == "killed"]


# -- a suicide bomber's own death


def test_a_suicide_bomber_who_blew_himself_up_is_dead_beside_the_toll() -> None:
    text = (
        "Suicide bombing at Gombe bus park kills 11\n"
        "GOMBE, Nigeria, June 9 - A suicide bomber blew himself up among travellers at the "
        "main bus park in Gombe on Tuesday morning, killing 11 people and wounding 30, "
        "police said."
    )
    claims = _claims(text)
    assert (1, "suicide bomber") in _killed(claims)
    bomber = next(c for c in claims if c.victims == "suicide bomber")
    assert bomber.part_of is None and bomber.scope == "incident"
    assert bomber.place is not None and "Gombe" in bomber.place


def test_the_bomber_is_added_to_the_documented_toll() -> None:
    """Through the count layer: the event's toll is the 11 and the bomber."""
    report = Report(
        "r",
        "Suicide bombing at Gombe bus park kills 11\n"
        "GOMBE, Nigeria, June 9 - A suicide bomber blew himself up among travellers at the "
        "main bus park in Gombe on Tuesday morning, killing 11 people and wounding 30, "
        "police said.",
        title="Suicide bombing at Gombe bus park kills 11",
        published=date(2026, 6, 10),
    )
    claims = extract_claims(report)
    sourced_claims = [
        SourcedClaim(
            claim_id=i + 1,
            report_id=1,
            claim=c,
            published=report.published,
            part_of=None if c.part_of is None else c.part_of + 1,
        )
        for i, c in enumerate(claims)
    ]
    killed = [i for i in reconcile(sourced_claims).incidents if i.outcome == "killed"]
    assert [(i.low, i.high) for i in killed] == [(12, 12)]


def test_two_bombers_who_blew_themselves_up_are_two_dead_beside_the_toll() -> None:
    text = (
        "Twin blasts kill nine at Gwoza market\n"
        "Two suicide bombers blew themselves up at the grain market in Gwoza on Monday "
        "evening, killing nine people, a militia leader said."
    )
    assert (2, "suicide bombers") in _killed(_claims(text))


def test_a_bomber_killing_people_besides_herself_is_counted_once() -> None:
    text = (
        "Blast at Kolofata market kills six\n"
        "A suicide bomber blew herself up at the market in Kolofata on Sunday, killing six "
        "people besides herself, the prefect said."
    )
    assert [v for _, v in _killed(_claims(text))].count("suicide bomber") == 1


def test_no_bomber_is_added_when_the_toll_includes_the_bombers() -> None:
    """Guard: the toll already holds them."""
    text = (
        "Twin blasts kill 15 at Gwoza market\n"
        "Two suicide bombers blew themselves up at the grain market in Gwoza on Monday. "
        "Police said 15 people had been killed, including the two bombers."
    )
    assert not any("bomber" in v for _, v in _killed(_claims(text)))


def test_no_bomber_is_added_when_the_report_counts_the_attackers_itself() -> None:
    """Guard: "Three attackers died" already counts them."""
    text = (
        "Suicide bombing at Tank mosque kills eight\n"
        "A suicide bomber blew himself up at a mosque in Tank on Friday, killing eight "
        "people, police said. Three attackers died: the bomber and two gunmen whom the "
        "guards shot dead."
    )
    assert not any("bomber" in v for _, v in _killed(_claims(text)))


# -- the dead told after a clause about who they were


def test_gunmen_who_opened_fire_and_were_shot_dead_are_read() -> None:
    text = (
        "Bomb at Sibi rail station kills 14\n"
        "A bomb exploded at the railway station in Sibi on Sunday, killing 14 people, the "
        "provincial government said. Three gunmen who opened fire on police after the blast "
        "were shot dead, the spokesman said."
    )
    assert (3, "gunmen") in _killed(_claims(text))


def test_a_part_told_with_were_names_its_victims_without_the_verb() -> None:
    text = (
        "Landslide buries homes in Kalimpong\n"
        "A landslide buried six houses in Kalimpong on Monday, killing 14 people. Of the 14 "
        "dead, five were children and three were women."
    )
    assert {(5, "children"), (3, "women")} <= set(_killed(_claims(text)))


def test_a_toll_that_it_says_had_risen_is_read_as_the_toll_risen() -> None:
    text = (
        "Landslide in Chencha kills 30\n"
        "A landslide buried homes in Chencha on Sunday night. On Monday evening the district "
        "administration put the toll at 18. By Tuesday noon it had risen to 30, among them "
        "seven children, the zone's disaster office said."
    )
    toll = next(c for c in _claims(text, date(2026, 7, 28)) if c.low == 30)
    assert (toll.kind, toll.attributed_to) == ("official", "zone's disaster office")


def test_attackers_neutralising_told_by_the_army_are_read() -> None:
    text = (
        "Attack on Boulkessi army post\n"
        "The army said on Sunday it had repelled an attack on its post at Boulkessi on "
        'Saturday, losing four soldiers and "neutralising 27 terrorists".'
    )
    assert (27, "terrorists") in _killed(_claims(text))


def test_mercenaries_a_striker_says_it_killed_are_named_so() -> None:
    text = (
        "Strike on Sumy hotel\n"
        "The defence ministry said its strike on a hotel in Sumy on Friday had killed up to "
        "90 foreign mercenaries."
    )
    assert (None, "foreign mercenaries") in _killed(_claims(text))


def test_a_figure_after_a_semicolon_takes_the_place_of_its_own_clause() -> None:
    text = (
        "Gunmen kill five in Mocimboa; two die in ambush on truck near Muidumbe\n"
        "Schools in the district will stay closed, officials said."
    )
    two = next(c for c in _claims(text) if c.low == 2)
    assert two.place == "Muidumbe"


def test_a_figure_told_by_the_investigation_is_official() -> None:
    text = (
        "Удар по фермі в Хотіні\n"
        "За даними слідства, 3 листопада російський дрон влучив у ферму в селі Хотінь, "
        "загинули двоє працівників."
    )
    claim = next(c for c in _claims(text, date(2026, 11, 4)) if c.low == 2)
    assert claim.kind == "official"


def test_deaths_a_named_speaker_says_his_count_holds_are_part_of_it() -> None:
    text = (
        "Gang attack on Mirebalais kills at least 22, rights group says\n"
        "Gang members attacked the town of Mirebalais on Saturday, killing at least 22 people, "
        "a local rights group said on Monday.\n"
        "Doctors at the hospital in Hinche received 17 wounded people. Three of them died on "
        "Sunday night, a nurse said.\n"
        "Pierre said the three were already included in his group's count."
    )
    claims = _claims(text, date(2026, 8, 18))
    three = next(c for c in claims if c.outcome == "killed" and c.low == 3)
    assert three.part_of is not None and claims[three.part_of].low == 22


def test_a_past_events_larger_toll_does_not_hold_later_deaths() -> None:
    text = (
        "Gang attack on Mirebalais kills at least 22\n"
        "Gang members attacked the town of Mirebalais on Saturday, killing at least 22 people, "
        "a local rights group said on Monday. On 3 October 2024, gangs killed more than 100 "
        "people in the nearby town of Pont-Sonde.\n"
        "Three of the wounded died on Sunday night. They are included in the toll, a nurse "
        "said."
    )
    claims = _claims(text, date(2026, 8, 18))
    three = next(c for c in claims if c.outcome == "killed" and c.low == 3)
    assert three.part_of is not None and claims[three.part_of].low == 22


# -- a day told in a clause about something else


def test_a_year_in_a_clause_about_something_else_dates_no_figure() -> None:
    text = (
        "Fact check: old photo shared as Cyclone Remal dead\n"
        "Cyclone Remal came ashore near Mongla late on Sunday. The government's toll stands "
        "at 19, and the photograph in the post was taken after a flood in 2017."
    )
    claim = next(c for c in _claims(text, date(2026, 6, 4)) if c.low == 19)
    assert claim.scope == "incident"
    assert claim.when is not None and not claim.when.startswith("2017")


def test_a_year_in_a_clause_that_tells_the_dead_still_dates_them() -> None:
    """Guard: the clause after tells a casualty, so its year is the figure's period."""
    text = (
        "Floods in Sindh\n"
        "At least 300 people were killed by floods in 2025, and the ministry said the toll "
        "was still rising."
    )
    claim = next(c for c in _claims(text) if c.low == 300)
    assert claim.when is not None and claim.when.startswith("2025")


# -- a figure the report itself questions


def test_a_figure_the_report_questions_elsewhere_is_not_documented() -> None:
    claims = [
        sourced(1, None, 150, "up_to", report=1, kind="reported", when="2026-03-07",
                evidence="The ministry said the strike on the hotel had killed \"up to 150 "
                "foreign fighters\"."),
        sourced(2, 9, 9, "exact", report=1, kind="official", when="2026-03-07",
                evidence="Regional authorities say the strike killed nine civilians."),
        sourced(3, None, 150, "up_to", report=1, kind="reported", when="2026-03-07",
                evidence="There is no evidence for the ministry's figure of \"up to 150\"."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.high) == (9, 9)
    assert sorted(p.claim_id for p in toll.estimates) == [1, 3]


def test_the_same_figure_in_another_report_is_not_questioned() -> None:
    """Guard: only the report that questions a figure marks it."""
    claims = [
        sourced(1, 12, 12, "exact", report=1, kind="official", when="2026-03-07",
                evidence="The council said the shelling killed 12 people."),
        sourced(2, 12, 12, "exact", report=2, kind="reported", when="2026-03-07",
                evidence="Reports on social media that 12 people were killed are not correct."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.high) == (12, 12)

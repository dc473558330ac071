"""Round 7 of issue 12: reading a report as a whole (extract/discourse.py) and the kinds of
round 7 (docs/extraction.md, "Round 7"). The reports are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, title: str | None = None) -> list[Claim]:
    if title is not None:
        text = f"{title}\n{text}"
    return extract_claims(Report("r7", text, published=date(2026, 9, 9), title=title))


def _one(claims: list[Claim], low: int | None, outcome: str = "killed") -> Claim:
    found = [c for c in claims if c.low == low and c.outcome == outcome]
    assert len(found) == 1, [(c.low, c.outcome, c.place, c.kind, c.scope) for c in claims]
    return found[0]


# --- place: the lead says where the event happened -------------------------------------

_BUS = (
    "GONDAR, Sept 9 - A drone strike on a bus near the town of Dessie in Ethiopia's Amhara "
    "region on Sunday killed 14 passengers, a doctor said.\n"
    "Nine wounded passengers were flown to hospitals in Gondar, and two of them died there on "
    "Monday, he said.\n"
    "The Amhara region has seen months of fighting.\n"
)


def test_a_figure_placed_at_the_area_the_lead_names_takes_the_events_town() -> None:
    claims = _claims(_BUS)
    assert _one(claims, 14).place == "Dessie"


def test_the_town_the_wounded_were_flown_to_is_not_where_they_were_hurt() -> None:
    claims = _claims(_BUS)
    assert _one(claims, 9, "injured").place == "Dessie"


def test_a_quake_strikes_an_area_and_keeps_its_places() -> None:
    claims = _claims(
        "A magnitude 6.0 earthquake struck near the town of Dessie in Ethiopia's Amhara region "
        "on Sunday, killing 14 people, officials said.\n"
        "Nine injured people were flown to hospitals in Gondar.\n"
    )
    assert _one(claims, 14).place != "Dessie"


def test_a_street_named_bare_later_takes_the_village_of_the_lead() -> None:
    claims = _claims(
        "A guided bomb hit the village of Borova in the Kharkiv region on Friday, killing three "
        "people, prosecutors said.\n"
        "The bomb struck a shop on Shevchenka Street, where two more people were injured, "
        "prosecutors said.\n"
    )
    assert _one(claims, 2, "injured").place == "Shevchenka Street, Borova"


def test_a_village_named_in_the_lead_stands_alone() -> None:
    claims = _claims(
        "Gunmen killed 17 people in an attack on the village of Tanbeko in Mali's Mopti region "
        "on Saturday, the army said.\n"
    )
    assert _one(claims, 17).place != "Tanbeko, Mopti"


# --- scope: a past disaster, a report about fighting over days -------------------------


def test_a_past_disaster_named_for_comparison_is_one_incident() -> None:
    claims = _claims(
        "Heavy rain killed four people in the town on Sunday, officials said.\n"
        "In August 2014, floods and landslides in the same valley killed 120 people in two "
        "days.\n"
    )
    assert _one(claims, 120).scope == "incident"


def test_a_years_count_stays_cumulative() -> None:
    claims = _claims(
        "Heavy rain killed four people in the town on Sunday, officials said.\n"
        "So far this year, floods have killed 310 people across the country.\n"
    )
    assert _one(claims, 310).scope == "cumulative"


def test_a_report_about_fighting_counts_since_friday_as_a_period() -> None:
    claims = _claims(
        "Clashes between two armed groups around the town of Malakal have killed at least 31 "
        "people since Friday, the UN mission said on Monday.\n"
        "Doctors at the town's hospital said they had treated 52 wounded people since Saturday.\n"
        "A single mortar strike on the market killed six people on Sunday, residents said.\n"
    )
    assert _one(claims, 31).scope == "cumulative"
    assert _one(claims, 52, "injured").scope == "cumulative"
    assert _one(claims, 6).scope == "incident"


def test_since_friday_after_one_collapse_is_its_rising_toll() -> None:
    claims = _claims(
        "A five-storey building collapsed in the city on Friday, and 23 people have died since "
        "Friday, firefighters said.\n"
    )
    assert _one(claims, 23).scope == "incident"


# --- kind: public bodies and first-hand counts ------------------------------------------


def test_a_state_committee_is_an_official_source() -> None:
    claims = _claims(
        "Floodwaters killed 12 people in the province, the state committee for disaster "
        "response said on Monday.\n"
    )
    assert _one(claims, 12).kind == "official"


def test_people_who_brought_back_the_bodies_counted_them_first_hand() -> None:
    claims = _claims('"We brought back 19 bodies from the river this morning," a fisherman said.\n')
    assert _one(claims, 19).kind == "observed"


def test_villagers_who_buried_the_dead_told_by_an_elder_are_a_first_hand_count() -> None:
    claims = _claims("A village elder said villagers had buried 14 people on Sunday.\n")
    assert _one(claims, 14, "buried").kind == "observed"


def test_volunteers_who_buried_the_dead_told_by_a_mayor_are_the_mayors_count() -> None:
    claims = _claims("The mayor said volunteers had buried 14 people on Sunday.\n")
    assert _one(claims, 14, "buried").kind == "official"


def test_may_still_be_is_a_possibility() -> None:
    claims = _claims("Another three people may still be under the rubble, rescuers said.\n")
    assert _one(claims, 3, "missing").kind == "estimate"


# --- source: a quote that runs on ---------------------------------------------------------


def test_a_quote_that_runs_on_is_the_speakers_named_where_it_closes() -> None:
    claims = _claims(
        "Gunmen attacked the village of Tanbeko on Sunday, according to local officials.\n"
        '"We have counted 23 bodies, nine of them children. Many houses were burned," said '
        "Amina Yusuf, a nurse at the village clinic.\n"
    )
    assert (_one(claims, 9).attributed_to or "").startswith("Amina Yusuf")

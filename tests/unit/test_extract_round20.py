"""Round 20 of issue 12 (docs/extraction.md): faults found in the tuning corpora's errors,
each tested on sentences written for the test."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.attribution import Speakers
from tollbook.extract.extractor import extract_claims
from tollbook.extract.numbers import find_numbers


def _source(sentence: str) -> str | None:
    return Speakers([sentence]).source(0)


def test_as_many_as_bounds_the_figure_and_is_no_amount_of_its_own() -> None:
    # the "many" of "as many as 40" was read as a vague amount, so the figure's own words
    # began after it, and "could climb to" was lost: an official count, not an estimate
    mentions = find_numbers("The governor said the toll could climb to as many as 40 by Sunday.")
    assert [n.text for n in mentions] == ["40"]
    assert [n.text for n in find_numbers("Many were killed and many more hurt.")] == [
        "many",
        "many",
    ]
    text = (
        "District officials said on Monday that the number of dead could climb to as many "
        "as 40 once the mud is cleared from the lower village."
    )
    (claim,) = extract_claims(Report("r20-as-many", text))
    assert (claim.high, claim.kind) == (40, "estimate")


def test_a_state_named_with_its_word_is_a_place_but_not_a_polity() -> None:
    def places(text: str) -> list[str | None]:
        return [c.place for c in extract_claims(Report("r20-state", text))]

    # "Bolivar state" was not read (the gazetteer lacks it), and the country was the place
    assert places(
        "At least 14 miners were killed when a pit collapsed in Venezuela's southern "
        "Bolivar state on Sunday."
    ) == ["Bolivar state"]
    assert places("Gunmen killed 12 villagers in Nigeria's northern Zamfara State.") == [
        "Zamfara State"
    ]
    # a group's name and a polity are no places
    assert places("Islamic State said it killed 12 soldiers near Tal Afar.") == ["Tal Afar"]
    assert "Sindhi state" not in places(
        "The group said it had killed 14 agents of the Sindhi state in Quetta."
    )


def test_the_town_carried_is_not_where_people_came_from_nor_the_area_it_lies_in() -> None:
    text = (
        "Gunmen attack gold camp\n"
        "Rescuers recovered the bodies of seven miners after an attack on a camp at "
        "Tembe Hulu, Marlo regency, Upper Sarin, police said on Friday.\n"
        "About 30 miners from outside Sarin were working the river when the gunmen came.\n"
        "Two more bodies were found on Saturday, a police spokesman said."
    )
    claims = extract_claims(Report("r20-carried", text))
    # the last figure names no place: it is the camp's town, not the province after it
    # in the chain, nor the province the miners came from
    assert [c.place for c in claims][-1] == "Tembe Hulu"


def test_the_night_of_one_day_to_the_next_is_both_days_and_carried() -> None:
    from datetime import date

    from tollbook.extract.dates import find_dates

    (night,) = find_dates("Nine died during the night of Friday to Saturday.", date(2026, 3, 9))
    assert (night.value, night.is_period) == ("2026-03-06/2026-03-07", True)
    (over,) = find_dates("Shelling overnight from Sunday into Monday.", date(2026, 3, 9))
    assert over.value == "2026-03-08/2026-03-09"
    # two days apart is no one night
    assert find_dates("the night of Friday to Sunday", date(2026, 3, 9))[0].value is None
    text = (
        "Raid on Lomba kills 12\n"
        "Gunmen killed 12 villagers in Lomba during the night of Friday to Saturday, the "
        "district commissioner said.\n"
        "Four of the wounded were in a serious condition, a nurse said."
    )
    claims = extract_claims(Report("r20-night", text, published=date(2026, 3, 9)))
    assert {c.when for c in claims} == {"2026-03-06/2026-03-07"}


def test_among_the_dead_counts_the_dead_whatever_outcome_follows() -> None:
    text = (
        "Gunmen killed at least 14 travellers at the ferry landing on Monday, the police "
        "said. Among the dead are four children, one of them a baby, and 22 people were "
        "wounded."
    )
    found = {(c.outcome, c.low) for c in extract_claims(Report("r20-among", text))}
    assert ("killed", 4) in found and ("injured", 4) not in found
    assert ("injured", 22) in found


def test_the_place_in_another_speakers_title_is_not_where_the_figure_happened() -> None:
    text = (
        "Raid on Kalma camp\n"
        "Gunmen attacked the Kalma camp on Friday night, killing at least 16 people, camp "
        "leaders said.\n"
        "The authorities have given a toll of 12 dead, while the governor of Sarra province "
        "said five of the attackers were killed."
    )
    claims = extract_claims(Report("r20-title", text))
    twelve = next(c for c in claims if c.low == 12)
    assert twelve.place is not None and "Sarra" not in twelve.place


def test_a_local_governments_head_and_a_speaker_named_again_by_surname_are_official() -> None:
    from tollbook.extract.kind import is_official_source

    assert is_official_source("Li Wen, deputy head of Hanzhong County")
    assert is_official_source("head of the Obra district")
    assert not is_official_source("head of the family")
    # named again by the first of his names: the count is still the spokesman's
    text = (
        "Gunmen attack mining camp\n"
        "Gunmen killed nine miners at the Tondo camp on Monday, police said.\n"
        "Task force spokesman Kamil Oduya said the first six bodies were recovered on Tuesday.\n"
        "Eleven miners escaped into the forest. One of the two died in hospital on Wednesday "
        "night, Kamil said."
    )
    claims = extract_claims(Report("r20-surname", text))
    one = next(c for c in claims if c.low == 1)
    assert (one.attributed_to, one.kind) == ("Kamil", "official")


def test_many_attacks_over_days_or_a_year_are_a_period_count() -> None:
    from tollbook.extract.scope import is_cumulative

    assert is_cumulative(
        "army shelling and air strikes on the valley since friday have killed 31.", []
    )
    assert is_cumulative("raids on villages in the district killed 40 people in 2025.", [])
    # one event's rising toll since a day stays one event
    assert not is_cumulative("the toll of the quake has risen to 40 since friday.", [])
    assert not is_cumulative("in 2024, a single strike on the market killed 12.", [])


def test_a_past_disaster_named_for_comparison_with_which_is_one_event() -> None:
    from tollbook.extract.scope import is_cumulative

    assert not is_cumulative(
        "it is the deadliest storm to hit the island since cyclone mara in march 2011, "
        "which killed 37 people.",
        [],
    )
    assert is_cumulative("the ministry says 312 people have been killed since march.", [])


def test_a_body_described_between_commas_then_estimating_is_the_source() -> None:
    sentence = (
        "Médecins du Monde (MdM), which runs the clinic in Korbo, estimates that up to 40 "
        "people have died."
    )
    assert _source(sentence) == "Médecins du Monde (MdM)"


def test_a_body_with_its_acronym_and_a_body_that_is_alarmed_are_sources() -> None:
    assert (
        _source("Action contre la Faim (ACF) said its clinic in Tine had treated 31 wounded.")
        == "Action contre la Faim (ACF)"
    )
    assert (
        _source(
            "UNFPA, the UN sexual and reproductive health agency, is alarmed by the strike, "
            "which killed nine people."
        )
        == "UNFPA"
    )


def test_a_speaker_described_by_a_participle_between_commas_is_the_source() -> None:
    sentence = (
        "A nurse at Kalo hospital, reached by satellite phone, said the ward had received "
        "17 wounded."
    )
    assert _source(sentence) == "nurse at Kalo hospital"


def test_a_boat_lost_off_a_town_and_a_title_case_dateline() -> None:
    from tollbook.extract.places import dateline_end

    # "Moroni (dpa) - ": a dateline in title case is where the report was filed, no place
    assert dateline_end("Moroni (dpa) - At least 23 people died.") == len("Moroni (dpa) - ")
    assert dateline_end("In Kyiv (the capital) - five died.") == 0
    text = (
        "Boat capsizes off Comoros\n"
        "Mutsamudu (dpa) - At least 12 people died when a boat heading for the French island "
        "of Mayotte capsized off Bambao on Sunday night, the coast guard said."
    )
    (claim,) = extract_claims(Report("r20-off", text))
    assert claim.place == "Bambao"

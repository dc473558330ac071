"""Sources of the shapes 'The toll was confirmed by ...' (a passive verb has no speaker before
it; the agent comes after 'by'; a name that merely ends in 'is' or 'are' is no passive) and
'X gave the figures' (in the next sentence too)."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _sources(text: str) -> list[str | None]:
    return [c.attributed_to for c in extract_claims(Report(id="r", text=text))]


def test_the_subject_of_a_passive_verb_is_not_the_source() -> None:
    text = "Seven people were killed in the blast. The figure was confirmed by local police."
    assert _sources(text) == [None]  # not "figure was"


def test_the_agent_of_a_passive_verb_in_the_next_sentence_is_the_source() -> None:
    text = (
        "Seven people were killed in the blast. "
        "The toll was confirmed by the Prosecutor General's Office."
    )
    assert _sources(text) == ["Prosecutor General's Office"]


def test_a_name_ending_in_is_before_a_said_verb_is_still_the_speaker() -> None:
    assert _sources("Residents of Tunis say 30 people were killed.") == ["residents of Tunis"]
    assert _sources("The Paris police recorded 4 deaths.") == ["Paris police"]


def test_a_speaker_who_gave_the_figures_in_the_next_sentence_is_the_source() -> None:
    text = (
        "Eight people were killed in the strike. "
        "The State Emergency Service gave the figures on Telegram."
    )
    assert _sources(text) == ["State Emergency Service"]
    assert _sources("The Regional Police gave the toll as 6 dead.") == ["Regional Police"]


def test_an_eyewitness_who_saw_the_bodies_is_the_source_and_a_city_that_saw_is_not() -> None:
    assert _sources("A Reuters photographer saw at least 9 bodies near the bridge.") == [
        "Reuters photographer"
    ]
    assert _sources("The town saw 25 deaths in the first month of the siege.") == [None]


def test_an_adverb_after_the_speaker_is_not_part_of_it() -> None:
    assert _sources("Officials initially put the toll at 17.") == ["officials"]


def test_an_acronym_before_a_long_body_name_and_a_day_before_the_speaker() -> None:
    text = "The UN human rights monitoring mission said 310 civilians had been killed."
    assert _sources(text) == ["UN human rights monitoring mission"]
    assert _sources("On Friday the district police said 4 people died.") == ["district police"]

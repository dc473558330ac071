"""The speaker finder's quick tests (round 7, speed): the cue test that decides whether a
sentence may name a source, and the role search that starts at the first role word.

Every text here was written for this test.
"""

from __future__ import annotations

from tollbook.extract.attribution import Speakers
from tollbook.extract.speaker_ends import any_cue


def source_of(sentence: str) -> str | None:
    return Speakers([sentence]).source(0)


def test_each_kind_of_cue_is_found_and_a_sentence_without_one_has_none() -> None:
    assert any_cue("Nine people died, the mayor said.")  # a said-verb
    assert any_cue("The mission has verified 40 deaths.")  # a verb of counting
    assert any_cue("Aid partners report 12 dead.")  # "partners report"
    assert any_cue("According to the agency, 12 died.")  # an opening "According"
    assert any_cue("Governor Ana Lopes visited the site.")  # an opening title
    assert any_cue("Twelve people died (regional police).")  # a source in brackets at the end
    assert not any_cue("Twelve people died in the flood on the river bank.")
    assert not any_cue("The storm (a cyclone) hit the coast at night.")


def test_a_role_word_late_in_the_sentence_still_names_the_speaker() -> None:
    # the role pattern is searched from four characters before the first role word:
    # "paramedic" holds the role word "medic" four characters in
    assert source_of("Eleven were hurt, paramedic Jonas Berg said.") == "Jonas Berg, paramedic"
    assert (
        source_of("After the blast at the depot, district governor Mara Olsen said 14 died.")
        == "Mara Olsen, district governor"
    )

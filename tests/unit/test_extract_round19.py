"""Round 19 of issue 12 (docs/extraction.md): faults found in the tuning corpora's errors,
each tested on sentences written for the test."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.attribution import Speakers
from tollbook.extract.extractor import extract_claims


def _source(sentence: str) -> str | None:
    return Speakers([sentence]).source(0)


def test_a_speaker_who_said_on_a_part_of_a_day_is_still_the_speaker() -> None:
    # "said Friday evening": the part of the day used to end the match, and the county
    # coroner's figure went unattributed (and so was no official count)
    for tail in ("Friday evening", "on Friday evening", "Friday night", "Friday"):
        sentence = (
            "Six people died when the river broke its banks near Orlin, Fenwick County "
            f"Coroner Margaret Ellis Dorn said {tail}."
        )
        assert _source(sentence) == "Fenwick County Coroner Margaret Ellis Dorn", tail
    assert (
        _source("Six people died in the flood, said the county sheriff on Friday morning.")
        == "county sheriff"
    )


def test_the_coroners_count_given_on_a_part_of_a_day_is_official() -> None:
    text = (
        "Flood kills six near Orlin\n"
        "ORLIN - Six people died when the river broke its banks near Orlin late Thursday, "
        "Fenwick County Coroner Margaret Ellis Dorn said Friday morning.\n"
        "Two of the dead were children, Dorn said."
    )
    claims = extract_claims(Report("r19-coroner", text))
    assert claims and all(c.kind == "official" for c in claims if c.outcome == "killed")

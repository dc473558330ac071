"""Round 21 of issue 12 (docs/extraction.md): faults found in the tuning corpora's errors,
each tested on sentences written for the test."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _places(text: str) -> list[str | None]:
    return [c.place for c in extract_claims(Report("r21", text))]


def test_a_place_the_gazetteer_lacks_ends_a_headline() -> None:
    # "in Khorvat" with nothing after it (a headline has no full stop) was not read, nor
    # "in Khorvat in two days" or "in Khorvat as ..."; with a full stop it was
    assert _places("Mudslide kills 12 in Khorvat") == ["Khorvat"]
    assert _places("Storms kill 9 in Khorvat in two days") == ["Khorvat"]
    assert _places("Floods kill 30 in Khorvat as rivers burst their banks") == ["Khorvat"]
    assert _places("Mudslide kills 12 in Khorvat.") == ["Khorvat"]
    # a capitalised word that is no place stays out
    assert _places("Fire kills 4 in January") == [None]

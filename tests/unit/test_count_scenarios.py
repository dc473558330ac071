"""Short reports run through the real extractor, then counted: the toll is known."""

from __future__ import annotations

from datetime import date

from tollbook.count import place_toll, reconcile
from tollbook.domain.incident import SourcedClaim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims

REPORTS = [
    Report(
        "wire-1",
        "An airstrike on a children's hospital in Mariupol killed at least 17 people on "
        "Wednesday, officials said.",
        date(2022, 3, 10),
    ),
    Report(
        "ledger-1",
        "Seventeen people died when Russian jets bombed a children's hospital in Mariupol on "
        "Wednesday, the city council said. More than 1,200 people have been killed in "
        "Mariupol since the start of the invasion, the mayor said.",
        date(2022, 3, 10),
    ),
    Report(
        "police-1",
        "Shelling killed five people at a bread queue in Chernihiv on Monday, police said.",
        date(2022, 3, 17),
    ),
]


def stored_claims() -> list[SourcedClaim]:
    out: list[SourcedClaim] = []
    for report_id, report in enumerate(REPORTS, start=1):
        for claim in extract_claims(report):
            out.append(SourcedClaim(len(out) + 1, report_id, claim, published=report.published))
    return out


def test_two_reports_of_one_strike_and_a_running_total() -> None:
    reconciled = reconcile(stored_claims())
    mariupol = place_toll(reconciled, "Mariupol")
    assert (mariupol.low, mariupol.high) == (17, 17)
    [hospital] = mariupol.incidents
    assert hospital.grade == "corroborated"
    assert hospital.event is not None and "hospital" in hospital.event
    assert {s.article for s in hospital.sources} == {"wire-1", "ledger-1"}
    latest = mariupol.latest_official
    assert latest is not None and latest.low == 1200 and latest.scope == "cumulative"

    chernihiv = place_toll(reconciled, "chernihiv")
    assert (chernihiv.low, chernihiv.high, len(chernihiv.incidents)) == (5, 5, 1)
    assert chernihiv.incidents[0].grade == "single_source"

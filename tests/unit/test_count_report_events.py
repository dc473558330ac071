"""The several-events guard: a smaller event of a report that tells a larger one is
counted but flagged, until a person reviews it."""

from __future__ import annotations

from datetime import date
from typing import Any

from tollbook.count import reconcile
from tollbook.count.tolls import place_toll
from tollbook.domain.claim import Claim
from tollbook.domain.incident import Incident, SourcedClaim


def sourced(claim_id: int, figure: int, report: int, **fields: Any) -> SourcedClaim:
    values: dict[str, Any] = {
        "outcome": "killed",
        "victims": "people",
        "place": "Kherson",
        "when": "2026-06-08",
        "scope": "incident",
        "kind": "official",
        "attributed_to": "the regional administration",
        "evidence": f"{figure} people were killed in Kherson.",
    }
    review_status = fields.pop("review_status", "unreviewed")
    values.update(fields)
    return SourcedClaim(
        claim_id=claim_id,
        report_id=report,
        claim=Claim(article=f"r{report}", low=figure, high=figure, qualifier="exact", **values),
        published=date(2026, 6, 9),
        review_status=review_status,
    )


def incidents(*claims: SourcedClaim) -> list[Incident]:
    return list(reconcile(claims).incidents)


def test_a_smaller_event_of_a_report_is_counted_but_flagged() -> None:
    # a market strike (9) and, in the same report, a figure read as another event at
    # another district of the city (4): perhaps the same dead told again
    found = incidents(
        sourced(
            1,
            9,
            report=1,
            place="Central market, Kherson",
            evidence="A strike on the market killed nine.",
        ),
        sourced(
            2,
            4,
            report=1,
            place="Dniprovskyi district, Kherson",
            when="2026-06-07",
            evidence="Four were killed in Dniprovskyi district.",
        ),
    )
    smaller = [i for i in found if i.high == 4]
    assert smaller[0].doubtful and "smaller event" in (smaller[0].several_events_guard or "")
    assert not smaller[0].held_back  # counted all the same
    toll = place_toll(
        reconcile(
            [
                sourced(1, 9, report=1, place="Central market, Kherson"),
                sourced(2, 4, report=1, place="Dniprovskyi district, Kherson", when="2026-06-07"),
            ]
        ),
        "Kherson",
    )
    assert (toll.low, toll.doubtful_low, len(toll.doubtful)) == (13, 4, 1)


def test_events_of_the_same_size_are_not_flagged() -> None:
    # a list by community: one dead in each, none larger than another
    found = incidents(
        sourced(1, 1, report=1, place="Nikopol"),
        sourced(2, 1, report=1, place="Marhanets"),
    )
    assert [i.doubtful for i in found] == [False, False]


def test_an_event_another_report_tells_as_its_largest_is_not_flagged() -> None:
    found = incidents(
        sourced(1, 9, report=1, place="Central market, Kherson"),
        sourced(2, 4, report=1, place="Bilozerka"),
        sourced(3, 4, report=2, place="Bilozerka"),
    )
    assert not next(i for i in found if i.high == 4).doubtful


def test_a_larger_event_long_before_flags_nothing() -> None:
    # "the deadliest since the strike of last year that killed 30"
    found = incidents(
        sourced(1, 30, report=1, when="2025-05-01"),
        sourced(2, 6, report=1),
    )
    assert not next(i for i in found if i.high == 6).doubtful


def test_a_reviewed_smaller_event_is_not_doubtful() -> None:
    found = incidents(
        sourced(1, 9, report=1, place="Central market, Kherson"),
        sourced(2, 4, report=1, place="Bilozerka", review_status="confirmed"),
    )
    smaller = next(i for i in found if i.high == 4)
    assert smaller.several_events_guard is not None and not smaller.doubtful


def test_a_running_total_read_as_an_event_does_not_flag_the_real_one() -> None:
    found = incidents(
        sourced(1, 1200, report=1, when="2026-06-08"),
        sourced(2, 1300, report=2, scope="cumulative", when="2022-02-24/2026-06-08"),
        sourced(3, 7, report=1, place="Bilozerka"),
    )
    assert next(i for i in found if i.high == 1200).held_back
    assert not next(i for i in found if i.high == 7).doubtful

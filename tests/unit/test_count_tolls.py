"""Tolls from multi-report scenarios where the right answer is known.

The first scenario is the seed article's: Mariupol, a hospital airstrike reported by
three outlets, other incidents, the city's "more than 1,200 since the invasion", and
the deputy mayor's "three to four times more". The 1,200 contains the incidents, so it
is shown beside the documented count and never added to it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tollbook.count import CountRules, VagueFloors, place_toll, reconcile
from tollbook.domain.claim import Claim, Qualifier
from tollbook.domain.incident import GroupingOverride, SourcedClaim
from tollbook.domain.toll import Period


def sourced(
    claim_id: int,
    low: int | None,
    high: int | None,
    qualifier: Qualifier,
    *,
    report: int,
    publisher: str | None = None,
    published: date = date(2022, 3, 16),
    status: str = "unreviewed",
    **fields: Any,
) -> SourcedClaim:
    values: dict[str, Any] = {
        "outcome": "killed",
        "victims": "people",
        "place": "Mariupol",
        "when": None,
        "scope": "incident",
        "kind": "reported",
        "attributed_to": None,
        "evidence": "People were killed.",
    }
    values.update(fields)
    return SourcedClaim(
        claim_id=claim_id,
        report_id=report,
        claim=Claim(article=f"report-{report}", low=low, high=high, qualifier=qualifier, **values),
        review_status=status,  # type: ignore[arg-type]
        publisher=publisher,
        published=published,
    )


HOSPITAL = "An airstrike on a children's hospital killed at least 17 people."


def mariupol() -> list[SourcedClaim]:
    return [
        # the hospital strike on 9 March: two outlets agree, one adds the children among them
        sourced(1, 17, None, "at_least", report=1, publisher="Wirenews", when="2022-03-09",
                evidence=HOSPITAL, published=date(2022, 3, 10)),
        sourced(2, 17, 17, "exact", report=2, publisher="Daily Ledger", when="2022-03-09",
                evidence="Seventeen died when jets bombed the hospital.",
                published=date(2022, 3, 10)),
        sourced(3, 3, 3, "exact", report=2, publisher="Daily Ledger", when="2022-03-09",
                victims="children", evidence="Three children were among the dead at the hospital."),
        # the theatre on 16 March: one source
        sourced(4, 300, 300, "about", report=3, publisher="Radio Meridian", when="2022-03-16",
                kind="official", evidence="About 300 people died in the drama theatre strike."),
        # a second, unrelated event the same week, at another site
        sourced(5, 5, 5, "exact", report=3, publisher="Radio Meridian", when="2022-03-16",
                evidence="Shelling killed five people queuing at a bakery."),
        # cumulative official totals and an estimate: never added to the incidents
        sourced(6, 1200, None, "more_than", report=1, publisher="Wirenews", scope="cumulative",
                kind="official", when="2022-02-24/2022-03-10", published=date(2022, 3, 10),
                evidence="More than 1,200 people have died since the start of the invasion."),
        sourced(7, 2400, 2400, "exact", report=4, publisher="City council", scope="cumulative",
                kind="official", when="2022-02-24/2022-03-20", published=date(2022, 3, 20),
                evidence="The city council said 2,400 people had been killed."),
        sourced(8, 3600, 4800, "derived", report=4, publisher="City council", scope="cumulative",
                kind="estimate", attributed_to="Sergei Orlov, deputy mayor of Mariupol",
                published=date(2022, 3, 20),
                evidence="It's three to four times more than the official count."),
        sourced(9, 5000, None, "at_least", report=5, scope="cumulative", kind="reported",
                when="2022-02-24/2022-03-22", published=date(2022, 3, 22),
                evidence="At least 5,000 have died, a monitoring group said."),
        # an incident elsewhere: not part of Mariupol's toll
        sourced(10, 14, None, "at_least", report=6, place="Kharkiv", when="2022-03-09",
                evidence="A strike on a market killed at least 14."),
    ]  # fmt: skip


def test_the_documented_count_never_adds_the_cumulative_figures() -> None:
    toll = place_toll(reconcile(mariupol()), "mariupol")
    assert [i.claim_ids for i in toll.incidents] == [(1, 2, 3), (4,), (5,)]
    assert (toll.low, toll.high) == (17 + 300 + 5, 17 + 300 + 5)
    latest = toll.latest_official
    assert latest is not None
    assert (latest.claim_id, latest.low, latest.date) == (7, 2400, date(2022, 3, 20))
    assert [p.claim_id for p in toll.official] == [6, 7]
    assert [p.claim_id for p in toll.reported] == [9]
    assert [(p.claim_id, p.low, p.high) for p in toll.estimates] == [(8, 3600, 4800)]
    assert toll.estimates[0].date == date(2022, 3, 20)


def test_the_hospital_strike_is_corroborated_by_independent_sources() -> None:
    hospital = reconcile(mariupol()).incidents[0]
    assert hospital.grade == "corroborated"
    assert hospital.source_keys == ("publisher:wirenews", "publisher:daily ledger")
    assert hospital.event == "airstrike on hospital"
    assert (hospital.low, hospital.high) == (17, 17)


def test_reports_of_one_publisher_are_one_source() -> None:
    claims = [
        sourced(1, 17, 17, "exact", report=1, publisher="Wirenews", when="2022-03-09"),
        sourced(2, 17, 17, "exact", report=2, publisher="WIRENEWS ", when="2022-03-09"),
    ]
    assert reconcile(claims).incidents[0].grade == "single_source"


def test_reports_with_no_publisher_are_each_their_own_source() -> None:
    claims = [
        sourced(1, 17, 17, "exact", report=1, when="2022-03-09"),
        sourced(2, 17, 17, "exact", report=2, when="2022-03-09"),
    ]
    assert reconcile(claims).incidents[0].grade == "corroborated"


def test_the_documented_series_is_a_running_sum() -> None:
    toll = place_toll(reconcile(mariupol()), "Mariupol")
    assert [(p.date, p.low, p.incidents) for p in toll.documented] == [
        (date(2022, 3, 9), 17, 1),
        (date(2022, 3, 16), 322, 3),
    ]


def test_a_period_keeps_the_incidents_and_figures_dated_in_it() -> None:
    reconciled = reconcile(mariupol())
    toll = place_toll(reconciled, "Mariupol", period=Period(date(2022, 3, 10), date(2022, 3, 20)))
    assert [i.claim_ids for i in toll.incidents] == [(4,), (5,)]
    assert (toll.low, toll.high) == (305, 305)
    assert [p.claim_id for p in toll.official] == [6, 7]
    assert [p.claim_id for p in toll.reported] == []
    early = place_toll(reconciled, "Mariupol", period=Period(None, date(2022, 3, 9)))
    assert (early.low, early.high, early.latest_official) == (17, 17, None)


def test_rejected_claims_leave_the_count_and_edited_values_count() -> None:
    claims = mariupol()
    claims[3] = sourced(4, 250, 250, "exact", report=3, publisher="Radio Meridian",
                        when="2022-03-16", status="edited", kind="official",
                        evidence="About 300 people died in the drama theatre strike.")  # fmt: skip
    claims[4] = sourced(5, 5, 5, "exact", report=3, status="rejected", when="2022-03-16")
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.high) == (17 + 250, 17 + 250)
    assert all(5 not in i.claim_ids for i in toll.incidents)


def test_the_reviewed_count_sums_only_incidents_a_person_checked() -> None:
    claims = [
        sourced(1, 17, 17, "exact", report=1, when="2022-03-09", status="confirmed"),
        sourced(2, 5, 5, "exact", report=2, when="2022-03-16", status="unreviewed"),
    ]
    toll = place_toll(reconcile(claims), "Mariupol")
    assert (toll.low, toll.reviewed_low, toll.unreviewed_incidents) == (22, 17, 1)


def test_vague_incidents_count_only_with_floors_enabled() -> None:
    claims = [
        sourced(1, 17, 17, "exact", report=1, when="2022-03-09"),
        sourced(2, None, None, "vague", report=2, when="2022-03-12",
                evidence="Dozens were killed in the shelling of a school."),
    ]  # fmt: skip
    assert place_toll(reconcile(claims), "Mariupol").low == 17
    floors = CountRules(vague=VagueFloors(enabled=True))
    toll = place_toll(reconcile(claims, rules=floors), "Mariupol")
    assert (toll.low, toll.high) == (17 + 24, 17 + 24)
    assert "dozens 24" in toll.vague_rule


def test_overrides_change_the_toll() -> None:
    claims = [
        sourced(1, 17, 17, "exact", report=1, when="2022-03-09"),
        sourced(2, 12, 12, "exact", report=2, when="2022-03-09"),
    ]
    assert place_toll(reconcile(claims), "Mariupol").low == 29  # two events, as grouped
    merged = [GroupingOverride(1, "merge", frozenset({1, 2}))]
    toll = place_toll(reconcile(claims, merged), "Mariupol")
    assert (toll.low, toll.high, toll.contested_incidents) == (12, 17, 1)


def test_a_place_with_nothing_reported_has_an_empty_toll() -> None:
    toll = place_toll(reconcile(mariupol()), "Odesa")
    assert (toll.low, toll.high, toll.incidents, toll.latest_official) == (0, 0, (), None)
    assert toll.place == "Odesa"


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends"):
        Period(date(2022, 3, 2), date(2022, 3, 1))


def test_an_area_named_after_the_place_is_listed_apart_never_counted() -> None:
    found = reconcile(
        [
            sourced(1, 44, 44, "exact", report=1, place="Malatya province", when="2026-02-03"),
            sourced(2, 5, 5, "exact", report=2, place="Malatya", when="2026-02-04"),
            sourced(3, 3, 3, "exact", report=3, place="Malatya Street, Elazig", when="2026-02-04"),
        ]
    )
    toll = place_toll(found, "Malatya")
    assert (toll.low, toll.high) == (5, 5)  # the province's 44 are not the city's
    assert [(a.place, a.low, a.incidents) for a in toll.named_alike] == [
        ("Malatya province", 44, 1)
    ]
    # the province's own toll lists nothing apart
    province = place_toll(found, "Malatya province")
    assert (province.low, province.named_alike) == (44, ())


def _flood(parts: list[tuple[int, int, str]], wider: str = "Pakistan") -> list[SourcedClaim]:
    """One report: 112 killed at ``wider``, with parts (claim id, figure, place)."""
    from dataclasses import replace

    claims = [sourced(1, 112, 112, "exact", report=1, place=wider, when="2026-07-19")]
    for claim_id, figure, place in parts:
        part = sourced(claim_id, figure, figure, "exact", report=1, place=place, when="2026-07-19")
        claims.append(replace(part, part_of=1))
    return claims


def test_a_part_of_a_wider_incident_placed_in_the_place_is_counted_there() -> None:
    found = reconcile(_flood([(2, 45, "Sindh province"), (3, 30, "Punjab")]))
    assert len(found.incidents) == 1  # one flood, at Pakistan
    sindh = place_toll(found, "Sindh province")
    assert (sindh.low, sindh.high, len(sindh.incidents)) == (45, 45, 0)
    assert [(p.place, p.added_low, p.incident_low) for p in sindh.parts] == [
        ("Sindh province", 45, 112)
    ]
    assert [(p.date, p.low) for p in sindh.documented] == [(date(2026, 7, 19), 45)]
    # the wider place counts the incident once, parts and all
    whole = place_toll(found, "Pakistan")
    assert (whole.low, whole.parts) == (112, ())
    # "Sindh" is not "Sindh province" (a town may share a province's name): named apart
    assert place_toll(found, "Sindh").low == 0
    assert [(a.place, a.low) for a in place_toll(found, "Sindh").named_alike] == [
        ("Sindh province", 45)
    ]


def test_nested_parts_count_once_and_parts_apart_add_up() -> None:
    nested = reconcile(
        _flood([(2, 45, "Sindh province"), (3, 8, "Dadu, Sindh province")], wider="South Asia")
    )
    assert place_toll(nested, "Sindh province").low == 45  # Dadu's 8 are among the 45
    apart = reconcile(
        _flood(
            [(2, 45, "Sindh province, Pakistan"), (3, 30, "Punjab, Pakistan")], wider="South Asia"
        )
    )
    assert place_toll(apart, "Pakistan").low == 75


def test_a_part_adds_only_what_the_places_own_incidents_do_not_hold() -> None:
    claims = [
        *_flood([(2, 45, "Sindh province")]),
        # another outlet on the roof collapse in Dadu, the same day: an incident of its own
        sourced(9, 8, 8, "exact", report=2, place="Dadu, Sindh province", when="2026-07-19"),
    ]
    toll = place_toll(reconcile(claims), "Sindh province")
    assert (toll.low, toll.high) == (45, 45)  # 8 at Dadu, and the part adds 37
    assert [(p.added_low, p.low) for p in toll.parts] == [(37, 45)]


def test_a_later_report_that_says_the_toll_rose_revises_the_event() -> None:
    first = sourced(
        1,
        112,
        112,
        "exact",
        report=1,
        place="Pakistan",
        when="2026-07-19",
        published=date(2026, 7, 20),
        evidence="Floods have killed 112 people across Pakistan, the disaster agency said.",
    )
    risen = sourced(
        2,
        131,
        131,
        "exact",
        report=2,
        place="Pakistan",
        published=date(2026, 7, 22),
        evidence="The death toll from flooding in Pakistan has risen to 131, the agency said.",
    )
    toll = place_toll(reconcile([first, risen]), "Pakistan")
    assert (toll.low, toll.high, len(toll.incidents)) == (131, 131, 1)
    # a higher figure that does not say the toll rose, on another day, is another event
    other = sourced(
        3,
        131,
        131,
        "exact",
        report=3,
        place="Pakistan",
        when="2026-07-21",
        published=date(2026, 7, 22),
        evidence="Floods killed 131 people in Pakistan on Tuesday, the agency said.",
    )
    assert len(reconcile([first, other]).incidents) == 2
    # and a risen toll a fortnight later is not the same day's
    late = sourced(
        4,
        131,
        131,
        "exact",
        report=4,
        place="Pakistan",
        when="2026-08-04",
        published=date(2026, 8, 5),
        evidence="The toll from a new flood in Pakistan has risen to 131.",
    )
    assert len(reconcile([first, late]).incidents) == 2


def test_a_toll_that_climbs_or_soars_is_a_toll_that_rose() -> None:
    from tollbook.count.wording import read_wording

    for headline in ("Flood toll climbs to 131", "Quake toll soars to 80", "Toll jumps to 40"):
        assert read_wording(headline).revises, headline
    for sentence in ("Gunmen mounted an attack on the camp", "Troops reached the camp at dawn"):
        assert not read_wording(sentence).revises, sentence


def test_the_wounded_linked_to_the_dead_never_raise_the_dead() -> None:
    from dataclasses import replace

    dead = sourced(1, 5, 5, "exact", report=1, when="2026-05-12")
    wounded = replace(
        sourced(2, 18, 18, "exact", report=1, when="2026-05-12", outcome="injured"), part_of=1
    )
    toll = place_toll(reconcile([dead, wounded]), "Mariupol")
    assert (toll.low, toll.high) == (5, 5)
    injured = place_toll(reconcile([dead, wounded]), "Mariupol", outcome="injured")
    assert (injured.low, injured.high) == (18, 18)


def test_a_places_part_of_a_running_total_is_its_own_figure_a_victims_part_is_not() -> None:
    from dataclasses import replace

    total = sourced(1, 43, 43, "exact", report=1, place=None, scope="cumulative", kind="official")
    nampula = replace(
        sourced(2, 31, 31, "exact", report=1, place="Nampula", scope="cumulative", kind="official"),
        part_of=1,
    )
    children = replace(
        sourced(
            3,
            9,
            9,
            "exact",
            report=1,
            place="Nampula",
            scope="cumulative",
            kind="official",
            victims="children",
        ),
        part_of=2,
    )
    toll = place_toll(reconcile([total, nampula, children]), "Nampula")
    assert toll.latest_official is not None and toll.latest_official.low == 31
    assert [p.low for p in toll.subgroups] == [9]

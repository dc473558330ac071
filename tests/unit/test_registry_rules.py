"""Pure registry rules: references, custody, grave positions, PFIF, labels."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tollbook.domain.grave import GravePosition, Trench
from tollbook.exchange.labels import label_svg, label_text
from tollbook.exchange.pfif import NAMESPACE, PfifNote, PfifPerson, read_pfif, write_pfif
from tollbook.exchange.trench_plan import trench_plan_svg
from tollbook.registry.custody import CustodyError, check_transition, movement
from tollbook.registry.positions import PositionError, body_coordinates
from tollbook.registry.references import (
    BadReference,
    make_reference,
    parse_reference,
    part_reference,
)
from tollbook.registry.rows import RowError, body_from_row

NOW = datetime(2022, 4, 1, 10, tzinfo=UTC)
TRENCH = Trench("S1-T01", "S1", 1, 33.0, 90.0, 47.6, 36.4, date(2022, 3, 8))


def test_references_are_place_team_number_and_parts() -> None:
    ref = make_reference("MAR", 3, 42)
    assert str(ref) == "MAR-T03-0042"
    assert str(part_reference(ref, 0)) == "MAR-T03-0042-P01"
    assert parse_reference(" mar-t03-0042-p02 ").body == ref
    assert str(parse_reference("S1-T03-017")) == "S1-T03-017"
    with pytest.raises(BadReference):
        parse_reference("body 42")
    with pytest.raises(BadReference):
        part_reference(parse_reference("MAR-T03-0042-P01"), 0)


def test_custody_allows_only_the_chain() -> None:
    check_transition("recovered", "stored")
    check_transition("buried", "exhumed")
    for current, new in [("buried", "stored"), ("released", "stored"), ("stored", "recovered")]:
        with pytest.raises(CustodyError):
            check_transition(current, new)
    event = movement(
        ref="A-T01-0001",
        current_status="stored",
        current_location="morgue:M1",
        to_status="buried",
        to_location="grave:S1-T01",
        actor="anna",
        at=NOW,
        reason="burial",
    )
    assert (event.from_status, event.to_status, event.from_location) == (
        "stored",
        "buried",
        "morgue:M1",
    )
    with pytest.raises(CustodyError, match="actor"):
        movement(
            ref="A-T01-0001",
            current_status=None,
            current_location="",
            to_status="stored",
            to_location="morgue:M1",
            actor=" ",
            at=NOW,
            reason="",
        )


def test_body_coordinates_follow_the_bearing_and_stay_in_the_trench() -> None:
    lat, lon = body_coordinates(TRENCH, 10.0) or (0.0, 0.0)
    assert lat == pytest.approx(47.6, abs=1e-6)
    assert lon > 36.4 and (lon - 36.4) * 111_320 * 0.6743 == pytest.approx(10.0, rel=0.01)
    with pytest.raises(PositionError):
        body_coordinates(TRENCH, 40.0)


def test_bad_body_rows_name_their_field() -> None:
    with pytest.raises(RowError) as bad:
        body_from_row({"body_ref": "S1-T01-001", "apparent_age": "ancient"})
    assert bad.value.field == "apparent_age"
    with pytest.raises(RowError) as bad:
        body_from_row({"body_ref": "S1-T01-001", "trench_id": "S1-T01", "position": "x"})
    assert bad.value.field == "position"


def test_pfif_round_trip_and_bad_records_by_element() -> None:
    note = PfifNote(
        {
            "note_record_id": "t.org/n1",
            "person_record_id": "t.org/p1",
            "status": "believed_dead",
            "text": "x",
        }
    )
    person = PfifPerson(
        {"person_record_id": "t.org/p1", "full_name": "Ivan Petrenko", "sex": "male"}, (note,)
    )
    data = write_pfif([person])
    assert NAMESPACE.encode() in data
    persons, problems = read_pfif(data, "x.xml")
    assert problems == []
    assert persons[0].values["full_name"] == "Ivan Petrenko"
    assert persons[0].notes[0].status == "believed_dead"

    bad = data.replace(b">male<", b">unknown<").replace(b"believed_dead", b"dead")
    persons, problems = read_pfif(bad, "x.xml")
    assert persons == []
    fields = {p.field for p in problems}
    assert fields == {"person[1]/sex", "person[1]/note[1]/status"}


def test_label_holds_the_reference_as_text_and_qr_code() -> None:
    svg = label_svg("MAR-T03-0042", recovered_on="2022-03-10")
    assert "MAR-T03-0042" in svg and svg.startswith("<svg") and '<path d="M' in svg
    assert label_text("mar-t03-0042") == "MAR-T03-0042"


def test_trench_plan_draws_every_body() -> None:
    placed = [(GravePosition(f"S1-T01-00{i}", "S1-T01", i, 0.8 * i), "buried") for i in (1, 2)]
    svg = trench_plan_svg(TRENCH, placed)
    assert svg.lstrip().startswith("<?xml") and "S1-T01-002" in svg


def test_a_long_reference_is_set_small_enough_to_stay_on_the_label() -> None:
    import re

    from tollbook.exchange.labels import MONOSPACE_ADVANCE, TEXT_LEFT, text_size

    assert text_size("T-1", 5.0) == 5.0  # short references keep the largest size
    svg = label_svg("MAR-T03-0101", recovered_on="2022-03-10", team="team-north-7")
    for size, line in re.findall(r'font-size="([0-9.]+)">([^<]+)</text>', svg):
        right = TEXT_LEFT + float(size) * MONOSPACE_ADVANCE * len(line)
        assert right <= 59.0, (line, size)

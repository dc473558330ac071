"""Incidents out: CSV with HXL hashtags, JSON records, GeoJSON; the toll chart."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tollbook.count import place_toll, reconcile
from tollbook.domain.claim import Claim, GeoPoint
from tollbook.domain.incident import Incident, SourcedClaim
from tollbook.exchange.geojson import incident_record, incidents_geojson, write_incidents_json
from tollbook.exchange.hxl import hxl_rows, write_incidents_hxl
from tollbook.exchange.toll_chart import chart_format, write_toll_chart

MARIUPOL = GeoPoint(lat=47.09514, lon=37.54131, country="UA", geonameid=701822)


def sourced(claim_id: int, report: int, **fields: Any) -> SourcedClaim:
    values: dict[str, Any] = {
        "outcome": "killed",
        "low": 17,
        "high": None,
        "qualifier": "at_least",
        "victims": "people",
        "place": "Mariupol",
        "when": "2022-03-09",
        "scope": "incident",
        "kind": "official",
        "attributed_to": "officials",
        "evidence": "An airstrike on a children's hospital killed at least 17 people.",
        "geo": MARIUPOL,
    }
    values.update(fields)
    publisher = values.pop("publisher", None)
    status = values.pop("review_status", "unreviewed")
    claim = Claim(article=f"r{report}", **values)
    return SourcedClaim(claim_id, report, claim, status, publisher, date(2022, 3, 10))


CLAIMS = [
    sourced(1, 1, publisher="Wirenews"),
    sourced(2, 2, low=20, high=20, qualifier="exact", publisher="Daily Ledger",
            review_status="confirmed"),
    sourced(3, 3, outcome="injured", low=40, high=40, qualifier="exact", place="Kharkiv region",
            geo=None, attributed_to=None),
    sourced(4, 4, scope="cumulative", low=1200, qualifier="more_than",
            when="2022-02-24/2022-03-10"),
]  # fmt: skip


def incidents() -> list[Incident]:
    found = reconcile(CLAIMS).incidents
    return [replace(incident, id=10 + n) for n, incident in enumerate(found)]


def test_hxl_has_a_header_row_a_hashtag_row_and_one_row_per_incident() -> None:
    rows = hxl_rows(incidents())
    header, tags, hospital, injured = rows
    assert len(rows) == 4
    assert tags[:8] == [
        "#event+id",
        "#date",
        "#date+end",
        "#country+code",
        "#adm1+name",
        "#loc+name",
        "#geo+lat",
        "#geo+lon",
    ]
    for tag in ("#affected+killed+min", "#affected+killed+max", "#meta+source"):
        assert tag in tags
    assert all(tag.startswith("#") for tag in tags)
    assert len(header) == len(tags) == len(hospital)
    row = dict(zip(tags, hospital, strict=True))
    assert row["#event+id"] == "10"
    assert row["#date"] == "2022-03-09"
    assert row["#loc+name"] == "Mariupol"
    assert row["#adm1+name"] == ""
    assert (row["#geo+lat"], row["#geo+lon"]) == ("47.09514", "37.54131")
    assert (row["#affected+killed+min"], row["#affected+killed+max"]) == ("20", "20")
    assert row["#affected+injured+min"] == ""
    assert row["#meta+source"] == "Wirenews (officials); Daily Ledger (officials)"
    assert row["#status+grade"] == "corroborated"
    assert row["#status+review"] == "1 unreviewed machine claim(s)"
    other = dict(zip(tags, injured, strict=True))
    assert (other["#adm1+name"], other["#loc+name"]) == ("Kharkiv region", "")
    assert other["#affected+injured+max"] == "40"
    assert other["#geo+lat"] == ""


def test_hxl_csv_reads_back() -> None:
    out = io.StringIO()
    assert write_incidents_hxl(incidents(), out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == hxl_rows(incidents())


def test_json_records_mark_unreviewed_machine_claims() -> None:
    record = incident_record(incidents()[0])
    assert (record["id"], record["min"], record["max"], record["grade"]) == (
        10,
        20,
        20,
        "corroborated",
    )
    assert record["reviewed"] is False
    assert [s["machine_unreviewed"] for s in record["sources"]] == [True, False]
    assert record["geo"]["lat"] == 47.09514
    out = io.StringIO()
    write_incidents_json(incidents(), out)
    assert [r["id"] for r in json.loads(out.getvalue())] == [10, 11]


def test_geojson_is_a_feature_collection_in_lon_lat_order() -> None:
    collection = incidents_geojson(incidents())
    assert collection["type"] == "FeatureCollection"
    located, unlocated = collection["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [37.54131, 47.09514]}
    assert located["properties"]["min"] == 20
    assert unlocated["geometry"] is None
    json.dumps(collection)  # serialisable as it is


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_the_toll_chart_is_written(tmp_path: Path, suffix: str) -> None:
    claims = [
        *CLAIMS,
        sourced(5, 5, scope="cumulative", low=2400, high=2400, qualifier="exact",
                when="2022-02-24/2022-03-20"),
        sourced(6, 6, scope="cumulative", kind="estimate", low=3600, high=4800,
                qualifier="derived", when=None),
        sourced(7, 7, low=5, high=5, qualifier="exact", when="2022-03-16",
                evidence="Shelling killed five people at a bakery."),
    ]  # fmt: skip
    toll = place_toll(reconcile(claims), "Mariupol")
    path = tmp_path / f"toll.{suffix}"
    write_toll_chart(toll, path)
    data = path.read_bytes()
    if suffix == "svg":
        assert data.lstrip().startswith(b"<?xml") and b"<svg" in data
        assert b"Mariupol" in data or b"<path" in data
    else:
        assert data.startswith(b"\x89PNG")


def test_the_same_toll_gives_the_same_svg(tmp_path: Path) -> None:
    toll = place_toll(reconcile(CLAIMS), "Mariupol")
    write_toll_chart(toll, tmp_path / "a.svg")
    write_toll_chart(toll, tmp_path / "b.svg")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_a_chart_of_nothing_is_still_a_chart(tmp_path: Path) -> None:
    write_toll_chart(place_toll(reconcile([]), "Odesa"), tmp_path / "empty.svg")
    assert b"no dated figures" in (tmp_path / "empty.svg").read_bytes()


def test_only_svg_and_png_are_drawn() -> None:
    assert chart_format(Path("x.SVG")) == "svg"
    with pytest.raises(ValueError, match=r"\.svg or \.png"):
        chart_format(Path("x.pdf"))

"""Pure parts of issue 17's daily work: the duplicate check across scripts, the public
files with HXL hashtags, the public chart and map, the phone-readable trench plan."""

from __future__ import annotations

import csv
import io
from datetime import date

from tollbook.domain.grave import GravePosition, Trench
from tollbook.domain.missing import MissingReport
from tollbook.exchange.public_files import TOLL_COLUMNS, hxl_csv, toll_rows
from tollbook.exchange.public_map import MapPoint, map_svg
from tollbook.exchange.series_chart import series_svg
from tollbook.exchange.trench_map import trench_map_svg
from tollbook.registry.duplicates import may_be_same_person

KNOWN = MissingReport(
    "A1", family_name="Коваленко", given_name="Олександр", birth_date=date(1980, 5, 1)
)


def test_the_same_name_in_another_script_and_a_near_birth_year_is_a_possible_duplicate() -> None:
    latin = MissingReport("A2", family_name="Kovalenko", given_name="Aleksandr", age=42,
                          reported_on=date(2022, 3, 20))  # fmt: skip
    assert may_be_same_person(latin, KNOWN)  # born 1980 by its age
    feminine = MissingReport("A3", family_name="Коваленко", given_name="Олександра")
    assert not may_be_same_person(feminine, KNOWN)
    older = MissingReport("A4", family_name="Kovalenko", given_name="Oleksandr",
                          birth_date=date(1950, 1, 1))  # fmt: skip
    assert not may_be_same_person(older, KNOWN)
    no_given = MissingReport("A5", family_name="Kovalenko")
    assert not may_be_same_person(no_given, KNOWN)


PUBLISHED = {
    "place": "Mariupol",
    "outcome": "killed",
    "period": {"start": None, "end": "2022-03-31"},
    "published_at": "2022-04-02T10:00:00+00:00",
    "figures": {
        "min": 20,
        "max": 25,
        "incidents": 2,
        "series": [
            {"date": "2022-03-09", "min": 17, "max": 17},
            {"date": "2022-03-20", "min": 20, "max": 25},
        ],
        "latest_official": {
            "date": "2022-03-30",
            "low": 1200,
            "high": 1200,
            "qualifier": "exact",
            "kind": "official",
        },
        "latest_reported": None,
        "estimates": [],
    },
}


def test_a_published_toll_as_csv_has_hxl_hashtags_on_its_second_row() -> None:
    rows = list(csv.reader(io.StringIO(hxl_csv(TOLL_COLUMNS, toll_rows(PUBLISHED)))))
    assert rows[0][:3] == ["place", "outcome", "period_start"]
    assert all(tag.startswith("#") for tag in rows[1])
    figures = [(r[4], r[6], r[7]) for r in rows[2:]]
    assert figures == [
        ("documented", "20", "25"),
        ("documented_up_to", "17", "17"),
        ("documented_up_to", "20", "25"),
        ("latest_official", "1200", "1200"),
    ]


def test_the_public_chart_and_map_are_svg_with_escaped_names() -> None:
    chart = series_svg(PUBLISHED["figures"]["series"], "Mariupol <killed>")  # type: ignore[index]
    assert chart.startswith("<svg") and "&lt;killed&gt;" in chart and "20–25" in chart
    point = MapPoint("Mariupol & co", 47.1, 37.5, 20, 25, "/public/tolls/1")
    drawn = map_svg([point], [(50.45, 30.52), (49.99, 36.23)], "map")
    assert "Mariupol &amp; co 20–25" in drawn and drawn.count("<circle") == 3


def test_the_trench_plan_draws_each_body_at_its_place_with_its_reference() -> None:
    trench = Trench("W1-T01", "W1", 1, 10.0, 90.0)
    bodies = [(GravePosition(f"KHA-T02-{n:04d}", "W1-T01", n, n * 1.0), "buried") for n in (1, 2)]
    svg = trench_map_svg(trench, bodies)
    assert 'viewBox="0 0 460 ' in svg  # 10 m at 40 units a metre, and the margins
    assert svg.count('<a href="/bodies/KHA-T02-') == 2 and 'font-size="12"' in svg

"""Writing a simulated siege to a folder: CSV and JSON Lines for the sources, and the truth
apart in ``truth/``. docs/simulator.md describes every file and column.

The big tables (people, deaths, captures) are written column-wise from numpy arrays in
chunks; the rest with the csv module. Files are UTF-8 with ``\\n`` line ends and no
timestamps, so the same siege gives the same bytes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tollbook.names.transliteration import ukrainian_national
from tollbook.simulate.deaths import AGE_GROUPS, CAUSES, PLACES
from tollbook.simulate.names import name_tables
from tollbook.simulate.population import day_number
from tollbook.simulate.records import RECORD_COLUMNS
from tollbook.simulate.siege import Siege, summary

#: The file that marks a folder as a simulated siege (and holds its summary).
SUMMARY_FILE = "siege.json"
_CHUNK = 200_000


class SiegeFilesError(Exception):
    """The output folder cannot be used."""


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    rows: int


def prepare_out_dir(out: Path) -> None:
    """Create ``out``, or accept it if empty or an earlier siege's folder (overwritten)."""
    if out.exists() and not out.is_dir():
        raise SiegeFilesError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / SUMMARY_FILE).is_file():
        raise SiegeFilesError(
            f"{out} is not empty and holds no earlier simulation ({SUMMARY_FILE}); "
            "choose an empty or new folder"
        )
    out.mkdir(parents=True, exist_ok=True)


def write_siege(
    siege: Siege, out: Path, on_file: Callable[[WrittenFile], None] | None = None
) -> list[WrittenFile]:
    """Write every file of ``siege`` under ``out`` (see :func:`prepare_out_dir`)."""
    prepare_out_dir(out)
    for sub in ("lists", "news", "graves", "missing", "truth"):
        (out / sub).mkdir(exist_ok=True)
    written: list[WrittenFile] = []

    def done(path: Path, rows: int) -> None:
        item = WrittenFile(path, rows)
        written.append(item)
        if on_file is not None:
            on_file(item)

    done(*_people(siege, out / "people.csv"))
    done(*_deaths(siege, out / "deaths.csv"))
    done(*_incidents(siege, out / "incidents.csv"))
    for records in siege.lists:
        path = out / "lists" / f"{records.spec.name}.csv"
        done(path, _write_csv(path, RECORD_COLUMNS, records.rows))
    done(*_list_truth(siege, out / "truth" / "list_records.csv"))
    done(*_captures(siege, out / "truth" / "captures.csv"))
    for path, rows in (
        *_graves(siege, out / "graves"),
        _bodies(siege, out),
        *_missing(siege, out),
        *_news(siege, out / "news"),
    ):
        done(path, rows)
    summary_path = out / SUMMARY_FILE
    summary_path.write_text(
        json.dumps(summary(siege), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    done(summary_path, 1)
    return written


# --- big tables, column-wise ------------------------------------------------------------


def _people(siege: Siege, path: Path) -> tuple[Path, int]:
    people = siege.people
    t = name_tables()
    sex = people.sex
    columns = {
        "person_id": people.person_id.astype(str),
        "household_id": (people.household + 1).astype(str),
        "family_name": _pick(t.family_uk, sex, people.family),
        "given_name": _pick(t.given_uk, sex, people.given),
        "patronymic": _pick(t.patronymic_uk, sex, people.father),
        "sex": np.array(["M", "F"])[sex],
        "birth_date": _dates(people.birth),
        "district": _labels(_latin(siege.config.districts), people.district),
        "combatant": people.combatant.astype(np.int8).astype(str),
    }
    return path, _write_columns(path, columns)


def _deaths(siege: Siege, path: Path) -> tuple[Path, int]:
    people, deaths = siege.people, siege.deaths
    t = name_tables()
    who = deaths.person
    sex = people.sex[who]
    start = day_number(siege.config.start)
    incident_ids = np.array(["", *(i.id for i in deaths.incidents)], dtype=object)
    columns = {
        "person_id": (who + 1).astype(str),
        "family_name": _pick(t.family_uk, sex, people.family[who]),
        "given_name": _pick(t.given_uk, sex, people.given[who]),
        "patronymic": _pick(t.patronymic_uk, sex, people.father[who]),
        "sex": np.array(["M", "F"])[sex],
        "birth_date": _dates(people.birth[who]),
        "death_date": _dates(deaths.day),
        "age": deaths.age.astype(str),
        "age_group": _labels(AGE_GROUPS, deaths.age_group),
        "period": _period_labels(deaths.period(start, siege.config.period_days)),
        "district": _labels(_latin(siege.config.districts), deaths.district),
        "status": np.where(deaths.combatant, "combatant", "civilian"),
        "cause": _labels(CAUSES, deaths.cause),
        "place": _labels(PLACES, deaths.place),
        "incident_id": incident_ids[deaths.incident.astype(np.int64) + 1],
    }
    return path, _write_columns(path, columns)


def _captures(siege: Siege, path: Path) -> tuple[Path, int]:
    deaths = siege.deaths
    start = day_number(siege.config.start)
    columns: dict[str, npt.NDArray[Any]] = {
        "person_id": (deaths.person + 1).astype(str),
        "period": _period_labels(deaths.period(start, siege.config.period_days)),
        "district": _labels(_latin(siege.config.districts), deaths.district),
        "sex": np.array(["M", "F"])[siege.people.sex[deaths.person]],
        "age_group": _labels(AGE_GROUPS, deaths.age_group),
        "status": np.where(deaths.combatant, "combatant", "civilian"),
    }
    for k, name in enumerate(siege.config.list_names()):
        columns[name] = siege.captured[k].astype(np.int8).astype(str)
    return path, _write_columns(path, columns)


def _list_truth(siege: Siege, path: Path) -> tuple[Path, int]:
    def rows() -> Iterable[Sequence[object]]:
        for records in siege.lists:
            for row, person in zip(records.rows, records.person.tolist(), strict=True):
                yield (row[0], records.spec.name, person + 1)

    return path, _write_csv(path, ("record_id", "list", "person_id"), rows())


# --- small tables -------------------------------------------------------------------------


def _incidents(siege: Siege, path: Path) -> tuple[Path, int]:
    districts = _latin(siege.config.districts)
    rows = [
        (
            i.id,
            i.kind.code,
            i.kind.target,
            _iso(i.day),
            districts[i.district],
            i.killed,
            i.injured,
            i.missing,
        )
        for i in siege.deaths.incidents
    ]
    header = ("incident_id", "kind", "target", "date", "district", "killed", "injured", "missing")
    return path, _write_csv(path, header, rows)


def _graves(siege: Siege, folder: Path) -> list[tuple[Path, int]]:
    g = siege.graves
    sites = _write_csv(
        folder / "sites.csv",
        ("site", "name", "lat", "lon", "trench_bearing_deg"),
        [(s.code, s.name, s.lat, s.lon, s.bearing) for s in g.sites],
    )
    trenches = _write_csv(
        folder / "trenches.csv",
        (
            "trench_id",
            "site",
            "number",
            "length_m",
            "bearing_deg",
            "marker_lat",
            "marker_lon",
            "opened",
        ),
        [
            (
                t.id,
                t.site,
                t.number,
                t.length_m,
                t.bearing,
                t.marker_lat,
                t.marker_lon,
                t.opened.isoformat(),
            )
            for t in g.trenches
        ],
    )
    path = folder / "bodies.csv"
    rows = [
        (
            b.ref,
            b.trench,
            b.position,
            b.distance_m,
            b.buried.isoformat(),
            b.found_district,
            b.apparent_sex,
            b.apparent_age,
            b.height_cm,
            b.clothing,
            b.marks,
            b.effects,
            b.wrapped_in,
            b.label,
        )
        for b in g.bodies
    ]
    header = (
        "body_ref",
        "trench_id",
        "position",
        "distance_m",
        "buried_on",
        "found_district",
        "apparent_sex",
        "apparent_age",
        "height_cm",
        "clothing",
        "marks",
        "effects",
        "wrapped_in",
        "label",
    )
    return [
        (folder / "sites.csv", sites),
        (folder / "trenches.csv", trenches),
        (path, _write_csv(path, header, rows)),
    ]


def _bodies(siege: Siege, out: Path) -> tuple[Path, int]:
    path = out / "truth" / "bodies.csv"
    rows = [(b.ref, b.person + 1) for b in siege.graves.bodies]
    return path, _write_csv(path, ("body_ref", "person_id"), rows)


def _missing(siege: Siege, out: Path) -> list[tuple[Path, int]]:
    header = (
        "report_id",
        "reported_on",
        "relation",
        "family_name",
        "given_name",
        "patronymic",
        "sex",
        "birth_date",
        "age",
        "last_seen_date",
        "last_seen_district",
        "height_cm",
        "description",
    )
    rows = [
        (
            m.id,
            m.reported_on.isoformat(),
            m.relation,
            m.family_name,
            m.given_name,
            m.patronymic,
            m.sex,
            m.birth_date,
            m.age,
            m.last_seen.isoformat(),
            m.last_seen_district,
            m.height_cm,
            m.description,
        )
        for m in siege.missing
    ]
    reports = out / "missing" / "reports.csv"
    count = _write_csv(reports, header, rows)
    path = out / "truth" / "missing.csv"
    truth = [(m.id, m.person + 1, m.fate, m.body_ref) for m in siege.missing]
    return [
        (reports, count),
        (path, _write_csv(path, ("report_id", "person_id", "fate", "body_ref"), truth)),
    ]


def _news(siege: Siege, folder: Path) -> list[tuple[Path, int]]:
    reports = folder / "reports.jsonl"
    with reports.open("w", encoding="utf-8", newline="\n") as handle:
        for report in siege.news.reports:
            handle.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    path = folder / "gold_claims.jsonl"
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for claim in siege.news.gold:
            handle.write(json.dumps(claim, ensure_ascii=False) + "\n")
    return [(reports, len(siege.news.reports)), (path, len(siege.news.gold))]


# --- helpers --------------------------------------------------------------------------


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_columns(path: Path, columns: dict[str, npt.NDArray[Any]]) -> int:
    """Write equal-length string columns as CSV, in chunks (the values hold no commas,
    quotes or line breaks: names, codes, numbers and dates)."""
    names = list(columns)
    n = len(columns[names[0]])
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(names) + "\n")
        for lo in range(0, n, _CHUNK):
            parts = [columns[name][lo : lo + _CHUNK].tolist() for name in names]
            handle.write("".join(",".join(row) + "\n" for row in zip(*parts, strict=True)))
    return n


def _pick(
    table: tuple[tuple[str, ...], tuple[str, ...]],
    sex: npt.NDArray[Any],
    index: npt.NDArray[Any],
) -> npt.NDArray[Any]:
    """Name strings by sex and index, vectorised."""
    male = np.array(table[0], dtype=object)
    female = np.array(table[1], dtype=object)
    return np.asarray(np.where(sex == 0, male[index], female[index]))


def _labels(labels: Sequence[str], index: npt.NDArray[Any]) -> npt.NDArray[Any]:
    return np.array(labels, dtype=object)[index.astype(np.int64)]


def _period_labels(periods: npt.NDArray[Any]) -> npt.NDArray[Any]:
    top = int(periods.max()) + 1 if len(periods) else 1
    return _labels([f"P{i + 1}" for i in range(top)], periods)


def _dates(days: npt.NDArray[Any]) -> npt.NDArray[Any]:
    return np.datetime_as_string(days.astype("datetime64[D]"), unit="D")


def _latin(names: Sequence[str]) -> list[str]:
    return [ukrainian_national(n) for n in names]


def _iso(day: int) -> str:
    return str(np.datetime64(int(day), "D"))

"""Three list files whose columns are named as people name them (``surname``,
``date_of_death``, ``place_of_death`` ...; ``Прізвище``, ``Дата смерті``; ``Фамилия``,
``Дата смерти``), linked with ``tollbook link A.csv B.csv C.csv --out`` and no ``--map``.
Target: pairwise F1 of at least 0.97.

The simulator's morgue, burial and hospital lists are written with renamed headers:
once all in English, once in Ukrainian and Russian (one list each, the third mixed),
each with a notes column that must be left unused.

    .venv/bin/python -m benchmarks.link_headers [--people N] [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from benchmarks.link_common import report, run_file_mode
from tollbook.cli.simulate.files import write_siege
from tollbook.simulate import SiegeConfig, simulate_siege

TARGET_F1 = 0.97
LISTS = ("morgue", "burial", "hospital")
#: The simulator's columns: record_id, family_name, given_name, patronymic, sex,
#: birth_date, age, death_date, district; then a notes column.
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "English": {
        "morgue": ("id", "surname", "first_name", "middle_name", "sex", "dob", "age",
                   "date_of_death", "place_of_death", "notes"),
        "burial": ("ID", "Last Name", "Given Name", "Patronymic", "Gender", "Date of Birth",
                   "Age", "Died", "District", "Remarks"),
        "hospital": ("record", "family_name", "forename", "father_name", "gender",
                     "birth_date", "age_at_death", "DOD", "POD", "comment"),
    },
    "Ukrainian and Russian": {
        "morgue": ("номер", "Прізвище", "Ім'я", "По батькові", "Стать", "Дата народження",
                   "Вік", "Дата смерті", "Місце смерті", "Примітка"),
        "burial": ("номер", "Фамилия", "Имя", "Отчество", "Пол", "Дата рождения",
                   "Возраст", "Дата смерти", "Место смерти", "Примечание"),
        "hospital": ("ID", "ПРІЗВИЩЕ", "Ім’я", "по_батькові", "пол", "дата_рождения", "вік",
                     "дата-смерті", "район", "Джерело"),
    },
}  # fmt: skip


def renamed(source: Path, target: Path, header: tuple[str, ...]) -> None:
    """Copy a simulator list with another header and a notes column."""
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([*row, ""] for row in rows[1:])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    verdicts = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_siege(simulate_siege(SiegeConfig(people=args.people, seed=args.seed)), folder)
        with (folder / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
            truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
        for language, headers in HEADERS.items():
            files = []
            for name in LISTS:
                target = folder / language.split()[0] / f"{name}.csv"
                target.parent.mkdir(exist_ok=True)
                renamed(folder / "lists" / f"{name}.csv", target, headers[name])
                files.append(target)
            result, clusters, seconds = run_file_mode(files, folder / "clusters.csv")
            title = f"three lists headed in {language}, {args.people:,} people, no --map"
            scores = report(title, result, clusters, truth, seconds)
            unused = sorted({w.message.split("'")[1] for w in result.warnings if w.line == 1})
            print(f"  columns left unused  {', '.join(unused) or '(none)'}")
            verdicts.append(scores.f1 >= TARGET_F1)
            print(f"  target: F1 at least {TARGET_F1} -> {'OK' if verdicts[-1] else 'BELOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

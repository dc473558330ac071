"""The list and linkage commands as a user runs them: lists import|show|queue|confirm|split,
link (database and file mode) and persons."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tollbook.cli.lists import link, lists
from tollbook.cli.persons import persons
from tollbook.link.evaluation import pairwise_scores
from tollbook.services.setup import init_database


@pytest.fixture(scope="module")
def siege(siege_folder: Callable[[int, int], Path]) -> Path:
    return siege_folder(6_000, 8)


@pytest.fixture
def url(tmp_path: Path) -> str:
    database = f"sqlite:///{tmp_path / 'tollbook.db'}"
    init_database(database)
    return database


def run(command: object, args: list[str], url: str | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(command, args, obj={"url": url}, catch_exceptions=False)  # type: ignore[arg-type]


def import_all(url: str, siege: Path) -> None:
    for path in sorted((siege / "lists").glob("*.csv")):
        result = run(lists, ["import", str(path), "--source", path.stem, "--actor", "t"], url)
        assert result.exit_code in (0, 1), result.output
        assert "into list" in result.output


def test_import_reports_bad_rows_and_keeps_the_good(url: str, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "прізвище,ім'я,стать,народження\nКоваль,Іван,Ч,01.02.1960\nБондар,Олена,?,\n",
        encoding="utf-8",
    )
    args = [
        "import",
        str(path),
        "--source",
        "morgue",
        "--map",
        "прізвище=family_name",
        "--map",
        "ім'я=given_name",
        "--map",
        "стать=sex",
        "--map",
        "народження=birth_date",
    ]
    result = run(lists, args, url)
    assert result.exit_code == 1
    assert "imported 1 of 2 rows into list 'morgue' (new list); 1 rows left out" in result.output
    assert f"error: {path}:3: field 'sex': not a sex" in result.output
    again = run(lists, args, url)
    assert again.exit_code == 1 and "already" in again.output
    shown = run(lists, ["show"], url)
    assert "morgue" in shown.output and "1" in shown.output


def test_bad_mappings_and_files_are_clear_errors(url: str, tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    result = run(lists, ["import", str(path), "--source", "x", "--map", "a=nickname"], url)
    assert result.exit_code == 1 and "unknown field 'nickname'" in result.output
    result = run(lists, ["import", str(tmp_path / "none.csv"), "--source", "x"], url)
    assert result.exit_code == 1 and "no such file" in result.output


def test_link_persons_queue_and_decisions(url: str, siege: Path) -> None:
    assert "no persons yet" in run(persons, [], url).output
    import_all(url, siege)
    result = run(link, ["--actor", "analyst", "--review", "0.2", "0.99"], url)
    assert result.exit_code == 0, result.output
    assert "linked" in result.output and "(trained)" in result.output

    listed = run(persons, ["--min-records", "2", "--limit", "1", "--json"], url)
    person = json.loads(listed.output.splitlines()[0])
    assert len(person["records"]) >= 2 and person["links"]
    one = run(persons, ["--person", str(person["person"])], url)
    assert "family_name" in one.output and "<- " in one.output

    queue = run(lists, ["queue", "--json", "--limit", "1"], url)
    pair = json.loads(queue.output.splitlines()[0])
    a, b = pair["record_a"]["id"], pair["record_b"]["id"]
    assert pair["explanation"]["fields"]
    split = run(lists, ["split", str(a), str(b), "--reason", "other family", "--actor", "r"], url)
    assert split.exit_code == 0 and "two people (split)" in split.output
    confirm = run(lists, ["confirm", str(a), str(b), "--actor", "r"], url)
    assert "the same person (confirmed)" in confirm.output
    rerun = run(link, [], url)
    assert "(reused)" in rerun.output
    assert run(lists, ["split", str(a), str(b), "--actor", "r"], url).exit_code == 2


def test_review_sample_queues_calibration_pairs_to_decide(url: str, siege: Path) -> None:
    nothing = run(lists, ["review-sample", "--pairs", "3"], url)
    assert nothing.exit_code == 1 and "tollbook link" in nothing.output
    import_all(url, siege)
    assert (
        run(
            link, ["--actor", "a", "--threshold", "0.99", "--review", "0.05", "0.999"], url
        ).exit_code
        == 0
    )
    args = ["review-sample", "--pairs", "3", "--seed", "2", "--actor", "analyst"]
    result = run(lists, args, url)
    assert result.exit_code == 0, result.output
    assert "3 calibration pairs queued (3 drawn at random from" in result.output
    queue = run(lists, ["queue", "--calibration", "--json", "--limit", "10"], url)
    pairs = [json.loads(line) for line in queue.output.splitlines()]
    assert len(pairs) == 3 and all(p["calibration"] for p in pairs)
    shown = run(lists, ["queue", "--calibration"], url)
    assert shown.output.count("(calibration sample)") == 3
    a, b = pairs[0]["record_a"]["id"], pairs[0]["record_b"]["id"]
    assert (
        run(lists, ["split", str(a), str(b), "--reason", "x", "--actor", "r"], url).exit_code == 0
    )
    left = run(lists, ["queue", "--calibration", "--json", "--limit", "10"], url)
    assert len(left.output.splitlines()) == 2


def test_link_without_lists_says_what_to_do(url: str) -> None:
    result = run(link, [], url)
    assert result.exit_code == 1 and "import lists first" in result.output
    assert run(link, ["--out", "x.csv"], url).exit_code == 2


def test_file_mode_writes_each_records_cluster(siege: Path, tmp_path: Path) -> None:
    files = sorted((siege / "lists").glob("*.csv"))
    out = tmp_path / "clusters.csv"
    model = tmp_path / "model.json"
    args = [*map(str, files), "--out", str(out), "--model", str(model)]
    result = run(link, args)
    assert result.exit_code == 0, result.output
    assert "clusters" in result.output and model.exists()
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with (siege / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    assert 0 < len(rows) <= len(truth)
    predicted = {row["record_id"]: row["cluster_id"] for row in rows}
    assert pairwise_scores(predicted, truth).f1 >= 0.9
    again = run(link, args)
    assert again.exit_code == 0
    with out.open(encoding="utf-8") as handle:
        assert list(csv.DictReader(handle)) == rows
    assert run(link, [str(files[0])]).exit_code == 2  # no --out
    only = run(link, [str(files[0]), "--out", str(out), "--link-only"])
    assert only.exit_code == 1 and "two or more files" in only.output


def test_import_maps_known_headers_names_unused_columns_and_declares_duplicates(
    url: str, tmp_path: Path
) -> None:
    path = tmp_path / "family.csv"
    path.write_text(
        "Прізвище,Ім’я,Дата смерті,Місце смерті,Хто повідомив\n"
        "Коваль,Іван,10.03.2022,Кальміуський,сусідка\n",
        encoding="utf-8",
    )
    args = ["import", str(path), "--source", "family", "--has-duplicates", "--actor", "t"]
    result = run(lists, args, url)

    assert result.exit_code == 0, result.output
    assert "imported 1 of 1 rows into list 'family' (new list)" in result.output
    assert "the list may hold duplicates" in result.output
    assert f"warning: {path}: column 'Хто повідомив' not imported" in result.output
    shown = run(lists, ["show"], url).output
    assert "duplicates" in shown and "yes" in shown

"""`tollbook estimate`: reference figures, strata, charts, and clear errors, never a traceback.

Most tests run ``tollbook estimate`` in this process (``tests/e2e/cli_runner.py``); the
test of ``--from-db`` without linked persons runs the real ``python -m tollbook``.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from benchmarks.estimate_population import SIEGE, simulate
from click.testing import CliRunner

from tests.e2e.cli_runner import tollbook
from tests.unit.test_estimate_overlap_tables import KOSOVO_CSV
from tollbook.cli import main
from tollbook.cli.estimate import estimate
from tollbook.exchange.overlap_tables import write_overlap_csv

MSE = Path(__file__).resolve().parents[2] / "examples" / "mse"
QUICK = ("--draws", "200", "--burn-in", "500", "--thin", "2", "--chains", "2")


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``tollbook estimate ARGS`` in ``cwd``, without ``$TOLLBOOK_DATABASE_URL``, in this
    process (``tests/e2e/cli_runner.py``; the test of ``--from-db`` below runs the real
    process)."""
    return tollbook("estimate", *args, cwd=cwd)


def test_published_kosovo_table_gives_the_reference_figures(tmp_path: Path) -> None:
    done = run(MSE / "kosovo.csv", "--method", "loglinear", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    (estimate,) = result["strata"][0]["estimates"]
    assert (estimate["model"], estimate["estimate"], estimate["lower"], estimate["upper"]) == (
        "[123,14,34]",
        10_356.5,
        8_994.3,
        12_110.4,
    )
    assert result["observed"] == 4_400 and result["lists"] == ["EXH", "ABA", "OSCE", "HRW"]


def test_table_for_people_with_both_methods_and_charts(tmp_path: Path) -> None:
    source = tmp_path / "kosovo.csv"
    source.write_text(KOSOVO_CSV, encoding="utf-8")
    overlaps, estimates = tmp_path / "overlaps.svg", tmp_path / "estimates.png"
    done = run(
        source, *QUICK, "--chart-overlaps", overlaps, "--chart-estimates", estimates, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "4 lists (EXH 1,910, ABA 1,528, OSCE 1,786, HRW 685); 4,400 people seen" in out
    assert "10,357" in out and "8,994 – 12,110" in out and "[123,14,34] (BIC)" in out
    assert "lcmcr" in out and "R-hat" in out and "LCMCR, K*=10" in out
    assert "warnings:" in out and "run with more draws" in out
    assert overlaps.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert estimates.read_bytes()[:4] == b"\x89PNG"


def test_stratified_table_sums_districts(tmp_path: Path) -> None:
    source = tmp_path / "siege.csv"
    with source.open("w", encoding="utf-8") as handle:
        write_overlap_csv(simulate(5).tables_by_district(SIEGE.lists), handle, ("district",))
    done = run(source, *QUICK, "--json", "--bootstrap", "300", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["strata_columns"] == ["district"]
    assert [s["label"] for s in result["strata"]] == [
        "district=centre",
        "district=north",
        "district=south",
    ]
    assert {e["method"] for e in result["sum_of_strata"]} == {"loglinear", "lcmcr"}
    assert result["pooled"]["observed"] == result["observed"]
    assert "... estimating district=north" in done.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("A,B,count\n1,1,3\n1,2,4\n", "t.csv:3: field 'B': '2' is not 0 or 1"),
        ("A,B,C\n1,1,1\n", "t.csv:1: no count column"),
        (b"\xff\xfeA\x00,\x00", "t.csv: this is a binary file"),
    ],
)
def test_bad_tables_are_located_without_a_traceback(
    tmp_path: Path, content: str | bytes, expected: str
) -> None:
    source = tmp_path / "t.csv"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(estimate, [str(source)])
    assert result.exit_code == 1
    assert f"error: {tmp_path}/{expected}" in result.output
    assert "Traceback" not in result.output


def test_from_db_without_linked_persons_says_what_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert (
        subprocess.run(
            [sys.executable, "-m", "tollbook", "--database", url, "init"], capture_output=True
        ).returncode
        == 0
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tollbook",
            "--database",
            url,
            "estimate",
            "--from-db",
            "--by",
            "district",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "error: cannot estimate from the database" in done.stderr
    assert "no linked persons" in done.stderr and "tollbook link" in done.stderr
    assert "Traceback" not in done.stderr


def test_refused_table_says_why_in_plain_words(tmp_path: Path) -> None:
    source = tmp_path / "small.csv"
    source.write_text(
        "EXH,ABA,OSCE,count\n1,1,0,5\n0,1,1,4\n0,1,0,3\n1,0,1,60\n1,0,0,400\n0,0,1,300\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(estimate, [str(source), "--method", "loglinear"])
    assert result.exit_code == 1
    assert "List ABA has only 12 people: too few to estimate from." in result.output


def test_usage_errors(tmp_path: Path) -> None:
    source = tmp_path / "kosovo.csv"
    source.write_text(KOSOVO_CSV, encoding="utf-8")
    runner = CliRunner()
    bad_model = runner.invoke(estimate, [str(source), "--model", "[15,2]"])
    assert bad_model.exit_code == 2 and "not a term" in bad_model.output
    bad_chart = runner.invoke(estimate, [str(source), "--chart-overlaps", "x.gif"])
    assert bad_chart.exit_code == 2 and ".svg" in bad_chart.output
    nothing = runner.invoke(estimate, [])
    assert nothing.exit_code == 2 and "TABLE.csv" in nothing.output
    missed = runner.invoke(estimate, ["--from-db", "--missed-links", "maybe"])
    assert missed.exit_code == 2 and "'draw'" in missed.output and "'off'" in missed.output


def test_lists_are_merged_and_dropped_from_a_table(tmp_path: Path) -> None:
    source = tmp_path / "kosovo.csv"
    source.write_text(KOSOVO_CSV, encoding="utf-8")
    runner = CliRunner()
    common = [str(source), "--method", "loglinear", "--model", "independence", "--json"]
    merged = runner.invoke(estimate, [*common, "--merge", "EXH+ABA=official"])
    assert merged.exit_code == 0, merged.output
    body = json.load(io.StringIO(merged.output))
    assert body["lists"] == ["HRW", "OSCE", "official"]
    assert body["observed"] == 4_400
    dropped = runner.invoke(estimate, [*common, "--drop", "HRW"])
    assert dropped.exit_code == 0, dropped.output
    assert json.load(io.StringIO(dropped.output))["lists"] == ["ABA", "EXH", "OSCE"]
    unknown = runner.invoke(estimate, [*common, "--drop", "NGO"])
    assert unknown.exit_code == 2 and "drop: no list NGO" in unknown.output
    bad = runner.invoke(estimate, [*common, "--merge", "EXH"])
    assert bad.exit_code == 2 and "joined by +" in bad.output


def test_registered_in_the_tollbook_group_with_a_named_model(tmp_path: Path) -> None:
    main.add_command(estimate)
    source = tmp_path / "kosovo.csv"
    source.write_text(KOSOVO_CSV, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["estimate", str(source), "--method", "loglinear", "--model", "independence", "--json"],
    )
    assert result.exit_code == 0, result.output
    estimate_ = json.load(io.StringIO(result.output))["strata"][0]["estimates"][0]
    assert estimate_["model"] == "[1,2,3,4]" and estimate_["estimate"] == 7_394.6
    assert estimate_["diagnostics"]["selected_by"] == "named"


# --- --save: the estimate stored in the database, with its provenance ----------------


def _saved_estimates(url: str) -> list[Any]:
    from tollbook.services.estimates import list_estimates
    from tollbook.services.setup import open_database

    uow = open_database(url)
    try:
        return list_estimates(uow)
    finally:
        uow.dispose()


def test_save_stores_a_table_estimate_with_the_file_and_prints_its_id(tmp_path: Path) -> None:
    from tollbook.services.setup import init_database

    url = f"sqlite:///{tmp_path / 'tollbook.db'}"
    init_database(url)
    source = tmp_path / "kosovo.csv"
    source.write_text(KOSOVO_CSV, encoding="utf-8")

    done = run(source, "--method", "loglinear", "--save", "--actor", "anna", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert "10,357" in done.stdout and "8,994 – 12,110" in done.stdout
    assert done.stdout.rstrip().endswith("saved as estimate 1 (draft)")
    (saved,) = _saved_estimates(url)
    assert (saved.id, saved.status, saved.actor, saved.method) == (1, "draft", "anna", "loglinear")
    assert saved.source == "file" and saved.file_name == "kosovo.csv"
    assert saved.file_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert saved.lists == ("EXH", "ABA", "OSCE", "HRW") and saved.observed == 4_400

    as_json = run(source, "--method", "loglinear", "--save", "--json", cwd=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    body = json.loads(as_json.stdout)
    assert body["saved_id"] == 2 and body["status"] == "draft"
    assert body["strata"][0]["estimates"][0]["estimate"] == 10_356.5
    assert [e.id for e in _saved_estimates(url)] == [2, 1]


def test_save_refusals_store_nothing(tmp_path: Path) -> None:
    from tollbook.services.setup import init_database

    url = f"sqlite:///{tmp_path / 'tollbook.db'}"
    init_database(url)
    small = tmp_path / "small.csv"
    small.write_text(
        "EXH,ABA,OSCE,count\n1,1,0,5\n0,1,1,4\n0,1,0,3\n1,0,1,60\n1,0,0,400\n0,0,1,300\n",
        encoding="utf-8",
    )
    refused = run(small, "--method", "loglinear", "--save", cwd=tmp_path)
    assert refused.returncode == 1
    assert "error: nothing could be estimated: List ABA has only 12 people" in refused.stderr
    from_db = run("--from-db", "--save", "--by", "sex", cwd=tmp_path)
    assert from_db.returncode == 1
    assert "error: cannot estimate from the database" in from_db.stderr
    assert "tollbook link" in from_db.stderr
    bad_model = CliRunner().invoke(
        estimate,
        [str(small), "--save", "--model", "[15,2]"],
        obj={"url": url},
    )
    assert bad_model.exit_code == 2 and "--model" in bad_model.output
    for done in (refused, from_db):
        assert "Traceback" not in done.stderr
    assert _saved_estimates(url) == []

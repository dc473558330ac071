"""The registry commands on a simulated siege (CliRunner on the command objects)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tollbook.cli import registry as cli
from tollbook.services.setup import init_database


@click.group()
@click.pass_context
def root(ctx: click.Context) -> None:
    pass


for command in cli.COMMANDS:
    root.add_command(command)


def test_import_match_confirm_plan_label_export(
    tmp_path: Path, siege_folder: Callable[[int, int], Path]
) -> None:
    siege = siege_folder(8_000, 2)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    init_database(url)
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(root, list(args), obj={"url": url}, catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    who = ("--actor", "anna", "--role", "forensic")
    run(
        "graves",
        "import",
        str(siege / "graves/sites.csv"),
        str(siege / "graves/trenches.csv"),
        *who,
    )
    assert "0 problems" in run("bodies", "import", str(siege / "graves/bodies.csv"), *who)
    run(
        "missing",
        "import",
        str(siege / "missing/reports.csv"),
        "--consent",
        "matching; sharing",
        "--actor",
        "olha",
    )
    truth = next(r for r in csv.DictReader((siege / "truth/missing.csv").open()) if r["body_ref"])
    found = json.loads(run("match", truth["report_id"], "--json", *who))
    assert truth["body_ref"] in [c["key"] for c in found["candidates"]]
    assert "score" in run("match", truth["report_id"], "--top", "3", *who)
    run(
        "match",
        "confirm",
        truth["body_ref"],
        truth["report_id"],
        "--method",
        "dna",
        "--actor",
        "olha",
        "--role",
        "family_liaison",
        code=1,
    )
    assert "not been told" in run(
        "match", "confirm", truth["body_ref"], truth["report_id"], "--method", "dna", *who
    )
    trench = truth["body_ref"].rsplit("-", 1)[0]
    run("graves", "plan", trench, "--out", str(tmp_path / "plan.svg"))
    assert truth["body_ref"] in (tmp_path / "plan.svg").read_text()
    run("bodies", "label", truth["body_ref"], "--out", str(tmp_path / "label.svg"))
    run("pfif", "export", "--out", str(tmp_path / "out.xml"), "--actor", "boss", "--role", "admin")
    assert b"believed_dead" not in (tmp_path / "out.xml").read_bytes()
    shown = json.loads(run("bodies", "show", truth["body_ref"], "--json", *who))
    assert shown["status"] == "identified" and len(shown["custody"]) == 2


def test_bad_input_is_an_error_line_not_a_traceback(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    init_database(url)
    bad = tmp_path / "bodies.csv"
    bad.write_text("body_ref,apparent_sex\nnot-a-ref,M\nMAR-T01-0001,X\n")
    result = CliRunner().invoke(
        root, ["bodies", "import", str(bad), "--actor", "a"], obj={"url": url}
    )
    assert result.exit_code == 1
    assert "bodies.csv:2: field 'body_ref'" in result.output
    assert "bodies.csv:3: field 'apparent_sex'" in result.output
    missing = CliRunner().invoke(
        root, ["bodies", "import", str(tmp_path / "no.csv"), "--actor", "a"], obj={"url": url}
    )
    assert missing.exit_code == 1 and "no such file" in missing.output


@pytest.mark.parametrize("ref", ["MAR-T03-0042"])
def test_label_needs_no_database(tmp_path: Path, ref: str) -> None:
    result = CliRunner().invoke(root, ["bodies", "label", ref, "--out", str(tmp_path / "l.svg")])
    assert result.exit_code == 0 and ref in (tmp_path / "l.svg").read_text()

"""The case-life commands on a small real SQLite database (CliRunner): found alive,
revoke, release, reassign; refusals as ``error:`` with exit status 1."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from tollbook.cli import registry as cli
from tollbook.services.accounts import add_user
from tollbook.services.setup import init_database, open_database


@click.group()
def root() -> None:
    pass


for command in cli.COMMANDS:
    root.add_command(command)


def test_found_alive_revoke_release_and_reassign(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    init_database(url)
    uow = open_database(url)
    try:
        add_user(uow, "petro", "family_liaison", "a long enough pass phrase 7", "test")
    finally:
        uow.dispose()
    reports = tmp_path / "reports.csv"
    reports.write_text(
        "report_id,family_name,given_name,sex,liaison,consent\n"
        "R1,Koval,Iryna,F,olha,matching\nR2,Bondar,Mykola,M,olha,matching\n"
        "R3,Melnyk,Taras,M,,matching\n"
    )
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(root, list(args), obj={"url": url}, catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    forensic = ("--actor", "anna", "--role", "forensic")
    olha = ("--actor", "olha")
    run("missing", "import", str(reports), *forensic)  # keeps the liaison column
    run("bodies", "add", "--ref", "MAR-T03-0042", "--sex", "F", *forensic)
    run("match", "confirm", "MAR-T03-0042", "R1", "--method", "visual", *forensic)
    run("match", "notify", "R1", "--notes", "at home", *olha)

    as_olha = ("--actor", "olha", "--role", "family_liaison")
    refused = run("match", "revoke", "MAR-T03-0042", "--reason", "x", *as_olha, code=1)
    assert "error: only a forensic user revokes" in refused
    out = run("match", "revoke", "MAR-T03-0042", "--reason", "teeth differ", *forensic)
    assert "revoked; the family WAS told" in out

    run("match", "confirm", "MAR-T03-0042", "R1", "--method", "dna", *forensic)
    out = run(
        "bodies",
        "release",
        "MAR-T03-0042",
        "--to",
        "Olena, sister",
        "--on",
        "2022-04-09",
        *forensic,
    )
    assert "released: family: Olena, sister" in out
    late = run(
        "bodies", "release", "MAR-T03-0042", "--to", "x", "--on", "2022-04-10", *forensic, code=1
    )
    assert "cannot become released" in late

    out = run(
        "missing",
        "alive",
        "R2",
        "--found-by",
        "neighbour",
        "--on",
        "2022-04-01",
        "--how",
        "seen",
        *olha,
    )
    assert "R2 closed: found alive" in out
    again = run("match", "confirm", "MAR-T03-0042", "R2", "--method", "dna", *forensic, code=1)
    assert "error:" in again

    denied = run(
        "missing",
        "reassign",
        "--to",
        "petro",
        "--actor",
        "olha",
        "--role",
        "family_liaison",
        code=1,
    )
    assert "only an admin" in denied
    out = run("missing", "reassign", "--to", "petro", "--actor", "root")
    assert "1 cases handed to petro: R3" in out
    out = run(
        "missing",
        "reassign",
        "--from",
        "olha",
        "--to",
        "petro",
        "--report",
        "R1",
        "--actor",
        "root",
    )
    assert "R1" in out and "R2" not in out

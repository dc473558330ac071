"""`lists imports`, `lists undo` and a corrected file imported again, as a user runs them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from tollbook.cli.lists import lists
from tollbook.services.setup import init_database


def run(args: list[str], url: str) -> Result:
    return CliRunner().invoke(lists, args, obj={"url": url}, catch_exceptions=False)


def test_undo_an_import_and_import_a_corrected_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tollbook.db'}"
    init_database(url)
    path = tmp_path / "morgue.csv"
    path.write_text("id,прізвище,ім'я\nm1,Коваль,Ірина\nm2,Бондар,Андрій\n", encoding="utf-8")
    first = run(["import", str(path), "--source", "morgue", "--map", "id=record_id"], url)
    assert "imported 2 of 2 rows" in first.output and "(import 1)" in first.output
    path.write_text(
        "id,прізвище,ім'я\nm1,Коваль,Ірина\nm2,Бондарь,Андрій\nm3,Шевчук,Олег\n",
        encoding="utf-8",
    )
    corrected = run(
        ["import", str(path), "--source", "morgue", "--map", "id=record_id", "--replaces", "1"],
        url,
    )
    assert corrected.exit_code == 0, corrected.output
    assert "1 added, 1 updated, 1 unchanged, 0 removed" in corrected.output
    undone = run(["undo", "2", "--reason", "wrong file", "--actor", "olha"], url)
    assert undone.exit_code == 0, undone.output
    assert "undid import 2" in undone.output and "2 records taken out" in undone.output
    shown = run(["imports"], url)
    assert "undone" in shown.output and "olha" in shown.output
    again = run(["undo", "2", "--actor", "olha"], url)
    assert again.exit_code == 1 and "undone already" in again.output
    missing = run(["undo", "7", "--actor", "olha"], url)
    assert missing.exit_code == 1 and "no import 7" in missing.output


def test_a_corrected_reports_file_and_its_import_undone(tmp_path: Path) -> None:
    import click

    from tollbook.cli import registry as cli

    @click.group()
    def root() -> None:
        pass

    for command in cli.COMMANDS:
        root.add_command(command)
    url = f"sqlite:///{tmp_path / 'tollbook.db'}"
    init_database(url)
    reports = tmp_path / "reports.csv"
    reports.write_text("report_id,family_name,description\nR1,Koval,green jacket\n")

    def go(*args: str, code: int = 0) -> str:
        result = CliRunner().invoke(root, list(args), obj={"url": url}, catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    assert "(import " in go("missing", "import", str(reports), "--actor", "olha")
    reports.write_text(
        "report_id,family_name,description\nR1,Koval,green jacket; anchor tattoo\nR2,Bondar,\n"
    )
    out = go("missing", "import", str(reports), "--actor", "olha")
    assert "1 reports added" in out and "1 updated" in out
    number = out.rsplit("(import ", 1)[1].split(")")[0]
    undone = go("missing", "undo-import", number, "--actor", "olha")
    assert "1 reports taken out, 1 given their values back" in undone
    again = go("missing", "undo-import", number, "--actor", "olha", code=1)
    assert "undone already" in again

"""The command line in Ukrainian and Russian: ``$TOLLBOOK_LANG`` (or the standard
``LANG``) chooses, and the summaries, errors with their file, line and field, the toll and
the top-level help are written in that language, and so are the words of the toll's chart;
English stays the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli_runner import tollbook

#: A report whose date cannot be read: refused before any extraction (which would load
#: the extraction's models, seconds this test does not need).
REPORTS = [{"id": "bad-1", "published": "10 March", "text": "No date that can be read."}]
MORGUE = "surname,given,dod\nShevchenko,Ivan,2022-03-10\nBondar,Olha,not a date\n"
MAPPING = ("--map", "surname=family_name", "--map", "given=given_name", "--map", "dod=death_date")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TOLLBOOK_ACTOR", "recorder:olena")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "TOLLBOOK_LANG"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "reports.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8"
    )
    (tmp_path / "morgue.csv").write_text(MORGUE, encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    done = tollbook(*args, cwd=folder, database_url=f"sqlite:///{folder / 'tollbook.db'}")
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def test_the_commands_speak_ukrainian_and_russian(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOLLBOOK_LANG", "uk")
    code, out, _ = run(folder, "init")
    assert code == 0 and "готово (ревізія схеми" in out
    # a service's refusal, a subcommand's help, and Click's own usage error
    code, _, err = run(folder, "review", "confirm", "999999", "--actor", "olena")
    assert code == 1 and err.strip() == "помилка: немає твердження 999999"
    code, out, _ = run(folder, "toll", "--help")
    assert out.startswith("Використання: tollbook toll [OPTIONS] PLACE")
    assert "Кількість жертв у PLACE" in out
    assert "Також намалювати кількість жертв у часі" in out and "Show this" not in out
    code, _, err = run(folder, "tol")
    assert code == 2 and "Помилка: Команди 'tol' немає. Можливо, ви мали на увазі 'toll'?" in err
    code, out, err = run(folder, "ingest", "reports.jsonl")
    assert code == 1
    assert out.startswith("збережено повідомлень: 0, тверджень у них: 0;") and "stored" not in out
    assert "помилка: reports.jsonl:1: поле 'published': " in err
    code, out, _ = run(folder, "toll", "Mariupol")
    assert code == 0
    assert "Mariupol — загиблі, усі дати" in out
    assert "задокументовано: 0, інцидентів: 0 — лише інциденти" in out
    assert "розмиті числа (десятки, сотні, багато...) показано, але не враховано" in out
    assert "documented" not in out and "note:" not in out
    code, _, err = run(folder, "toll", "Mariupol", "--chart", "chart.svg")
    assert code == 0 and "графік записано до chart.svg" in err
    chart = (folder / "chart.svg").read_text(encoding="utf-8")  # its words are comments
    for words in ("Mariupol: загиблі", "люди: загиблі", "немає чисел із датою"):
        assert f"<!-- {words} -->" in chart

    monkeypatch.setenv("TOLLBOOK_LANG", "ru")
    code, out, err = run(folder, "lists", "import", "morgue.csv", "--source", "morgue", *MAPPING)
    assert code == 1
    assert "импортировано 1 из 2 строк в список 'morgue' (новый список)" in out
    assert "пропущено строк: 1" in out and "imported" not in out
    assert "ошибка: morgue.csv:3: поле 'death_date': " in err

    # the standard variable, when TOLLBOOK_LANG is not set
    monkeypatch.delenv("TOLLBOOK_LANG")
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    code, out, _ = run(folder, "toll", "Mariupol")
    assert "задокументировано: 0, инцидентов: 0 — только инциденты" in out

    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, _ = run(folder, "toll", "Mariupol")
    assert "documented: 0 in 0 incident(s) — incidents only" in out


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("uk", ("Використання: tollbook", "Параметри:", "Команди:", "Створити базу даних")),
        ("ru", ("Использование: tollbook", "Параметры:", "Команды:", "Создать базу данных")),
        ("en", ("Usage: tollbook", "Options:", "Commands:", "Create the database")),
    ],
)
def test_the_top_level_help_is_in_the_language(
    folder: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: tuple[str, ...]
) -> None:
    monkeypatch.setenv("TOLLBOOK_LANG", lang)
    code, out, _ = run(folder, "--help")
    assert code == 0
    for word in words:
        assert word in out, (word, out)


def test_help_asked_in_english_first_is_still_ukrainian_after(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Click keeps each command's --help option once made: in one process (as here, or a
    # server), the language of the first help asked must not stay for the next ones.
    monkeypatch.setenv("TOLLBOOK_LANG", "en")
    assert "Show this message and exit." in run(folder, "toll", "--help")[1]
    monkeypatch.setenv("TOLLBOOK_LANG", "uk")
    code, out, _ = run(folder, "toll", "--help")
    assert code == 0 and "Show this" not in out

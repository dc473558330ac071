"""Every command the README and the docs show runs from a fresh clone.

The repository's files (as ``git ls-files`` lists them, new files included, ignored ones
left out) are copied into a temporary directory with the project's virtualenv as its
``.venv`` and on ``PATH``, as after ``bash scripts/setup.sh``. Then the commands of the
README, of ``docs/*.md`` and of ``examples/**/README.md`` are run there, in that order,
as a reader following them would: each with ``bash -c`` and its optional ``[...]`` parts
left out, and each must exit with status 0.

A command that cannot run as written is either **usage** (it shows placeholders such as
``FILE`` or ``CLAIM_ID``, ``...`` or alternatives ``a|b``: see ``doc_commands``) or is
listed in ``EXEMPT`` below with the reason, and with a command of the same kind the test
runs instead where there is one. A new example that is neither runnable nor exempt fails
the test. Every command, runnable or not, must also name a real subcommand and real
options of ``tollbook`` (or an existing script or benchmark module).
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from tests.e2e.doc_commands import (
    DocCommand,
    all_commands,
    example_form,
    without_optional_parts,
)
from tollbook.cli import main
from tollbook.native_modules import NATIVE_DIR, build_is_fresh

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long enough password for the docs test\n"


@dataclass(frozen=True)
class Exempt:
    reason: str
    #: a command of the same kind that the test runs instead (None: nothing to run)
    instead: str | None = None


_SERVER = Exempt("starts the web server, which runs until stopped (tests/e2e/test_web_*)")
_READERS_FILES = Exempt(
    "works on the reader's own registry files and records (their columns are described "
    "in docs/registry.md; tests/e2e/test_cli_registry.py runs these commands)"
)
_HEAVY_BENCHMARK = Exempt("a benchmark that runs for minutes (bash benchmarks/run.sh)")

#: Commands shown in the docs that this test does not run, by their text as shown.
EXEMPT: dict[str, Exempt] = {
    "bash scripts/test.sh": Exempt("the whole test suite, this test included"),
    "bash benchmarks/run.sh": _HEAVY_BENCHMARK,
    ".venv/bin/python -m benchmarks.link_febrl": _HEAVY_BENCHMARK,
    ".venv/bin/python -m benchmarks.link_simulated": _HEAVY_BENCHMARK,
    ".venv/bin/python -m benchmarks.link_scale": _HEAVY_BENCHMARK,
    ".venv/bin/python -m benchmarks.link_headers": _HEAVY_BENCHMARK,
    ".venv/bin/python -m benchmarks.link_blocking": _HEAVY_BENCHMARK,
    ".venv/bin/python -m benchmarks.link_missed": _HEAVY_BENCHMARK,
    ".venv/bin/python -m benchmarks.link_siege [--has-duplicates]": _HEAVY_BENCHMARK,
    "tollbook simulate --people 100000 --seed 1 --out siege/": Exempt(
        "100,000 people take a minute or more; the same command with fewer people runs",
        instead="tollbook simulate --people 2000 --seed 1 --out siege/",
    ),
    "tollbook estimate examples/mse/kosovo.csv [--method loglinear|lcmcr|all] [--json]": Exempt(
        "both methods: LCMCR's sampler takes 15 s or more (tests/e2e/test_cli_estimate.py runs "
        "it with fewer draws); the log-linear method runs",
        instead="tollbook estimate examples/mse/kosovo.csv --method loglinear",
    ),
    **{
        text: Exempt(
            "needs lists large enough to estimate from (50 people or more on each); on the "
            "demo's small siege it refuses, saying why (tests/e2e/test_cli_estimate.py and "
            "tests/integration/test_estimation_from_db.py run it on a larger siege)"
        )
        for text in (
            "tollbook estimate --from-db [--by district] [--save]",
            "tollbook estimate --from-db [--by district] [--imputations 20]"
            " [--missed-links draw|off]",
        )
    },
    "tollbook serve [--host 127.0.0.1 --port 8000]": _SERVER,
    "tollbook serve": _SERVER,
    "tollbook serve --host 0.0.0.0 --port 8080 --workers 2 --proxy-headers": _SERVER,
    **{
        text: _READERS_FILES
        for text in (
            "tollbook graves import sites.csv trenches.csv --actor anna",
            "tollbook bodies import bodies.csv --actor anna",
            "tollbook bodies add --ref MAR-T03-0042 --sex F --age adult --height 165 --actor anna",
            'tollbook bodies move MAR-T03-0042 --to morgue:M1 --status stored --reason "..." '
            "--actor anna",
            "tollbook bodies show MAR-T03-0042 [--json] --actor anna",
            "tollbook bodies label MAR-T03-0042 --out label.svg",
            "tollbook bodies photo MAR-T03-0042 photo.jpg --dir photos --actor anna",
            "tollbook graves plan S1-T03 --out plan.svg",
            'tollbook graves morgue M1 --name "City morgue" --capacity 200 --actor anna',
            'tollbook missing import reports.csv --consent "matching; sharing" --actor olha',
            "tollbook match M000001 [--top 5] [--json] --actor anna",
            "tollbook match body S1-T03-017 --actor anna",
            "tollbook match confirm S1-T03-017 M000001 --method dna --actor anna --role forensic",
            "tollbook match notify M000001 --actor olha --role family_liaison",
            "tollbook pfif export --out persons.xml --actor olha",
            "tollbook pfif import persons.xml --consent matching --actor olha",
        )
    },
    **{
        text: Exempt(
            "encrypts the reader's own database with their passphrase "
            "(tests/e2e/test_cli_encryption.py runs these)"
        )
        for text in (
            "tollbook init --encrypt",
            "tollbook backup --out FILE / tollbook restore FILE",
        )
    },
    **{
        text: Exempt("works on the reader's own cases (tests/e2e/test_cli_case_life.py runs these)")
        for text in (
            'tollbook match revoke S1-T03-017 --reason "dental records differ" --actor anna',
            'tollbook bodies release S1-T03-017 --to "Koval Olena, sister" --on 2022-04-09 '
            "--actor anna",
            'tollbook missing alive M000002 --found-by "her sister" --on 2022-04-01 '
            '--how "phoned" --actor olha',
            "tollbook missing reassign --from olha --to petro [--report M000001] --actor root",
        )
    },
    **{
        text: Exempt(
            "undoes one of the reader's own imports (tests/e2e/test_cli_list_undo.py and "
            "tests/integration/test_report_import_undo.py run these)"
        )
        for text in (
            "tollbook missing undo-import 57 --actor olha",
            "tollbook bodies undo-import 58 --actor anna",
        )
    },
}

#: What a command reads on standard input (the password it asks for, twice).
STDIN = {
    "tollbook user add maria --role recorder": PASSWORD * 2,
    "tollbook user add anna --role admin": PASSWORD * 2,
}


def commands() -> list[DocCommand]:
    return all_commands(ROOT)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the repository's files, as a fresh clone has them, with the venv."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout to list the repository's files")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    target = tmp_path_factory.mktemp("clone")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _copy_fresh_native_build(target)
    venv = Path(sys.prefix)
    stamp = venv / ".tollbook-installed"
    pyproject = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.is_file() or stamp.read_text().strip() != pyproject:
        # else the README's `bash scripts/setup.sh` would reinstall into the project's venv
        pytest.skip("the venv is older than pyproject.toml: run `bash scripts/setup.sh` first")
    (target / ".venv").symlink_to(venv)
    yield target


def _copy_fresh_native_build(target: Path) -> None:
    """The extractor's compiled build (``scripts/build_native.py``, ignored by git), copied
    into the clone when it was made from the sources as they are: the README's setup command
    then finds it fresh instead of compiling again (about five minutes on a loaded 2-core
    machine, half the suite's time). The compile itself is run by the setup CI starts from,
    and a clone without a fresh build still compiles here as before."""
    package = ROOT / "src" / "tollbook" / "extract"
    if not build_is_fresh(package):
        return
    for native in package.rglob(NATIVE_DIR):
        if native.is_dir():
            shutil.copytree(native, target / native.relative_to(ROOT), dirs_exist_ok=True)


def environment(clone: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOLLBOOK_")}
    env["PATH"] = f"{clone / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.pop("VIRTUAL_ENV", None)
    return env


#: seconds one documented command may take before it counts as hung
COMMAND_TIMEOUT = 600


def test_every_runnable_command_in_the_docs_exits_0(clone: Path) -> None:
    env = environment(clone)
    failures: list[str] = []
    ran: set[str] = set()
    for command in commands():
        if command.text in EXEMPT:
            script = EXEMPT[command.text].instead
        elif example_form(command.text) is not None:
            script = without_optional_parts(command.text)
        else:
            continue  # usage: checked against the command's options below
        if script is None or script in ran:
            continue  # the same command shown twice runs once
        ran.add(script)
        started = time.perf_counter()
        done = subprocess.run(
            ["bash", "-c", script],
            cwd=clone,
            env=env,
            input=STDIN.get(command.text, ""),
            capture_output=True,
            text=True,
            # the README's first command compiles the extractor (scripts/setup.sh): about
            # 160 s on a quiet 2-core machine, 290 s seen when other work shared the cores
            timeout=COMMAND_TIMEOUT,
        )
        print(f"{time.perf_counter() - started:6.1f}s  {command.where}: {script}")
        if done.returncode != 0:
            failures.append(
                f"{command.where}: `{script}` exited {done.returncode}\n"
                f"{done.stdout[-1500:]}{done.stderr[-1500:]}"
            )
    assert len(ran) >= 10, f"only {len(ran)} commands ran: is the parser still finding them?"
    assert not failures, "\n\n".join(failures)


def test_every_exemption_is_still_shown_in_the_docs() -> None:
    shown = {command.text for command in commands()}
    assert sorted(set(EXEMPT) - shown) == [], "exempt commands the docs no longer show"
    assert sorted(set(STDIN) - shown) == []


def _options(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}


def _check_tollbook(words: list[str], where: str) -> list[str]:
    """Problems with one ``tollbook ...`` command: unknown subcommand or option."""
    command: click.Command = main
    options = set(_options(main))
    for index, word in enumerate(words[1:], start=1):
        if word.startswith("-"):
            continue
        if not isinstance(command, click.Group):
            break
        try:  # as click resolves it (a group may have a default subcommand)
            _, found, _ = command.resolve_command(click.Context(command), words[index:])
        except click.UsageError:
            break
        if found is None:
            break
        command = found
        options |= _options(command)
    problems = []
    if isinstance(command, click.Group) and command is main:
        problems.append(f"{where}: `{' '.join(words)}`: no such subcommand")
    for word in words:
        name = word.split("=", 1)[0]
        if name.startswith("--") and len(name) > 2 and name not in options:
            problems.append(f"{where}: `{' '.join(words[:3])} ...`: no option {name}")
    return problems


def _words(text: str) -> list[str]:
    """The words of a command as shown, its grammar marks ([ ] | ...) taken out."""
    plain = re.sub(r"[\[\]]", " ", text).replace("...", " ")
    words: list[str] = []
    for word in shlex.split(plain):
        words.extend(word.split("|") if word.startswith("--") else [word])
    return words


@pytest.mark.parametrize("command", commands(), ids=lambda c: c.where)
def test_every_command_names_real_subcommands_options_and_files(command: DocCommand) -> None:
    problems: list[str] = []
    for segment in command.text.split("&&"):
        words = _words(segment)
        if not words:
            continue
        if words[0] in ("tollbook", ".venv/bin/tollbook"):
            problems += _check_tollbook(words, command.where)
        elif words[0] == "bash":
            if not (ROOT / words[1]).is_file():
                problems.append(f"{command.where}: no script {words[1]}")
        elif words[0] == ".venv/bin/python" and words[1] == "-m":
            module = ROOT / (words[2].replace(".", "/") + ".py")
            if not module.is_file():
                problems.append(f"{command.where}: no module {words[2]}")
    assert not problems, "\n".join(problems)


def test_a_new_unrunnable_example_is_caught() -> None:
    """The parser sees commands in fenced and indented blocks and tells usage from examples."""
    from tests.e2e.doc_commands import commands_in

    text = (
        "Intro.\n\n    tollbook claims --json   # all of them\n    tollbook export --format "
        "hxl|json\n\n```bash\ntollbook toll Mariupol [--json]\n```\n\n1. a list item\n"
        "    tollbook not-a-command\n"
    )
    found = [(c.line, c.text, example_form(c.text)) for c in commands_in("x.md", text)]
    assert found == [
        (3, "tollbook claims --json", ["tollbook", "claims", "--json"]),
        (4, "tollbook export --format hxl|json", None),
        (7, "tollbook toll Mariupol [--json]", ["tollbook", "toll", "Mariupol"]),
    ]
    assert _check_tollbook(["tollbook", "claims", "--jsn"], "x.md:3") == [
        "x.md:3: `tollbook claims --jsn ...`: no option --jsn"
    ]

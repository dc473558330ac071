"""``tollbook sync`` as a user runs it: keys, trust, sealed bundles on a stick, and an
import killed with SIGKILL halfway that loses nothing and completes when run again.

The kill is aimed, not timed: the import runs in a child process whose unit of work, on
reaching its commit, first flushes everything it wrote (every row sent to SQLite, held in
the import's page cache) and leaves a marker file, then waits; the SIGKILL always lands
there, before the commit. A kill timed by the growth of the write-ahead log (the commit
writing it) came after the commit on a loaded CI machine once; a kill in the middle of
SQLite's own commit is SQLite's guarantee, not Tollbook's, and is not aimed at here."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from tests.e2e.cli_runner import tollbook
from tests.integration.sync_sites import bundle, field_site, many_bodies
from tollbook.store.database import make_engine
from tollbook.store.registry_tables import BodyRow
from tollbook.store.sync_tables import SyncVersionRow
from tollbook.store.unit_of_work import UnitOfWork

#: Enough bodies that the import works for a few seconds before its commit.
BODIES = 5000

#: The child: ``tollbook`` itself, with a commit that stops first (argv[1] is the marker).
HELD_AT_COMMIT = """
import sys, time
from pathlib import Path
from tollbook.store.unit_of_work import UnitOfWork
marker = Path(sys.argv.pop(1))
def held_commit(self):
    self.session.flush()
    marker.write_text("flushed, not committed")
    time.sleep(300)
UnitOfWork.commit = held_commit
from tollbook.cli import main
main()
"""


def _ok(*args: str | Path, cwd: Path, url: str) -> str:
    done = (
        tollbook(*args, "--actor", "anna", cwd=cwd, database_url=url)
        if args[1] in ("import", "keygen", "trust", "settle")
        else tollbook(*args, cwd=cwd, database_url=url)
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_sealed_bundles_on_a_stick_between_a_team_and_the_office(tmp_path: Path) -> None:
    team, office = f"sqlite:///{tmp_path / 'team.db'}", f"sqlite:///{tmp_path / 'office.db'}"
    for url in (team, office):
        assert tollbook("init", cwd=tmp_path, database_url=url).returncode == 0
    team_card = _ok("sync", "keygen", "--name", "team-1", cwd=tmp_path, url=team).strip()
    office_card = _ok("sync", "keygen", "--name", "office", cwd=tmp_path, url=office).strip()
    _ok("sync", "trust", office_card, cwd=tmp_path, url=team)
    _ok("sync", "trust", team_card, cwd=tmp_path, url=office)
    added = tollbook(
        "bodies",
        "add",
        "--ref",
        "MAR-T01-0007",
        "--place",
        "Nevska street",
        "--location",
        "morgue:M1",
        "--marks",
        "tattoo of an anchor",
        "--actor",
        "anna",
        cwd=tmp_path,
        database_url=team,
    )
    assert added.returncode == 0, added.stderr
    stick = tmp_path / "stick.bundle"
    _ok("sync", "export", "--for", "office", "--out", stick, cwd=tmp_path, url=team)
    assert stick.stat().st_mode & 0o077 == 0
    assert b"Nevska" not in stick.read_bytes() and b"MAR-T01" not in stick.read_bytes()
    first = _ok("sync", "import", stick, cwd=tmp_path, url=office)
    assert first.startswith(f"{first.split()[0]} new") and " 0 conflicts" in first
    again = _ok("sync", "import", stick, cwd=tmp_path, url=office)
    assert again.startswith("0 new")
    shown = tollbook(
        "bodies", "show", "MAR-T01-0007", "--actor", "anna", cwd=tmp_path, database_url=office
    )
    assert "tattoo of an anchor" in shown.stdout and "morgue:M1" in shown.stdout

    tampered = tmp_path / "tampered.bundle"
    data = bytearray(stick.read_bytes())
    data[-40] ^= 0xFF
    tampered.write_bytes(bytes(data))
    refused = tollbook(
        "sync", "import", tampered, "--actor", "anna", cwd=tmp_path, database_url=office
    )
    assert refused.returncode == 1 and "altered" in refused.stderr

    plain = tmp_path / "plain.bundle"
    _ok("sync", "export", "--plain", "--out", plain, cwd=tmp_path, url=team)
    unsealed = tollbook(
        "sync", "import", plain, "--actor", "anna", cwd=tmp_path, database_url=office
    )
    assert unsealed.returncode == 1 and "not sealed" in unsealed.stderr


def test_an_import_killed_halfway_loses_nothing_and_completes_when_run_again(
    migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    with field_site(migrated_sqlite_template, tmp_path, "team-5") as team:
        many_bodies(team, BODIES)
        data = bundle(team)
    path = tmp_path / "team-5.bundle"
    path.write_bytes(data)
    with field_site(migrated_sqlite_template, tmp_path, "office"):
        pass
    office_db = tmp_path / "office.db"
    url = f"sqlite:///{office_db}"
    marker = tmp_path / "at-commit"
    command = [
        sys.executable,
        "-c",
        HELD_AT_COMMIT,
        str(marker),
        "--database",
        url,
        "sync",
        "import",
        "--plain",
        str(path),
        "--actor",
        "courier",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None and not marker.exists():
        time.sleep(0.02)
    assert process.poll() is None, process.communicate()[1].decode()[-2000:]
    assert marker.exists(), "the import did not reach its commit in 240 s"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    engine = make_engine(url)
    uow = UnitOfWork(engine)
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(BodyRow)) == 0
        assert uow.session.scalar(select(func.count()).select_from(SyncVersionRow)) == 0
    rerun = tollbook(*command[4:], cwd=tmp_path)  # run again, whole (in this process)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(f"{BODIES} new of {BODIES} versions")
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(BodyRow)) == BODIES
    engine.dispose()

"""`tollbook simulate` and `tollbook demo`, through click's runner on the commands."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import text

from tollbook.cli.simulate import demo, simulate
from tollbook.services.claims import list_claims
from tollbook.services.setup import open_database
from tollbook.store.database import make_engine


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_simulate_writes_a_siege_and_says_what_it_made(tmp_path: Path) -> None:
    out = tmp_path / "siege"
    result = CliRunner().invoke(
        simulate, ["--people", "4000", "--seed", "5", "--out", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "simulated 4,000 people (seed 5)" in result.output
    assert "list morgue" in result.output and "coverage" in result.output
    assert "people/s" in result.output
    assert (out / "siege.json").is_file()
    assert (out / "lists" / "news.csv").is_file()
    assert json.loads((out / "siege.json").read_text(encoding="utf-8"))["people"] == 4000


def test_simulate_with_chosen_lists_and_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "siege.toml"
    config.write_text('people = 2500\n[[lists]]\nname = "morgue"\ncoverage = 0.8\n')
    out = tmp_path / "siege"
    result = CliRunner().invoke(
        simulate,
        ["--config", str(config), "--out", str(out), "--lists", "morgue,hospital,monitor"],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "lists").iterdir()) == [
        "hospital.csv", "monitor.csv", "morgue.csv"
    ]  # fmt: skip
    assert "simulated 2,500 people" in result.output


def test_simulate_refuses_bad_input(tmp_path: Path) -> None:
    runner = CliRunner()
    few = runner.invoke(simulate, ["--out", str(tmp_path / "a"), "--lists", "morgue,news"])
    assert few.exit_code == 2 and "3 to 6 list names" in few.output
    unknown = runner.invoke(
        simulate, ["--out", str(tmp_path / "b"), "--lists", "morgue,news,rumours"]
    )
    assert unknown.exit_code == 1 and "unknown ['rumours']" in unknown.output
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "mine.txt").write_text("keep me")
    refused = runner.invoke(simulate, ["--people", "500", "--out", str(busy)])
    assert refused.exit_code == 1 and "not empty" in refused.output
    assert (busy / "mine.txt").read_text() == "keep me"
    small = runner.invoke(simulate, ["--people", "5", "--out", str(tmp_path / "c")])
    assert small.exit_code == 2


def test_simulate_is_reproducible_across_processes(tmp_path: Path) -> None:
    """Same seed, fresh interpreters with different hash seeds: the same bytes."""
    digests = []
    for n, hash_seed in enumerate(("1", "2")):
        out = tmp_path / f"run{n}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        code = "from tollbook.cli.simulate import simulate; simulate()"
        done = subprocess.run(
            [sys.executable, "-c", code, "--people", "3000", "--seed", "8", "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        digests.append(_digest(out))
    assert digests[0] == digests[1]


def test_demo_loads_reports_and_claims_into_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    out = tmp_path / "demo-files"
    result = CliRunner().invoke(
        demo, ["--people", "3000", "--out", str(out)], obj={"url": url}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "reports with" in result.output
    assert "bodies and" in result.output and "missing-person reports" in result.output
    assert "list records and linked them into" in result.output
    assert (out / "news" / "reports.jsonl").is_file()
    uow = open_database(url)
    try:
        stored = list_claims(uow)
    finally:
        uow.dispose()
    assert stored
    assert all(s.claim.article.startswith("siege-news-") for s in stored)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            counts = {
                table: connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
                for table in ("bodies", "grave_positions", "missing_reports", "persons")
            }
    finally:
        engine.dispose()
    assert all(n > 0 for n in counts.values()), counts
    again = CliRunner().invoke(demo, ["--people", "3000"], obj={"url": url})
    assert again.exit_code == 0
    assert "loaded 0 reports with 0 claims" in again.output and "already stored" in again.output

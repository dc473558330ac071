"""docs/spark.md followed end to end on a Spark standalone cluster started here: one
master and one worker (from pyspark's own ``spark-class``), a SQLite database with a
simulated siege's lists imported, ``tollbook link --engine spark --spark-conf
spark.master=spark://...`` linking the database's records on the cluster, and the
persons read back with ``tollbook persons``; then the same with DuckDB, to compare the
persons found. Prints each step's time. Stops the master and worker it started.

    .venv/bin/python -m benchmarks.link_spark_cluster [--people 40000] [--worker-cores 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--worker-cores", type=int, default=2)
    parser.add_argument("--worker-memory", default="2g")
    args = parser.parse_args(argv)
    from tollbook.link.spark_engine import spark_unavailable_reason

    reason = spark_unavailable_reason()
    if reason is not None:
        print(f"skipped: {reason}")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="tollbook-spark-cluster-"))
    started: list[subprocess.Popen[bytes]] = []
    try:
        return _run(args, folder, started)
    finally:
        for process in reversed(started):  # only the processes started here, by their id
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(folder, ignore_errors=True)


def _run(args: argparse.Namespace, folder: Path, started: list[subprocess.Popen[bytes]]) -> int:
    from tollbook.cli.simulate.files import write_siege
    from tollbook.simulate import SiegeConfig, simulate_siege

    write_siege(simulate_siege(SiegeConfig(people=args.people, seed=args.seed)), folder / "siege")
    spark_class = _spark_class()
    port, ui_port, worker_ui = _free_port(), _free_port(), _free_port()
    master_url = f"spark://127.0.0.1:{port}"
    env = {**os.environ, "SPARK_HOME": str(spark_class.parent.parent), "SPARK_NO_DAEMONIZE": "1"}
    began = time.perf_counter()
    logs = folder / "logs"
    logs.mkdir()
    master_cmd = [str(spark_class), "org.apache.spark.deploy.master.Master"]
    master_cmd += ["--host", "127.0.0.1", "--port", str(port), "--webui-port", str(ui_port)]
    started.append(_start(master_cmd, env, logs / "master.log"))
    _wait_for_port(port, started[-1], logs / "master.log")
    worker_cmd = [str(spark_class), "org.apache.spark.deploy.worker.Worker", master_url]
    worker_cmd += ["--cores", str(args.worker_cores), "--memory", args.worker_memory]
    worker_cmd += ["--webui-port", str(worker_ui), "--work-dir", str(folder / "work")]
    started.append(_start(worker_cmd, env, logs / "worker.log"))
    _wait_for_line(logs / "worker.log", "Successfully registered with master", started[-1])
    print(
        f"standalone master {master_url} and one worker up in {time.perf_counter() - began:.1f} s"
    )

    database = f"sqlite:///{folder / 'tollbook.db'}"
    _tollbook(database, "init")
    for path in sorted((folder / "siege" / "lists").glob("*.csv")):
        _tollbook(database, "lists", "import", str(path), "--source", path.stem)
    print(_tollbook(database, "lists", "show").strip().splitlines()[-1])
    persons = {}
    for engine, extra in (
        (
            "spark",
            [
                "--spark-conf",
                f"spark.master={master_url}",
                "--spark-conf",
                f"spark.executor.memory={args.worker_memory}",
            ],
        ),
        ("duckdb", []),
    ):
        began = time.perf_counter()
        said = _tollbook(database, "link", "--engine", engine, "--retrain", *extra)
        print(f"{engine}: {time.perf_counter() - began:.1f} s: {said.strip().splitlines()[0]}")
        persons[engine] = _tollbook(
            database, "persons", "--min-records", "2", "--json", "--limit", "1000000"
        )
    same = _groups(persons["spark"]) == _groups(persons["duckdb"])
    print(
        f"persons on 2+ records: spark {len(persons['spark'].splitlines()):,}, duckdb "
        f"{len(persons['duckdb'].splitlines()):,}; the same groups of records: {same}"
    )
    return 0 if same else 1


def _groups(json_lines: str) -> set[frozenset[int]]:
    import json

    return {
        frozenset(int(r["id"]) for r in json.loads(line)["records"])
        for line in json_lines.splitlines()
        if line.strip()
    }


def _tollbook(database: str, *arguments: str) -> str:
    command = [str(Path(sys.executable).parent / "tollbook"), "--database", database, *arguments]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "TOLLBOOK_ACTOR": "benchmark"}
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(arguments[:2])} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _spark_class() -> Path:
    import pyspark

    path = Path(pyspark.__file__).parent / "bin" / "spark-class"
    if not path.exists():
        raise SystemExit(f"pyspark has no {path}")
    return path


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    return subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the master stopped:\n{log.read_text()[-3000:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"the master did not open port {port} in 300 s")


def _wait_for_line(log: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the worker stopped:\n{log.read_text()[-3000:]}")
        if text in log.read_text(errors="replace"):
            return
        time.sleep(0.5)
    raise SystemExit(f"no {text!r} in {log} after 300 s")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

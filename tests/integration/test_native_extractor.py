"""The extractor compiled by mypyc gives the same claims as the pure-Python one.

Runs when ``scripts/build_native.py`` has built the compiled modules from the sources as
they are (``scripts/setup.sh`` does, so the test command always has); the pure extractor
runs in a second process with ``TOLLBOOK_PURE_PYTHON=1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

import tollbook.extract
from tollbook.exchange.report_files import read_jsonl_reports
from tollbook.extract import extract_claims
from tollbook.settings import PURE_PYTHON

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ("outlets", "outlets-uk-ru", "devset")


def claims_as_json() -> str:
    """Every claim of the corpora above, every field, one JSON document."""
    out = []
    for name in CORPORA:
        for line in read_jsonl_reports(ROOT / "tests" / "data" / name / "reports.jsonl"):
            assert line.report is not None, line.problem
            claims = extract_claims(line.report)
            out.append([line.report.id, [asdict(c) for c in claims]])
    return json.dumps({"native": tollbook.extract.NATIVE, "claims": out}, default=str)


@pytest.mark.skipif(
    not tollbook.extract.NATIVE,
    reason="the compiled extractor is not in use: not built from these sources "
    "(scripts/build_native.py), or TOLLBOOK_PURE_PYTHON is set",
)
def test_the_compiled_extractor_gives_the_pure_ones_claims() -> None:
    compiled = json.loads(claims_as_json())
    env = dict(os.environ, **{PURE_PYTHON: "1"})
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tests.integration.test_native_extractor import claims_as_json;"
            "print(claims_as_json())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    pure = json.loads(run.stdout)
    assert compiled["native"] is True and pure["native"] is False
    assert len(compiled["claims"]) > 100
    assert sum(len(claims) for _, claims in compiled["claims"]) > 400
    assert compiled["claims"] == pure["claims"]

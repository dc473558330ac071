"""docs/claims.md is the contract `tollbook extract` keeps: its tables name the fields the
command writes, in that order, with the values the code allows."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.e2e.cli_runner import tollbook
from tollbook.domain.claim import (
    CONTRACT_FIELDS,
    KINDS,
    OUTCOMES,
    QUALIFIERS,
    SCOPES,
    Claim,
)

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "claims.md"
#: The contract fields whose values are a closed set, and that set in the code.
ENUMERATED = {"outcome": OUTCOMES, "qualifier": QUALIFIERS, "scope": SCOPES, "kind": KINDS}


def table_under(heading: str) -> list[tuple[str, str]]:
    """The (field, type) rows of the first table after the ``## heading`` of claims.md."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"## {heading}")
    rows: list[tuple[str, str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 3 or cells[0] in ("field", "---"):
            if rows:
                break
            continue
        name = re.fullmatch(r"`(\w+)`", cells[0])
        assert name, f"claims.md, {heading}: field cell {cells[0]!r} is not `name`"
        rows.append((name.group(1), cells[1]))
    return rows


def values(type_cell: str) -> tuple[str, ...] | None:
    """The allowed values when the type cell lists them (`a` `b` ...), else None."""
    found = re.findall(r"`([^`]+)`", type_cell)
    return tuple(found) if found else None


def test_the_contract_table_has_the_code_s_fields_in_order() -> None:
    assert tuple(name for name, _ in table_under("Contract fields")) == CONTRACT_FIELDS


def test_the_contract_table_lists_the_values_the_code_allows() -> None:
    for name, type_cell in table_under("Contract fields"):
        assert values(type_cell) == ENUMERATED.get(name), name


def test_the_extra_fields_are_those_the_claim_writes_after_the_contract() -> None:
    claim = Claim(
        "r1", "killed", 17, 17, "exact", "people", None, None, "incident", "reported", None, "x"
    )
    written = list(claim.to_contract())
    assert written[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)
    extras = [name for name, _ in table_under("Extra fields")]
    assert extras == written[len(CONTRACT_FIELDS) :]
    assert "part_of" in extras


def test_tollbook_extract_writes_the_documented_fields(tmp_path: Path) -> None:
    reports = ROOT / "tests" / "data" / "devset" / "reports.jsonl"
    done = tollbook("extract", "--jsonl", reports, "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(claims) >= 20
    documented = [name for name, _ in table_under("Contract fields")]
    documented += [name for name, _ in table_under("Extra fields")]
    for claim in claims:
        assert list(claim) == documented
        for name, allowed in ENUMERATED.items():
            assert claim[name] in allowed

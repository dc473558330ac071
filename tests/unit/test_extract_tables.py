"""Casualty tables pasted into a report (``extract/tables.py``): one claim per outcome
cell, the row as evidence, a Total row as the whole and the others as its parts. All tables
are written for these tests."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.tables import MAX_ROWS, table_claims

BULLETIN = """Cyclone: casualties by district (as of 14 March)

| District | Dead | Injured | Missing |
|----------|-----:|--------:|--------:|
| Nampula  | 31   | 1,204   | 4       |
| Zambezia | 12   | 310     | -       |
| Total    | 43   | 1,514   | 4       |

Source: National Institute for Disaster Risk Management
"""


def test_a_table_gives_a_claim_per_outcome_cell_with_its_row_as_evidence() -> None:
    claims = extract_claims(Report("sitrep-1", BULLETIN, date(2026, 3, 14)))
    got = [(c.outcome, c.low, c.place, c.part_of) for c in claims]
    assert got == [
        ("killed", 31, "Nampula", 5),
        ("injured", 1204, "Nampula", 6),
        ("missing", 4, "Nampula", 7),
        ("killed", 12, "Zambezia", 5),
        ("injured", 310, "Zambezia", 6),
        ("killed", 43, None, None),
        ("injured", 1514, None, None),
        ("missing", 4, None, None),
    ]
    for claim in claims:
        start = claim.evidence_start
        assert start is not None and BULLETIN[start : start + len(claim.evidence)] == claim.evidence
        assert claim.evidence.startswith("|")
    assert {c.scope for c in claims} == {"cumulative"}  # "as of 14 March"
    assert {(c.kind, c.attributed_to) for c in claims} == {
        ("official", "National Institute for Disaster Risk Management")
    }


def test_a_tab_separated_table_without_a_period_is_one_event() -> None:
    text = "Mine blast, casualties\n\nShift\tKilled\tInjured\nNight\t7\t12\nDay\t2\t3\n"
    claims = table_claims("r", text)
    assert [(c.outcome, c.low, c.place, c.scope, c.kind) for c in claims][:2] == [
        ("killed", 7, None, "incident", "reported"),  # a shift is no place
        ("injured", 12, None, "incident", "reported"),
    ]


def test_no_table_no_outcome_column_and_a_pasted_spreadsheet_are_bounded() -> None:
    assert table_claims("r", "Nine people were killed, police said.") == []
    assert table_claims("r", "| Name | Age |\n| Olena | 34 |\n") == []
    huge = "| Town | Dead |\n" + "".join(f"| T{i} | {i} |\n" for i in range(MAX_ROWS * 5))
    assert len(table_claims("r", huge)) == MAX_ROWS

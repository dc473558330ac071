"""Casualty tables pasted into a report: a situation report's "| Province | Dead | Injured |"
rows, one figure per cell.

The sentence pass reads no table (a row is no sentence: "| Sindh | 45 | 120 |"), so a
bulletin that gives its figures only in a table gave no claim at all. A table is read when
a line of cells separated by "|" (or tabs) heads columns named for an outcome (dead, deaths,
killed, fatalities; injured, wounded; missing); every row below it, up to a line that is no
row, gives one claim per outcome cell with a number: the row's first cell is the place when
the first column is one of places ("Province", "District", "Town"), a "Total" row is the
whole, and the other rows are its parts (``part_of``). The row itself is
the evidence. A table titled "as of", "since", "to date", "cumulative" or "total" counts
over a period (``cumulative``); otherwise one event (``incident``). "Source: X" under or
over the table names who gave it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tollbook.domain.claim import Claim

_OUTCOME_HEADERS = (
    ("killed", re.compile(r"^(?:dead|deaths?|killed|fatalities|deceased|death\s+toll)\b")),
    ("injured", re.compile(r"^(?:injured|injuries|wounded)\b")),
    ("missing", re.compile(r"^(?:missing|unaccounted(?:\s+for)?)\b")),
)
_NUMBER_RE = re.compile(r"^(?P<n>\d{1,3}(?:[,\s]\d{3})*|\d+)$")
_SEPARATOR_RE = re.compile(r"^[\s|:+-]+$")
#: a first column of places: "Province", "District", "Town", "Oblast"
_PLACE_HEADER_RE = re.compile(
    r"^(?:province|district|region|town|city|location|place|area|oblast|raion|county|state|"
    r"governorate|prefecture|municipality|village|camp|country|hromada|settlement)s?\b",
    re.IGNORECASE,
)
_TOTAL_RE = re.compile(r"^(?:total|totals|all|overall|grand\s+total)\b", re.IGNORECASE)
_PERIOD_RE = re.compile(r"\b(?:as\s+of|since|to\s+date|cumulative|so\s+far)\b", re.IGNORECASE)
_SOURCE_RE = re.compile(r"^\s*source\s*:\s*(?P<who>[^|\n]{2,120}?)\s*\.?\s*$", re.IGNORECASE)
#: the most rows and columns one table is read for (a pasted spreadsheet is not a bulletin)
MAX_ROWS, MAX_COLUMNS = 200, 20


@dataclass(frozen=True)
class _Row:
    start: int
    text: str
    cells: list[str]


def _cells(line: str) -> list[str] | None:
    if line.count("|") >= 2:
        parts = line.strip().strip("|").split("|")
    elif line.count("\t") >= 2:
        parts = line.split("\t")
    else:
        return None
    return [p.strip() for p in parts]


def _rows(text: str) -> list[list[_Row]]:
    """The runs of consecutive table lines of ``text``."""
    runs: list[list[_Row]] = []
    current: list[_Row] = []
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line)
        if cells is not None and len(cells) <= MAX_COLUMNS:
            if not _SEPARATOR_RE.match(line):
                current.append(_Row(offset, line.rstrip("\r"), cells))
        elif current:
            runs.append(current)
            current = []
        offset += len(line) + 1
    if current:
        runs.append(current)
    return runs


def _columns(header: list[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for i, cell in enumerate(header):
        for outcome, pattern in _OUTCOME_HEADERS:
            if i and pattern.match(cell.lower()):
                found[i] = outcome
                break
    return found


def table_claims(article: str, text: str, when: str | None = None) -> list[Claim]:
    """The claims of the casualty tables in ``text`` (none when it has none)."""
    if "|" not in text and "\t" not in text:
        return []
    out: list[Claim] = []
    for run in _rows(text):
        header, *rows = run
        columns = _columns(header.cells)
        if not columns or not rows:
            continue
        before = text[: header.start]
        title = before.rstrip().rsplit("\n", 1)[-1]
        scope = "cumulative" if _PERIOD_RE.search(title) else "incident"
        after = text[run[-1].start + len(run[-1].text) :]
        source = _source(before.rstrip().rsplit("\n", 2)[-2:] + after.lstrip().split("\n", 2)[:2])
        kind = "official" if source is not None else "reported"
        places = bool(header.cells) and _PLACE_HEADER_RE.match(header.cells[0]) is not None
        total_at: dict[str, int] = {}
        made: list[tuple[Claim, bool]] = []
        for row in rows[:MAX_ROWS]:
            label = row.cells[0] if row.cells else ""
            is_total = bool(_TOTAL_RE.match(label))
            for i, outcome in columns.items():
                if i >= len(row.cells):
                    continue
                number = _NUMBER_RE.match(row.cells[i])
                if number is None:
                    continue
                value = int(re.sub(r"[,\s]", "", number.group("n")))
                claim = Claim(
                    article=article,
                    outcome=outcome,  # type: ignore[arg-type]
                    low=value,
                    high=value,
                    qualifier="exact",
                    victims="people",
                    place=label if places and label and not is_total else None,
                    when=when,
                    scope=scope,  # type: ignore[arg-type]
                    kind=kind,  # type: ignore[arg-type]
                    attributed_to=source,
                    evidence=row.text.strip(),
                    evidence_start=row.start + row.text.index(row.text.strip()),
                )
                if is_total:
                    total_at[outcome] = len(out) + len(made)
                made.append((claim, is_total))
        for claim, is_total in made:
            parent = None if is_total else total_at.get(claim.outcome)
            out.append(claim if parent is None else replace(claim, part_of=parent))
    return out


def _source(lines: list[str]) -> str | None:
    for line in lines:
        m = _SOURCE_RE.match(line)
        if m is not None:
            return m.group("who").strip()
    return None

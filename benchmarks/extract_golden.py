"""Golden check for speed work on the extractor: the claims must stay byte-identical.

``--write`` dumps every claim (every field, evidence offsets, geo and ``part_of``) that the
extractor gives on every corpus of tests/data (and the seed article), on the 1,000 reports of
``benchmarks/extract_throughput.py``, on the 1,000 Cyrillic reports of
``benchmarks/extract_throughput_uk_ru.py`` and on 1,000 more cuts of other sizes, one JSON line a
report, reports sorted by (set, id), each report's claims in the order the extractor gives
them (``part_of`` counts in that order). ``--check`` extracts again and compares the lines
byte for byte, naming the first reports that differ. The file lives outside the repository
(the rules change on other branches): write it on the commit before a speed change, check
it after::

    python -m benchmarks.extract_golden --write          # on the base commit
    python -m benchmarks.extract_golden --check          # after the change
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from benchmarks.corpora import all_corpora
from benchmarks.extract_throughput import reports_of_size
from benchmarks.extract_throughput_uk_ru import cyrillic_reports_of_size
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.places import default_gazetteer

DEFAULT_FILE = Path("/tmp/tollbook-extract-golden.jsonl")


def _other_cuts() -> list[Report]:
    """Cuts of other sizes from the same texts, so that sentences are cut elsewhere."""
    texts = [r.text for c in all_corpora() for r in c.reports]
    blob = "\n".join(texts)
    out = []
    for i in range(1_000):
        size = (300, 800, 1_600, 4_000, 7_000)[i % 5]
        start = (i * 1_531) % max(1, len(blob) - size)
        out.append(Report(f"cut{i}", blob[start : start + size]))
    return out


def _report_sets() -> Iterator[tuple[str, list[Report]]]:
    for corpus in all_corpora():
        yield corpus.name, corpus.reports
    yield "throughput", reports_of_size(1_000)
    yield "throughput-uk-ru", cyrillic_reports_of_size(1_000)
    yield "cuts", _other_cuts()


def golden_lines() -> list[str]:
    """One JSON line a report: its set, its id and its claims with every field."""
    gaz = default_gazetteer()
    rows = []
    for name, reports in _report_sets():
        for report in reports:
            claims = [asdict(c) for c in extract_claims(report, gaz)]
            rows.append((name, report.id, claims))
    rows.sort(key=lambda row: (row[0], row[1]))
    return [
        json.dumps({"set": s, "report": r, "claims": c}, sort_keys=True, ensure_ascii=False)
        for s, r, c in rows
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="dump the claims to the file")
    action.add_argument("--check", action="store_true", help="compare the claims with the file")
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help=f"(default {DEFAULT_FILE})")
    args = parser.parse_args(argv)
    lines = golden_lines()
    text = "\n".join(lines) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    claims = sum(len(json.loads(line)["claims"]) for line in lines)
    summary = f"{len(lines)} reports, {claims} claims, sha256 {digest}"
    if args.write:
        args.file.write_text(text, encoding="utf-8")
        print(f"golden: wrote {summary} to {args.file}")
        return 0
    if not args.file.exists():
        print(f"golden: {args.file} does not exist; run with --write on the base commit first")
        return 2
    expected = args.file.read_text(encoding="utf-8").splitlines()
    if expected == lines:
        print(f"golden: identical ({summary})")
        return 0
    differ = [i for i, (a, b) in enumerate(zip(expected, lines, strict=False)) if a != b]
    print(f"golden: DIFFERENT ({summary}; file has {len(expected)} reports)")
    for i in differ[:5]:
        row = json.loads(expected[i])
        print(f"  {row['set']} {row['report']}: claims differ")
    if len(expected) != len(lines):
        print("  the number of reports differs")
    print(f"  {len(differ)} reports differ")
    return 1


if __name__ == "__main__":
    sys.exit(main())

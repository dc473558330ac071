"""Extractor throughput on one core, in reports per second, for 2,500-character reports.

The reports are cut from the scored corpora (so they carry real casualty sentences),
repeated and trimmed to 2,500 characters. Compare: spaCy's blank English tokenizer alone
was measured at about 330 reports a second on this machine.
"""

from __future__ import annotations

import statistics
import sys
import time

from benchmarks.corpora import all_corpora
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.places import default_gazetteer

SIZE = 2_500


def reports_of_size(count: int) -> list[Report]:
    # the corpora the figures were first measured on (later corpora left out so that
    # the reports, and the figures, stay comparable)
    texts = [r.text for c in all_corpora() if c.name != "outlets-fresh" for r in c.reports]
    blob = "\n".join(texts)
    out = []
    for i in range(count):
        start = (i * 977) % max(1, len(blob) - SIZE)
        text = blob[start : start + SIZE] if len(blob) > SIZE else (blob * 3)[:SIZE]
        out.append(Report(f"r{i}", text + f" ({i})"))
    return out


def main() -> int:
    default_gazetteer()  # loaded once per process, not per report
    reports = reports_of_size(1_000)
    extract_claims(reports[0])
    rates = []
    cpu_rates = []
    for _ in range(3):
        start, cpu_start = time.perf_counter(), time.process_time()
        claims = sum(len(extract_claims(r)) for r in reports)
        rates.append(len(reports) / (time.perf_counter() - start))
        cpu_rates.append(len(reports) / (time.process_time() - cpu_start))
    print(f"extract: {len(reports)} reports of {SIZE:,} chars, {claims} claims per pass")
    print(
        f"extract: {statistics.median(cpu_rates):,.0f} reports per CPU-second on one core "
        f"(median of 3; target 300); wall clock {statistics.median(rates):,.0f} reports/s "
        "(lower when other processes share the core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extractor throughput on Ukrainian and Russian reports against English, on one core.

The Cyrillic reports are cut from the Ukrainian and Russian corpora (benchmarks.corpora
CYRILLIC) as ``extract_throughput`` cuts the English ones: joined, repeated and trimmed to
2,500 characters. Both figures are measured here, one after the other in one process, so
their ratio is fair when other processes share the machine (target: uk/ru at least 0.8x
English).
"""

from __future__ import annotations

import sys

from benchmarks.corpora import CYRILLIC, all_corpora
from benchmarks.extract_throughput import SIZE, build_name, rate, reports_of_size
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.places import default_gazetteer
from tollbook.extract.uk_ru.places_uk_ru import cyrillic_gazetteer

COUNT = 1_000


def cyrillic_reports_of_size(count: int) -> list[Report]:
    texts = [r.text for c in all_corpora() if c.name in CYRILLIC for r in c.reports]
    blob = "\n".join(texts)
    while len(blob) < 3 * SIZE:
        blob = f"{blob}\n{blob}"
    out = []
    for i in range(count):
        start = (i * 977) % (len(blob) - SIZE)
        out.append(Report(f"c{i}", blob[start : start + SIZE] + f" ({i})"))
    return out


def main() -> int:
    default_gazetteer()
    cyrillic_gazetteer()  # both loaded once per process, not per report
    english = reports_of_size(COUNT)
    cyrillic = cyrillic_reports_of_size(COUNT)
    extract_claims(english[0])
    extract_claims(cyrillic[0])
    en_rate, en_claims = rate(english)
    cy_rate, cy_claims = rate(cyrillic)
    print(f"extract: the extractor runs {build_name()}")
    print(f"extract en:    {en_rate:,.0f} reports per CPU-second ({en_claims} claims a pass)")
    print(f"extract uk/ru: {cy_rate:,.0f} reports per CPU-second ({cy_claims} claims a pass)")
    print(
        f"extract uk/ru / en: {cy_rate / en_rate:.2f}x (target >= 0.8x; {COUNT} reports of "
        f"{SIZE:,} chars each)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

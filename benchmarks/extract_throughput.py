"""Extractor throughput on one core, in reports per second, for 2,500-character reports.

The reports are cut from the scored corpora (so they carry real casualty sentences),
repeated and trimmed to 2,500 characters. Compare: spaCy's blank English tokenizer alone
was measured at about 330 reports a second on this machine.

After the throughput it prints where the CPU time goes: each stage of the pass run on its
own over the same reports (cutting and cleaning sentences, normalising, places, dates,
numbers, speakers) and the rest of the pass (reading each figure, sites, carrying state),
in CPU-milliseconds a report. The stages are timed outside the pass, so they add up only
roughly to the whole.

When the extractor runs compiled (``scripts/build_native.py``), it ends with the compiled
against the pure-Python extractor, each measured in processes of its own, in turns: figures
taken at different times on a shared machine are not comparable (docs/extraction.md,
round 22).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpora import CYRILLIC, all_corpora
from tollbook.domain.report import Report
from tollbook.extract import NATIVE, extract_claims
from tollbook.extract.attribution import Speakers
from tollbook.extract.extractor import _content_sentences
from tollbook.extract.numbers import find_numbers_lower
from tollbook.extract.places import default_gazetteer, find_places
from tollbook.extract.promising import may_hold_number, names_a_casualty
from tollbook.extract.text_clean import normalise
from tollbook.extract.when import dates_in
from tollbook.settings import PURE_PYTHON

SIZE = 2_500


def reports_of_size(count: int) -> list[Report]:
    # the corpora the figures were first measured on (later corpora left out so that
    # the reports, and the figures, stay comparable)
    texts = [
        r.text
        for c in all_corpora()
        if c.name != "outlets-fresh" and c.name not in CYRILLIC
        for r in c.reports
    ]
    blob = "\n".join(texts)
    out = []
    for i in range(count):
        start = (i * 977) % max(1, len(blob) - SIZE)
        text = blob[start : start + SIZE] if len(blob) > SIZE else (blob * 3)[:SIZE]
        out.append(Report(f"r{i}", text + f" ({i})"))
    return out


def rate(reports: list[Report]) -> tuple[float, int]:
    """Median reports per CPU-second over three passes, and the claims of one pass."""
    rates = []
    claims = 0
    for _ in range(3):
        start = time.process_time()
        claims = sum(len(extract_claims(r)) for r in reports)
        rates.append(len(reports) / (time.process_time() - start))
    return statistics.median(rates), claims


def _one_process_rate() -> float:
    """Reports per CPU-second over 400 reports in this process (``rate``'s median)."""
    default_gazetteer()
    reports = reports_of_size(400)
    extract_claims(reports[0])
    return rate(reports)[0]


def compiled_against_pure(pairs: int = 3) -> tuple[list[float], list[float]] | None:
    """Reports per CPU-second of the compiled and the pure extractor, each measured in processes
    of its own, in turns (compiled, pure, compiled, ...), so that a change in the machine's
    load falls on both alike; None when the compiled build is not in use."""
    if not NATIVE:
        return None
    command = [sys.executable, "-m", "benchmarks.extract_throughput", "--rate-only"]
    root = Path(__file__).resolve().parent.parent
    compiled: list[float] = []
    pure: list[float] = []
    for _ in range(pairs):
        for env, out in (({}, compiled), ({PURE_PYTHON: "1"}, pure)):
            run = subprocess.run(
                command,
                env={**os.environ, **env},
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            )
            out.append(float(run.stdout.strip()))
    return compiled, pure


def main(argv: list[str] | None = None) -> int:
    if argv and argv[0] == "--rate-only":
        print(f"{_one_process_rate():.2f}")
        return 0
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
    print(f"extract: the extractor runs {build_name()}")
    print(
        f"extract: {statistics.median(cpu_rates):,.0f} reports per CPU-second on one core "
        f"(median of 3; target 300); wall clock {statistics.median(rates):,.0f} reports/s "
        "(lower when other processes share the core)"
    )
    print(f"extract: CPU ms a report by stage ({BREAKDOWN} reports, each stage on its own)")
    for name, ms in stage_breakdown(reports[:BREAKDOWN]):
        print(f"  {name:<34} {ms:6.2f}")
    paired = compiled_against_pure()
    if paired is not None:
        compiled, pure = paired
        ratio = statistics.median(c / p for c, p in zip(compiled, pure, strict=True))
        print(
            f"extract: compiled {statistics.median(compiled):,.0f} against pure Python "
            f"{statistics.median(pure):,.0f} reports per CPU-second (400 reports, "
            f"{len(compiled)} pairs of processes in turns): {ratio:.2f}x"
        )
    return 0


BREAKDOWN = 300


def build_name() -> str:
    if NATIVE:
        return "compiled by mypyc (scripts/build_native.py)"
    return "as pure Python (not compiled, or TOLLBOOK_PURE_PYTHON set)"


def stage_breakdown(reports: list[Report]) -> list[tuple[str, float]]:
    """CPU milliseconds a report for each stage of the pass, timed apart from it."""
    gaz = default_gazetteer()
    per_report = 1_000 / len(reports)

    def timed(work: Callable[[], object]) -> float:
        start = time.process_time()
        work()
        return (time.process_time() - start) * per_report

    kept: list[list[str]] = []
    total = timed(lambda: [extract_claims(r) for r in reports])
    cut = timed(lambda: kept.extend([s.text for s in _content_sentences(r.text)] for r in reports))
    norms: list[list[str]] = []
    norm = timed(lambda: norms.extend([normalise(t) for t in texts] for texts in kept))
    lowers = [[n.lower() for n in ns] for ns in norms]
    promising = [
        [i for i, x in enumerate(ls) if names_a_casualty(x) and may_hold_number(x)] for ls in lowers
    ]
    places = timed(lambda: [find_places(n, gaz) for ns in norms for n in ns])
    dates = timed(
        lambda: [
            dates_in(n, x, r.published, i in ps)
            for r, ns, ls, ps in zip(reports, norms, lowers, promising, strict=True)
            for i, (n, x) in enumerate(zip(ns, ls, strict=True))
        ]
    )
    numbers = timed(
        lambda: [
            find_numbers_lower(ls[i]) for ls, ps in zip(lowers, promising, strict=True) for i in ps
        ]
    )
    speakers = timed(lambda: [_sources(ns, ps) for ns, ps in zip(norms, promising, strict=True)])
    stages = [
        ("sentences: cut and clean", cut),
        ("normalise", norm),
        ("places", places),
        ("dates", dates),
        ("numbers (casualty sentences)", numbers),
        ("speakers (casualty sentences)", speakers),
    ]
    rest = total - sum(ms for _, ms in stages)
    return [*stages, ("rest: reading figures, sites, state", rest), ("whole pass", total)]


def _sources(norms: list[str], indices: list[int]) -> list[str | None]:
    """The speakers of one report's casualty sentences, as the pass asks for them."""
    speakers = Speakers(norms)
    return [speakers.source(i) for i in indices]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

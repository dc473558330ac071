"""Each report's documented killed count against a reader's answer (``tolls.jsonl``).

``extract_headline`` compares the extractor's toll with the count layer's toll on the
hand-coded claims, so an error of the count layer itself (a hospital's count of the same
dead added to the official toll, a revised figure counted beside the new one) is on both
sides and never seen. Here the truth is coded by hand, from the report's text alone, by the
convention of ``tests/data/TOLLS.md``, and two tolls are compared with it:

- *claims*: the count layer on the hand-coded claims (what a reviewer who coded every
  claim right would publish);
- *read*: the count layer on the extractor's claims, unreviewed (what is published
  before anyone reviews);
- *apart*: *read* without the smaller events of a report that tells a larger one, which
  the toll counts but flags as perhaps the same event told again (``count.report_events``):
  what a reader who sets the flagged part aside would take.

A report is *right* when the toll's minimum and maximum equal the truth's, *over* when its
minimum exceeds the truth's maximum, *under* when its maximum is below the truth's
minimum, else *overlaps*.

    .venv/bin/python -m benchmarks.count_truth [CORPUS ...] [--reports]

With no corpus named it reads every corpus with a ``tolls.jsonl`` except the blind ones;
``--reports`` prints each report that is not right (refused for a blind corpus).
"""

from __future__ import annotations

import json
import statistics
import sys
from dataclasses import dataclass

from benchmarks.corpora import DATA, NEVER_TUNED, Corpus, all_corpora
from benchmarks.extract_headline import Headline, gold_claims, headline, verdict_of
from tollbook.extract import extract_claims

#: corpora whose errors are never read: figures only
BLIND = NEVER_TUNED


@dataclass(frozen=True)
class Truth:
    low: int
    high: int
    attackers: int | None

    @property
    def figure(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def truths(name: str, file: str = "tolls.jsonl") -> dict[str, Truth] | None:
    path = DATA / name / file
    if not path.exists():
        return None
    out = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        low, high = int(row["low"]), int(row["high"])
        if low > high:
            raise ValueError(f"{path}:{number}: low {low} above high {high}")
        out[row["article"]] = Truth(low, high, row.get("attackers"))
    return out


def verdict(toll: Headline, truth: Truth) -> str:
    return verdict_of(toll.low, toll.high, truth.low, truth.high)


@dataclass(frozen=True)
class Row:
    article: str
    truth: Truth
    claims: Headline
    read: Headline


def compare(corpus: Corpus, truth: dict[str, Truth]) -> list[Row]:
    missing = [r.id for r in corpus.reports if r.id not in truth]
    if missing:
        raise ValueError(f"{corpus.name}: no toll coded for {', '.join(missing)}")
    rows = []
    for report in corpus.reports:
        gold = gold_claims(g for g in corpus.gold if g["article"] == report.id)
        rows.append(
            Row(
                report.id,
                truth[report.id],
                headline(gold, report),
                headline(extract_claims(report), report),
            )
        )
    return rows


def _line(label: str, tolls: list[Headline], truth: list[Truth]) -> str:
    verdicts = [verdict(t, u) for t, u in zip(tolls, truth, strict=True)]
    misses = [
        abs(t.low - u.low) / max(1, u.low)
        for t, u, v in zip(tolls, truth, verdicts, strict=True)
        if v != "right"
    ]
    right = verdicts.count("right")
    miss = statistics.median(misses) if misses else 0
    return (
        f"  {label:<7} right {right:>3} ({right / max(1, len(verdicts)):.0%})"
        f"  over {verdicts.count('over'):>3}  under {verdicts.count('under'):>3}"
        f"  overlaps {verdicts.count('overlaps'):>2}  summed {sum(t.low for t in tolls):,}"
        f"-{sum(t.high for t in tolls):,}  median miss {miss:.0%}"
    )


def summary(name: str, rows: list[Row]) -> str:
    truth = [r.truth for r in rows]
    return "\n".join(
        [
            f"{name:<16} reports {len(rows):>3}  truth summed {sum(t.low for t in truth):,}"
            f"-{sum(t.high for t in truth):,}",
            _line("claims", [r.claims for r in rows], truth),
            _line("read", [r.read for r in rows], truth),
            # the same, the smaller events of a report beside a larger one left out
            # (counted but flagged on the toll: count.report_events)
            _line("apart", [r.read.without_doubtful() for r in rows], truth),
        ]
    )


def main(argv: list[str]) -> int:
    show = "--reports" in argv
    names = [a for a in argv if not a.startswith("--")]
    if show and any(n in BLIND for n in names):
        print("--reports would show the errors of a blind corpus; figures only", file=sys.stderr)
        return 2
    every: list[Row] = []
    for corpus in all_corpora():
        if names and corpus.name not in names:
            continue
        if not names and corpus.name in BLIND:
            continue
        truth = truths(corpus.name)
        if truth is None:
            if names:
                print(f"{corpus.name}: no tolls.jsonl", file=sys.stderr)
            continue
        rows = compare(corpus, truth)
        every += rows
        print(summary(corpus.name, rows))
        if show:
            for r in rows:
                for label, toll in (("claims", r.claims), ("read", r.read)):
                    v = verdict(toll, r.truth)
                    if v != "right":
                        figure = r.truth.figure
                        print(f"    {r.article} {label}: {v}; truth {figure}, toll {toll.figure}")
    if len({r.article.rsplit("-", 1)[0] for r in every}) > 1:
        print(summary("all", every))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

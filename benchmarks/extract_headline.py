"""The headline end to end: each report's documented toll from the extractor's claims,
against the same toll from the hand-coded gold, through the real count layer.

Field agreement (scope, kind, place) says how often each claim is coded right; this says
what a reader of the toll sees. Each report of a corpus is read on its own, unreviewed,
and its claims (gold, then the extractor's) are reconciled alone
(``count.reconcile``): the documented killed count is the sum of the minimums and
maximums of its killed incidents that are counted (not held back by the running-total
guard) and dated at most ``RECENT_DAYS`` before publication (the report's news, not a past
disaster named for comparison). A report is *right* when both give the same minimum and
maximum; *over* when the extractor's minimum exceeds gold's maximum (a running total or
an estimate added to the count, a subgroup counted apart, a figure doubled); *under* when
its maximum is below gold's minimum (a figure missed, or an incident read as a running
total).

    .venv/bin/python -m benchmarks.extract_headline [CORPUS ...] [--reports]

With no corpus named it reads the tuning corpora that code subgroups (``TUNING``).
``--reports`` prints each report whose headline differs (never use it on a corpus kept
blind: it shows its errors). Figures only, for the blind corpora.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from benchmarks.corpora import NEVER_TUNED, Corpus, all_corpora
from tollbook.count import CountRules, reconcile
from tollbook.domain.claim import CONTRACT_FIELDS, Claim
from tollbook.domain.incident import SourcedClaim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.gazetteer import load_gazetteer

#: corpora written and coded blind that the rules were never tuned on: only figures
BLIND = NEVER_TUNED
#: the tuning corpora that code subgroups (``part_of``); the older ones do not, so their
#: gold adds a place's share to the toll it is part of and its headline is not the truth
TUNING = (
    "outlets-final",
    "outlets-blind",
    "outlets-blind2",
    "outlets-blind3",
    "outlets-blind4",
    "outlets-blind5",  # scored blind after round 12, then tuned on
    "outlets-blind6",  # scored blind after round 12, then tuned on
    "outlets-blind9",  # scored blind before and after round 13, then tuned on
    "outlets-blind10",  # scored blind before and after round 13, then tuned on
    "outlets-blind11",  # scored blind before and after round 14, then tuned on
    "outlets-blind12",  # scored blind before and after round 14, then tuned on
    "outlets-blind13",  # scored blind before and after round 15, then tuned on
    "outlets-blind14",  # scored blind before and after round 15, then tuned on
    "outlets-blind18",  # scored blind before round 26, then tuned on
    "outlets-blind17",  # scored blind in round 26 (start and mid-round code), then tuned on
    "outlets-blind19",  # Ukrainian; scored blind before round 27, then tuned on
    "outlets-blind20",  # Russian; scored blind before round 27, then tuned on
    "outlets-blind22",  # Russian; scored blind after round 27, then tuned on in round 28
    "outlets-blind21",  # Ukrainian; scored blind twice (rounds 27 and 28), then tuned on
    "outlets-blind26",  # scored blind before round 29, then tuned on
    "outlets-blind25",  # scored blind before round 29, then tuned on (second part)
    "outlets-blind27",  # scored blind at round 29's start and end, then tuned on in round 30
    "outlets-blind28",  # scored blind at round 29's start and end, then tuned on in round 30
    "outlets-blind29",  # scored blind at round 30's start and end, then tuned on in round 31
    "outlets-blind30",  # scored blind at round 30's start and end, then tuned on in round 31
    "outlets-blind34",  # scored blind once mid-round 31, then tuned on
    "outlets-blind33",  # scored blind once later in round 31, then tuned on
    "outlets-blind32",  # scored blind at round 31 start and end, tuned on in round 32
    "outlets-blind36",  # scored blind once at round 32 start, then tuned on
    "outlets-blind39",  # scored blind once on arrival in round 32, then tuned on
    "outlets-blind40",  # scored blind once on arrival in round 32, then tuned on
    "outlets-blind37",  # scored blind at round 32 start and end, tuned on in round 33
    "outlets-blind41",  # scored blind at round 33 start and mid-round, then tuned on
    "outlets-blind45",  # scored blind once on arrival in round 33, then tuned on
    "outlets-blind44",  # scored blind once on arrival in round 33, then tuned on
    "outlets-blind42",  # scored blind at round 33 start and end, then tuned on
    "outlets-blind47",  # scored blind once on arrival in round 33, then tuned on
    "outlets-blind48",  # scored blind once on arrival in round 34, then tuned on
    "outlets-blind43",  # scored blind in rounds 33 and 34 (never tuned until round 34)
    "outlets-blind54",  # scored blind once on arrival in round 35, then tuned on
    "outlets-blind53",  # scored blind once on arrival in round 35, spent in round 36
    "outlets-blind60",  # scored blind once on arrival in round 37, then tuned on
    "outlets-blind61",  # scored blind once on arrival in round 37, then tuned on
    "outlets-blind66",  # scored blind once on arrival in round 38, then tuned on
    "outlets-blind67",  # scored blind once on arrival in round 38, then tuned on
    "outlets-blind68",  # scored blind once on arrival in round 39, then tuned on
    "outlets-blind70",  # Ukrainian and Russian; scored blind on arrival in round 39, tuned on
    "outlets-blind72",  # scored blind once on arrival in round 40, then tuned on
    "outlets-blind73",  # Ukrainian and Russian; scored blind on arrival in round 40, tuned on
    "outlets-blind74",  # English round-ups; scored blind on arrival in round 41, tuned on
    "outlets-blind75",  # uk/ru round-ups; scored blind on arrival in round 41, tuned on
    "outlets-blind15",  # never tuned until round 49 (drawn at random), then tuned on
    "outlets-blind62",  # never tuned until round 49 (drawn at random), then tuned on
    "outlets-blind63",  # never tuned until round 49 (drawn at random), then tuned on
    "outlets-blind64",  # never tuned until round 49 (drawn at random), then tuned on
    "outlets-blind69",  # never tuned until round 49 (drawn at random), then tuned on
)


#: The report's news: incidents counted on a day at most this long before publication. A
#: past disaster named for comparison ("Hurricane Mitch killed about 7,000 in 1998") is part
#: of another period's toll (``tollbook toll`` counts a place over a period), not of the
#: report's; the running-total guard holds some such figures back and not others, which
#: would make the comparison turn on it.
RECENT_DAYS = 60


@dataclass(frozen=True)
class Headline:
    """One report's documented killed count, with what was held beside it."""

    low: int
    high: int
    held_back: int
    beside: int  # running totals and estimates of the killed
    #: counted, but a smaller event of the report beside a larger one (count.report_events)
    doubtful_low: int = 0
    doubtful_high: int = 0

    def without_doubtful(self) -> Headline:
        """The toll with the smaller events of the report left out."""
        low, high = self.low - self.doubtful_low, self.high - self.doubtful_high
        return Headline(low, high, self.held_back, self.beside)

    @property
    def figure(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def headline(claims: Sequence[Claim], report: Report) -> Headline:
    """The documented killed count of one report's claims, reconciled alone."""
    sourced = [
        SourcedClaim(
            claim_id=position + 1,
            report_id=1,
            claim=claim,
            published=report.published,
            part_of=None if claim.part_of is None else claim.part_of + 1,
        )
        for position, claim in enumerate(claims)
    ]
    result = reconcile(sourced, rules=CountRules(places=load_gazetteer()))
    recent = report.published - timedelta(days=RECENT_DAYS) if report.published else None
    killed = [
        i
        for i in result.incidents
        if i.outcome == "killed" and (recent is None or i.date is None or i.date >= recent)
    ]
    counted = [i for i in killed if not i.held_back]
    beside = [p for p in result.series if p.outcome == "killed" and not p.subgroup]
    return Headline(
        low=sum(i.low for i in counted),
        high=sum(i.high for i in counted),
        held_back=len(killed) - len(counted),
        beside=len(beside),
        # (getattr: sources before 5 December 2026, scored for comparison, have no flag)
        doubtful_low=sum(i.low for i in counted if getattr(i, "doubtful", False)),
        doubtful_high=sum(i.high for i in counted if getattr(i, "doubtful", False)),
    )


def gold_claims(rows: Iterable[dict[str, Any]]) -> list[Claim]:
    return [_gold_claim(row) for row in rows]


def _gold_claim(row: dict[str, Any]) -> Claim:
    fields: dict[str, Any] = {k: row.get(k) for k in CONTRACT_FIELDS}
    # a few gold claims derive a figure with one open end ("more than twice ..."),
    # which the claim object takes as at_least / up_to
    if fields["qualifier"] == "derived" and fields["high"] is None:
        fields["qualifier"] = "at_least"
    elif fields["qualifier"] == "derived" and fields["low"] is None:
        fields["qualifier"] = "up_to"
    return Claim(**fields, part_of=row.get("part_of"))


@dataclass(frozen=True)
class Compared:
    article: str
    gold: Headline
    read: Headline

    @property
    def verdict(self) -> str:
        return verdict_of(self.read.low, self.read.high, self.gold.low, self.gold.high)


def verdict_of(low: int, high: int, true_low: int, true_high: int) -> str:
    """A toll against the one taken as true: "right" when minimum and maximum are equal,
    "over" when its minimum exceeds the true maximum, "under" when its maximum is below
    the true minimum, else "overlaps"."""
    if (low, high) == (true_low, true_high):
        return "right"
    if low > true_high:
        return "over"
    if high < true_low:
        return "under"
    return "overlaps"


def compare(corpus: Corpus) -> list[Compared]:
    out = []
    for report in corpus.reports:
        gold = gold_claims(g for g in corpus.gold if g["article"] == report.id)
        out.append(
            Compared(report.id, headline(gold, report), headline(extract_claims(report), report))
        )
    return out


def summary(name: str, rows: list[Compared]) -> str:
    verdicts = [r.verdict for r in rows]
    gold_low = sum(r.gold.low for r in rows)
    gold_high = sum(r.gold.high for r in rows)
    read_low = sum(r.read.low for r in rows)
    read_high = sum(r.read.high for r in rows)
    errors = [
        abs(r.read.low - r.gold.low) / max(1, r.gold.low) for r in rows if r.verdict != "right"
    ]
    return (
        f"{name:<16} reports {len(rows):>3}  right {verdicts.count('right'):>3} "
        f"({verdicts.count('right') / max(1, len(rows)):.0%})  over {verdicts.count('over'):>2}  "
        f"under {verdicts.count('under'):>2}  overlaps {verdicts.count('overlaps'):>2}  "
        f"documented killed gold {gold_low:,}-{gold_high:,} read {read_low:,}-{read_high:,}  "
        f"median miss {statistics.median(errors) if errors else 0:.0%}"
    )


def main(argv: list[str]) -> int:
    show = "--reports" in argv
    names = [a for a in argv if not a.startswith("--")]
    corpora = [c for c in all_corpora() if c.name in (names or TUNING)]
    if show and any(c.name in BLIND for c in corpora):
        print("--reports would show the errors of a blind corpus; figures only", file=sys.stderr)
        return 2
    every: list[Compared] = []
    for corpus in corpora:
        rows = compare(corpus)
        every += rows
        print(summary(corpus.name, rows))
        if show:
            for r in rows:
                if r.verdict != "right":
                    print(
                        f"    {r.article}: {r.verdict}; gold {r.gold.figure} "
                        f"(held {r.gold.held_back}, beside {r.gold.beside}), read "
                        f"{r.read.figure} (held {r.read.held_back}, beside {r.read.beside})"
                    )
    print(summary("all", every))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

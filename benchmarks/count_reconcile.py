"""Reconcile 100,000 synthetic claims into incidents; target: under 10 seconds.

The claims come from synthetic events (a place, a day, a site, a true toll) each reported
by one to four reports of different publishers, with hedges ("at least"), rounded
figures ("about"), ranges, vague words, tolls revised upward by later reports, subgroup
figures ("including six children"), plus running totals and estimates. Prints the time,
claims per second, and how well the grouping recovered the events.

    .venv/bin/python -m benchmarks.count_reconcile [--claims N] [--seed S] [--gazetteer]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from tollbook.count import CountRules, reconcile
from tollbook.domain.claim import Claim
from tollbook.domain.incident import SourcedClaim
from tollbook.gazetteer import load_gazetteer

TARGET_SECONDS = 10.0
START = date(2023, 1, 1)
PUBLISHERS = ["Wirenews", "Daily Ledger", "Radio Meridian", "The Courier", "Agence Nord", None]
SITES = ["hospital", "market", "school", "railway station", "shelter", "bakery", None, None]
ATTACKS = ["An airstrike", "A missile strike", "Shelling", "A drone attack", "An explosion"]
OUTCOMES = ["killed"] * 7 + ["injured"] * 3


@dataclass(frozen=True)
class Event:
    number: int
    place: str
    day: date
    outcome: str
    site: str | None
    attack: str
    toll: int


def synthetic_claims(count: int, seed: int) -> tuple[list[SourcedClaim], dict[int, int]]:
    """``count`` claims, and for each incident claim the event it reports."""
    rng = random.Random(seed)
    places = [f"Town{i:03d}" for i in range(200)]
    claims: list[SourcedClaim] = []
    event_of: dict[int, int] = {}
    report_id = 0
    number = 0
    while len(claims) < count:
        number += 1
        roll = rng.random()
        place = rng.choice(places)
        day = START + timedelta(days=rng.randrange(365))
        if roll < 0.05:
            claims.append(_running_total(len(claims) + 1, report_id, place, day, rng))
            report_id += 1
            continue
        event = Event(
            number,
            place,
            day,
            rng.choice(OUTCOMES),
            rng.choice(SITES),
            rng.choice(ATTACKS),
            rng.randint(1, 60),
        )
        publishers = rng.sample(PUBLISHERS, rng.randint(1, 4))
        for nth, publisher in enumerate(publishers):
            if len(claims) >= count:
                break
            report_id += 1
            published = day + timedelta(days=nth + rng.randint(0, 1))
            claim_id = len(claims) + 1
            claims.append(_report(claim_id, report_id, event, publisher, published, nth, rng))
            event_of[claim_id] = event.number
            if rng.random() < 0.1 and len(claims) < count:
                children = max(1, event.toll // 3)
                claims.append(
                    _sourced(
                        len(claims) + 1,
                        report_id,
                        _claim(event, children, children, "exact", published, "children"),
                        publisher,
                        published,
                    )
                )
                event_of[len(claims)] = event.number
    return claims, event_of


def _report(
    claim_id: int,
    report_id: int,
    event: Event,
    publisher: str | None,
    published: date,
    nth: int,
    rng: random.Random,
) -> SourcedClaim:
    toll = event.toll
    style = rng.random()
    if nth == 0 and toll > 4 and rng.random() < 0.3:  # an early, lower figure
        toll = toll - rng.randint(1, 3)
    if style < 0.45:
        claim = _claim(event, toll, toll, "exact", published)
    elif style < 0.75:
        claim = _claim(event, max(1, toll - rng.randint(0, 2)), None, "at_least", published)
    elif style < 0.85:
        claim = _claim(event, toll, toll, "about", published)
    elif style < 0.95:
        claim = _claim(event, max(1, toll - 2), toll + 3, "range", published)
    else:
        claim = _claim(event, None, None, "vague", published, word="dozens of")
    return _sourced(claim_id, report_id, claim, publisher, published)


def _claim(
    event: Event,
    low: int | None,
    high: int | None,
    qualifier: str,
    published: date,
    victims: str = "people",
    word: str | None = None,
) -> Claim:
    figure = (
        word
        or {
            "exact": f"{low}",
            "at_least": f"at least {low}",
            "about": f"about {low}",
            "range": f"between {low} and {high}",
        }[qualifier]
    )
    verb = "killed" if event.outcome == "killed" else "injured"
    target = f" on a {event.site}" if event.site else ""
    evidence = f"{event.attack}{target} in {event.place} {verb} {figure} {victims}, officials said."
    return Claim(
        article=f"r-{event.number}-{published.isoformat()}",
        outcome="killed" if event.outcome == "killed" else "injured",
        low=low,
        high=high,
        qualifier=qualifier,  # type: ignore[arg-type]
        victims=victims,
        place=event.place,
        when=event.day.isoformat(),
        scope="incident",
        kind="official",
        attributed_to="officials",
        evidence=evidence,
    )


def _running_total(
    claim_id: int, report_id: int, place: str, day: date, rng: random.Random
) -> SourcedClaim:
    total = rng.randint(100, 5000)
    estimate = rng.random() < 0.4
    claim = Claim(
        article=f"total-{claim_id}",
        outcome="killed",
        low=total * 3 if estimate else total,
        high=total * 4 if estimate else None,
        qualifier="derived" if estimate else "more_than",
        victims="people",
        place=place,
        when=f"{START.isoformat()}/{day.isoformat()}",
        scope="cumulative",
        kind="estimate" if estimate else "official",
        attributed_to="the city council",
        evidence=f"More than {total} people have been killed in {place} since the start.",
    )
    return _sourced(claim_id, report_id, claim, rng.choice(PUBLISHERS), day)


def _sourced(
    claim_id: int, report_id: int, claim: Claim, publisher: str | None, published: date
) -> SourcedClaim:
    return SourcedClaim(
        claim_id=claim_id,
        report_id=report_id,
        claim=claim,
        publisher=publisher,
        published=published,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--gazetteer",
        action="store_true",
        help="reconcile with the gazetteer, as the services do (places inside places)",
    )
    args = parser.parse_args(argv)
    claims, event_of = synthetic_claims(args.claims, args.seed)
    rules = CountRules(places=load_gazetteer()) if args.gazetteer else CountRules()
    started = time.perf_counter()
    result = reconcile(claims, rules=rules)
    seconds = time.perf_counter() - started
    events = len(set(event_of.values()))
    pure = 0
    for incident in result.incidents:
        owners = Counter(event_of.get(c) for c in incident.claim_ids)
        pure += len(owners) == 1
    split = len(result.incidents) - events
    grades = Counter(i.grade for i in result.incidents)
    print(f"count: reconciled {len(claims):,} claims in {seconds:.2f} s")
    print(
        f"count: {len(claims) / seconds:,.0f} claims/second (target: under {TARGET_SECONDS:.0f} s)"
    )
    print(
        f"count: {events:,} synthetic events -> {len(result.incidents):,} incidents "
        f"({pure / max(1, len(result.incidents)):.1%} hold claims of one event only; "
        f"{split:+,} incidents vs events), {len(result.series):,} series points"
    )
    print("count: grades " + ", ".join(f"{g} {n:,}" for g, n in sorted(grades.items())))
    return 0 if seconds < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

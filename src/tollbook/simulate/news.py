"""English news reports about the siege, with their claims coded by construction.

Every sentence is written from a template together with the claims it states, coded by
CLAIMS.md and the corpus notes in ``tests/data/*/NOTES.md``: the evidence is the sentence
itself, the place is the district an incident report names (``district`` dropped) or the
city, relative dates resolve against the publication date, a figure repeated in a report
counts once with the first sentence as evidence. Distractor numbers (people sheltering or
rescued, distances, ages, population, evacuees, days without water) are written in but are
not claims.

The figures come from the simulated truth through the filters real reporting has: official
counts lag and undercount, estimates overshoot, hedges vary.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tollbook.domain.claim import CONTRACT_FIELDS, check_figures
from tollbook.simulate.news_phrases import split_word


@dataclass(frozen=True)
class NewsReport:
    """A report in the CLAIMS.md input format."""

    id: str
    text: str
    published: date
    title: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published.isoformat(),
            "title": self.title,
        }


@dataclass(frozen=True)
class News:
    reports: tuple[NewsReport, ...]
    #: gold claims in the CLAIMS.md output format (exactly its fields, in its order)
    gold: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Officials:
    """The people the news quotes, named once per siege."""

    mayor: str
    deputy_mayor: str
    rescue_chief: str
    volunteer: str
    gravedigger: str
    reporters: tuple[str, ...]


@dataclass
class Draft:
    """A report being written: lines of sentences, each sentence with its claims."""

    id: str
    published: date
    rng: random.Random
    lines: list[list[tuple[str, list[dict[str, Any]]]]] = field(default_factory=list)

    def line(self, *sentences: tuple[str, list[dict[str, Any]]]) -> None:
        """Add a line of sentences; body sentences (not the headline) get the odd typo."""
        if self.lines:
            sentences = tuple(
                (split_word(s, self.rng) if self.rng.random() < 0.05 else s, c)
                for s, c in sentences
            )
        self.lines.append(list(sentences))

    def finish(self) -> tuple[NewsReport, list[dict[str, Any]]]:
        text = "\n".join(" ".join(s for s, _ in line) for line in self.lines)
        gold: list[dict[str, Any]] = []
        seen: set[tuple[Any, ...]] = set()
        for line in self.lines:
            for sentence, claims in line:
                for c in claims:
                    key = (
                        c["outcome"],
                        c["low"],
                        c["high"],
                        c["qualifier"],
                        c["victims"],
                        c["place"],
                    )
                    if key in seen:
                        continue
                    seen.add(key)
                    gold.append({"article": self.id, **c, "evidence": sentence})
        title = self.lines[0][0][0]
        return NewsReport(self.id, text, self.published, title), [
            {k: g[k] for k in CONTRACT_FIELDS} for g in gold
        ]


def claim(
    outcome: str,
    low: int | None,
    high: int | None,
    qualifier: str,
    *,
    victims: str = "people",
    place: str | None,
    when: str | None,
    scope: str = "incident",
    kind: str = "reported",
    attributed_to: str | None = None,
) -> dict[str, Any]:
    """One gold claim without its article and evidence (the report adds them)."""
    check_figures(qualifier, low, high)
    return {
        "outcome": outcome,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "victims": victims,
        "place": place,
        "when": when,
        "scope": scope,
        "kind": kind,
        "attributed_to": attributed_to,
    }

"""The casualty claim: one figure, for one outcome, stated in one report (docs/claims.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

from tollbook.domain.text import N_

Outcome = Literal["killed", "injured", "missing", "buried", "bodies_found"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "range", "vague", "derived"]
Scope = Literal["incident", "cumulative"]
Kind = Literal["official", "estimate", "observed", "reported"]

OUTCOMES: tuple[str, ...] = get_args(Outcome)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
SCOPES: tuple[str, ...] = get_args(Scope)
KINDS: tuple[str, ...] = get_args(Kind)

#: The fields the contract (docs/claims.md) requires, in its order.
CONTRACT_FIELDS: tuple[str, ...] = (
    "article",
    "outcome",
    "low",
    "high",
    "qualifier",
    "victims",
    "place",
    "when",
    "scope",
    "kind",
    "attributed_to",
    "evidence",
)


@dataclass(frozen=True)
class GeoPoint:
    """Where a place name was found in the gazetteer."""

    lat: float
    lon: float
    country: str | None = None
    geonameid: int | None = None


@dataclass(frozen=True)
class Claim:
    """One casualty figure with its hedge, place, date, source and evidence."""

    article: str
    outcome: Outcome
    low: int | None
    high: int | None
    qualifier: Qualifier
    victims: str
    place: str | None
    when: str | None
    scope: Scope
    kind: Kind
    attributed_to: str | None
    evidence: str
    #: offset of ``evidence`` in the report text (provenance).
    evidence_start: int | None = None
    geo: GeoPoint | None = None
    #: a subgroup claim ("including 70 children") names the claim it is part of: that
    #: claim's position in the same report's list of claims (0-based); None otherwise.
    part_of: int | None = None

    def __post_init__(self) -> None:
        check_figures(self.qualifier, self.low, self.high)

    def to_contract(self) -> dict[str, Any]:
        """The claim as CLAIMS.md's JSON object: the contract fields first, extras after."""
        out: dict[str, Any] = {name: getattr(self, name) for name in CONTRACT_FIELDS}
        out["evidence_start"] = self.evidence_start
        out["geo"] = asdict(self.geo) if self.geo else None
        out["part_of"] = self.part_of
        return out


class InvalidClaim(ValueError):
    """A claim whose figures contradict its qualifier."""


def may_be_part_of(whole: str, part: str) -> bool:
    """Whether a figure of outcome ``part`` can count part of one of outcome ``whole``: the
    same outcome, or bodies buried out of those found. The wounded are never part of the
    dead ("five killed, including a child; 18 more were wounded")."""
    return whole == part or (whole, part) == ("bodies_found", "buried")


def check_figures(qualifier: str, low: int | None, high: int | None) -> None:
    """Enforce the coding rules that tie ``low``/``high`` to the qualifier."""
    if qualifier not in QUALIFIERS:
        raise InvalidClaim(N_("unknown qualifier %(qualifier)s", qualifier=repr(qualifier)))
    for name, value in (("low", low), ("high", high)):
        if value is not None and value < 0:
            raise InvalidClaim(
                N_("%(name)s must not be negative, got %(value)s", name=name, value=value)
            )
    if low is not None and high is not None and low > high:
        raise InvalidClaim(N_("low %(low)s is greater than high %(high)s", low=low, high=high))
    if qualifier == "vague" and (low is not None or high is not None):
        raise InvalidClaim(N_("a vague claim has no figures"))
    if qualifier in ("exact", "about") and (low is None or low != high):
        raise InvalidClaim(N_("an %(qualifier)s claim has low == high", qualifier=qualifier))
    if qualifier in ("at_least", "more_than") and (low is None or high is not None):
        raise InvalidClaim(N_("a %(qualifier)s claim has a low and no high", qualifier=qualifier))
    if qualifier == "up_to" and (high is None or low is not None):
        raise InvalidClaim(N_("an up_to claim has a high and no low"))
    if qualifier in ("range", "derived") and (low is None or high is None):
        raise InvalidClaim(N_("a %(qualifier)s claim has both low and high", qualifier=qualifier))

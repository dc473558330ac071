"""Each claim read once for counting: its bounds, days, wording and source.

A claim's *floor* is the least its figure says died, its *ceiling* the most (None when
it sets no such bound): "at least 17" has floor 17 and no ceiling, "up to 1,000" a
ceiling and no floor, "17" both. ``tol_floor`` and ``tol_ceiling`` widen "about N" by the
rules' tolerance, for deciding whether two figures contradict each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tollbook.count.rules import CountRules
from tollbook.count.subgroups import is_subgroup_victims
from tollbook.count.withdrawn import withdrawn_figures
from tollbook.count.wording import (
    Wording,
    counts_everyone,
    read_wording,
    strikers_own_count,
    victims_key,
)
from tollbook.domain.incident import SourcedClaim, place_key, when_bounds
from tollbook.gazetteer import latin_key


@dataclass(slots=True)
class ClaimFacts:
    """A claim with everything grouping and counting ask of it, computed once."""

    sourced: SourcedClaim
    claim_id: int
    report_id: int
    floor: int | None
    ceiling: int | None
    tol_floor: float | None
    tol_ceiling: float | None
    vague_floor: int | None
    everyone: bool
    victims: str
    wording: Wording
    #: first and last day (proleptic ordinals), from ``when`` or else the publication date
    first_day: int | None
    last_day: int | None
    #: the day range came from the claim's own ``when``
    dated: bool
    when: str | None
    published: int | None
    source_key: str
    place_key: str | None
    #: for a figure of more dead ("seven died after being brought ashore"), the tolls it
    #: would make with each other figure of the dead in its report (31 bodies + 7 = 38):
    #: a toll among them already holds it (set by grouping)
    sums: frozenset[int] = frozenset()
    #: a figure of more dead that a toll of the same report and outcome already holds,
    #: wherever that toll stands ("12 bodies, five more died in hospital" beside "17 dead"
    #: told on a later day): it is part of that toll's event (set by grouping)
    held_in_report: bool = False
    #: told at a wider place than its incident's own ("Libya" for a shipwreck off Zuwara):
    #: it joined the incident but does not name its place (set by ``count.wider``)
    wider: bool = False
    #: part of the victims of another claim of its incident ("four of the dead were
    #: patients"): it follows that claim, and its days are not the incident's (set by
    #: ``count.reconcile``)
    attached: bool = False

    def caps(self, other: ClaimFacts) -> bool:
        """Whether this claim's ceiling bounds ``other``'s floor: a figure for everyone
        bounds every figure, a figure for a group ("children") only the same group's."""
        return self.everyone or self.victims == other.victims

    def exceeded_by(self, other: ClaimFacts) -> bool:
        """``other`` says more died than this claim's ceiling allows (with tolerance)."""
        return (
            self.tol_ceiling is not None
            and other.tol_floor is not None
            and other.tol_floor > self.tol_ceiling
            and self.caps(other)
        )

    def days_meet(self, other: ClaimFacts, tolerance: int) -> bool:
        """Whether the two claims' days lie within ``tolerance`` days of each other (a claim
        with no days meets every other)."""
        a_first, a_last, b_first, b_last = (
            self.first_day,
            self.last_day,
            other.first_day,
            other.last_day,
        )
        if a_first is None or a_last is None or b_first is None or b_last is None:
            return True
        return b_first <= a_last + tolerance and a_first <= b_last + tolerance

    @property
    def partial(self) -> bool:
        """A figure that counts part of an event's dead: more dead beside a toll ("14 more
        bodies washed up"), or the dead a hospital, a morgue or a witness saw (kind
        ``observed``). A larger toll does not contradict it, and it caps no other figure."""
        return self.wording.adds or self.sourced.claim.kind == "observed"

    def revised_by(self, other: ClaimFacts) -> bool:
        """``other`` raises this claim's figure as a later toll would: it exceeds this
        ceiling and comes from the same report or one published later, or on the same day
        in words that say the toll rose ("зросла до семи" in the afternoon's report)."""
        if self.ceiling is None or other.floor is None or other.floor <= self.ceiling:
            return False
        if not self.caps(other):
            return False
        if strikers_own_count(other.victims, other.sourced.claim.evidence):
            return False  # the striker's own count disagrees, it does not revise
        if other.report_id == self.report_id:
            return not disagree(self, other)
        if self.published is None or other.published is None:
            return False
        return other.published > self.published or (
            other.published == self.published and other.wording.revises
        )


def disagree(lower: ClaimFacts, higher: ClaimFacts) -> bool:
    """Whether a higher figure of the same report is another source's total that disagrees
    with the lower, not a later toll that replaces it."""
    return _unofficial_over_official(lower, higher) or _two_sources(lower, higher)


def _unofficial_over_official(lower: ClaimFacts, higher: ClaimFacts) -> bool:
    """One report gives an official toll and, from a source that is not an authority (a
    community leader, residents, an armed group), a higher one, with no word of a
    revision: the two disagree, and the official figure stays the minimum."""
    return (
        lower.sourced.claim.kind == "official"
        and higher.sourced.claim.kind in ("reported", "observed")
        and not (lower.wording.revises or higher.wording.revises)
    )


#: a figure told as an earlier one: "had given a toll of 21", "by Wednesday" (read after
#: ``Wording.revises``, which already holds "earlier", "initially", "previously")
_EARLIER_RE = re.compile(
    r"\bhad\s+(?:first\s+|earlier\s+|initially\s+)?(?:given|reported|said|counted|put|announced|"
    r"confirmed|recorded|posted)\b|\b(?:first|at\s+first)\b|"
    r"\bby\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bby\s+(?:morning|noon|evening|nightfall)\b|"
    # a time of the day the figure was given: "On Monday evening the administration put the
    # toll at 23", before the later one
    r"\b(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:morning|afternoon|evening|night)\b|"
    # what was seen, not a total: "19 bodies had been seen in the wreck"
    r"\bbodies\s+(?:had\s+been|were|have\s+been)\s+seen\b|"
    # in Ukrainian and Russian: "Спершу", "Ещё в понедельник" ("раніше", "ранее",
    # "спочатку", "сначала" are words of a revision already: ``wording.revises``)
    r"(?<!\w)(?:спершу|попередньо|ещ[её]\s+в|ще\s+в)(?!\w)"
)


#: a figure told as a later toll: "later put the toll at 19", "16 dead, including two
#: passengers who died in hospital"
_LATER_RE = re.compile(
    r"\b(?:later|subsequently|since\s+then)\b|"
    # "станом на ранок", "по состоянию на", "згодом", "позже"
    r"(?<!\w)(?:станом\s+на|по\s+состоянию\s+на|згодом|пізніше|позже|позднее|впоследствии)(?!\w)|"
    r"\bincluding\s+(?:[\w-]+\s+){0,4}?who\s+(?:later\s+)?(?:died|succumbed)\b"
)


def _two_sources(lower: ClaimFacts, higher: ClaimFacts) -> bool:
    """One report gives two sources' totals of one event ("the police put the dead at 31",
    "the council chairman said at least 47 were killed") with no word of a revision: they
    disagree (the lower stays the minimum), the higher does not replace the lower."""
    if lower.wording.revises or higher.wording.revises or lower.attached or higher.attached:
        return False  # (a part of the toll is no total: "eleven died there" of the 16)
    if (
        is_subgroup_victims(lower.victims)
        or is_subgroup_victims(higher.victims)
        or lower.partial
        or higher.partial
    ):
        return False
    if _EARLIER_RE.search(lower.sourced.claim.evidence.lower()):
        return False  # "On Monday the ministry had given a toll of 21": an earlier toll
    if _LATER_RE.search(higher.sourced.claim.evidence.lower()):
        return False  # "The directorate later put the toll at 19": a later toll
    if lower.dated and higher.dated and (lower.last_day or 0) < (higher.first_day or 0):
        return False  # the lower told for an earlier day
    a, b = lower.sourced.claim.attributed_to, higher.sourced.claim.attributed_to
    if not a or not b:
        return False
    a, b = a.casefold(), b.casefold()
    return a not in b and b not in a


def source_key(sourced: SourcedClaim) -> str:
    """Who stands behind a claim: its publisher, else its report (each its own source)."""
    if sourced.publisher and sourced.publisher.strip():
        return "publisher:" + " ".join(sourced.publisher.casefold().split())
    return f"report:{sourced.report_id}"


class FactReader:
    """Reads claims into :class:`ClaimFacts`, reusing the wording of repeated sentences."""

    def __init__(self, rules: CountRules) -> None:
        self.rules = rules
        self._wording: dict[str, Wording] = {}
        self._vague: dict[str, int | None] = {}
        self._places: dict[str | None, str | None] = {}
        self._withdrawn_in: dict[str, frozenset[int]] = {}

    def read(self, sourced: SourcedClaim) -> ClaimFacts:
        claim = sourced.claim
        floor, ceiling = _bounds(claim.qualifier, claim.low, claim.high)
        if self._withdrawn(claim.evidence, claim.low if claim.low is not None else claim.high):
            floor = ceiling = None  # a figure its sentence says was wrong bounds nothing
        vague_floor = None
        if claim.qualifier == "vague":
            vague_floor = self._vague_floor(claim.evidence)
            floor = vague_floor
        tol_floor: float | None = floor
        tol_ceiling: float | None = ceiling
        if claim.qualifier == "about":
            spread = self.rules.about_tolerance
            tol_floor = floor * (1 - spread) if floor is not None else None
            tol_ceiling = ceiling * (1 + spread) if ceiling is not None else None
        wording = self._wording.get(claim.evidence)
        if wording is None:
            wording = read_wording(claim.evidence)
            self._wording[claim.evidence] = wording
        first, last = when_bounds(claim.when)
        dated = first is not None
        published = sourced.published.toordinal() if sourced.published else None
        if first is None and sourced.published is not None:
            first = sourced.published - timedelta(days=self.rules.undated_window_days)
            last = sourced.published
        return ClaimFacts(
            sourced=sourced,
            claim_id=sourced.claim_id,
            report_id=sourced.report_id,
            floor=floor,
            ceiling=ceiling,
            tol_floor=tol_floor,
            tol_ceiling=tol_ceiling,
            vague_floor=vague_floor,
            everyone=counts_everyone(claim.victims),
            victims=victims_key(claim.victims),
            wording=wording,
            first_day=_ordinal(first),
            last_day=_ordinal(last),
            dated=dated,
            when=claim.when,
            published=published,
            source_key=source_key(sourced),
            place_key=self._place_key(claim.place),
        )

    def _withdrawn(self, evidence: str, figure: int | None) -> bool:
        """Whether ``evidence`` says ``figure`` was wrong (``count.withdrawn``)."""
        if figure is None:
            return False
        found = self._withdrawn_in.get(evidence)
        if found is None:
            found = self._withdrawn_in[evidence] = withdrawn_figures(evidence)
        return figure in found

    def _place_key(self, place: str | None) -> str | None:
        """The key claims are grouped by: the place as written (any letter case); with
        a gazetteer, in Latin letters (``gazetteer.latin_key``), and for a place the
        gazetteer knows, its id after any unknown parts before it."""
        if place in self._places:
            return self._places[place]
        key = place_key(place)
        gazetteer = self.rules.places
        if key is not None and place is not None and gazetteer is not None:
            parts = [latin_key(p) for p in place.split(",")]
            located = gazetteer.locate(place)
            if located.place is not None:
                parts = [*parts[: located.unknown_parts], f"@{located.place.id}"]
                if located.place.kind == "district" and located.place.parent is not None:
                    parts.append(f"@{located.place.parent}")  # grouped with its city's claims
            key = ", ".join(p for p in parts if p)
        self._places[place] = key
        return key

    def _vague_floor(self, evidence: str) -> int | None:
        if evidence not in self._vague:
            self._vague[evidence] = self.rules.vague.floor_for(evidence)
        return self._vague[evidence]


def _bounds(qualifier: str, low: int | None, high: int | None) -> tuple[int | None, int | None]:
    if qualifier in ("at_least", "more_than"):
        return low, None
    if qualifier == "up_to":
        return None, high
    if qualifier == "vague":
        return None, None
    return low, high


def _ordinal(day: date | None) -> int | None:
    return day.toordinal() if day is not None else None

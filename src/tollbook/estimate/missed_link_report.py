"""What the correction for missed links did to an estimate from the database, in figures
and in words (pure; :mod:`tollbook.estimate.missed_links` draws the correction)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tollbook.estimate.results import JsonValue

Figure = tuple[float, float | None, float | None]


@dataclass(frozen=True)
class MissedLinkReport:
    """The candidate merges of the clustering as linked (count and Σ p), the calibration
    factor's distribution, what the imputations merged, and each method's figure with
    and without the correction."""

    mode: str
    candidates: int
    candidates_sum: float
    calibration: str = ""
    decisions_confirmed: int = 0
    decisions_split: int = 0
    #: decisions on the pairs of a calibration sample (``tollbook lists review-sample``)
    sample_confirmed: int = 0
    sample_split: int = 0
    merges: tuple[float, float] = (math.nan, math.nan)
    merges_mean: float = math.nan
    factors: tuple[float, float] = (math.nan, math.nan)
    persons: tuple[float, float] = (math.nan, math.nan)
    with_correction: Mapping[str, Figure] = field(default_factory=dict)
    without_correction: Mapping[str, Figure] = field(default_factory=dict)

    def statement(self) -> str:
        head = (
            f"Missed links: {self.candidates:,} pairs of persons are kept apart though a "
            f"stored pair joins them (sum of their highest probabilities "
            f"{self.candidates_sum:,.0f})"
        )
        if self.mode != "draw":
            return head + "; no correction for missed links was drawn (--missed-links off)."
        decisions = (
            f"{self.decisions_confirmed:,} confirmed and {self.decisions_split:,} split by review"
            if self.decisions_confirmed or self.decisions_split
            else "no review decision on such pairs"
        )
        sampled = self.sample_confirmed + self.sample_split
        decisions += (
            f"; {sampled:,} calibration-sample decisions, {self.sample_confirmed:,} confirmed"
            if sampled
            else "; no calibration sample reviewed (tollbook lists review-sample)"
        )
        figures = "; ".join(
            f"{method} {_figure(self.with_correction[method])} with the correction, "
            f"{_figure(self.without_correction[method])} without"
            for method in self.with_correction
            if method in self.without_correction
        )
        return (
            f"{head}. Each imputation merged each with probability f x p, the calibration "
            f"factor f drawn from {self.calibration} ({decisions}): "
            f"{self.merges_mean:,.0f} merges on average ({_whole(self.merges[0])}–"
            f"{_whole(self.merges[1])}; f {self.factors[0]:.2f}–{self.factors[1]:.2f}; "
            f"persons {_whole(self.persons[0])}–{_whole(self.persons[1])})"
            + (f". {figures}." if figures else ".")
        )

    def to_dict(self) -> dict[str, JsonValue]:
        def r(value: float | None) -> float | None:
            return None if value is None or not math.isfinite(value) else round(value, 3)

        def figures(of: Mapping[str, Figure]) -> dict[str, JsonValue]:
            return {m: [r(v) for v in f] for m, f in of.items()}

        return {
            "mode": self.mode,
            "candidates": self.candidates,
            "candidates_probability_sum": r(self.candidates_sum),
            "calibration": self.calibration,
            "decisions_confirmed": self.decisions_confirmed,
            "decisions_split": self.decisions_split,
            "calibration_decisions": self.sample_confirmed + self.sample_split,
            "calibration_confirmed": self.sample_confirmed,
            "calibration_split": self.sample_split,
            "merges": [r(self.merges[0]), r(self.merges[1])],
            "merges_mean": r(self.merges_mean),
            "factors": [r(self.factors[0]), r(self.factors[1])],
            "persons": [r(self.persons[0]), r(self.persons[1])],
            "with_correction": figures(self.with_correction),
            "without_correction": figures(self.without_correction),
            "statement": self.statement(),
        }

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> MissedLinkReport:
        def pair(key: str) -> tuple[float, float]:
            low, high = data.get(key) or [None, None]
            return (
                math.nan if low is None else float(low),
                math.nan if high is None else float(high),
            )

        def figures(key: str) -> dict[str, Figure]:
            out: dict[str, Figure] = {}
            for method, values in dict(data.get(key) or {}).items():
                point, lower, upper = values
                out[str(method)] = (
                    math.nan if point is None else float(point),
                    None if lower is None else float(lower),
                    None if upper is None else float(upper),
                )
            return out

        mean = data.get("merges_mean")
        return MissedLinkReport(
            mode=str(data.get("mode", "off")),
            candidates=int(data.get("candidates", 0)),
            candidates_sum=float(data.get("candidates_probability_sum") or 0.0),
            calibration=str(data.get("calibration", "")),
            decisions_confirmed=int(data.get("decisions_confirmed", 0)),
            decisions_split=int(data.get("decisions_split", 0)),
            sample_confirmed=int(data.get("calibration_confirmed", 0)),
            sample_split=int(data.get("calibration_split", 0)),
            merges=pair("merges"),
            merges_mean=math.nan if mean is None else float(mean),
            factors=pair("factors"),
            persons=pair("persons"),
            with_correction=figures("with_correction"),
            without_correction=figures("without_correction"),
        )


def _whole(value: float | None) -> str:
    return "-" if value is None or not math.isfinite(value) else f"{value:,.0f}"


def _figure(f: Figure) -> str:
    point, lower, upper = f
    return f"{_whole(point)} ({_whole(lower)}–{_whole(upper)})"

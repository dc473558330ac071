"""What every estimation method returns: a figure, its interval, and how it was reached."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

#: ``models`` is not run: it is the range across the other two (``estimate/model_range.py``).
Method = Literal["loglinear", "lcmcr", "models"]
METHODS: tuple[Method, ...] = ("loglinear", "lcmcr")

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


@dataclass(frozen=True)
class Estimate:
    """An estimated total (seen and unseen) for one table, by one method.

    ``lower`` and ``upper`` bound the interval named by ``interval``; ``upper`` is None when
    the data cannot fix an upper end. ``draws`` (not shown to people) are posterior or
    bootstrap draws of the total, kept so that strata can be summed.
    """

    method: Method
    observed: int
    estimate: float
    lower: float | None
    upper: float | None
    interval: str
    model: str
    diagnostics: Mapping[str, JsonValue] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    draws: npt.NDArray[np.float64] | None = field(default=None, compare=False, repr=False)

    @property
    def missed(self) -> float:
        """Estimated number of people on no list."""
        return self.estimate - self.observed

    def to_dict(self) -> dict[str, JsonValue]:
        return {
            "method": self.method,
            "observed": self.observed,
            "estimate": _round(self.estimate),
            "missed": _round(self.missed),
            "lower": _round(self.lower),
            "upper": _round(self.upper),
            "interval": self.interval,
            "model": self.model,
            "diagnostics": dict(self.diagnostics),
            "warnings": list(self.warnings),
        }


def _round(value: float | None) -> float | None:
    if value is None or not np.isfinite(value):
        return None
    return round(float(value), 1)

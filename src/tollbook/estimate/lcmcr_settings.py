"""The settings of the latent class model (:mod:`tollbook.estimate.lcmcr`), apart from its
sampler: building them, as every estimate's settings do, loads neither Numba nor SciPy."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LcmcrSettings:
    """Model and sampler settings; the model defaults are LCMCR's, with ``K* = 10`` classes.

    ``draws`` are kept per chain, one every ``thin`` sweeps, after ``burn_in`` sweeps. The
    number missed mixes slowly (about one effective draw per 800 sweeps on the Kosovo
    table), hence the long thinning. Chains run in up to ``threads`` threads (default: one
    per processor); the draws do not depend on it.
    """

    classes: int = 10
    a_alpha: float = 0.25
    b_alpha: float = 0.25
    chains: int = 4
    draws: int = 2_500
    burn_in: int = 10_000
    thin: int = 50
    seed: int = 1
    level: float = 0.95
    threads: int | None = None

    def __post_init__(self) -> None:
        if self.classes < 1 or self.chains < 1 or self.draws < 1 or self.thin < 1:
            raise ValueError("classes, chains, draws and thin must be positive")
        if self.burn_in < 0:
            raise ValueError("burn_in cannot be negative")
        if not 0 < self.level < 1:
            raise ValueError("level must be between 0 and 1")

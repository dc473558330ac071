"""The most an estimate may ask of the machine: LCMCR's chains, draws, burn-in and
thinning, and the log-linear bootstrap. One estimate runs at a time and holds the only
place, so a run of hours (100,000 draws thinned by 1,000 in 64 chains) is refused with a
message naming the setting, on the command line and in the web app alike.

The defaults (4 chains of 2,500 draws, one kept in 50 sweeps after 10,000) make 540,000
sweeps; :data:`MAX_SWEEPS` allows about seven times that.
"""

from __future__ import annotations

MAX_CHAINS = 16
MAX_DRAWS = 20_000
MAX_BURN_IN = 200_000
MAX_THIN = 1_000
MAX_CLASSES = 100
MAX_BOOTSTRAP = 10_000
#: chains x (burn-in + draws x thin): every sweep of every chain.
MAX_SWEEPS = 4_000_000


def ceiling_problem(
    *,
    chains: int,
    draws: int,
    burn_in: int,
    thin: int,
    classes: int = 10,
    bootstrap: int = 0,
) -> str | None:
    """``"setting: why"`` for the first setting over its ceiling, or None."""
    for name, value, most in (
        ("chains", chains, MAX_CHAINS),
        ("draws", draws, MAX_DRAWS),
        ("burn_in", burn_in, MAX_BURN_IN),
        ("thin", thin, MAX_THIN),
        ("classes", classes, MAX_CLASSES),
        ("bootstrap", bootstrap, MAX_BOOTSTRAP),
    ):
        if value > most:
            return f"{name}: {value:,} is over the most allowed, {most:,}"
    sweeps = chains * (burn_in + draws * thin)
    if sweeps > MAX_SWEEPS:
        return (
            f"draws: {chains:,} chains x ({burn_in:,} burn-in + {draws:,} draws x {thin:,} "
            f"thin) make {sweeps:,} sweeps, over the most allowed, {MAX_SWEEPS:,}; "
            "ask for fewer draws, less thinning or fewer chains"
        )
    return None

"""Drawing charts in a server: one at a time, with text taken as written.

Matplotlib keeps global state (its settings, pyplot's figures), so the toll charts,
trench plans and estimate charts of every request are drawn under one lock; and its
mathtext would read a ``$`` in a place or list name as the start of a formula (and
fail), so names are set as plain text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_LOCK = threading.Lock()


@contextmanager
def drawing(settings: dict[str, Any] | None = None) -> Iterator[None]:
    """Hold the drawing lock with matplotlib's rc ``settings`` and plain-text names."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import rc_context

    chosen: dict[str, Any] = {"text.parse_math": False}
    chosen.update(settings or {})
    with _LOCK, rc_context(chosen):  # type: ignore[arg-type]
        yield

"""The colour of a body by its status, the same on the printed trench plan
(:mod:`tollbook.exchange.trench_plan`) and the plan read on a screen
(:mod:`tollbook.exchange.trench_map`); kept apart so the screen's plan needs no matplotlib."""

from __future__ import annotations

STATUS_COLOURS: dict[str, str] = {
    "buried": "#9e9e9e",
    "identified": "#4caf50",
    "exhumed": "#ff9800",
}
#: A status without a colour of its own.
OTHER_COLOUR = "#bdbdbd"

"""A chart of a place's toll over time, as SVG or PNG (matplotlib, no display needed).

- the documented count: a band from the running sum of incident minimums to that of
  maximums;
- the official cumulative figures as a line, other reported cumulative figures dashed;
- estimates as points, with a bar from low to high for ranges.

Figures with no date cannot be placed on the time axis and are left out (the chart says
how many). The same toll gives the same file: no timestamps are written into it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import numpy.typing as npt
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from tollbook.domain.toll import SeriesPoint, Toll
from tollbook.exchange.claim_files import figure_text

CHART_FORMATS = ("svg", "png")

_DOCUMENTED = "#4c72b0"
_OFFICIAL = "#c44e52"
_REPORTED = "#8c8c8c"
_ESTIMATE = "#dd8452"


def chart_format(path: Path) -> str:
    """``svg`` or ``png`` from the file name; ValueError for anything else."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in CHART_FORMATS:
        raise ValueError(f"{path}: the chart is written as .svg or .png, not {path.suffix!r}")
    return suffix


def write_toll_chart(toll: Toll, path: Path) -> None:
    """Draw ``toll`` into ``path`` (.svg or .png)."""
    fmt = chart_format(path)
    metadata: dict[str, str | None] = {"Date": None} if fmt == "svg" else {"Software": None}
    # a fixed salt makes the SVG's element ids, and so the file, the same every time
    with rc_context({"svg.hashsalt": "tollbook"}):
        toll_figure(toll).savefig(path, format=fmt, metadata=metadata, dpi=120)


def toll_figure(toll: Toll) -> Figure:
    figure = Figure(figsize=(9, 5), layout="constrained")
    axes = figure.add_subplot()
    left_out = 0

    documented = list(toll.documented)
    if documented:
        # carry the running sum on to the last day the chart shows
        last = _last_day(toll)
        if last > documented[-1].date:
            documented.append(replace(documented[-1], date=last))
        days = _days([p.date for p in documented])
        lows = [p.low for p in documented]
        highs = [p.high for p in documented]
        axes.fill_between(
            days,
            lows,
            highs,
            step="post",
            color=_DOCUMENTED,
            alpha=0.25,
            label="documented (incident min–max)",
        )
        axes.step(days, lows, where="post", color=_DOCUMENTED, linewidth=1.5)
        if highs != lows:
            axes.step(days, highs, where="post", color=_DOCUMENTED, linewidth=0.8)
    left_out += toll.undated_incidents

    for points, colour, style, label in (
        (toll.official, _OFFICIAL, "-", "official cumulative"),
        (toll.reported, _REPORTED, "--", "reported cumulative"),
    ):
        dated = [p for p in points if p.date is not None and _value(p) is not None]
        left_out += len(points) - len(dated)
        if dated:
            axes.plot(
                _days([p.date for p in dated]),
                [_value(p) or 0 for p in dated],
                linestyle=style,
                marker="o",
                color=colour,
                label=label,
            )

    estimates = [p for p in toll.estimates if p.date is not None and _value(p) is not None]
    left_out += len(toll.estimates) - len(estimates)
    for index, point in enumerate(estimates):
        value = _value(point)
        assert point.date is not None and value is not None
        label = "estimates" if index == 0 else "_nolegend_"
        if point.low is not None and point.high is not None and point.high > point.low:
            axes.errorbar(
                _days([point.date]),
                [point.low],
                yerr=[[0], [point.high - point.low]],
                fmt="D",
                color=_ESTIMATE,
                capsize=4,
                label=label,
            )
        else:
            marker = "v" if point.low is None else "D"
            axes.plot(_days([point.date]), [value], marker, color=_ESTIMATE, label=label)

    _decorate(axes, toll, left_out)
    return figure


def _last_day(toll: Toll) -> date:
    days = [p.date for p in toll.documented]
    days += [p.date for p in (*toll.official, *toll.reported, *toll.estimates) if p.date]
    if toll.period.end is not None:
        days.append(toll.period.end)
    return max(days)


def _days(days: list[date | None]) -> npt.NDArray[np.datetime64]:
    return np.array([d.isoformat() for d in days if d is not None], dtype="datetime64[D]")


def _value(point: SeriesPoint) -> int | None:
    return point.low if point.low is not None else point.high


def _decorate(axes: Axes, toll: Toll, left_out: int) -> None:
    period = ""
    if toll.period.bounded:
        period = f", {_day(toll.period.start)} to {_day(toll.period.end)}"
    axes.set_title(f"{toll.place}: {toll.outcome}{period}")
    axes.set_ylabel(f"people {toll.outcome}")
    axes.set_ylim(bottom=0)
    axes.margins(x=0.05)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.grid(True, alpha=0.3)
    documented = f"{toll.low:,}" if toll.low == toll.high else f"{toll.low:,}–{toll.high:,}"
    notes = [f"documented {documented} in {len(toll.incidents)} incident(s)"]
    latest = toll.latest_official
    if latest is not None and _value(latest) is not None:
        figure = figure_text(latest.low, latest.high, latest.qualifier)
        notes.append(f"latest official {figure} ({_day(latest.date)})")
    if left_out:
        notes.append(f"{left_out} undated figure(s) not shown")
    axes.text(
        0.01, 0.99, "\n".join(notes), transform=axes.transAxes, va="top", ha="left", fontsize=8
    )
    if axes.get_legend_handles_labels()[0]:
        axes.legend(loc="upper left", bbox_to_anchor=(0.0, 0.88), fontsize=8)
    else:
        axes.text(0.5, 0.5, "no dated figures", transform=axes.transAxes, ha="center")


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else "?"

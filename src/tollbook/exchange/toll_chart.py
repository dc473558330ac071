"""A chart of a place's toll over time, as SVG or PNG (matplotlib, no display needed).

- the documented count: a band from the running sum of incident minimums to that of
  maximums, hatched where it rests on unreviewed machine claims, with the part a person
  reviewed drawn solid beneath it;
- the official cumulative figures as a line, other reported cumulative figures dashed;
- estimates as points, with a bar from low to high for ranges;
- incidents held back because they look like running totals, as crosses;
- every figure nobody reviewed has a hollow marker (the legend says so).

Figures with no date cannot be placed on the time axis and are left out (the chart says
how many). The same toll gives the same file: no timestamps are written into it.

Its words are English unless a ``gettext`` is given (the web page's or the command line's
language): they are in the catalogs of :mod:`tollbook.catalogs`, written ``_("...")`` here.
"""

from __future__ import annotations

from collections.abc import Callable
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

from tollbook.count.tolls import documented_series
from tollbook.domain.toll import DocumentedPoint, SeriesPoint, Toll
from tollbook.exchange.claim_files import figure_text

CHART_FORMATS = ("svg", "png")

_DOCUMENTED = "#4c72b0"
_OFFICIAL = "#c44e52"
_REPORTED = "#8c8c8c"
_ESTIMATE = "#dd8452"
_HELD = "#8172b2"


def chart_format(path: Path) -> str:
    """``svg`` or ``png`` from the file name; ValueError for anything else."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in CHART_FORMATS:
        raise ValueError(f"{path}: the chart is written as .svg or .png, not {path.suffix!r}")
    return suffix


Gettext = Callable[[str], str]


def _english(message: str) -> str:
    return message


def write_toll_chart(toll: Toll, path: Path, gettext: Gettext = _english) -> None:
    """Draw ``toll`` into ``path`` (.svg or .png), its words through ``gettext``."""
    fmt = chart_format(path)
    metadata: dict[str, str | None] = {"Date": None} if fmt == "svg" else {"Software": None}
    # a fixed salt makes the SVG's element ids, and so the file, the same every time
    with rc_context({"svg.hashsalt": "tollbook"}):
        toll_figure(toll, gettext).savefig(path, format=fmt, metadata=metadata, dpi=120)


def toll_figure(toll: Toll, gettext: Gettext = _english) -> Figure:
    _ = gettext
    figure = Figure(figsize=(9, 5), layout="constrained")
    axes = figure.add_subplot()
    left_out = 0

    reviewed_incidents = [i for i in toll.incidents if i.reviewed]
    reviewed_parts = [p for p in toll.parts if p.reviewed]
    everything_reviewed = not toll.unreviewed_incidents
    for series, reviewed in (
        (list(toll.documented), False),
        (list(documented_series(reviewed_incidents, reviewed_parts)), True),
    ):
        if not series or (reviewed and everything_reviewed):
            # all reviewed: the first band is drawn solid and says so
            continue
        everything = not toll.unreviewed_incidents
        _band(axes, series, _last_day(toll), reviewed, everything, _)
    left_out += toll.undated_incidents
    held = [i for i in toll.held_back if i.date is not None]
    left_out += len(toll.held_back) - len(held)
    if held:
        axes.plot(
            _days([i.date for i in held]),
            [i.high for i in held],
            "x",
            color=_HELD,
            markersize=8,
            label=_("held back: looks like a running total (unreviewed)"),
        )

    for points, colour, style, label in (
        (toll.official, _OFFICIAL, "-", _("official cumulative")),
        (toll.reported, _REPORTED, "--", _("reported cumulative")),
    ):
        dated = [p for p in points if p.date is not None and _value(p) is not None]
        left_out += len(points) - len(dated)
        if dated:
            axes.plot(
                _days([p.date for p in dated]),
                [_value(p) or 0 for p in dated],
                linestyle=style,
                color=colour,
                label=label,
            )
            _markers(axes, dated, "o", colour)

    estimates = [p for p in toll.estimates if p.date is not None and _value(p) is not None]
    left_out += len(toll.estimates) - len(estimates)
    for index, point in enumerate(estimates):
        value = _value(point)
        assert point.date is not None and value is not None
        label = _("estimates") if index == 0 else "_nolegend_"
        face = "white" if point.review_status == "unreviewed" else _ESTIMATE
        if point.low is not None and point.high is not None and point.high > point.low:
            axes.errorbar(
                _days([point.date]),
                [point.low],
                yerr=[[0], [point.high - point.low]],
                fmt="D",
                color=_ESTIMATE,
                markerfacecolor=face,
                capsize=4,
                label=label,
            )
        else:
            marker = "v" if point.low is None else "D"
            axes.plot(
                _days([point.date]),
                [value],
                marker,
                color=_ESTIMATE,
                markerfacecolor=face,
                label=label,
            )
    if _any_unreviewed(toll):
        axes.plot(
            [],
            [],
            "o",
            color="#555555",
            markerfacecolor="white",
            label=_("hollow marker: not reviewed by a person"),
        )

    _decorate(axes, toll, left_out, _)
    return figure


def _band(
    axes: Axes,
    series: list[DocumentedPoint],
    last: date,
    reviewed: bool,
    everything_reviewed: bool,
    _: Gettext,
) -> None:
    """The documented band: solid for what a person reviewed, hatched otherwise."""
    if last > series[-1].date:  # carry the running sum on to the last day shown
        series = [*series, replace(series[-1], date=last)]
    days = _days([p.date for p in series])
    lows = [p.low for p in series]
    highs = [p.high for p in series]
    solid = reviewed or everything_reviewed
    label = (
        _("documented, reviewed by a person (incident min–max)")
        if solid
        else _("documented incl. unreviewed machine claims (hatched)")
    )
    axes.fill_between(
        days,
        lows,
        highs,
        step="post",
        color=_DOCUMENTED,
        alpha=0.35 if solid else 0.12,
        hatch=None if solid else "///",
        label=label,
    )
    axes.step(days, lows, where="post", color=_DOCUMENTED, linewidth=1.5 if solid else 1.0,
              linestyle="-" if solid else ":")  # fmt: skip
    if highs != lows:
        axes.step(days, highs, where="post", color=_DOCUMENTED, linewidth=0.8)


def _markers(axes: Axes, points: list[SeriesPoint], marker: str, colour: str) -> None:
    """Filled markers for reviewed figures, hollow ones for unreviewed."""
    for reviewed in (True, False):
        chosen = [p for p in points if (p.review_status != "unreviewed") is reviewed]
        if chosen:
            axes.plot(
                _days([p.date for p in chosen]),
                [_value(p) or 0 for p in chosen],
                marker,
                color=colour,
                markerfacecolor=colour if reviewed else "white",
                linestyle="none",
            )


def _any_unreviewed(toll: Toll) -> bool:
    points = (*toll.official, *toll.reported, *toll.estimates)
    return any(p.review_status == "unreviewed" for p in points)


def _last_day(toll: Toll) -> date:
    days = [p.date for p in toll.documented]
    days += [p.date for p in (*toll.official, *toll.reported, *toll.estimates) if p.date]
    days += [i.date for i in toll.held_back if i.date is not None]
    if toll.period.end is not None:
        days.append(toll.period.end)
    return max(days)


def _days(days: list[date | None]) -> npt.NDArray[np.datetime64]:
    return np.array([d.isoformat() for d in days if d is not None], dtype="datetime64[D]")


def _value(point: SeriesPoint) -> int | None:
    return point.low if point.low is not None else point.high


def _decorate(axes: Axes, toll: Toll, left_out: int, _: Gettext) -> None:
    period = ""
    if toll.period.bounded:
        dates = {"start": _day(toll.period.start), "end": _day(toll.period.end)}
        period = ", " + _("%(start)s to %(end)s") % dates
    outcome = _(toll.outcome)
    axes.set_title(f"{toll.place}: {outcome}{period}")
    axes.set_ylabel(_("people %(outcome)s") % {"outcome": outcome})
    axes.set_ylim(bottom=0)
    axes.margins(x=0.05)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.grid(True, alpha=0.3)
    documented = f"{toll.low:,}" if toll.low == toll.high else f"{toll.low:,}–{toll.high:,}"
    notes = [
        _("documented %(figure)s in %(n)s incident(s) (incidents only)")
        % {"figure": documented, "n": len(toll.incidents)}
    ]
    if toll.unreviewed_incidents:
        reviewed = (
            f"{toll.reviewed_low:,}"
            if toll.reviewed_low == toll.reviewed_high
            else f"{toll.reviewed_low:,}–{toll.reviewed_high:,}"
        )
        notes.append(
            _("reviewed by a person %(figure)s; %(n)s incident(s) unreviewed")
            % {"figure": reviewed, "n": toll.unreviewed_incidents}
        )
    if toll.held_back:
        notes.append(
            _("%(n)s incident(s) held back: look like running totals") % {"n": len(toll.held_back)}
        )
    latest = toll.latest_official
    if latest is not None and _value(latest) is not None:
        figure = figure_text(latest.low, latest.high, latest.qualifier)
        notes.append(
            _("latest official %(figure)s (%(day)s)") % {"figure": figure, "day": _day(latest.date)}
        )
    if left_out:
        notes.append(_("%(n)s undated figure(s) not shown") % {"n": left_out})
    axes.text(
        0.01, 0.99, "\n".join(notes), transform=axes.transAxes, va="top", ha="left", fontsize=8
    )
    if axes.get_legend_handles_labels()[0]:
        # below the notes, whatever their number
        below = 0.99 - 0.045 * len(notes)
        axes.legend(loc="upper left", bbox_to_anchor=(0.0, below), fontsize=8)
    else:
        axes.text(0.5, 0.5, _("no dated figures"), transform=axes.transAxes, ha="center")


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else "?"

"""Pictures of the lists and the estimates, as matplotlib figures (the caller saves them).

- :func:`overlap_chart`: an UpSet-style chart. Bars on top count the people on exactly each
  combination of lists, marked by the dots below; bars on the left give each list's size.
- :func:`estimates_chart`: per stratum, the number seen (grey bar) and each method's
  estimate with its interval; the sum of strata and the pooled table in a second panel.

Figures are built with ``matplotlib.figure.Figure`` (no pyplot, no global state, no
display), so this stays pure; ``figure.savefig(path)`` writes SVG, PNG or PDF. Their
words are marked for the catalogs (:mod:`tollbook.domain.text`) and drawn through ``say``
(the page's or the command line's translation; English without it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from tollbook.domain.text import N_
from tollbook.estimate.report import EstimationReport
from tollbook.estimate.results import Estimate
from tollbook.estimate.tables import OverlapTable

#: Most combinations drawn in the overlap chart (the largest ones).
MAX_COMBINATIONS = 40
COLOURS = {"loglinear": "#1b6ca8", "lcmcr": "#c0392b", "models": "#333333"}
SEEN = "#bbbbbb"
Say = Callable[[str], str]


def _english(text: str) -> str:
    return str(text)


def overlap_chart(table: OverlapTable, title: str = "", say: Say = _english) -> Figure:
    """An UpSet-style chart of how the lists of ``table`` overlap."""
    combos = sorted(((p, c) for p, c in table.items() if c > 0), key=lambda pc: (-pc[1], pc[0]))[
        :MAX_COMBINATIONS
    ]
    width = max(6.0, 1.5 + 0.32 * len(combos))
    height = 2.5 + 0.35 * table.width + 2.5
    figure = Figure(figsize=(width, height), layout="constrained")
    grid = figure.add_gridspec(
        2,
        2,
        width_ratios=[1.2, max(3.0, 0.32 * len(combos))],
        height_ratios=[2.5, 0.5 + 0.35 * table.width],
    )
    bars = figure.add_subplot(grid[0, 1])
    dots = figure.add_subplot(grid[1, 1], sharex=bars)
    sizes_ax = figure.add_subplot(grid[1, 0], sharey=dots)
    note = figure.add_subplot(grid[0, 0])
    note.axis("off")
    seen = f"{table.observed:,}"
    words = N_("%(seen)s people seen\non %(lists)s lists", seen=seen, lists=table.width)
    note.text(0.0, 0.5, say(words), fontsize=11, va="center")
    xs = list(range(len(combos)))
    counts = [c for _, c in combos]
    bars.bar(xs, counts, color="#333333", width=0.7)
    for x, c in zip(xs, counts, strict=True):
        bars.text(x, c, f"{c:,}", ha="center", va="bottom", fontsize=7, rotation=90)
    bars.set_ylabel(say(N_("people on exactly\nthese lists")))
    bars.spines[["top", "right"]].set_visible(False)
    bars.tick_params(axis="x", bottom=False, labelbottom=False)
    if title:
        bars.set_title(title, loc="left")
    ys = list(range(table.width))
    for x, (pattern, _) in enumerate(combos):
        dots.scatter([x] * table.width, ys, s=40, color="#dddddd", zorder=1)
        on = [j for j in ys if pattern[j]]
        dots.scatter([x] * len(on), on, s=40, color="#333333", zorder=2)
        if len(on) > 1:
            dots.plot([x, x], [min(on), max(on)], color="#333333", linewidth=2, zorder=2)
    dots.set_yticks(ys, list(table.lists))
    dots.set_xticks([])
    dots.invert_yaxis()
    for side in ("top", "right", "bottom", "left"):
        dots.spines[side].set_visible(False)
    sizes = table.list_sizes()
    sizes_ax.barh(ys, [sizes[name] for name in table.lists], color="#777777", height=0.6)
    sizes_ax.invert_xaxis()
    sizes_ax.set_xlabel(say(N_("people on the list")))
    sizes_ax.tick_params(axis="y", left=False, labelleft=False)
    sizes_ax.spines[["top", "left"]].set_visible(False)
    return figure


def _draw_panel(
    axes: Axes,
    rows: list[tuple[str, int, list[Estimate]]],
    methods: Sequence[str],
    say: Say = _english,
) -> None:
    ys = list(range(len(rows)))
    seen = say(N_("seen"))
    axes.barh(ys, [observed for _, observed, _ in rows], color=SEEN, height=0.6, label=seen)
    offsets = {m: (i - (len(methods) - 1) / 2) * 0.22 for i, m in enumerate(methods)}
    labelled: set[str] = set()
    top = float(max([observed for _, observed, _ in rows] + [1]))
    for y, (_, _, estimates) in zip(ys, rows, strict=True):
        for e in estimates:
            if e.method not in offsets:
                continue
            yy = y + offsets[e.method]
            low = e.lower if e.lower is not None else e.estimate
            high = e.upper if e.upper is not None else e.estimate
            top = max(top, high, e.estimate)
            axes.errorbar(
                [e.estimate],
                [yy],
                xerr=[[max(e.estimate - low, 0.0)], [max(high - e.estimate, 0.0)]],
                fmt="o",
                color=COLOURS.get(e.method, "black"),
                capsize=3,
                label=e.method if e.method not in labelled else None,
            )
            if e.upper is None:
                axes.annotate(
                    "→ " + say(N_("no upper end")),
                    (e.estimate, yy),
                    fontsize=7,
                    xytext=(6, 4),
                    textcoords="offset points",
                )
            labelled.add(e.method)
    axes.set_yticks(ys, [label for label, _, _ in rows])
    axes.invert_yaxis()
    axes.set_xlim(0, top * 1.08)
    axes.set_xlabel(say(N_("number of people")))
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#eeeeee")
    axes.set_axisbelow(True)


def estimates_chart(report: EstimationReport, title: str = "", say: Say = _english) -> Figure:
    """Seen against estimated, with intervals, per stratum (and their sum)."""
    methods = sorted(
        {e.method for s in report.strata for e in s.estimates} | {e.method for e in report.totals}
    )
    strata_rows = [(s.label, s.table.observed, list(s.estimates)) for s in report.strata]
    total_rows: list[tuple[str, int, list[Estimate]]] = []
    if report.stratified:
        if report.totals:
            observed = report.totals[0].observed
            total_rows.append((say(N_("sum of strata")), observed, list(report.totals)))
        if report.pooled is not None:
            pooled = say(N_("all pooled"))
            total_rows.append((pooled, report.pooled.table.observed, list(report.pooled.estimates)))
    height = 1.5 + 0.45 * (len(strata_rows) + len(total_rows))
    figure = Figure(figsize=(8.0, max(2.8, height)), layout="constrained")
    if total_rows:
        grid = figure.add_gridspec(2, 1, height_ratios=[max(len(strata_rows), 1), len(total_rows)])
        first = figure.add_subplot(grid[0])
        second = figure.add_subplot(grid[1])
        _draw_panel(first, strata_rows, methods, say)
        _draw_panel(second, total_rows, methods, say)
        first.legend(loc="lower right", fontsize=8, frameon=False)
    else:
        first = figure.add_subplot()
        _draw_panel(first, strata_rows, methods, say)
        first.legend(loc="lower right", fontsize=8, frameon=False)
    heading = say(N_("seen, and estimated with 95% intervals"))
    first.set_title(
        f"{title}: {heading}" if title else heading[:1].upper() + heading[1:], loc="left"
    )
    return figure

"""An estimation report as a plain-text table for people at a terminal.

Its words are marked for the catalogs (:mod:`tollbook.domain.text`); ``say`` translates
each (the command line passes its ``_``, into ``$TOLLBOOK_LANG``'s language); without it
the report is in English.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from tollbook.domain.text import N_
from tollbook.estimate.report import EstimationReport, StratumResult
from tollbook.estimate.results import Estimate

Say = Callable[[str], str]

WIDTH = 100


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _english(text: str) -> str:
    return str(text)


def _interval(e: Estimate, say: Say = _english) -> str:
    if e.lower is None:
        return "-"
    upper = _number(e.upper) if e.upper is not None else say(N_("no upper end"))
    return f"{_number(e.lower)} – {upper}"


def _diagnostics(e: Estimate, say: Say = _english) -> str:
    d = e.diagnostics
    if e.method == "models":
        return say(N_("figure: LCMCR's; range: both intervals"))
    if e.method == "lcmcr":
        parts = []
        if d.get("R_hat") is not None:
            parts.append(f"R-hat {d['R_hat']}")
        if d.get("ESS_bulk") is not None:
            tail = d.get("ESS_tail")
            parts.append(f"ESS {d['ESS_bulk']:,.0f}" + (f"/{tail:,.0f}" if tail else ""))
        if "chains" in d:
            draws = f"{d['draws_per_chain']:,}"
            parts.append(say(N_("%(chains)s×%(draws)s draws", chains=d["chains"], draws=draws)))
        if "seconds" in d:
            parts.append(f"{d['seconds']} s")
        if "combined" in d:
            parts.append(str(d["combined"]))
        return "; ".join(parts)
    parts = []
    if "deviance" in d:
        deviance = f"{d['deviance']:.1f}"
        parts.append(say(N_("deviance %(deviance)s on %(df)s df", deviance=deviance, df=d["df"])))
    if "heterogeneity_weighed" in d:
        parts.append(
            say(
                N_(
                    "%(count)s models compared, with and without %(heterogeneity)s heterogeneity",
                    count=d["models_compared"],
                    heterogeneity=d["heterogeneity_weighed"],
                )
            )
        )
    elif "models_compared" in d:
        parts.append(say(N_("%(count)s models compared", count=d["models_compared"])))
    if "combined" in d:
        parts.append(str(d["combined"]))
    if "model_with_missed_link_correction" in d:
        parts.append(
            f"model with the missed-link correction {d['model_with_missed_link_correction']}"
        )
    if d.get("converged") is False:
        parts.append(say(N_("did not converge cleanly")))
    return "; ".join(parts)


def _model(e: Estimate) -> str:
    chosen = e.diagnostics.get("selected_by")
    return f"{e.model} ({chosen})" if chosen and chosen != "named" else e.model


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _rows_for(
    label: str, result: StratumResult, with_label: bool, say: Say = _english
) -> list[list[str]]:
    rows = []
    lead = [label] if with_label else []
    if not result.estimates:
        why = say(N_("refused") if result.refusals else N_("not estimated"))
        rows.append([*lead, "-", f"{result.table.observed:,}", why, "-", "-", "-", "-"])
    for e in result.estimates:
        rows.append(
            [
                *lead,
                e.method,
                f"{e.observed:,}",
                _number(e.estimate),
                _interval(e, say),
                _number(e.missed),
                _model(e),
                _diagnostics(e, say),
            ]
        )
    return rows


def render_report(report: EstimationReport, source: str | None = None, say: Say = _english) -> str:
    """The report as text: a header, the table of estimates, then notes and warnings;
    ``say`` translates its words."""
    out: list[str] = []
    sizes = {name: 0 for name in report.lists}
    for s in report.strata:
        for name, size in s.table.list_sizes().items():
            sizes[name] += size
    lists = ", ".join(f"{name} {size:,}" for name, size in sizes.items())
    head = f"{source}: " if source else ""
    seen = f"{report.observed:,}"
    summary = N_(
        "%(count)s lists (%(lists)s); %(seen)s people seen",
        count=len(report.lists),
        lists=lists,
        seen=seen,
    )
    out.append(f"{head}{say(summary)}")
    if report.stratified:
        by = ", ".join(report.by)
        out.append(say(N_("strata by %(by)s: %(count)s strata", by=by, count=len(report.strata))))
    out.append("")
    with_label = report.stratified
    header = [
        say(N_("method")),
        say(N_("observed")),
        say(N_("estimate")),
        say(N_("interval")),
        say(N_("missed")),
        say(N_("model")),
        say(N_("diagnostics")),
    ]
    if with_label:
        header = [say(N_("stratum")), *header]
    rows = [header]
    for s in report.strata:
        rows.extend(_rows_for(s.label, s, with_label, say))
    if report.stratified:
        for e in report.totals:
            rows.append(
                [
                    say(N_("SUM OF STRATA")),
                    e.method,
                    f"{e.observed:,}",
                    _number(e.estimate),
                    _interval(e, say),
                    _number(e.missed),
                    e.model,
                    _diagnostics(e, say),
                ]
            )
        if report.pooled is not None:
            rows.extend(_rows_for(say(N_("all pooled")), report.pooled, True, say))
    right = {1, 2, 3, 4} if not with_label else {2, 3, 4, 5}
    out.extend(_table(rows, right))
    if report.linkage is not None:
        out.append("")
        out.extend(textwrap.wrap(say(report.linkage.statement()), WIDTH))
        for note in report.linkage.notes:
            out.extend(textwrap.wrap(say(note), WIDTH, initial_indent="  ", subsequent_indent="  "))
    notes = _notes(report, say)
    if notes:
        out.append("")
        out.append(say(N_("warnings:")))
        for note in notes:
            out.extend(textwrap.wrap(note, WIDTH, initial_indent="  - ", subsequent_indent="    "))
    legend = _legend(report, say)
    if legend:
        out.append("")
        out.append(legend)
    return "\n".join(out)


def _all_estimates(report: EstimationReport) -> list[Estimate]:
    found = [e for s in report.strata for e in s.estimates]
    found.extend(report.totals)
    if report.pooled is not None:
        found.extend(report.pooled.estimates)
    return found


def _notes(report: EstimationReport, say: Say = _english) -> list[str]:
    notes: list[str] = []
    groups = list(report.strata)
    if report.pooled is not None:
        groups.append(report.pooled)
    for s in groups:
        where = f"{s.label}: " if report.stratified else ""
        if s is report.pooled:
            where = say(N_("all pooled")) + ": "
        unestimated = say(N_("not estimated."))
        notes.extend(f"{where}{unestimated} {say(why)}" for why in s.refusals)
        notes.extend(f"{where}{m} {unestimated} {say(why)}" for m, why in s.failures)
        notes.extend(f"{where}{say(w)}" for w in s.warnings)
        for e in s.estimates:
            notes.extend(f"{where}{e.method}: {say(w)}" for w in e.warnings)
    total = say(N_("sum of strata"))
    for e in report.totals:
        notes.extend(f"{total}: {e.method}: {say(w)}" for w in e.warnings)
    notes.extend(f"{total}: {say(n)}" for n in report.total_notes)
    return notes


def _legend(report: EstimationReport, say: Say = _english) -> str:
    kinds = sorted({f"{e.method}: {say(e.interval)}" for e in _all_estimates(report)})
    return say(N_("intervals:")) + " " + "; ".join(kinds) if kinds else ""

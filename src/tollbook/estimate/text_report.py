"""An estimation report as a plain-text table for people at a terminal."""

from __future__ import annotations

import textwrap

from tollbook.estimate.report import EstimationReport, StratumResult
from tollbook.estimate.results import Estimate

WIDTH = 100


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _interval(e: Estimate) -> str:
    if e.lower is None:
        return "-"
    upper = _number(e.upper) if e.upper is not None else "no upper end"
    return f"{_number(e.lower)} – {upper}"


def _diagnostics(e: Estimate) -> str:
    d = e.diagnostics
    if e.method == "lcmcr":
        parts = []
        if d.get("R_hat") is not None:
            parts.append(f"R-hat {d['R_hat']}")
        if d.get("ESS_bulk") is not None:
            tail = d.get("ESS_tail")
            parts.append(f"ESS {d['ESS_bulk']:,.0f}" + (f"/{tail:,.0f}" if tail else ""))
        if "chains" in d:
            parts.append(f"{d['chains']}×{d['draws_per_chain']:,} draws")
        if "seconds" in d:
            parts.append(f"{d['seconds']} s")
        if "combined" in d:
            parts.append(str(d["combined"]))
        return "; ".join(parts)
    parts = []
    if "deviance" in d:
        parts.append(f"deviance {d['deviance']:.1f} on {d['df']} df")
    if "models_compared" in d:
        parts.append(f"{d['models_compared']} models compared")
    if "combined" in d:
        parts.append(str(d["combined"]))
    if d.get("converged") is False:
        parts.append("did not converge cleanly")
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


def _rows_for(label: str, result: StratumResult, with_label: bool) -> list[list[str]]:
    rows = []
    lead = [label] if with_label else []
    if not result.estimates:
        why = "refused" if result.refusals else "not estimated"
        rows.append([*lead, "-", f"{result.table.observed:,}", why, "-", "-", "-", "-"])
    for e in result.estimates:
        rows.append(
            [
                *lead,
                e.method,
                f"{e.observed:,}",
                _number(e.estimate),
                _interval(e),
                _number(e.missed),
                _model(e),
                _diagnostics(e),
            ]
        )
    return rows


def render_report(report: EstimationReport, source: str | None = None) -> str:
    """The report as text: a header, the table of estimates, then notes and warnings."""
    out: list[str] = []
    sizes = {name: 0 for name in report.lists}
    for s in report.strata:
        for name, size in s.table.list_sizes().items():
            sizes[name] += size
    lists = ", ".join(f"{name} {size:,}" for name, size in sizes.items())
    head = f"{source}: " if source else ""
    out.append(f"{head}{len(report.lists)} lists ({lists}); {report.observed:,} people seen")
    if report.stratified:
        out.append(f"strata by {', '.join(report.by)}: {len(report.strata)} strata")
    out.append("")
    with_label = report.stratified
    header = ["method", "observed", "estimate", "interval", "missed", "model", "diagnostics"]
    if with_label:
        header = ["stratum", *header]
    rows = [header]
    for s in report.strata:
        rows.extend(_rows_for(s.label, s, with_label))
    if report.stratified:
        for e in report.totals:
            rows.append(
                [
                    "SUM OF STRATA",
                    e.method,
                    f"{e.observed:,}",
                    _number(e.estimate),
                    _interval(e),
                    _number(e.missed),
                    e.model,
                    _diagnostics(e),
                ]
            )
        if report.pooled is not None:
            rows.extend(_rows_for("all pooled", report.pooled, True))
    right = {1, 2, 3, 4} if not with_label else {2, 3, 4, 5}
    out.extend(_table(rows, right))
    if report.linkage is not None:
        out.append("")
        out.extend(textwrap.wrap(report.linkage.statement(), WIDTH))
        for note in report.linkage.notes:
            out.extend(textwrap.wrap(note, WIDTH, initial_indent="  ", subsequent_indent="  "))
    notes = _notes(report)
    if notes:
        out.append("")
        out.append("warnings:")
        for note in notes:
            out.extend(textwrap.wrap(note, WIDTH, initial_indent="  - ", subsequent_indent="    "))
    legend = _legend(report)
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


def _notes(report: EstimationReport) -> list[str]:
    notes: list[str] = []
    groups = list(report.strata)
    if report.pooled is not None:
        groups.append(report.pooled)
    for s in groups:
        where = f"{s.label}: " if report.stratified else ""
        if s is report.pooled:
            where = "all pooled: "
        notes.extend(f"{where}not estimated. {why}" for why in s.refusals)
        notes.extend(f"{where}{method} not estimated. {why}" for method, why in s.failures)
        notes.extend(f"{where}{w}" for w in s.warnings)
        for e in s.estimates:
            notes.extend(f"{where}{e.method}: {w}" for w in e.warnings)
    for e in report.totals:
        notes.extend(f"sum of strata: {e.method}: {w}" for w in e.warnings)
    notes.extend(f"sum of strata: {n}" for n in report.total_notes)
    return notes


def _legend(report: EstimationReport) -> str:
    kinds = sorted({f"{e.method}: {e.interval}" for e in _all_estimates(report)})
    return "intervals: " + "; ".join(kinds) if kinds else ""

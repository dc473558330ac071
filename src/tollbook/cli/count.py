"""Counting and review: ``incidents``, ``toll``, ``review``, ``export``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from tollbook.cli.common import fail, open_store, refused
from tollbook.cli.language import N_, _
from tollbook.count import CountRules, VagueFloors
from tollbook.domain.claim import OUTCOMES
from tollbook.domain.incident import Incident
from tollbook.domain.refusals import Refusal
from tollbook.domain.toll import PlacePart, SeriesPoint, Toll
from tollbook.exchange.claim_files import figure_text
from tollbook.exchange.geojson import (
    incident_record,
    write_incidents_geojson,
    write_incidents_json,
)
from tollbook.exchange.hxl import write_incidents_hxl
from tollbook.store.unit_of_work import UnitOfWork

T = TypeVar("T")
#: "not given" for options where None means something (``--low none`` clears low).
_UNSET = object()

_day_type = click.DateTime(formats=["%Y-%m-%d"])
_from_option = click.option(
    "--from", "start", type=_day_type, help="First day (YYYY-MM-DD), included."
)
_to_option = click.option("--to", "end", type=_day_type, help="Last day (YYYY-MM-DD), included.")
_vague_option = click.option(
    "--vague-floors",
    is_flag=True,
    help="Count vague figures at their floor (dozens 24, hundreds 200, ...); "
    "by default they are listed, not counted.",
)


def _rules(vague_floors: bool) -> CountRules:
    return CountRules(vague=VagueFloors(enabled=vague_floors))


def _date(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _run(ctx: click.Context, use: Callable[[UnitOfWork], T]) -> T:
    """Open the store, run one service, turn its refusals into ``error: ...`` and exit 1."""
    uow = open_store(ctx)
    try:
        return use(uow)
    except Refusal as error:
        refused(error)
    finally:
        uow.dispose()


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(v) for v in header], *[[str(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _range(low: int, high: int) -> str:
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


# --- incidents ----------------------------------------------------------------------


@click.command()
@click.option("--place", help="Only incidents at this place or in it, by any of its names.")
@click.option("--outcome", type=click.Choice(OUTCOMES), help="Only this outcome.")
@_from_option
@_to_option
@click.option("--sources", "show_sources", is_flag=True, help="List each incident's claims.")
@_vague_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one incident per line.")
@click.pass_context
def incidents(
    ctx: click.Context,
    place: str | None,
    outcome: str | None,
    start: datetime | None,
    end: datetime | None,
    show_sources: bool,
    vague_floors: bool,
    as_json: bool,
) -> None:
    """Group the stored claims into incidents (keeping reviewers' decisions) and list them.

    Each incident has a minimum and a maximum, its sources, and a grade: single_source,
    corroborated (independent sources agree) or contested. Unreviewed machine claims are
    marked. Running totals and estimates are not incidents: see `tollbook toll`.
    """
    from tollbook.services.incidents import list_incidents

    found = _run(
        ctx,
        lambda uow: list_incidents(
            uow, place, outcome, _date(start), _date(end), _rules(vague_floors)
        ),
    )
    if as_json:
        for incident in found:
            click.echo(json.dumps(incident_record(incident), ensure_ascii=False))
        return
    if not found:
        click.echo(
            _("no incidents match") if place or outcome or start or end else _("no incidents")
        )
        return
    click.echo(_incident_table(found))
    if show_sources:
        for incident in found:
            click.echo("\n" + _("incident %(id)s:", id=incident.id))
            click.echo(_sources_table(incident))
    unreviewed = sum(1 for i in found if not i.reviewed)
    summary = _(
        "%(n)s incident(s), %(unreviewed)s with unreviewed machine claims (marked *)",
        n=len(found),
        unreviewed=unreviewed,
    )
    click.echo("\n" + summary)
    if any(i.looks_cumulative for i in found):
        click.echo(
            _(
                "! its figure looks like a running total: held back from the documented count "
                "until a person confirms its claims (docs/counting.md)"
            )
        )


def _incident_table(found: Sequence[Incident]) -> str:
    rows = [
        (
            f"{i.id}{'' if i.reviewed else '*'}",
            i.date.isoformat() if i.date else "-",
            i.place or "-",
            i.outcome,
            _range(i.low, i.high),
            i.grade
            + (" (set)" if i.grade_set_by else "")
            + (
                " !held back"
                if i.held_back
                else " !flagged"
                if i.looks_cumulative
                else " !smaller event"
                if i.doubtful
                else ""
            ),
            len(i.source_keys),
            " ".join(map(str, i.claim_ids)),
            (i.event or "-")[:40],
        )
        for i in found
    ]
    header = ("id", "date", "place", "outcome", "min–max", "grade", "sources", "claims", "event")
    return _table(header, rows)


def _sources_table(incident: Incident) -> str:
    rows = [
        (
            s.claim_id,
            figure_text(s.low, s.high, s.qualifier)
            + (" (superseded)" if s.superseded else "")
            + (f" [{s.victims}]" if s.subgroup else ""),
            s.publisher or f"report {s.article}",
            (s.attributed_to or "-")[:30],
            s.kind,
            s.review_status,
            s.evidence[:60],
        )
        for s in incident.sources
    ]
    return _table(("claim", "figure", "source", "said by", "kind", "review", "evidence"), rows)


# --- toll ---------------------------------------------------------------------------


@click.command()
@click.argument("place")
@click.option("--outcome", type=click.Choice(OUTCOMES), default="killed", show_default=True)
@_from_option
@_to_option
@_vague_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.option(
    "--chart",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also draw the toll over time into this .svg or .png file.",
)
@click.pass_context
def toll(
    ctx: click.Context,
    place: str,
    outcome: str,
    start: datetime | None,
    end: datetime | None,
    vague_floors: bool,
    as_json: bool,
    chart: Path | None,
) -> None:
    """The toll of PLACE: the documented count beside the official figure and estimates.

    The documented count sums the incidents' minimums and maximums; cumulative figures
    ("1,200 since the invasion") are shown beside it, never added to it.
    """
    from tollbook.exchange.toll_chart import chart_format, write_toll_chart
    from tollbook.services.tolls import place_toll

    if chart is not None:
        try:
            chart_format(chart)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--chart") from None
    found = _run(
        ctx,
        lambda uow: place_toll(uow, place, outcome, _date(start), _date(end), _rules(vague_floors)),
    )
    if chart is not None:
        try:
            write_toll_chart(found, chart, _)
        except OSError as error:
            fail(
                _("%(path)s: cannot write: %(reason)s", path=chart, reason=error.strerror or error)
            )
    if as_json:
        click.echo(json.dumps(toll_record(found), ensure_ascii=False))
    else:
        click.echo(_toll_text(found))
    if chart is not None:
        click.echo(_("chart written to %(path)s", path=chart), err=True)


def toll_record(found: Toll) -> dict[str, Any]:
    """A toll as a JSON-ready dict."""
    latest = found.latest_official
    reported = found.latest_reported
    return {
        "place": found.place,
        "outcome": found.outcome,
        "from": _iso(found.period.start),
        "to": _iso(found.period.end),
        "documented": {
            "min": found.low,
            "max": found.high,
            "incidents": len(found.incidents),
            "contested_incidents": found.contested_incidents,
            "undated_incidents": found.undated_incidents,
            "unreviewed_incidents": found.unreviewed_incidents,
            "reviewed_min": found.reviewed_low,
            "reviewed_max": found.reviewed_high,
            "series": [
                {"date": p.date.isoformat(), "min": p.low, "max": p.high, "incidents": p.incidents}
                for p in found.documented
            ],
            "flagged_incidents": len(found.flagged_incidents),
            # counted, unreviewed: a smaller event of a report that tells a larger one
            "smaller_events": {
                "min": found.doubtful_low,
                "max": found.doubtful_high,
                "incidents": [i.id for i in found.doubtful],
            },
        },
        # beside the documented count, never added to it
        "held_back": {
            "min": found.held_back_low,
            "max": found.held_back_high,
            "incidents": [incident_record(i) for i in found.held_back],
        },
        # areas named after the place, not counted in it ("Malatya province")
        "named_alike": [
            {"place": a.place, "min": a.low, "max": a.high, "incidents": a.incidents}
            for a in found.named_alike
        ],
        # parts of wider incidents placed here, counted in "documented"
        "parts": [_part(p) for p in found.parts],
        "latest_official": _point(latest) if latest is not None else None,
        "latest_reported": _point(reported) if reported is not None else None,
        "official": [_point(p) for p in found.official],
        "reported": [_point(p) for p in found.reported],
        "estimates": [_point(p) for p in found.estimates],
        "subgroups": [_point(p) for p in found.subgroups],
        "vague_rule": found.vague_rule,
        "incidents": [incident_record(i) for i in found.incidents],
    }


def _part(part: PlacePart) -> dict[str, Any]:
    return {
        "place": part.place,
        "min": part.low,
        "max": part.high,
        "added_min": part.added_low,
        "added_max": part.added_high,
        "date": _iso(part.date),
        "claim_id": part.claim_id,
        "reviewed": part.reviewed,
        "incident_id": part.incident_id,
        "incident_place": part.incident_place,
        "incident_min": part.incident_low,
        "incident_max": part.incident_high,
    }


def _point(point: SeriesPoint) -> dict[str, Any]:
    return {
        "series": point.series,
        "date": _iso(point.date),
        "low": point.low,
        "high": point.high,
        "qualifier": point.qualifier,
        "scope": point.scope,
        "kind": point.kind,
        "claim_id": point.claim_id,
        "report_id": point.report_id,
        "article": point.article,
        "publisher": point.publisher,
        "attributed_to": point.attributed_to,
        "when": point.when,
        "victims": point.victims,
        "subgroup": point.subgroup,
        "part_of": point.part_of,
        "review_status": point.review_status,
        "evidence": point.evidence,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


#: The rule a toll states when vague figures are not counted (``count.rules``), so that
#: the note reads in the command line's language.
VAGUE_NOT_COUNTED = N_("vague figures (dozens, hundreds, many...) are listed but not counted")


def _toll_text(found: Toll) -> str:
    period = _("all dates")
    if found.period.bounded:
        period = _(
            "%(start)s to %(end)s",
            start=_iso(found.period.start) or "…",
            end=_iso(found.period.end) or "…",
        )
    lines = [f"{found.place} — {_(found.outcome)}, {period}"]
    documented = _(
        "documented: %(figure)s in %(n)s incident(s)",
        figure=_range(found.low, found.high),
        n=len(found.incidents),
    )
    if found.parts:
        documented += _(" and %(n)s part(s) of wider incidents", n=len(found.parts))
    if found.contested_incidents:
        documented += _(", %(n)s contested", n=found.contested_incidents)
    if found.undated_incidents:
        documented += _(", %(n)s undated", n=found.undated_incidents)
    lines.append(documented + _(" — incidents only"))
    for part in found.parts:
        lines.append(
            "  "
            + _(
                "part of a wider incident: %(figure)s at %(place)s (claim %(claim)s), of "
                "incident %(incident)s: %(total)s at %(wider)s, %(day)s",
                figure=_range(part.low, part.high),
                place=part.place,
                claim=part.claim_id,
                incident=part.incident_id if part.incident_id is not None else "-",
                total=_range(part.incident_low, part.incident_high),
                wider=part.incident_place or "-",
                day=_iso(part.date) or "undated",
            )
            + (
                ""
                if (part.added_low, part.added_high) == (part.low, part.high)
                else " "
                + _(
                    "(adds %(figure)s to the incidents counted here)",
                    figure=_range(part.added_low, part.added_high),
                )
            )
        )
    for alike in found.named_alike:
        lines.append(
            "  "
            + _(
                "not counted here: %(figure)s in %(n)s incident(s) at %(place)s, an area "
                "named after this place (ask for its toll by that name)",
                figure=_range(alike.low, alike.high),
                n=alike.incidents,
                place=alike.place,
            )
        )
    if found.unreviewed_incidents:
        lines.append(
            "  "
            + _(
                "of which reviewed by a person: %(figure)s (%(n)s incident(s) rest on "
                "unreviewed machine claims)",
                figure=_range(found.reviewed_low, found.reviewed_high),
                n=found.unreviewed_incidents,
            )
        )
    if found.doubtful:
        lines.append(
            "  "
            + _(
                "of which %(figure)s in %(n)s unreviewed incident(s) that are a smaller event "
                "of a report telling a larger one: perhaps the same event told again; check "
                "them first",
                figure=_range(found.doubtful_low, found.doubtful_high),
                n=len(found.doubtful),
            )
        )
    for incident in found.flagged_incidents:
        lines.append(
            "  "
            + _(
                "incident %(id)s: %(figure)s looks like a running total (%(guard)s); "
                "confirmed by a person, counted",
                id=incident.id,
                figure=_range(incident.low, incident.high),
                guard=incident.running_total_guard,
            )
        )
    lines.append(_("beside the documented count, never added to it:"))
    if found.held_back:
        lines.append(
            "  "
            + _(
                "held back: %(figure)s in %(n)s unreviewed incident(s) that look like running "
                "totals (confirm them to count them, or edit their scope to cumulative)",
                figure=_range(found.held_back_low, found.held_back_high),
                n=len(found.held_back),
            )
        )
        for incident in found.held_back:
            day = _iso(incident.date) or "undated"
            claims = " ".join(map(str, incident.claim_ids))
            lines.append(
                f"    incident {incident.id}: {_range(incident.low, incident.high)} ({day}; "
                f"claims {claims}): {incident.running_total_guard}"
            )
    latest = found.latest_official
    if latest is not None:
        lines.append("  " + _("latest official cumulative: %(figure)s", figure=_figure(latest)))
    else:
        lines.append("  " + _("latest official cumulative: none reported"))
    for title, points in (
        (N_("official running totals"), found.official),
        (N_("other reported running totals"), found.reported),
        (N_("estimates"), found.estimates),
        (N_("part of the victims (never the headline)"), found.subgroups),
    ):
        if points:
            lines.append(f"  {_(title)}:")
            lines.extend(f"    {_figure(p)}" for p in points)
    if found.documented:
        lines.append(_("documented over time (running sum of incidents):"))
        lines.extend(f"  {p.date.isoformat()}  {_range(p.low, p.high)}" for p in found.documented)
    lines.append(_("note: %(message)s", message=_(found.vague_rule)))
    return "\n".join(lines)


def _figure(point: SeriesPoint) -> str:
    source = point.publisher or f"report {point.article}"
    said = f", {point.attributed_to}" if point.attributed_to else ""
    mark = " [unreviewed]" if point.review_status == "unreviewed" else ""
    victims = f" {point.victims}" if point.subgroup else ""
    part = f", part of claim {point.part_of}" if point.part_of is not None else ""
    return (
        f"{figure_text(point.low, point.high, point.qualifier)}{victims} "
        f"({_iso(point.date) or 'undated'}; {source}{said}; claim {point.claim_id}{part}){mark}"
    )


# --- export -------------------------------------------------------------------------


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["hxl", "json", "geojson"]),
    required=True,
    help="hxl: CSV with HXL hashtags; json: an array of incidents; geojson: a FeatureCollection.",
)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Default: stdout.")
@click.option("--place", help="Only incidents at this place.")
@click.option("--outcome", type=click.Choice(OUTCOMES), help="Only this outcome.")
@_from_option
@_to_option
@_vague_option
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    out: Path | None,
    place: str | None,
    outcome: str | None,
    start: datetime | None,
    end: datetime | None,
    vague_floors: bool,
) -> None:
    """Export the incidents: CSV with HXL hashtags, JSON, or GeoJSON."""
    from tollbook.services.incidents import list_incidents

    found = _run(
        ctx,
        lambda uow: list_incidents(
            uow, place, outcome, _date(start), _date(end), _rules(vague_floors)
        ),
    )
    writers: dict[str, Callable[[Sequence[Incident], IO[str]], int]] = {
        "hxl": write_incidents_hxl,
        "json": write_incidents_json,
        "geojson": write_incidents_geojson,
    }
    with _output(out) as handle:
        written = writers[fmt](found, handle)
    if out is not None:
        click.echo(_("%(n)s incident(s) written to %(path)s", n=written, path=out), err=True)


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as error:
        fail(_("%(path)s: cannot write: %(strerror)s", path=path, strerror=error.strerror))
    with handle:
        yield handle


__all__ = ["export", "incidents", "toll", "toll_record"]

"""Counting and review: ``incidents``, ``toll``, ``review``, ``export``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from tollbook.cli.common import ACTOR_ENV, default_actor, fail, open_store
from tollbook.count import CountRules, VagueFloors
from tollbook.domain.claim import KINDS, OUTCOMES, QUALIFIERS, SCOPES
from tollbook.domain.incident import GRADES, Incident
from tollbook.domain.toll import SeriesPoint, Toll
from tollbook.exchange.claim_files import figure_text
from tollbook.exchange.geojson import (
    incident_record,
    write_incidents_geojson,
    write_incidents_json,
)
from tollbook.exchange.hxl import write_incidents_hxl
from tollbook.store.records import StoredClaim
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
    from tollbook.services.claims import InvalidQuery
    from tollbook.services.incidents import UnknownIncident
    from tollbook.services.review import ReviewError

    uow = open_store(ctx)
    try:
        return use(uow)
    except (InvalidQuery, ReviewError, UnknownIncident) as error:
        fail(str(error.args[0]) if error.args else str(error))
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
@click.option("--place", help="Only incidents at this place (whole name, any letter case).")
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
        click.echo("no incidents" + (" match" if place or outcome or start or end else ""))
        return
    click.echo(_incident_table(found))
    if show_sources:
        for incident in found:
            click.echo(f"\nincident {incident.id}:")
            click.echo(_sources_table(incident))
    unreviewed = sum(1 for i in found if not i.reviewed)
    click.echo(
        f"\n{len(found)} incident(s), {unreviewed} with unreviewed machine claims (marked *)"
    )


def _incident_table(found: Sequence[Incident]) -> str:
    rows = [
        (
            f"{i.id}{'' if i.reviewed else '*'}",
            i.date.isoformat() if i.date else "-",
            i.place or "-",
            i.outcome,
            _range(i.low, i.high),
            i.grade + (" (set)" if i.grade_set_by else ""),
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
            write_toll_chart(found, chart)
        except OSError as error:
            fail(f"{chart}: cannot write: {error.strerror or error}")
    if as_json:
        click.echo(json.dumps(toll_record(found), ensure_ascii=False))
    else:
        click.echo(_toll_text(found))
    if chart is not None:
        click.echo(f"chart written to {chart}", err=True)


def toll_record(found: Toll) -> dict[str, Any]:
    """A toll as a JSON-ready dict."""
    latest = found.latest_official
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
        },
        "latest_official": _point(latest) if latest is not None else None,
        "official": [_point(p) for p in found.official],
        "reported": [_point(p) for p in found.reported],
        "estimates": [_point(p) for p in found.estimates],
        "vague_rule": found.vague_rule,
        "incidents": [incident_record(i) for i in found.incidents],
    }


def _point(point: SeriesPoint) -> dict[str, Any]:
    return {
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
        "review_status": point.review_status,
        "evidence": point.evidence,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _toll_text(found: Toll) -> str:
    period = "all dates"
    if found.period.bounded:
        period = f"{_iso(found.period.start) or '…'} to {_iso(found.period.end) or '…'}"
    lines = [f"{found.place} — {found.outcome}, {period}"]
    count = len(found.incidents)
    lines.append(
        f"documented: {_range(found.low, found.high)} in {count} incident(s)"
        + (f", {found.contested_incidents} contested" if found.contested_incidents else "")
        + (f", {found.undated_incidents} undated" if found.undated_incidents else "")
    )
    if found.unreviewed_incidents:
        lines.append(
            f"  of which reviewed by a person: {_range(found.reviewed_low, found.reviewed_high)}"
            f" ({found.unreviewed_incidents} incident(s) rest on unreviewed machine claims)"
        )
    latest = found.latest_official
    if latest is not None:
        lines.append(
            f"latest official cumulative: {_figure(latest)} — beside the documented count, "
            "never added to it"
        )
    else:
        lines.append("latest official cumulative: none reported")
    for title, points in (
        ("official cumulative figures", found.official),
        ("other reported cumulative figures", found.reported),
        ("estimates", found.estimates),
    ):
        if points:
            lines.append(f"{title}:")
            lines.extend(f"  {_figure(p)}" for p in points)
    if found.documented:
        lines.append("documented over time (running sum of incidents):")
        lines.extend(f"  {p.date.isoformat()}  {_range(p.low, p.high)}" for p in found.documented)
    lines.append(f"note: {found.vague_rule}")
    return "\n".join(lines)


def _figure(point: SeriesPoint) -> str:
    source = point.publisher or f"report {point.article}"
    said = f", {point.attributed_to}" if point.attributed_to else ""
    mark = " [unreviewed]" if point.review_status == "unreviewed" else ""
    return (
        f"{figure_text(point.low, point.high, point.qualifier)} "
        f"({_iso(point.date) or 'undated'}; {source}{said}; claim {point.claim_id}){mark}"
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
        click.echo(f"{written} incident(s) written to {out}", err=True)


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as error:
        fail(f"{path}: cannot write: {error.strerror}")
    with handle:
        yield handle


# --- review -------------------------------------------------------------------------


def _actor_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--actor",
        default=default_actor,
        show_default=f"${ACTOR_ENV}, else the OS user",
        help="Who is making the change (written to the audit log).",
    )(f)


def _need_actor(actor: str | None) -> str:
    if not actor or not actor.strip():
        raise click.UsageError(f"say who you are: --actor NAME (or set ${ACTOR_ENV})")
    return actor.strip()


@click.group(invoke_without_command=True)
@click.option("--place", help="Only claims about this place.")
@click.option("--limit", type=click.IntRange(min=0), default=None)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@click.pass_context
def review(ctx: click.Context, place: str | None, limit: int | None, as_json: bool) -> None:
    """Review claims and incident groupings; without a subcommand, list unreviewed claims.

    Every change names its actor and is audited (who, when, before, after); the counts
    follow the reviewed state.
    """
    if ctx.invoked_subcommand is not None:
        return
    from tollbook.services.review import list_unreviewed

    found = _run(ctx, lambda uow: list_unreviewed(uow, place=place, limit=limit))
    if as_json:
        for stored in found:
            record = {"id": stored.id, **stored.claim.to_contract()}
            record["review_status"] = stored.review_status
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not found:
        click.echo("no unreviewed claims")
        return
    click.echo(_claims_table(found))
    click.echo(
        f"\n{len(found)} unreviewed machine claim(s). "
        "Next: tollbook review confirm ID | reject ID --reason TEXT | edit ID --low N ..."
    )


def _claims_table(found: Sequence[StoredClaim]) -> str:
    rows = [
        (
            s.id,
            s.claim.article[:20],
            s.claim.outcome,
            figure_text(s.claim.low, s.claim.high, s.claim.qualifier),
            s.claim.place or "-",
            s.claim.when or "-",
            s.claim.scope,
            s.claim.kind,
            s.claim.evidence[:70],
        )
        for s in found
    ]
    header = ("id", "report", "outcome", "figure", "place", "when", "scope", "kind", "evidence")
    return _table(header, rows)


def _claim_line(stored: StoredClaim) -> str:
    c = stored.claim
    return (
        f"claim {stored.id}: {c.outcome} {figure_text(c.low, c.high, c.qualifier)} "
        f"{c.victims}, {c.place or '-'}, {c.when or '-'}, {c.scope}, {c.kind} "
        f"[{stored.review_status}]"
    )


@review.command("confirm")
@click.argument("claim_ids", nargs=-1, required=True, type=int)
@click.option("--note", help="Why, or what was checked.")
@_actor_option
@click.pass_context
def review_confirm(
    ctx: click.Context, claim_ids: tuple[int, ...], note: str | None, actor: str | None
) -> None:
    """Confirm claims: they stand as extracted."""
    from tollbook.services.review import confirm_claim

    who = _need_actor(actor)
    for claim_id in claim_ids:
        done = _run(ctx, partial(confirm_claim, claim_id=claim_id, actor=who, note=note))
        click.echo(f"confirmed {_claim_line(done)}")


@review.command("reject")
@click.argument("claim_id", type=int)
@click.option("--reason", required=True, help="Why the claim is wrong.")
@_actor_option
@click.pass_context
def review_reject(ctx: click.Context, claim_id: int, reason: str, actor: str | None) -> None:
    """Reject a claim: it stops counting anywhere (it stays stored, with the reason)."""
    from tollbook.services.review import reject_claim

    who = _need_actor(actor)
    done = _run(ctx, lambda uow: reject_claim(uow, claim_id, reason, who))
    click.echo(f"rejected {_claim_line(done)}")


class _Figure(click.ParamType[Any]):
    """A whole number >= 0, or ``none`` to clear the figure."""

    name = "N|none"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value is _UNSET or value is None or isinstance(value, int):
            return value
        text = str(value).strip().lower()
        if text in ("none", "null", "-"):
            return None
        try:
            number = int(text.replace(",", ""))
        except ValueError:
            self.fail(f"{value!r} is not a whole number or 'none'", param, ctx)
        if number < 0:
            self.fail(f"{value!r} is negative", param, ctx)
        return number


@review.command("edit")
@click.argument("claim_id", type=int)
@click.option("--low", type=_Figure(), default=_UNSET, help="New low figure, or 'none'.")
@click.option("--high", type=_Figure(), default=_UNSET, help="New high figure, or 'none'.")
@click.option("--qualifier", type=click.Choice(QUALIFIERS))
@click.option("--outcome", type=click.Choice(OUTCOMES))
@click.option("--scope", type=click.Choice(SCOPES))
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--victims")
@click.option("--place", help="New place ('' to clear).")
@click.option("--when", help="YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD ('' to clear).")
@click.option("--attributed-to", "attributed_to", help="Who said it ('' to clear).")
@click.option("--note", help="Why the claim was changed.")
@_actor_option
@click.pass_context
def review_edit(
    ctx: click.Context, /, claim_id: int, note: str | None, actor: str | None, **fields: Any
) -> None:
    """Correct a claim's values; it then counts with them, marked edited.

    Given --low/--high without --qualifier, a qualifier that fits is chosen (equal
    figures: exact; two: range; low only: at_least; high only: up_to).
    """
    from tollbook.services.review import edit_claim

    who = _need_actor(actor)
    changes = {
        name: value
        for name, value in fields.items()
        if value is not _UNSET and not (name not in ("low", "high") and value is None)
    }
    for name in ("place", "when", "attributed_to"):
        if changes.get(name) == "":
            changes[name] = None
    if not changes:
        raise click.UsageError("say what to change: --low, --high, --qualifier, --place, ...")
    done = _run(ctx, lambda uow: edit_claim(uow, claim_id, changes, who, note))
    click.echo(f"edited {_claim_line(done)}")


@review.command("merge")
@click.argument("incident_ids", nargs=-1, required=True, type=int)
@click.option("--reason")
@_actor_option
@click.pass_context
def review_merge(
    ctx: click.Context, incident_ids: tuple[int, ...], reason: str | None, actor: str | None
) -> None:
    """Merge incidents that are one event (same outcome)."""
    from tollbook.services.review import merge_incidents

    who = _need_actor(actor)
    done = _run(ctx, lambda uow: merge_incidents(uow, incident_ids, who, reason))
    click.echo(_incident_table([done]))


@review.command("split")
@click.argument("incident_id", type=int)
@click.argument("claim_ids", nargs=-1, required=True, type=int)
@click.option("--reason")
@_actor_option
@click.pass_context
def review_split(
    ctx: click.Context,
    incident_id: int,
    claim_ids: tuple[int, ...],
    reason: str | None,
    actor: str | None,
) -> None:
    """Move CLAIM_IDS out of an incident into a new one of their own."""
    from tollbook.services.review import split_incident

    who = _need_actor(actor)
    done = _run(ctx, lambda uow: split_incident(uow, incident_id, claim_ids, who, reason))
    click.echo(_incident_table(done))


@review.command("ungroup")
@click.argument("incident_id", type=int)
@click.option("--reason")
@_actor_option
@click.pass_context
def review_ungroup(
    ctx: click.Context, incident_id: int, reason: str | None, actor: str | None
) -> None:
    """Reject an incident's grouping: each of its claims becomes an incident of its own."""
    from tollbook.services.review import ungroup_incident

    who = _need_actor(actor)
    done = _run(ctx, lambda uow: ungroup_incident(uow, incident_id, who, reason))
    click.echo(_incident_table(done))


@review.command("confirm-incident")
@click.argument("incident_id", type=int)
@click.option("--reason")
@_actor_option
@click.pass_context
def review_confirm_incident(
    ctx: click.Context, incident_id: int, reason: str | None, actor: str | None
) -> None:
    """Confirm an incident's grouping: its claims are one event."""
    from tollbook.services.review import confirm_grouping

    who = _need_actor(actor)
    done = _run(ctx, lambda uow: confirm_grouping(uow, incident_id, who, reason))
    click.echo(_incident_table([done]))


@review.command("grade")
@click.argument("incident_id", type=int)
@click.argument("grade", type=click.Choice(GRADES))
@click.option("--reason")
@_actor_option
@click.pass_context
def review_grade(
    ctx: click.Context, incident_id: int, grade: str, reason: str | None, actor: str | None
) -> None:
    """Set an incident's grade, overriding the computed one."""
    from tollbook.services.review import set_grade

    who = _need_actor(actor)
    done = _run(ctx, lambda uow: set_grade(uow, incident_id, grade, who, reason))
    click.echo(_incident_table([done]))


@review.command("publisher")
@click.argument("report_id", type=int)
@click.argument("publisher")
@_actor_option
@click.pass_context
def review_publisher(ctx: click.Context, report_id: int, publisher: str, actor: str | None) -> None:
    """Record who published a report ('' if unknown): one publisher is one source."""
    from tollbook.services.review import set_publisher

    who = _need_actor(actor)
    _run(ctx, lambda uow: set_publisher(uow, report_id, publisher, who))
    click.echo(f"report {report_id}: publisher {publisher.strip() or 'unknown'}")


@review.command("history")
@click.option("--claim", "claim_id", type=int, help="Only this claim's changes.")
@click.option("--incident", "incident_id", type=int, help="Only this incident's changes.")
@click.option("--report", "report_id", type=int, help="Only this report's changes.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines.")
@click.pass_context
def review_history(
    ctx: click.Context,
    claim_id: int | None,
    incident_id: int | None,
    report_id: int | None,
    as_json: bool,
) -> None:
    """The audit log: who changed what, when, before and after."""
    from tollbook.services.review import review_history as history

    chosen = [
        (e, i)
        for e, i in (("claim", claim_id), ("incident", incident_id), ("report", report_id))
        if i is not None
    ]
    if len(chosen) > 1:
        raise click.UsageError("give at most one of --claim, --incident, --report")
    entity, entity_id = chosen[0] if chosen else (None, None)
    entries = _run(ctx, lambda uow: history(uow, entity, entity_id))
    for entry in entries:
        record = {
            "id": entry.id,
            "at": entry.at.isoformat(),
            "actor": entry.actor,
            "action": entry.action,
            "entity": entry.entity,
            "entity_id": entry.entity_id,
            "before": entry.before,
            "after": entry.after,
        }
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(
                f"{entry.at:%Y-%m-%d %H:%M:%S}Z  {entry.actor}  {entry.action} "
                f"{entry.entity} {entry.entity_id}"
            )
    if not entries and not as_json:
        click.echo("no changes recorded")


__all__ = ["export", "incidents", "review", "toll", "toll_record"]

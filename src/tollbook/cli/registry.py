"""The registry of the dead: ``bodies``, ``graves``, ``missing``, ``match``, ``pfif``.

Every command that changes or shows a record of the dead takes ``--actor NAME`` and
``--role ROLE`` (default: ``$TOLLBOOK_ACTOR``, role ``forensic``); the services check the
role and audit what is done and seen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tollbook import settings
from tollbook.cli.common import ACTOR_ENV, Problems, fail, open_store, refused
from tollbook.cli.language import _
from tollbook.domain.body import AGE_GROUPS, METHODS, Body, Description
from tollbook.domain.grave import Morgue
from tollbook.domain.refusals import Refusal
from tollbook.registry.access import ROLES, Actor
from tollbook.registry.references import BadReference
from tollbook.registry.rows import split_items
from tollbook.services.registry import RegistryImportResult
from tollbook.store.unit_of_work import UnitOfWork

T = TypeVar("T")
PHOTO_DIR_ENV = settings.PHOTO_DIR


def _actor_options(default_role: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        function = click.option(
            "--role", type=click.Choice(ROLES), default=default_role, show_default=True
        )(function)
        return click.option(
            "--actor", envvar=ACTOR_ENV, required=True, help=f"Who acts (or ${ACTOR_ENV})."
        )(function)

    return decorate


def _run(ctx: click.Context, use: Callable[[UnitOfWork], T]) -> T:
    uow = open_store(ctx)
    try:
        return use(uow)
    except BadReference as error:
        fail(str(error))
    except Refusal as error:
        refused(error)
    finally:
        uow.dispose()


def _report_import(result: RegistryImportResult, what: str) -> None:
    problems = Problems()
    for problem in result.problems:
        problems.report(problem)
    click.echo(
        f"{result.added} {what} added, {result.skipped} already known, {problems.count} problems"
        + (f", {result.updated} updated" if result.updated else "")
        + (f" (import {result.import_id})" if result.import_id is not None else "")
    )
    if problems.count:
        raise SystemExit(1)


# --- bodies -----------------------------------------------------------------------------
@click.group()
def bodies() -> None:
    """Bodies and body parts: register, import, move, show, label, photos."""


@bodies.command("add")
@click.option("--ref", required=True, help="PLACE-TEAM-NUMBER, e.g. MAR-T03-0042.")
@click.option("--sex", type=click.Choice(["M", "F", ""]), default="")
@click.option("--age", "age_group", type=click.Choice([*AGE_GROUPS, ""]), default="")
@click.option("--height", type=click.IntRange(30, 250), default=None)
@click.option("--clothing", default="", help='Items joined by "; " (coat:black; boots).')
@click.option("--marks", default="")
@click.option("--effects", default="")
@click.option("--place", default="", help="Where the body was recovered.")
@click.option("--district", default="")
@click.option("--recovered-on", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--location", default="", help="Where it is now, e.g. morgue:M1.")
@_actor_options("forensic")
@click.pass_context
def bodies_add(
    ctx: click.Context,
    ref: str,
    sex: str,
    age_group: str,
    height: int | None,
    clothing: str,
    marks: str,
    effects: str,
    place: str,
    district: str,
    recovered_on: Any,
    location: str,
    actor: str,
    role: str,
) -> None:
    """Register one body."""
    from tollbook.services.registry import add_body

    body = Body(
        ref=ref.strip().upper(),
        description=Description(
            sex, age_group, height, split_items(clothing), split_items(marks), split_items(effects)
        ),
        recovered_place=place,
        recovered_district=district,
        recovered_on=recovered_on.date() if recovered_on else None,
        team=ref.split("-")[1] if ref.count("-") >= 2 else "",
    )
    stored = _run(ctx, lambda uow: add_body(uow, body, Actor(actor, role), location=location))
    click.echo(f"{stored.body.ref} {stored.status} {stored.location}".rstrip())


@bodies.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@_actor_options("forensic")
@click.pass_context
def bodies_import(ctx: click.Context, path: Path, actor: str, role: str) -> None:
    """Register the bodies of a bodies.csv (import its graves first)."""
    from tollbook.services.registry import import_bodies

    _report_import(_run(ctx, lambda uow: import_bodies(uow, path, Actor(actor, role))), "bodies")


@bodies.command("move")
@click.argument("ref")
@click.option("--to", "to_location", required=True, help="morgue:CODE, grave:TRENCH, family...")
@click.option("--status", "to_status", default="stored", show_default=True)
@click.option("--reason", required=True)
@_actor_options("forensic")
@click.pass_context
def bodies_move(
    ctx: click.Context,
    ref: str,
    to_location: str,
    to_status: str,
    reason: str,
    actor: str,
    role: str,
) -> None:
    """Move a body (a custody event: who, when, from, to, why)."""
    from tollbook.services.registry import move_body

    event = _run(
        ctx,
        lambda uow: move_body(
            uow,
            ref,
            Actor(actor, role),
            to_status=to_status,
            to_location=to_location,
            reason=reason,
        ),
    )
    click.echo(
        f"{event.ref}: {event.from_status} {event.from_location} -> "
        f"{event.to_status} {event.to_location}"
    )


@bodies.command("show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True)
@_actor_options("forensic")
@click.pass_context
def bodies_show(ctx: click.Context, ref: str, as_json: bool, actor: str, role: str) -> None:
    """Show a body and its chain of custody (audited)."""
    from tollbook.services.registry import custody_chain, view_body

    who = Actor(actor, role)
    view = _run(ctx, lambda uow: view_body(uow, ref, who))
    chain = (
        _run(ctx, lambda uow: custody_chain(uow, ref, who)) if role in ("forensic", "admin") else []
    )
    d = view.body.description
    record = {
        "ref": view.body.ref,
        "status": view.status,
        "location": view.location,
        "sex": d.apparent_sex,
        "age": d.apparent_age,
        "height_cm": d.height_cm,
        "clothing": list(d.clothing),
        "marks": list(d.marks),
        "effects": list(d.effects),
        "label": view.body.label if view.names_shown else None,
        "position": None
        if view.position is None
        else {
            "trench": view.position.trench_id,
            "position": view.position.position,
            "distance_m": view.position.distance_m,
        },
        "parts": list(view.parts),
        "photos": [p.file_name for p in view.photos],
        "custody": [
            {
                "at": e.at.isoformat(),
                "actor": e.actor,
                "from": e.from_status,
                "to": e.to_status,
                "location": e.to_location,
                "reason": e.reason,
            }
            for e in chain
        ],
    }
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key, value in record.items():
        click.echo(f"{key}: {value}")


@bodies.command("label")
@click.argument("ref")
@click.option("--out", type=click.Path(path_type=Path), required=True)
def bodies_label(ref: str, out: Path) -> None:
    """Write a label (reference as text and QR code) as SVG; no database needed."""
    from tollbook.exchange.labels import label_svg

    try:
        out.write_text(label_svg(ref), encoding="utf-8")
    except BadReference as exc:
        fail(str(exc))
    click.echo(_("wrote %(out)s", out=out))


@bodies.command("photo")
@click.argument("ref")
@click.argument("image", type=click.Path(path_type=Path))
@click.option(
    "--dir",
    "photo_dir",
    envvar=PHOTO_DIR_ENV,
    type=click.Path(path_type=Path),
    default=Path("photos"),
    show_default=True,
)
@click.option("--caption", default="")
@_actor_options("forensic")
@click.pass_context
def bodies_photo(
    ctx: click.Context, ref: str, image: Path, photo_dir: Path, caption: str, actor: str, role: str
) -> None:
    """Keep a photo of a body (by its SHA-256) under --dir."""
    from tollbook.services.registry import add_photo

    photo = _run(
        ctx, lambda uow: add_photo(uow, ref, image, photo_dir, Actor(actor, role), caption)
    )
    click.echo(
        _(
            "%(ref)s: %(file_name)s sha256 %(sha256)s",
            ref=ref,
            file_name=photo.file_name,
            sha256=photo.sha256,
        )
    )


# --- graves -----------------------------------------------------------------------------
@click.group()
def graves() -> None:
    """Burial sites, trenches, plans and morgues."""


@graves.command("import")
@click.argument("sites", type=click.Path(path_type=Path))
@click.argument("trenches", type=click.Path(path_type=Path))
@_actor_options("forensic")
@click.pass_context
def graves_import(ctx: click.Context, sites: Path, trenches: Path, actor: str, role: str) -> None:
    """Register sites.csv and trenches.csv."""
    from tollbook.services.registry import import_graves

    result = _run(ctx, lambda uow: import_graves(uow, sites, trenches, Actor(actor, role)))
    _report_import(result, "sites and trenches")


@graves.command("plan")
@click.argument("trench_id")
@click.option("--out", type=click.Path(path_type=Path), required=True)
@click.pass_context
def graves_plan(ctx: click.Context, trench_id: str, out: Path) -> None:
    """Draw a trench with its bodies in place, as SVG."""
    from tollbook.exchange.trench_plan import trench_plan_svg
    from tollbook.services.registry import trench_contents

    trench, placed = _run(ctx, lambda uow: trench_contents(uow, trench_id))
    out.write_text(trench_plan_svg(trench, placed, _), encoding="utf-8")
    click.echo(
        _(
            "wrote %(out)s: %(count)s bodies in %(trench_id)s",
            out=out,
            count=len(placed),
            trench_id=trench_id,
        )
    )


@graves.command("morgue")
@click.argument("code")
@click.option("--name", required=True)
@click.option("--capacity", type=click.IntRange(0), required=True)
@_actor_options("forensic")
@click.pass_context
def graves_morgue(
    ctx: click.Context, code: str, name: str, capacity: int, actor: str, role: str
) -> None:
    """Register or update a morgue and its capacity."""
    from tollbook.services.registry import add_morgue

    _run(ctx, lambda uow: add_morgue(uow, Morgue(code, name, capacity), Actor(actor, role)))
    click.echo(_("morgue %(code)s: capacity %(capacity)s", code=code, capacity=capacity))


@graves.command("morgues")
@click.pass_context
def graves_morgues(ctx: click.Context) -> None:
    """Each morgue's capacity and occupancy."""
    from tollbook.services.registry import morgue_occupancy

    for morgue, occupied in _run(ctx, morgue_occupancy):
        click.echo(f"{morgue.code}  {morgue.name}  {occupied}/{morgue.capacity}")


# --- missing ----------------------------------------------------------------------------
@click.group()
def missing() -> None:
    """Families' reports of the missing."""


@missing.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--consent",
    default="",
    help='What families consented to, for files without a consent column: "matching; sharing".',
)
@_actor_options("family_liaison")
@click.pass_context
def missing_import(ctx: click.Context, path: Path, consent: str, actor: str, role: str) -> None:
    """Record the reports of a reports.csv."""
    from tollbook.services.registry import import_reports

    scopes = split_items(consent)
    result = _run(ctx, lambda uow: import_reports(uow, path, Actor(actor, role), consent=scopes))
    _report_import(result, "reports")


@bodies.command("undo-import")
@click.argument("import_id", type=int)
@_actor_options("forensic")
@click.pass_context
def bodies_undo_import(ctx: click.Context, import_id: int, actor: str, role: str) -> None:
    """Undo import IMPORT_ID of bodies: the bodies it registered leave (not one with
    custody, photos, an identification or parts since), the ones it corrected get their
    description back; audited."""
    from tollbook.services.registry import undo_body_import

    done = _run(ctx, lambda uow: undo_body_import(uow, import_id, Actor(actor, role)))
    click.echo(
        _(
            "undid import %(import_id)s: %(count)s bodies taken out, "
            "%(count2)s given their description back, %(count3)s kept",
            import_id=import_id,
            count=len(done.removed),
            count2=len(done.restored),
            count3=len(done.kept),
        )
    )
    for ref, why in done.kept.items():
        click.echo(_("kept %(ref)s: %(why)s", ref=ref, why=why), err=True)


@missing.command("undo-import")
@click.argument("import_id", type=int)
@_actor_options("family_liaison")
@click.pass_context
def missing_undo_import(ctx: click.Context, import_id: int, actor: str, role: str) -> None:
    """Undo import IMPORT_ID of reports: the reports it added leave (not one with a
    history since), the ones it updated get their values back; audited."""
    from tollbook.services.registry import undo_report_import

    done = _run(ctx, lambda uow: undo_report_import(uow, import_id, Actor(actor, role)))
    click.echo(
        _(
            "undid import %(import_id)s: %(count)s reports taken out, "
            "%(count2)s given their values back, %(count3)s kept",
            import_id=import_id,
            count=len(done.removed),
            count2=len(done.restored),
            count3=len(done.kept),
        )
    )
    for report_id, why in done.kept.items():
        click.echo(_("kept %(report_id)s: %(why)s", report_id=report_id, why=why), err=True)


# --- match ------------------------------------------------------------------------------
class _MatchGroup(click.Group):
    """``match REPORT_ID`` is ``match report REPORT_ID``."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "report", self.commands["report"], args
        return super().resolve_command(ctx, args)


@click.group(cls=_MatchGroup)
def match() -> None:
    """Rank bodies for a report (``match REPORT_ID``), reports for a body, confirm."""


def _print_match(result: Any, as_json: bool) -> None:
    if as_json:
        click.echo(
            json.dumps(
                {
                    "subject": result.subject,
                    "compared": result.compared,
                    "candidates": [
                        {
                            "key": c.key,
                            "rank": c.rank,
                            "score": c.score,
                            "reasons": [
                                {"feature": r.feature, "points": r.points, "why": r.why}
                                for r in c.reasons
                            ],
                        }
                        for c in result.candidates
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(
        _(
            "%(subject)s: %(count)s of %(compared)s compared",
            subject=result.subject,
            count=len(result.candidates),
            compared=result.compared,
        )
    )
    for c in result.candidates:
        click.echo(
            _(
                "%(rank)s. %(key)s  score %(score)s",
                rank=format(c.rank, ">3"),
                key=c.key,
                score=format(c.score, "+.2f"),
            )
        )
        for r in c.reasons:
            if r.points:
                click.echo(f"       {r.points:+.2f}  {_(r.why)}")


@match.command("report")
@click.argument("report_id")
@click.option("--top", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@_actor_options("forensic")
@click.pass_context
def match_report(
    ctx: click.Context, report_id: str, top: int, as_json: bool, actor: str, role: str
) -> None:
    """Bodies ranked for a report, each score explained."""
    from tollbook.services.matching import bodies_for_report

    _print_match(
        _run(ctx, lambda uow: bodies_for_report(uow, report_id, Actor(actor, role), top=top)),
        as_json,
    )


@match.command("body")
@click.argument("ref")
@click.option("--top", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@_actor_options("forensic")
@click.pass_context
def match_body(
    ctx: click.Context, ref: str, top: int, as_json: bool, actor: str, role: str
) -> None:
    """Reports ranked for a body."""
    from tollbook.services.matching import reports_for_body

    _print_match(
        _run(ctx, lambda uow: reports_for_body(uow, ref, Actor(actor, role), top=top)), as_json
    )


@match.command("confirm")
@click.argument("ref")
@click.argument("report_id")
@click.option("--method", type=click.Choice(METHODS), required=True)
@click.option("--notes", default="")
@_actor_options("forensic")
@click.pass_context
def match_confirm(
    ctx: click.Context, ref: str, report_id: str, method: str, notes: str, actor: str, role: str
) -> None:
    """Confirm that body REF is the person of REPORT_ID (forensic only; nobody is told)."""
    from tollbook.services.matching import confirm_identification

    found = _run(
        ctx,
        lambda uow: confirm_identification(
            uow, ref, report_id, method, Actor(actor, role), notes=notes
        ),
    )
    click.echo(
        _(
            "%(ref)s identified as %(report_id)s by %(method)s; the "
            "family has not been told (see `match notify`)",
            ref=found.ref,
            report_id=found.report_id,
            method=found.method,
        )
    )


@match.command("notify")
@click.argument("report_id")
@click.option("--notes", default="")
@_actor_options("family_liaison")
@click.pass_context
def match_notify(ctx: click.Context, report_id: str, notes: str, actor: str, role: str) -> None:
    """Record that the family of REPORT_ID was told, by their liaison worker."""
    from tollbook.services.matching import record_family_notification

    found = _run(
        ctx, lambda uow: record_family_notification(uow, report_id, Actor(actor, role), notes=notes)
    )
    click.echo(
        _(
            "family of %(report_id)s told by %(notified_by)s",
            report_id=found.report_id,
            notified_by=found.notified_by,
        )
    )


# --- pfif -------------------------------------------------------------------------------
@click.group()
def pfif() -> None:
    """PFIF 1.4 export and import of persons and notes."""


@pfif.command("export")
@click.option("--out", type=click.Path(path_type=Path), required=True)
@click.option("--domain", default="tollbook.local", show_default=True)
@_actor_options("family_liaison")
@click.pass_context
def pfif_export(ctx: click.Context, out: Path, domain: str, actor: str, role: str) -> None:
    """Write the missing (with consent to sharing) as PFIF 1.4 XML."""
    from tollbook.services.registry import export_pfif

    data = _run(ctx, lambda uow: export_pfif(uow, Actor(actor, role), domain=domain))
    out.write_bytes(data)
    click.echo(_("wrote %(out)s", out=out))


@pfif.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--consent", default="")
@_actor_options("family_liaison")
@click.pass_context
def pfif_import(ctx: click.Context, path: Path, consent: str, actor: str, role: str) -> None:
    """Record the persons and notes of a PFIF 1.4 file."""
    from tollbook.services.registry import import_pfif

    scopes = split_items(consent)
    result = _run(ctx, lambda uow: import_pfif(uow, path, Actor(actor, role), consent=scopes))
    _report_import(result, "persons")


COMMANDS: tuple[click.Command, ...] = (bodies, graves, missing, match, pfif)

# the case-life commands add themselves to the groups above
from tollbook.cli import case_life as _case_life  # noqa: E402,F401

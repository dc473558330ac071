"""The life of a case on the command line: ``missing alive``, ``missing reassign``,
``match revoke``, ``bodies release``; each one use case of
:mod:`tollbook.services.registry.case_life`, audited there."""

from __future__ import annotations

from datetime import date, datetime

import click

from tollbook.cli.language import _
from tollbook.cli.registry import _actor_options, _run, bodies, match, missing
from tollbook.registry.access import Actor
from tollbook.services.registry import (
    found_alive,
    reassign_cases,
    release_body,
    revoke_identification,
)

DAY = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime) -> date:
    return value.date()


@missing.command("alive")
@click.argument("report_id")
@click.option("--found-by", required=True, help="Who found them.")
@click.option("--on", "found_on", type=DAY, required=True, help="When (YYYY-MM-DD).")
@click.option("--how", required=True, help="How: seen, phoned, documents...")
@_actor_options("family_liaison")
@click.pass_context
def missing_alive(
    ctx: click.Context,
    report_id: str,
    found_by: str,
    found_on: datetime,
    how: str,
    actor: str,
    role: str,
) -> None:
    """Close REPORT_ID: the person was found alive."""
    _run(
        ctx,
        lambda uow: found_alive(
            uow, report_id, Actor(actor, role), found_by=found_by, found_on=_day(found_on), how=how
        ),
    )
    click.echo(
        _(
            "%(report_id)s closed: found alive by %(value)s on %(value2)s",
            report_id=report_id,
            value=found_by.strip(),
            value2=_day(found_on),
        )
    )


@missing.command("reassign")
@click.option("--from", "from_liaison", default="", help='The liaison ("" for unassigned).')
@click.option("--to", "to_liaison", required=True, help="The liaison who takes the cases.")
@click.option("--report", "report_ids", multiple=True, help="Only this case (repeatable).")
@_actor_options("admin")
@click.pass_context
def missing_reassign(
    ctx: click.Context,
    from_liaison: str,
    to_liaison: str,
    report_ids: tuple[str, ...],
    actor: str,
    role: str,
) -> None:
    """Hand a liaison's cases (or the unassigned ones) to another liaison (admin)."""
    moved = _run(
        ctx,
        lambda uow: reassign_cases(
            uow,
            Actor(actor, role),
            from_liaison=from_liaison,
            to_liaison=to_liaison,
            report_ids=report_ids,
        ),
    )
    click.echo(
        _(
            "%(count)s cases handed to %(value)s: %(items)s",
            count=len(moved),
            value=to_liaison.strip(),
            items=", ".join(moved),
        )
    )


@match.command("revoke")
@click.argument("ref")
@click.option("--reason", required=True, help="Why the identification is wrong.")
@_actor_options("forensic")
@click.pass_context
def match_revoke(ctx: click.Context, ref: str, reason: str, actor: str, role: str) -> None:
    """Revoke the identification of body REF (forensic); the case's liaison is alerted."""
    event = _run(
        ctx, lambda uow: revoke_identification(uow, ref, Actor(actor, role), reason=reason)
    )
    told = event.detail.get("correct_in_person")
    after = (
        "the family WAS told: their liaison corrects it in person"
        if told
        else ("the family had not been told")
    )
    click.echo(
        _(
            "identification of %(ref)s as %(report_id)s revoked; %(after)s",
            ref=ref,
            report_id=event.report_id,
            after=after,
        )
    )


@bodies.command("release")
@click.argument("ref")
@click.option("--to", "to_whom", required=True, help="To whom the body was released.")
@click.option("--on", "released_on", type=DAY, required=True, help="When (YYYY-MM-DD).")
@click.option("--notes", default="")
@_actor_options("forensic")
@click.pass_context
def bodies_release(
    ctx: click.Context,
    ref: str,
    to_whom: str,
    released_on: datetime,
    notes: str,
    actor: str,
    role: str,
) -> None:
    """Record that identified body REF was released to the family."""
    event = _run(
        ctx,
        lambda uow: release_body(
            uow,
            ref,
            Actor(actor, role),
            to_whom=to_whom,
            released_on=_day(released_on),
            notes=notes,
        ),
    )
    click.echo(_("%(ref)s released: %(to_location)s", ref=ref, to_location=event.to_location))

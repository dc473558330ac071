"""Review: ``tollbook review`` lists machine claims to review (filtered by scope, kind,
victims, source and place) and confirms, edits or rejects them, one or many at a time;
it also merges, splits, ungroups, confirms and grades incidents. Every change is
audited (who, when, before, after)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from tollbook.cli.common import ACTOR_ENV, default_actor
from tollbook.cli.count import _incident_table, _run, _table
from tollbook.cli.language import _
from tollbook.domain.claim import KINDS, OUTCOMES, QUALIFIERS, SCOPES
from tollbook.domain.incident import GRADES
from tollbook.exchange.claim_files import figure_text, stored_claim_record
from tollbook.store.records import StoredClaim

#: "not given" for options where None means something (``--low none`` clears low).
_UNSET = object()


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
        raise click.UsageError(
            _("say who you are: --actor NAME (or set $%(actor_env)s)", actor_env=ACTOR_ENV)
        )
    return actor.strip()


def claim_filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--scope, --kind, --victims, --source: what a reviewer narrows claims to."""
    for option in (
        click.option(
            "--source",
            help="Only claims said by this source (part of attributed_to, any case).",
        ),
        click.option("--victims", help="Only claims about these victims (part of the text)."),
        click.option("--kind", type=click.Choice(KINDS), help="Only claims of this kind."),
        click.option("--scope", type=click.Choice(SCOPES), help="Only claims of this scope."),
    ):
        f = option(f)
    return f


@click.group(invoke_without_command=True)
@click.option("--place", help="Only claims about this place.")
@click.option("--outcome", type=click.Choice(OUTCOMES), help="Only this outcome.")
@claim_filter_options
@click.option(
    "--status",
    type=click.Choice(["unreviewed", "confirmed", "edited", "rejected", "all"]),
    default="unreviewed",
    show_default=True,
    help="Which claims to list, by review status.",
)
@click.option("--limit", type=click.IntRange(min=0), default=None)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@click.pass_context
def review(
    ctx: click.Context,
    place: str | None,
    outcome: str | None,
    scope: str | None,
    kind: str | None,
    victims: str | None,
    source: str | None,
    status: str,
    limit: int | None,
    offset: int,
    as_json: bool,
) -> None:
    """Review claims and incident groupings; without a subcommand, list the claims to
    review (unreviewed machine claims unless --status says otherwise).

    Claims in an incident whose figure looks like a running total are flagged. Every
    change names its actor and is audited (who, when, before, after); the counts
    follow the reviewed state.
    """
    if ctx.invoked_subcommand is not None:
        return
    from tollbook.services.claims import ClaimFilter, list_claims
    from tollbook.services.incidents import read_reconciliation

    where = ClaimFilter(scope, kind, victims, source, None if status == "all" else status)

    def listing(uow: Any) -> tuple[list[StoredClaim], dict[int, str]]:
        found = list_claims(uow, place, outcome, None, limit, offset, where)
        return found, read_reconciliation(uow).flagged_claims() if found else {}

    found, flags = _run(ctx, listing)
    if as_json:
        for stored in found:
            record = stored_claim_record(stored)
            record["looks_like_running_total"] = flags.get(stored.id)
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not found:
        click.echo("no claims to review" if status == "unreviewed" else "no claims match")
        return
    click.echo(_claims_table(found, flags))
    if flags.keys() & {s.id for s in found}:
        click.echo(_("\n! looks like a running total: held back from the documented count"))
    click.echo(
        _(
            "\n%(count)s claim(s). Next: tollbook review confirm ID... "
            "[--reason TEXT] | reject ID... --reason TEXT | edit ID "
            "--scope cumulative ...",
            count=len(found),
        )
    )


def _claims_table(found: Sequence[StoredClaim], flags: dict[int, str]) -> str:
    rows = [
        (
            f"{s.id}{'!' if s.id in flags else ''}",
            s.claim.article[:20],
            s.claim.outcome,
            figure_text(s.claim.low, s.claim.high, s.claim.qualifier),
            s.claim.victims[:16] + (f" ⊂{s.part_of}" if s.part_of is not None else ""),
            s.claim.place or "-",
            s.claim.when or "-",
            s.claim.scope,
            s.claim.kind,
            (s.claim.attributed_to or "-")[:24],
            s.review_status,
            s.claim.evidence[:60],
        )
        for s in found
    ]
    header = (
        "id",
        "report",
        "outcome",
        "figure",
        "victims",
        "place",
        "when",
        "scope",
        "kind",
        "source",
        "review",
        "evidence",
    )
    return _table(header, rows)


def _claim_line(stored: StoredClaim) -> str:
    c = stored.claim
    return (
        f"claim {stored.id}: {c.outcome} {figure_text(c.low, c.high, c.qualifier)} "
        f"{c.victims}, {c.place or '-'}, {c.when or '-'}, {c.scope}, {c.kind} "
        f"[{stored.review_status}]"
    )


def _bulk(
    ctx: click.Context,
    claim_ids: tuple[int, ...],
    action: str,
    actor: str | None,
    reason: str | None,
) -> None:
    from tollbook.services.bulk_review import review_claims

    who = _need_actor(actor)
    done = _run(ctx, lambda uow: review_claims(uow, claim_ids, action, who, reason))
    past = "confirmed" if action == "confirm" else "rejected"
    for stored in done.claims:
        click.echo(f"{past} {_claim_line(stored)}")
    if len(done.claims) > 1:
        click.echo(
            _(
                "%(count)s claim(s) %(past)s in one change (batch %(batch)s)",
                count=len(done.claims),
                past=past,
                batch=done.batch,
            )
        )


@review.command("confirm")
@click.argument("claim_ids", nargs=-1, required=True, type=int)
@click.option("--reason", "--note", "reason", help="Why, or what was checked.")
@_actor_option
@click.pass_context
def review_confirm(
    ctx: click.Context, claim_ids: tuple[int, ...], reason: str | None, actor: str | None
) -> None:
    """Confirm claims: they stand as extracted. All of them, or none (one transaction)."""
    _bulk(ctx, claim_ids, "confirm", actor, reason)


@review.command("reject")
@click.argument("claim_ids", nargs=-1, required=True, type=int)
@click.option("--reason", required=True, help="Why the claims are wrong.")
@_actor_option
@click.pass_context
def review_reject(
    ctx: click.Context, claim_ids: tuple[int, ...], reason: str, actor: str | None
) -> None:
    """Reject claims: they stop counting anywhere (they stay stored, with the reason).
    All of them, or none (one transaction)."""
    _bulk(ctx, claim_ids, "reject", actor, reason)


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
            self.fail(_("%(value)s is not a whole number or 'none'", value=repr(value)), param, ctx)
        if number < 0:
            self.fail(_("%(value)s is negative", value=repr(value)), param, ctx)
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
        raise click.UsageError(_("say what to change: --low, --high, --qualifier, --place, ..."))
    done = _run(ctx, lambda uow: edit_claim(uow, claim_id, changes, who, note))
    click.echo(_("edited %(value)s", value=_claim_line(done)))


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
    click.echo(
        _(
            "report %(report_id)s: publisher %(value)s",
            report_id=report_id,
            value=publisher.strip() or "unknown",
        )
    )


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
        raise click.UsageError(_("give at most one of --claim, --incident, --report"))
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
        click.echo(_("no changes recorded"))


__all__ = ["review"]

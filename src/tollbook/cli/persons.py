"""``tollbook persons``: the persons linkage found, with their records and links."""

from __future__ import annotations

import json

import click

from tollbook.cli.language import _
from tollbook.cli.list_records import explanation_lines, link_json, record_json, record_line
from tollbook.cli.lists import _actor_option, _run


@click.command()
@click.option("--person", "person_id", type=int, help="Only this person, with every link.")
@click.option(
    "--min-records",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only persons on at least this many records.",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one person per line.")
@_actor_option
@click.pass_context
def persons(
    ctx: click.Context,
    person_id: int | None,
    min_records: int,
    limit: int,
    offset: int,
    as_json: bool,
    actor: str | None,
) -> None:
    """The persons linkage found, those on most records first: each record with its
    list and row, and why its records were linked (each field's match weight)."""
    from tollbook.services.linkage import list_persons

    found = _run(
        ctx,
        lambda uow: list_persons(
            uow,
            person_id=person_id,
            min_records=min_records,
            limit=limit,
            offset=offset,
            viewer=actor or "cli",
        ),
    )
    if as_json:
        for person in found:
            click.echo(
                json.dumps(
                    {
                        "person": person.id,
                        "status": person.status,
                        "records": [record_json(r) for r in person.records],
                        "links": [link_json(link) for link in person.links],
                    },
                    ensure_ascii=False,
                )
            )
        return
    if not found:
        click.echo(_("no persons yet: run `tollbook link`"))
        return
    for person in found:
        status = "" if person.status == "active" else f" ({person.status})"
        click.echo(
            _(
                "person %(id)s%(status)s: %(count)s record(s)",
                id=person.id,
                status=status,
                count=len(person.records),
            )
        )
        for record in person.records:
            click.echo(f"  {record_line(record)}")
        for link_ in person.links:
            click.echo(
                _(
                    "link %(record_a)s-%(record_b)s: probability %(probability)s, "
                    "weight %(match_weight)s",
                    record_a=link_.record_a,
                    record_b=link_.record_b,
                    probability=format(link_.probability, ".3f"),
                    match_weight=format(link_.match_weight, "+.1f"),
                )
            )
            if person_id is not None:
                for line in explanation_lines(link_.explanation):
                    click.echo(f"    {line}")

"""``tollbook sync``: bundles between sites, keys, trust, the conflicts queue
(docs/field.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from tollbook import settings
from tollbook.cli.common import default_actor, fail, open_store, refused
from tollbook.cli.language import _
from tollbook.domain.refusals import Refusal
from tollbook.exchange.errors import InputError
from tollbook.exchange.file_limits import FileLimits, check_size


def _actor(actor: str | None) -> str:
    chosen = actor or default_actor()
    if not chosen:
        fail(_("who is acting? give --actor NAME or set $TOLLBOOK_ACTOR"))
    return chosen


_actor_option = click.option("--actor", default=None, help="Who acts (for the audit log).")
_photos_option = click.option(
    "--photos",
    "photos",
    envvar=settings.PHOTO_DIR,
    default=None,
    type=click.Path(path_type=Path),
    help="The photo folder (default: $TOLLBOOK_PHOTO_DIR, else photos/ beside a SQLite "
    "database file): photo files travel with their records.",
)


def _photo_dir(ctx: click.Context, given: Path | None) -> Path | None:
    """Where the photos of this database are (None: a server database without a folder)."""
    from tollbook.store.file_modes import sqlite_path

    if given is not None:
        return given
    named = (settings.setting(settings.PHOTO_DIR) or "").strip()
    if named:
        return Path(named)
    database = sqlite_path(ctx.obj["url"])
    return database.resolve().parent / "photos" if database is not None else None


@click.group()
def sync() -> None:
    """Bundles of changes between sites (field laptops, the office), keys and conflicts."""


@sync.command("site")
@click.option("--name", default=None, help="Give this site a short name (morgue, team-1).")
@click.pass_context
def site(ctx: click.Context, name: str | None) -> None:
    """Print this site's id and name (made on first use)."""
    from tollbook.services.sync import site_info

    uow = open_store(ctx)
    site_id, site_name = site_info(uow, name)
    click.echo(f"{site_id} {site_name}")


@sync.command("export")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path))
@click.option("--for", "for_site", default=None, help="The receiving site (id or name).")
@click.option("--plain", is_flag=True, help="Write the bundle unsealed (never to carry).")
@_photos_option
@click.pass_context
def export(
    ctx: click.Context, out: Path, for_site: str | None, plain: bool, photos: Path | None
) -> None:
    """Write the changes the receiving site has not seen, sealed for it."""
    from tollbook.services.sync import export_bundle
    from tollbook.services.sync_keys import seal_for

    if not plain and not for_site:
        fail(
            _("a sealed bundle is for one site: give --for SITE (or --plain to write it unsealed)")
        )
    uow = open_store(ctx)
    try:
        result = export_bundle(uow, for_site=for_site, photo_dir=_photo_dir(ctx, photos))
        data = result.data if plain else seal_for(uow, result.data, str(for_site))
    except Refusal as exc:
        refused(exc)
    _write_private(out, data)
    how = "plain" if plain else f"sealed for {for_site}"
    click.echo(
        _(
            "%(versions)s versions and %(photos)s photo files written to %(out)s "
            "(%(how)s; %(count)s bytes)",
            versions=result.versions,
            photos=result.photos,
            out=out,
            how=how,
            count=format(len(data), ","),
        )
    )
    for name in result.photos_missing:
        click.echo(
            _("photo file %(name)s is not in the photo folder: its record goes alone", name=name),
            err=True,
        )


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


@sync.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--plain", is_flag=True, help="Accept an unsealed bundle.")
@_photos_option
@_actor_option
@click.pass_context
def import_(
    ctx: click.Context, path: Path, plain: bool, photos: Path | None, actor: str | None
) -> None:
    """Apply a bundle (twice changes nothing; conflicts go to the queue)."""
    from tollbook.services.sync import import_bundle
    from tollbook.services.sync_keys import open_sealed

    who = _actor(actor)
    limits = FileLimits.from_env()
    if not path.is_file():
        fail(_("%(path)s: no such file", path=path))
    try:
        check_size(path, limits)
    except InputError as exc:
        fail(str(exc.problem))
    data = path.read_bytes()
    uow = open_store(ctx)
    try:
        bundle = open_sealed(uow, data, str(path), allow_plain=plain)
        result = import_bundle(
            uow, bundle, str(path), actor=who, limits=limits, photo_dir=_photo_dir(ctx, photos)
        )
    except InputError as exc:
        fail(str(exc.problem))
    except Refusal as exc:
        refused(exc)
    click.echo(
        _(
            "%(new)s new of %(versions)s versions from %(from_name)s: "
            "%(applied)s applied, %(deleted)s deleted, %(pending)s "
            "waiting, %(held)s held, %(conflicts)s conflicts; "
            "%(kept)s of %(photos)s photo files kept",
            new=result.new,
            versions=result.versions,
            from_name=result.from_name,
            applied=result.applied,
            deleted=result.deleted,
            pending=result.pending,
            held=result.held,
            conflicts=result.conflicts,
            kept=result.photos_kept,
            photos=result.photos,
        )
    )


@sync.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Settled ones too.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def conflicts_(ctx: click.Context, show_all: bool, as_json: bool) -> None:
    """The conflicts queue: versions a person has to choose between."""
    from tollbook.services.sync import conflicts

    uow = open_store(ctx)
    found = conflicts(uow, status=None if show_all else "open")
    if as_json:
        rows = [{**view.__dict__, "detected_at": view.detected_at.isoformat()} for view in found]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo(_("no conflicts"))
    for view in found:
        click.echo(f"#{view.id} {view.kind} {view.entity} {view.status}")
        for version in view.versions:
            payload = json.dumps(version["payload"], ensure_ascii=False, sort_keys=True)
            click.echo(
                _(
                    "  %(version)s (%(version2)s, %(version3)s) record %(version4)s: %(payload)s",
                    version=version["version"],
                    version2=version["site_name"],
                    version3=version["at"],
                    version4=version["gid"],
                    payload=payload,
                )
            )


@sync.command("settle")
@click.argument("conflict_id", type=int)
@click.option("--keep", required=True, help="SITE:SEQ of the version (or the record's id).")
@_actor_option
@click.pass_context
def settle(ctx: click.Context, conflict_id: int, keep: str, actor: str | None) -> None:
    """Settle a conflict by keeping one version (sent on with the next bundle)."""
    from tollbook.services.sync import settle_conflict

    who = _actor(actor)
    uow = open_store(ctx)
    try:
        kept = settle_conflict(uow, conflict_id, keep, actor=who)
    except Refusal as exc:
        refused(exc)
    click.echo(
        _("conflict %(conflict_id)s settled: kept %(kept)s", conflict_id=conflict_id, kept=kept)
    )


@sync.command("keygen")
@click.option("--name", default=None, help="This site's short name (morgue, team-1).")
@click.option("--replace", is_flag=True, help="Make new keys though the site has some.")
@_actor_option
@click.pass_context
def keygen_(ctx: click.Context, name: str | None, replace: bool, actor: str | None) -> None:
    """Make this site's keys and print its card (give it to the sites that trust it)."""
    from tollbook.services.sync_keys import keygen

    uow = open_store(ctx)
    try:
        card = keygen(uow, name=name, actor=_actor(actor), replace=replace)
    except Refusal as exc:
        refused(exc)
    click.echo(str(card))


@sync.command("card")
@click.pass_context
def card(ctx: click.Context) -> None:
    """Print this site's card (its public keys)."""
    from tollbook.services.sync_keys import my_card

    uow = open_store(ctx)
    try:
        click.echo(str(my_card(uow)))
    except Refusal as exc:
        refused(exc)


@sync.command("trust")
@click.argument("card_text", metavar="CARD")
@_actor_option
@click.pass_context
def trust_(ctx: click.Context, card_text: str, actor: str | None) -> None:
    """Trust a site: register its card (as `sync keygen` printed it there)."""
    from tollbook.services.sync_keys import trust

    uow = open_store(ctx)
    try:
        peer = trust(uow, card_text, actor=_actor(actor))
    except Refusal as exc:
        refused(exc)
    click.echo(_("trusted %(name)s (%(site_id)s)", name=peer.name, site_id=peer.site_id))


def _server_exchange(
    ctx: click.Context, url: str, server: str, user: str, actor: str | None, pull: bool
) -> None:
    from tollbook.services.sync_server import exchange_with_server

    password = os.environ.get(SYNC_PASSWORD_ENV) or click.prompt(
        f"password of {user} on {url}", hide_input=True, err=True
    )
    uow = open_store(ctx)
    try:
        done = exchange_with_server(
            uow,
            url,
            server_site=server,
            username=user,
            password=password,
            actor=_actor(actor),
            take_answer=pull,
            photo_dir=_photo_dir(ctx, None),
        )
    except Refusal as exc:
        refused(exc)
    got = done.server
    click.echo(
        _(
            "sent %(sent)s versions; the server took %(value)s new, %(value2)s conflicts",
            sent=done.sent,
            value=got.get("new", "?"),
            value2=got.get("conflicts", "?"),
        )
    )
    if done.received is not None:
        r = done.received
        click.echo(
            _(
                "received %(versions)s versions, %(new)s new: %(applied)s "
                "applied, %(pending)s waiting, %(held)s held, %(conflicts)s "
                "conflicts",
                versions=r.versions,
                new=r.new,
                applied=r.applied,
                pending=r.pending,
                held=r.held,
                conflicts=r.conflicts,
            )
        )


#: The password of the sync account, for scripts (else it is asked for).
SYNC_PASSWORD_ENV = settings.SYNC_PASSWORD
_server_options = [
    click.argument("url"),
    click.option("--server", "server", required=True, help="The server's site (id or name)."),
    click.option("--user", "user", required=True, help="An account that may sync (admin)."),
    _actor_option,
]


def _with_server_options(function: Any) -> Any:
    for option in reversed(_server_options):
        function = option(function)
    return function


@sync.command("push")
@_with_server_options
@click.pass_context
def push(ctx: click.Context, url: str, server: str, user: str, actor: str | None) -> None:
    """Send this site's changes to a Tollbook server over HTTPS (sealed for it)."""
    _server_exchange(ctx, url, server, user, actor, pull=False)


@sync.command("pull")
@_with_server_options
@click.pass_context
def pull(ctx: click.Context, url: str, server: str, user: str, actor: str | None) -> None:
    """Exchange with a Tollbook server: send this site's changes, apply what it sends."""
    _server_exchange(ctx, url, server, user, actor, pull=True)


@sync.command("distrust")
@click.argument("site")
@_actor_option
@click.pass_context
def distrust_(ctx: click.Context, site: str, actor: str | None) -> None:
    """Stop trusting a site (a lost or seized laptop): its bundles are refused."""
    from tollbook.services.sync_keys import distrust

    uow = open_store(ctx)
    try:
        site_id = distrust(uow, site, actor=_actor(actor))
    except Refusal as exc:
        refused(exc)
    click.echo(_("no longer trusted: %(site_id)s", site_id=site_id))


@sync.command("peers")
@click.pass_context
def peers_(ctx: click.Context) -> None:
    """The sites known here, trusted or seen."""
    from tollbook.services.sync_keys import peers

    uow = open_store(ctx)
    for peer in peers(uow):
        trusted = f"trusted by {peer.trusted_by}" if peer.trusted else "not trusted"
        click.echo(f"{peer.site_id} {peer.name} {trusted}")

"""The web app from the command line: ``serve``, and ``user add`` / ``user list``."""

from __future__ import annotations

import os
import sys

import click

from tollbook import settings
from tollbook.cli.common import fail, open_store
from tollbook.cli.language import _
from tollbook.services.accounts import MIN_PASSWORD_CHARS, ROLE_DESCRIPTIONS, ROLES

CLI_ACTOR_ENV = settings.ACTOR


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (login rate limits are counted per process).",
)
@click.option(
    "--secure-cookies/--no-secure-cookies",
    default=None,
    help="Mark cookies Secure (default: when the request came over https).",
)
@click.option(
    "--proxy-headers",
    is_flag=True,
    help="Trust X-Forwarded-For/-Proto from a reverse proxy on this machine (for https).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    workers: int,
    secure_cookies: bool | None,
    proxy_headers: bool,
) -> None:
    """Run the web app: JSON API under /api/, pages for people, on the database.

    The secret key comes from $TOLLBOOK_SECRET_KEY, or a key file made next to a SQLite
    database. Create the first account with `tollbook user add NAME --role admin`.
    """
    import uvicorn

    from tollbook.web.settings import (
        SECURE_COOKIES_ENV,
        SettingsError,
        WebSettings,
        secret_key_for,
    )

    url = ctx.obj["url"]
    open_store(ctx).dispose()  # a clear error now if the database is not ready
    try:
        secret_key_for(url, WebSettings())  # made once, before the workers start
    except SettingsError as error:
        fail(str(error))
    from tollbook.store.file_modes import exposure_warnings
    from tollbook.web.settings import key_path

    for warning in exposure_warnings(url, key_path(url)):
        click.echo(_("warning: %(warning)s", warning=warning), err=True)
    os.environ[settings.DATABASE_URL] = url
    if secure_cookies is not None:
        os.environ[SECURE_COOKIES_ENV] = "1" if secure_cookies else "0"
    click.echo(
        _(
            "serving Tollbook on http://%(host)s:%(port)s/ (%(workers)s worker(s))",
            host=host,
            port=port,
            workers=workers,
        ),
        err=True,
    )
    uvicorn.run(
        "tollbook.web.asgi:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=proxy_headers,
        forwarded_allow_ips="127.0.0.1" if proxy_headers else None,
        log_level="info",
    )


@click.group()
def user() -> None:
    """User accounts of the web app."""


@user.command("add")
@click.argument("username")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    required=True,
    help="; ".join(f"{r}: {what}" for r, what in ROLE_DESCRIPTIONS.items()),
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input (for scripts).",
)
@click.option(
    "--actor",
    default=None,
    help=f"Who is adding the account, for the audit log (default: ${CLI_ACTOR_ENV}, else cli).",
)
@click.pass_context
def user_add(
    ctx: click.Context, username: str, role: str, password_stdin: bool, actor: str | None
) -> None:
    """Add an account that can log in to the web app (asks for its password)."""
    from tollbook.services.accounts import CLI_ACTOR, AccountError, add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt(
            f"Password for {username} (at least {MIN_PASSWORD_CHARS} characters)",
            hide_input=True,
            confirmation_prompt=True,
        )
    who = actor or os.environ.get(CLI_ACTOR_ENV) or CLI_ACTOR
    uow = open_store(ctx)
    try:
        made = add_user(uow, username, role, password, who)
    except AccountError as error:
        fail(str(error))
    finally:
        uow.dispose()
    click.echo(
        _(
            "added user %(username)s (%(role)s), id %(id)s",
            username=made.username,
            role=made.role,
            id=made.id,
        )
    )


@user.command("list")
@click.pass_context
def user_list(ctx: click.Context) -> None:
    """The accounts, with their roles."""
    from tollbook.services.accounts import list_users

    uow = open_store(ctx)
    try:
        users = list_users(uow)
    finally:
        uow.dispose()
    for found in users:
        state = "" if found.active else " (disabled)"
        click.echo(f"{found.id}\t{found.username}\t{found.role}{state}")

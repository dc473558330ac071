"""Encryption at rest on the command line: the passphrase typed at start, ``init
--encrypt``, ``backup`` and ``restore`` (docs/encryption.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tollbook import settings
from tollbook.cli.common import fail
from tollbook.cli.language import _
from tollbook.store.database import SQLCIPHER_DRIVER, redact_url
from tollbook.store.database_key import (
    PASSPHRASE_ENV,
    PASSPHRASE_FILE_ENV,
    DatabaseKeyError,
    is_encrypted,
    passphrase,
    remember_passphrase,
)
from tollbook.store.file_modes import sqlite_path

MIN_PASSPHRASE = 8


def _interactive() -> bool:
    return sys.stdin.isatty()


def database_file(url: str) -> Path:
    """The file of a SQLite URL, or a clear error (encryption is for SQLite files)."""
    path = sqlite_path(url)
    if path is None:
        fail(
            _(
                "%(value)s is not a SQLite file: encrypt a server database "
                "with the server's own means (docs/encryption.md)",
                value=redact_url(url),
            )
        )
    return path


def ask_at_start(url: str) -> None:
    """Before a command runs on an encrypted database with no passphrase given: ask for
    it when a person is at the terminal (it is kept for this process only)."""
    path = sqlite_path(url)
    if path is None or passphrase() is not None or not _interactive():
        return
    if not is_encrypted(path, url.startswith(SQLCIPHER_DRIVER)):
        return
    remember_passphrase(click.prompt(f"passphrase of {path}", hide_input=True, err=True))


def new_passphrase(path: Path) -> str:
    """The passphrase that will encrypt ``path``: given, or typed twice."""
    given = passphrase()
    if given is None:
        if not _interactive():
            fail(
                _(
                    "encrypting %(path)s needs a passphrase: set "
                    "$%(passphrase_env)s or $%(passphrase_file_env)s, or run this "
                    "at a terminal",
                    path=path,
                    passphrase_env=PASSPHRASE_ENV,
                    passphrase_file_env=PASSPHRASE_FILE_ENV,
                )
            )
        given = click.prompt(
            f"new passphrase for {path}", hide_input=True, confirmation_prompt=True, err=True
        )
    if len(given) < MIN_PASSPHRASE:
        fail(
            _(
                "the passphrase is shorter than %(min_passphrase)s characters",
                min_passphrase=MIN_PASSPHRASE,
            )
        )
    remember_passphrase(given)
    return given


def known_passphrase(path: Path) -> str:
    """The passphrase already given for ``path`` (from the environment or typed)."""
    given = passphrase()
    if given is None:
        if not _interactive():
            fail(
                _(
                    "%(path)s needs a passphrase: set $%(passphrase_env)s or "
                    "$%(passphrase_file_env)s",
                    path=path,
                    passphrase_env=PASSPHRASE_ENV,
                    passphrase_file_env=PASSPHRASE_FILE_ENV,
                )
            )
        given = click.prompt(f"passphrase of {path}", hide_input=True, err=True)
        remember_passphrase(given)
    return given


def offer_encryption(path: Path, asked: bool) -> bool:
    """Whether ``init`` should encrypt the existing plain database ``path``: ``--encrypt``
    says yes; otherwise a person at the terminal is asked."""
    if asked:
        return True
    if not _interactive():
        return False
    return click.confirm(
        f"{path} is not encrypted; a seized laptop would give it away. Encrypt it now?",
        default=False,
        err=True,
    )


def plain_database(url: str) -> Path | None:
    """The file of ``url`` when it is an existing plain SQLite database, else None."""
    from tollbook.store.encrypted_copy import is_plain_sqlite

    path = sqlite_path(url)
    if path is None or is_encrypted(path, url.startswith(SQLCIPHER_DRIVER)):
        return None
    return path if is_plain_sqlite(path) else None


def start_encrypted(url: str) -> None:
    """Make ``url``'s new (or encrypted) database encrypted: a salt beside it."""
    from tollbook.store.database_key import KeySalt, salt_path, write_salt

    path = database_file(url)
    if salt_path(path).is_file():
        known_passphrase(path)
        return
    if path.exists() and path.stat().st_size > 0:
        fail(
            _(
                "%(path)s is neither a plain SQLite database nor an encrypted Tollbook one",
                path=path,
            )
        )
    new_passphrase(path)
    write_salt(path, KeySalt.new())


def photo_folder(database: Path) -> Path:
    """Where the photos of ``database`` are: ``$TOLLBOOK_PHOTO_DIR``, else ``photos/``
    beside it (as the web app has it)."""
    named = (settings.setting(settings.PHOTO_DIR) or "").strip()
    return Path(named) if named else database.resolve().parent / "photos"


def encrypt_existing(path: Path, keep_plain: Path | None) -> str:
    """Encrypt the plain database ``path`` in place; return its schema revision."""
    from tollbook.store.encrypted_copy import encrypt_in_place
    from tollbook.store.photo_files import encrypt_plain_photos, photo_key_of

    if keep_plain is not None and keep_plain.exists():
        fail(
            _(
                "%(keep_plain)s exists already: choose another file for the plain copy",
                keep_plain=keep_plain,
            )
        )
    revision = encrypt_in_place(path, new_passphrase(path), keep_plain)
    photos = photo_folder(path)
    count = encrypt_plain_photos(photos, photo_key_of(path))
    if count:
        click.echo(
            _("%(count)s photo(s) in %(photos)s are now encrypted", count=count, photos=photos),
            err=True,
        )
    click.echo(
        f"{path} is now encrypted" + (f"; its plain copy is {keep_plain}" if keep_plain else ""),
        err=True,
    )
    return revision


@click.command()
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The backup file to write (must not exist).",
)
@click.pass_context
def backup(ctx: click.Context, out: Path) -> None:
    """Write an encrypted backup of the SQLite database (mode 0600).

    An encrypted database is copied as it is; a plain one is encrypted with the
    passphrase. Restore it with `tollbook restore FILE` and the same passphrase.
    """
    from tollbook.store.encrypted_copy import write_backup

    path = database_file(ctx.obj["url"])
    if not path.is_file():
        fail(_("no database %(path)s", path=path))
    phrase = known_passphrase(path) if is_encrypted(path, False) else new_passphrase(path)
    try:
        revision = write_backup(path, out, phrase)
    except DatabaseKeyError as exc:
        fail(str(exc))
    click.echo(
        _(
            "backup of %(path)s (schema revision %(revision)s) written to %(out)s, encrypted",
            path=path,
            revision=revision,
            out=out,
        )
    )


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--force", is_flag=True, help="Replace an existing database.")
@click.pass_context
def restore(ctx: click.Context, file: Path, force: bool) -> None:
    """Restore the database from an encrypted backup made by `tollbook backup`.

    The backup is checked with the passphrase before anything is replaced; an existing
    database is replaced only with --force. The restored database stays encrypted.
    """
    from tollbook.store.encrypted_copy import restore_backup

    path = database_file(ctx.obj["url"])
    phrase = known_passphrase(file)
    try:
        revision = restore_backup(file, path, phrase, force=force)
    except DatabaseKeyError as exc:
        fail(str(exc))
    click.echo(
        _(
            "%(path)s restored from %(file)s (schema revision %(revision)s), encrypted",
            path=path,
            file=file,
            revision=revision,
        )
    )

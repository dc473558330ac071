"""How the web app is set up: database, secret key, cookies, limits.

The secret key signs nothing that outlives a restart except the CSRF tokens of open
forms; it comes from ``$TOLLBOOK_SECRET_KEY`` or from a key file kept next to a SQLite
database (created once, mode 0600). There is no built-in key.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

from tollbook import settings
from tollbook.exchange.file_limits import FileLimits
from tollbook.store.database import database_url as default_database_url
from tollbook.store.database import normalize_url

SECRET_KEY_ENV = settings.SECRET_KEY
SECRET_KEY_FILE_ENV = settings.SECRET_KEY_FILE
SECURE_COOKIES_ENV = settings.SECURE_COOKIES
#: The key file's name, next to the SQLite database (``tollbook.db`` -> ``tollbook.db.key``).
KEY_FILE_SUFFIX = ".key"
MIN_SECRET_CHARS = 32


class SettingsError(RuntimeError):
    """The app cannot start with these settings (no usable secret key, ...)."""


@dataclass(frozen=True)
class LoginLimits:
    """At most ``failures`` failed logins per IP address and user name in ``window``
    seconds, and ``ip_failures`` per IP address whatever the name."""

    failures: int = 5
    ip_failures: int = 50
    window_seconds: float = 15 * 60


@dataclass(frozen=True)
class WebSettings:
    """Everything :func:`tollbook.web.create_app` needs besides the database URL.

    ``secure_cookies``: None sets the ``Secure`` flag on cookies exactly when the request
    came over https (as the server sees it: run uvicorn with ``--proxy-headers`` behind a
    proxy); True or False forces it.
    """

    secret_key: str | None = None
    secure_cookies: bool | None = None
    session_hours: float = 12.0
    login_limits: LoginLimits = field(default_factory=LoginLimits)
    #: Largest report a user may paste or upload, in bytes.
    max_upload_bytes: int = 8 * 1024 * 1024
    #: Largest data file an import takes (named lists, bodies, graves, families' reports).
    max_file_bytes: int = 32 * 1024 * 1024
    #: Largest request body of a logged-in user (photos are the largest: 50 MiB), and of
    #: anyone else (logging in needs little); larger ones are refused before being read.
    max_request_bytes: int = 64 * 1024 * 1024
    max_anonymous_request_bytes: int = 64 * 1024
    #: What an imported data file may become once read: rows, columns, cell length,
    #: unzipped size (see :mod:`tollbook.exchange.file_limits`); as for the CLI.
    file_limits: FileLimits = field(default_factory=FileLimits)
    #: Largest page of a JSON listing.
    max_page: int = 500
    default_page: int = 50
    #: How long a computed toll is kept when nothing changed (it is dropped at once
    #: on any change: see :mod:`tollbook.web.toll_cache`).
    toll_cache_entries: int = 256


def settings_from_env(environ: Mapping[str, str] | None = None) -> WebSettings:
    env = os.environ if environ is None else environ
    secure = env.get(SECURE_COOKIES_ENV, "").strip().lower()
    secure_cookies = {"1": True, "true": True, "yes": True, "0": False, "false": False}.get(secure)
    limits = FileLimits.from_env(env)
    return WebSettings(
        secret_key=env.get(SECRET_KEY_ENV) or None,
        secure_cookies=secure_cookies,
        file_limits=limits,
        max_file_bytes=limits.max_bytes,
    )


def resolve_database_url(url: str | None) -> str:
    return normalize_url(url) if url is not None else default_database_url()


def secret_key_for(
    url: str, settings: WebSettings, environ: Mapping[str, str] | None = None
) -> str:
    """The key to sign with: the one in the settings, ``$TOLLBOOK_SECRET_KEY``, or the key
    file (``$TOLLBOOK_SECRET_KEY_FILE``, else next to a SQLite database), created if
    missing. A server database (PostgreSQL) needs the key given explicitly, so that every
    worker and every machine serving it uses the same one.
    """
    env = os.environ if environ is None else environ
    key = settings.secret_key or env.get(SECRET_KEY_ENV) or None
    if key is not None:
        if len(key) < MIN_SECRET_CHARS:
            raise SettingsError(
                f"the secret key is {len(key)} characters; use at least {MIN_SECRET_CHARS} "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        return key
    path = _key_path(url, env)
    if path is None:
        raise SettingsError(
            f"set {SECRET_KEY_ENV} (or {SECRET_KEY_FILE_ENV}): the database is not a SQLite "
            "file, so there is no place to keep a key next to it"
        )
    return read_or_create_key(path)


def read_or_create_key(path: Path) -> str:
    """The key in ``path``, or a new random one written there readable by its owner only.

    The new file appears whole or not at all (written aside, then linked into place), so
    server workers starting together all read the same key.
    """
    if not path.exists():
        key = secrets.token_urlsafe(48)
        scratch = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(key + "\n")
            with contextlib.suppress(FileExistsError):  # another process made it first
                os.link(scratch, path)
        finally:
            scratch.unlink(missing_ok=True)
    key = path.read_text(encoding="utf-8").strip()
    if len(key) < MIN_SECRET_CHARS:
        raise SettingsError(f"the key file {path} holds no usable key")
    return key


def key_path(url: str, environ: Mapping[str, str] | None = None) -> Path | None:
    """Where the key file of ``url`` is (or would be), if it has one."""
    return _key_path(url, os.environ if environ is None else environ)


def _key_path(url: str, env: Mapping[str, str]) -> Path | None:
    named = env.get(SECRET_KEY_FILE_ENV, "").strip()
    if named:
        return Path(named)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database + KEY_FILE_SUFFIX)

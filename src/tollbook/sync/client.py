"""The field site's side of sync over HTTPS: log in to a Tollbook server with an account
that may sync, send a sealed bundle, receive the server's sealed answer."""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

RESULT_HEADER = "X-Tollbook-Sync"
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


class SyncHttpError(RuntimeError):
    """The server could not be reached, or refused; the message says which and why."""


def check_url(url: str) -> str:
    """The server's base URL; HTTPS, except on this machine (loopback)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SyncHttpError(f"{url!r} is not a server address (https://HOST[:PORT])")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise SyncHttpError(
            f"{url}: sync goes over HTTPS only (plain http is accepted on this machine only)"
        )
    return url.rstrip("/")


def exchange(
    url: str, username: str, password: str, sealed: bytes, *, timeout: float = 600
) -> tuple[bytes, dict[str, Any]]:
    """Send ``sealed`` to the server at ``url``; its sealed answer and what it did."""
    base = check_url(url)
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    login = json.dumps({"username": username, "password": password}).encode("utf-8")
    answer = _send(
        opener,
        urllib.request.Request(
            base + "/api/session",
            data=login,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        ),
        timeout,
        "logging in",
    )
    try:
        csrf = str(json.loads(answer[0])["csrf_token"])
    except (ValueError, KeyError, TypeError):
        raise SyncHttpError(f"{base} did not answer as a Tollbook server does") from None
    body, headers = _send(
        opener,
        urllib.request.Request(
            base + "/api/sync/exchange",
            data=sealed,
            headers={
                "Content-Type": "application/octet-stream",
                "Accept": "application/json",
                "X-CSRF-Token": csrf,
            },
            method="POST",
        ),
        timeout,
        "sending the bundle",
    )
    try:
        summary: dict[str, Any] = json.loads(headers.get(RESULT_HEADER, "{}"))
    except ValueError:
        summary = {}
    return body, summary


def _send(
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request,
    timeout: float,
    doing: str,
) -> tuple[bytes, Any]:
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.read(), response.headers
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")
        with contextlib.suppress(ValueError, AttributeError):
            detail = str(json.loads(detail).get("error", detail))
        raise SyncHttpError(f"the server refused {doing} ({exc.code}): {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SyncHttpError(f"cannot reach {request.full_url} while {doing}: {reason}") from None

"""The central server's side of sync: a site sends its sealed bundle, the server imports
it and answers with a bundle sealed for that site holding what it lacks (same bundles,
same rules as on a stick; docs/field.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tollbook.domain.refusals import Invalid
from tollbook.services.sync import ImportResult, export_bundle, import_bundle
from tollbook.services.sync_keys import open_sealed, seal_for
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.sync.client import SyncHttpError, exchange


@dataclass(frozen=True)
class Exchange:
    received: ImportResult
    #: The answer: a bundle sealed for the sending site.
    reply: bytes
    sent: int


def serve_exchange(
    uow: UnitOfWork, data: bytes, *, actor: str, photo_dir: Path | None = None
) -> Exchange:
    """Import a sealed bundle from a trusted site, and seal what it lacks for it (photo
    files both ways, kept in and read from ``photo_dir``)."""
    inner = open_sealed(uow, data, "the uploaded bundle", allow_plain=False)
    received = import_bundle(uow, inner, "the uploaded bundle", actor=actor, photo_dir=photo_dir)
    answer = export_bundle(uow, for_site=received.from_site, photo_dir=photo_dir)
    return Exchange(received, seal_for(uow, answer.data, received.from_site), answer.versions)


@dataclass(frozen=True)
class ServerExchange:
    sent: int
    #: What the server did with our bundle (its summary).
    server: dict[str, Any]
    #: What we did with the server's answer (None for a push).
    received: ImportResult | None


def exchange_with_server(
    uow: UnitOfWork,
    url: str,
    *,
    server_site: str,
    username: str,
    password: str,
    actor: str,
    take_answer: bool,
    photo_dir: Path | None = None,
) -> ServerExchange:
    """Push this site's changes to the server (sealed for ``server_site``); with
    ``take_answer`` (a pull), also import what the server sends back."""
    ours = export_bundle(uow, for_site=server_site, photo_dir=photo_dir)
    sealed = seal_for(uow, ours.data, server_site)
    try:
        reply, summary = exchange(url, username, password, sealed)
    except SyncHttpError as exc:
        raise Invalid(str(exc)) from None
    received = None
    if take_answer:
        inner = open_sealed(uow, reply, url, allow_plain=False)
        received = import_bundle(uow, inner, url, actor=actor, photo_dir=photo_dir)
    return ServerExchange(ours.versions, summary, received)

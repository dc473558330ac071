"""Use cases of sealed bundles: a site's keys, the sites it trusts, sealing a bundle for
a peer and opening one from a peer (:mod:`tollbook.sync.seal`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_
from tollbook.services.sync import in_transaction
from tollbook.store.sync_tables import SyncPeerRow
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.sync.seal import (
    Card,
    Keys,
    SealError,
    card_of,
    is_sealed,
    new_keys,
    parse_card,
    seal,
    unseal,
    verify,
)
from tollbook.sync.site import this_site


def _now() -> datetime:
    return datetime.now(UTC)


@in_transaction
def keygen(uow: UnitOfWork, *, name: str | None, actor: str, replace: bool = False) -> Card:
    """Make this site's keys (once; ``replace`` makes new ones) and return its card."""
    now = _now()
    site = this_site(uow.session, now, name)
    if site.age_identity and not replace:
        raise Invalid(
            N_(
                "this site has keys already (`tollbook sync card` prints "
                "them); --replace makes new ones, and every peer must then "
                "trust the new card"
            )
        )
    keys = new_keys()
    site.age_identity, site.signing_key = keys.age_identity, keys.signing_key
    card = card_of(site.site_id, site.name, keys)
    uow.audit.append(
        at=now,
        actor=actor,
        action="sync.keygen",
        entity="sync_site",
        entity_id=site.site_id,
        after={"age_recipient": card.age_recipient, "verify_key": card.verify_key},
    )
    uow.commit()
    return card


@in_transaction
def my_card(uow: UnitOfWork) -> Card:
    site = this_site(uow.session, _now())
    uow.commit()
    if not site.age_identity:
        raise Invalid(N_("this site has no keys yet: run `tollbook sync keygen`"))
    return card_of(site.site_id, site.name, Keys(site.age_identity, site.signing_key))


@in_transaction
def trust(uow: UnitOfWork, card_text: str, *, actor: str) -> Card:
    """Register a peer's public keys (its card, as `sync keygen` printed it there)."""
    try:
        card = parse_card(card_text)
    except SealError as exc:
        raise Invalid(str(exc)) from None
    now = _now()
    site = this_site(uow.session, now)
    if card.site_id == site.site_id:
        raise Invalid(N_("that card is this site's own"))
    peer = uow.session.get(SyncPeerRow, card.site_id)
    before = None
    if peer is None:
        peer = SyncPeerRow(site_id=card.site_id, vector={})
        uow.session.add(peer)
    else:
        before = {"age_recipient": peer.age_recipient, "verify_key": peer.verify_key}
    peer.name, peer.age_recipient, peer.verify_key = card.name, card.age_recipient, card.verify_key
    peer.trusted_by, peer.trusted_at = actor, now
    uow.audit.append(
        at=now,
        actor=actor,
        action="sync.trust",
        entity="sync_peer",
        entity_id=card.site_id,
        before=before,
        after={
            "name": card.name,
            "age_recipient": card.age_recipient,
            "verify_key": card.verify_key,
        },
    )
    uow.commit()
    return card


@in_transaction
def distrust(uow: UnitOfWork, site: str, *, actor: str) -> str:
    """Stop trusting a site (id or name): its bundles are refused from now on."""
    for peer in uow.session.scalars(select(SyncPeerRow)):
        if site in (peer.site_id, peer.name) and peer.verify_key:
            before = {"age_recipient": peer.age_recipient, "verify_key": peer.verify_key}
            peer.age_recipient = peer.verify_key = ""
            uow.audit.append(
                at=_now(),
                actor=actor,
                action="sync.distrust",
                entity="sync_peer",
                entity_id=peer.site_id,
                before=before,
                after=None,
            )
            uow.commit()
            return peer.site_id
    raise Invalid(N_("site %(site)s is not trusted here", site=repr(site)))


@dataclass(frozen=True)
class PeerView:
    site_id: str
    name: str
    trusted: bool
    trusted_by: str


@in_transaction
def peers(uow: UnitOfWork) -> list[PeerView]:
    """The sites known here: trusted (their card registered), or only seen in bundles."""
    rows = uow.session.scalars(select(SyncPeerRow).order_by(SyncPeerRow.name))
    return [PeerView(p.site_id, p.name, bool(p.verify_key), p.trusted_by) for p in rows]


@in_transaction
def seal_for(uow: UnitOfWork, bundle: bytes, to_site: str) -> bytes:
    """``bundle`` sealed for the trusted peer ``to_site`` (id or name)."""
    site = this_site(uow.session, _now())
    if not site.age_identity:
        raise Invalid(N_("this site has no keys yet: run `tollbook sync keygen`"))
    peer = _trusted(uow, to_site)
    to = Card(peer.site_id, peer.name, peer.age_recipient, peer.verify_key)
    keys = Keys(site.age_identity, site.signing_key)
    return seal(bundle, keys=keys, signer=site.site_id, to=to)


def _trusted(uow: UnitOfWork, site: str) -> SyncPeerRow:
    for peer in uow.session.scalars(select(SyncPeerRow)):
        if site in (peer.site_id, peer.name) and peer.age_recipient:
            return peer
    raise Invalid(
        N_(
            "site %(site)s is not trusted here: run `tollbook sync trust CARD` with its card",
            site=repr(site),
        )
    )


@in_transaction
def open_sealed(uow: UnitOfWork, data: bytes, where: str, *, allow_plain: bool) -> bytes:
    """The bundle inside ``data``, its signature checked against a trusted peer's key;
    a plain bundle only when ``allow_plain``."""
    if not is_sealed(data):
        if allow_plain:
            return data
        raise Invalid(
            N_(
                "%(where)s: the bundle is not sealed (not encrypted or "
                "signed); import it with --plain only if it never left your "
                "hands",
                where=where,
            )
        )
    site = this_site(uow.session, _now())
    try:
        signer, bundle, signature = unseal(
            data, keys=Keys(site.age_identity, site.signing_key), site_id=site.site_id
        )
    except SealError as exc:
        raise Invalid(N_("%(where)s: %(exc)s", where=where, exc=exc)) from None
    peer = uow.session.get(SyncPeerRow, signer)
    if peer is None or not peer.verify_key:
        raise Invalid(
            N_(
                "%(where)s: the bundle is signed by site %(signer)s, which is "
                "not trusted here; nothing was imported (trust its card first "
                "if it is one of yours)",
                where=where,
                signer=signer,
            )
        )
    try:
        verify(bundle, signature, verify_key=peer.verify_key, site_id=site.site_id)
    except SealError as exc:
        raise Invalid(N_("%(where)s: %(exc)s", where=where, exc=exc)) from None
    return bundle

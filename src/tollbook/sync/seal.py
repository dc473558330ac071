"""Sealed bundles, safe to carry: encrypted to the receiving site (age, X25519) and
signed by the sender (Ed25519).

A sealed bundle is ``MAGIC`` then an age file. Inside it: one JSON line naming the
signing site and its signature, then the bundle. The signature covers the receiving
site's id and the SHA-256 of the bundle, so a bundle cannot be passed off to another
site or changed. A lost stick shows only that it holds a Tollbook bundle.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

MAGIC = b"TOLLBOOK-SEALED-BUNDLE-1\n"
CARD_PREFIX = "tollbook-site-1"
_CONTEXT = b"tollbook-sync-bundle-v1\x00"


class SealError(ValueError):
    """A sealed bundle that cannot be opened, or a key card that cannot be read."""


@dataclass(frozen=True)
class Keys:
    """A site's private keys (age identity, Ed25519 seed in base64)."""

    age_identity: str
    signing_key: str


@dataclass(frozen=True)
class Card:
    """A site's public keys, as given to the sites that will trust it."""

    site_id: str
    name: str
    age_recipient: str
    verify_key: str

    def __str__(self) -> str:
        return ":".join((CARD_PREFIX, self.site_id, self.name, self.age_recipient, self.verify_key))


def new_keys() -> Keys:
    identity = pyrage.x25519.Identity.generate()
    seed = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return Keys(str(identity), _b64(seed))


def card_of(site_id: str, name: str, keys: Keys) -> Card:
    identity = pyrage.x25519.Identity.from_str(keys.age_identity)
    verify = (
        _signer(keys)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return Card(site_id, name, str(identity.to_public()), _b64(verify))


def parse_card(text: str) -> Card:
    parts = text.strip().split(":")
    if len(parts) != 5 or parts[0] != CARD_PREFIX:
        raise SealError(
            f"not a site's key card: expected {CARD_PREFIX}:SITE-ID:NAME:AGE-KEY:SIGNING-KEY "
            "(printed by `tollbook sync keygen` on that site)"
        )
    _, site_id, name, recipient, verify = parts
    try:
        pyrage.x25519.Recipient.from_str(recipient)
        Ed25519PublicKey.from_public_bytes(_unb64(verify))
    except Exception:
        raise SealError("the key card's keys are damaged (copy it again)") from None
    return Card(site_id, name, recipient, verify)


def seal(bundle: bytes, *, keys: Keys, signer: str, to: Card) -> bytes:
    """The bundle encrypted to ``to`` and signed by this site (``signer``)."""
    signature = _signer(keys).sign(_signed(to.site_id, bundle))
    head = {"signer": signer, "to": to.site_id, "signature": _b64(signature)}
    inner = json.dumps(head).encode("utf-8") + b"\n" + bundle
    recipient = pyrage.x25519.Recipient.from_str(to.age_recipient)
    return MAGIC + bytes(pyrage.encrypt(inner, [recipient]))


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def unseal(data: bytes, *, keys: Keys, site_id: str) -> tuple[str, bytes, str]:
    """Decrypt a sealed bundle for this site: (the signing site, the bundle, its
    signature), not yet verified (see :func:`verify`)."""
    if not keys.age_identity:
        raise SealError("this site has no keys: run `tollbook sync keygen` first")
    identity = pyrage.x25519.Identity.from_str(keys.age_identity)
    try:
        inner: bytes = pyrage.decrypt(data[len(MAGIC) :], [identity])
    except Exception:
        raise SealError(
            "the bundle cannot be opened: it was sealed for another site, or altered"
        ) from None
    line, _, bundle = inner.partition(b"\n")
    try:
        head = json.loads(line)
        signer, to, signature = str(head["signer"]), str(head["to"]), str(head["signature"])
    except (ValueError, KeyError, TypeError):
        raise SealError("the bundle's signature is missing") from None
    if to != site_id:
        raise SealError(f"the bundle was sealed for site {to}, not this one ({site_id})")
    return signer, bundle, signature


def verify(bundle: bytes, signature: str, *, verify_key: str, site_id: str) -> None:
    """Raise SealError unless ``signature`` of the signer's key covers ``bundle``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(_unb64(verify_key))
        key.verify(_unb64(signature), _signed(site_id, bundle))
    except (InvalidSignature, ValueError):
        raise SealError(
            "the bundle's signature does not match: it was altered, or not signed by "
            "the site it names; nothing was imported"
        ) from None


def _signed(to_site: str, bundle: bytes) -> bytes:
    return _CONTEXT + to_site.encode("ascii") + b"\x00" + hashlib.sha256(bundle).digest()


def _signer(keys: Keys) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_unb64(keys.signing_key))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

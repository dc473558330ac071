"""Versions of a record and what a set of them means (pure: no database).

The state of a record is a function of the *set* of its versions: its heads (the
versions no other names as parent) and, among them, the winner (highest Lamport clock,
then site id) that stands in the table. So versions applied in any order give the same
state, and a version applied twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tollbook.sync.payloads import canonical, digest_of


@dataclass(frozen=True)
class Version:
    site: str
    seq: int
    clock: int
    gid: str
    entity: str
    parents: tuple[str, ...]
    #: The record's content, foreign keys as global ids; None when it was deleted.
    payload: dict[str, Any] | None
    at: str

    @property
    def id(self) -> str:
        found: str | None = self.__dict__.get("_id")
        if found is None:
            found = version_id(self.site, self.seq)
            object.__setattr__(self, "_id", found)
        return found

    @property
    def stamp(self) -> tuple[int, str]:
        return (self.clock, self.site)

    # made once per version and kept beside its fields (not compared, not shown)
    @property
    def content(self) -> str:
        """The payload as canonical JSON, made once: stored in the change log as it is,
        and hashed for the digest."""
        found: str | None = self.__dict__.get("_content")
        if found is None:
            found = canonical(self.payload)
            object.__setattr__(self, "_content", found)
        return found

    @property
    def digest(self) -> str:
        """SHA-256 of :attr:`content` (what :func:`.payloads.digest` gives)."""
        found: str | None = self.__dict__.get("_digest")
        if found is None:
            found = digest_of(self.content)
            object.__setattr__(self, "_digest", found)
        return found


def with_content(version: Version, content: str) -> Version:
    """``version`` given its canonical JSON already made by the caller (from the same
    payload), so that it is not serialised a second time."""
    object.__setattr__(version, "_content", content)
    return version


def version_id(site: str, seq: int) -> str:
    return f"{site}:{seq}"


def heads(versions: Iterable[Version]) -> list[Version]:
    """The versions no other names as parent, the winner first (highest clock, site)."""
    held = list(versions)
    if len(held) == 1 and held[0].id not in held[0].parents:
        return held  # most records: one version
    named = {parent for version in held for parent in version.parents}
    return sorted(
        (version for version in held if version.id not in named),
        key=lambda version: version.stamp,
        reverse=True,
    )


def in_conflict(tops: list[Version], incidental: frozenset[str]) -> bool:
    """Whether heads differ in more than incidental columns (so a person must choose)."""
    if len(tops) < 2:
        return False

    def substance(version: Version) -> object:
        if version.payload is None:
            return None
        return {k: v for k, v in version.payload.items() if k not in incidental}

    first = substance(tops[0])
    return any(substance(other) != first for other in tops[1:])


def first_stamp(versions: Iterable[Version]) -> tuple[int, str]:
    """The stamp of a record's earliest version (who made it first)."""
    return min(version.stamp for version in versions)


def contiguous(seqs: Iterable[int]) -> int:
    """The highest n such that 1..n are all in ``seqs`` (0 if 1 is missing)."""
    present = set(seqs)
    n = 0
    while n + 1 in present:
        n += 1
    return n


def missing_from(vector: Mapping[str, int], site: str, seq: int) -> bool:
    """Whether a peer with ``vector`` may lack the version ``site:seq``."""
    return seq > int(vector.get(site, 0))

"""Which tables travel between sites, in what order, and how each is identified.

An :class:`Entity` names a table, how its records get a global id (from a natural
identity, or from the site that made it and its local number), which of its columns are
foreign keys (sent as global ids), what may not repeat (a unique conflict) and which
columns do not matter when two versions are compared (incidental).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Column, Date, Float, Integer, Table

from tollbook.store import list_tables, registry_tables, tables
from tollbook.store.column_types import UTCDateTime

#: The namespace of every global id (UUID v5).
NAMESPACE = uuid.UUID("5b0f7c1e-2f7d-4c38-9a53-7e1f0f6b2a11")


@dataclass(frozen=True)
class Links:
    """Rows of a link table that travel inside the record they belong to (an override's
    claims): sent as the list of the named records' global ids."""

    table: Table
    #: The link table's column naming the record the links belong to.
    parent: str
    #: The link table's column naming the linked record, and the entity it names.
    column: str
    target: str
    #: The payload field holding the linked records' global ids (sorted).
    field: str


@dataclass(frozen=True)
class Entity:
    table: Table
    #: Foreign-key column -> the entity it names.
    refs: dict[str, str] = field(default_factory=dict)
    #: Payload columns whose values make the global id; None: the making site and local id.
    natural: tuple[str, ...] | None = None
    #: Rows are only ever added (read past the last one captured).
    append_only: bool = False
    #: Payload columns whose values may be held by one record only.
    unique: tuple[tuple[str, ...], ...] = ()
    #: Columns that do not make two versions a conflict when only they differ.
    incidental: frozenset[str] = frozenset()
    #: Two foreign keys kept in order of their local ids (``record_a < record_b``).
    pair: tuple[str, str] | None = None
    #: Columns that mean something on this site only (not sent; empty on arrival).
    local_only: frozenset[str] = frozenset()
    #: A link table whose rows travel inside the record.
    links: Links | None = None

    @cached_property
    def name(self) -> str:
        # a plain str: the table's name is SQLAlchemy's subclass, which drivers adapt
        # one value at a time
        return str(self.table.name)

    @cached_property
    def key(self) -> Column[Any]:
        (column,) = self.table.primary_key.columns
        return column

    @cached_property
    def surrogate(self) -> bool:
        """The key is a local number (not sent), not a natural key or a foreign key."""
        key = self.key
        return isinstance(key.type, Integer) and key.name not in self.refs

    @cached_property
    def columns(self) -> list[Column[Any]]:
        """The columns sent in a payload."""
        return [
            c
            for c in self.table.columns
            if not (self.surrogate and c is self.key) and c.name not in self.local_only
        ]

    @cached_property
    def names(self) -> frozenset[str]:
        linked = {self.links.field} if self.links is not None else set()
        return frozenset(column.name for column in self.columns) | linked

    @cached_property
    def kinds(self) -> tuple[tuple[str, str, bool], ...]:
        """(column, what its values are, whether it may be empty), in payload order:
        ``gid`` (a foreign key sent as a global id), ``json``, ``bool``, ``int``,
        ``float``, ``date``, ``ts`` (a timestamp), ``text``, or ``gids`` (the global ids
        of linked records, :class:`Links`)."""
        found = []
        for column in self.columns:
            target = self.refs.get(column.name)
            kind = column.type
            if target is not None and BY_NAME[target].surrogate:
                what = "gid"
            elif isinstance(kind, JSON):
                what = "json"
            elif isinstance(kind, Boolean):
                what = "bool"
            elif isinstance(kind, Integer):
                what = "int"
            elif isinstance(kind, Float):
                what = "float"
            elif isinstance(kind, UTCDateTime):
                what = "ts"
            elif isinstance(kind, Date):
                what = "date"
            else:
                what = "text"
            found.append((column.name, what, bool(column.nullable)))
        if self.links is not None:
            found.append((self.links.field, "gids", False))
        return tuple(found)


def _e(model: Any, **kwargs: Any) -> Entity:
    return Entity(table=model.__table__, **kwargs)


_R = registry_tables
_L = list_tables
_T = tables

#: Parents before children: a record is applied after the records it names.
ENTITIES: tuple[Entity, ...] = (
    _e(_R.GraveSiteRow, natural=("code",)),
    _e(_R.TrenchRow, natural=("trench_id",), refs={"site": "grave_sites"}),
    _e(_R.MorgueRow, natural=("code",)),
    _e(_R.BodyRow, natural=("ref",), refs={"parent_ref": "bodies"}, incidental=frozenset()),
    _e(
        _R.GravePositionRow,
        natural=("ref",),
        refs={"ref": "bodies", "trench_id": "trenches"},
        unique=(("trench_id", "position"),),
    ),
    _e(_R.CustodyEventRow, refs={"ref": "bodies"}, append_only=True),
    _e(_R.BodyPhotoRow, natural=("ref", "sha256"), refs={"ref": "bodies"}),
    _e(_R.MissingReportRow, natural=("report_id",)),
    _e(
        _R.IdentificationRow,
        refs={"ref": "bodies", "report_id": "missing_reports"},
        unique=(("ref",), ("report_id",)),
    ),
    _e(
        _R.FamilyNotificationRow,
        refs={"identification_id": "identifications"},
        unique=(("identification_id",),),
    ),
    _e(_R.MissingNoteRow, natural=("note_record_id",), refs={"report_id": "missing_reports"}),
    _e(_R.CaseEventRow, refs={"report_id": "missing_reports"}, append_only=True),
    _e(
        _T.ReportRow,
        natural=("text_sha256",),
        incidental=frozenset({"ingested_at", "ingested_by", "source"}),
    ),
    _e(
        _T.ClaimRow,
        natural=("report_id", "outcome", "evidence_start", "evidence", "victims", "low", "high"),
        refs={"report_id": "reports", "part_of_claim_id": "claims"},
        incidental=frozenset({"created_at"}),
    ),
    _e(_T.ClaimReviewRow, natural=("claim_id",), refs={"claim_id": "claims"}),
    # a person's decision on a grouping; the incident it was made on is this site's own
    # (each site groups its claims into incidents itself), the claims it names travel
    _e(
        _T.OverrideRow,
        local_only=frozenset({"incident_id"}),
        links=Links(
            table=cast(Table, _T.OverrideClaimRow.__table__),
            parent="override_id",
            column="claim_id",
            target="claims",
            field="claims",
        ),
    ),
    _e(_L.NamedListRow, natural=("name",), incidental=frozenset({"created_at", "created_by"})),
    _e(
        _L.ListImportRow,
        refs={"list_id": "named_lists", "duplicate_of": "list_imports"},
        unique=(("list_id", "file_sha256", "duplicate_of"),),
    ),
    _e(
        _L.ListRecordRow,
        natural=("import_id", "row"),
        refs={"list_id": "named_lists", "import_id": "list_imports"},
    ),
    # the trained linkage model: with it and the pair decisions, ``tollbook link`` on
    # another site (which reuses the newest comparable model) finds the same persons
    _e(_L.LinkageModelRow),
    _e(
        _L.PairReviewRow,
        refs={"record_a": "list_records", "record_b": "list_records"},
        unique=(("record_a", "record_b"),),
        pair=("record_a", "record_b"),
    ),
    _e(_T.AuditRow, append_only=True),
)

BY_NAME: dict[str, Entity] = {entity.name: entity for entity in ENTITIES}
#: Where each entity stands in :data:`ENTITIES`.
ORDER: dict[str, int] = {entity.name: index for index, entity in enumerate(ENTITIES)}
#: Audit entries with these actions are the site's own (an import) and are not sent.
LOCAL_AUDIT_PREFIX = "sync."


def natural_gid(entity: str, values: list[Any]) -> str:
    """The global id of a record with a natural identity."""
    text = entity + "\x1f" + json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return uuid5_text(text)


def site_gid(site_id: str, entity: str, local_key: str) -> str:
    """The global id of a record without one, made by ``site_id`` as ``local_key``."""
    return uuid5_text(f"{site_id}\x1f{entity}\x1f{local_key}")


_NAMESPACE_BYTES = NAMESPACE.bytes


def uuid5_text(name: str) -> str:
    """``str(uuid.uuid5(NAMESPACE, name))``, without making a UUID object (two per
    record exported or imported)."""
    found = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode("utf-8")).digest()[:16])
    found[6] = (found[6] & 0x0F) | 0x50  # version 5
    found[8] = (found[8] & 0x3F) | 0x80  # the variant of RFC 4122
    h = found.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

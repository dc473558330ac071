"""PFIF (People Finder Interchange Format): persons and notes, out in 1.4, in from 1.2,
1.3 and 1.4.

Export writes ``<pfif:pfif>`` with one ``<pfif:person>`` per missing person (with the
family's consent to sharing) and its ``<pfif:note>`` elements; every field PFIF 1.4
requires is written (:data:`REQUIRED_PERSON_FIELDS`, :data:`REQUIRED_NOTE_FIELDS`).
Import reads persons and notes (top-level or nested in their person) and reports each bad
record by element, e.g. ``file.xml: field 'person[3]/sex': ...``. Older versions are read
under their 1.4 names: ``first_name`` is ``given_name``, ``last_name`` ``family_name``,
``other`` ``description``, ``home_zip`` ``home_postal_code``, a note's ``found``
``author_made_contact``. Pure: bytes in, data out.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import defusedxml.ElementTree as DET  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException

from tollbook.domain.text import N_
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import FileLimits, refuse

NAMESPACE = "http://zesty.ca/pfif/1.4"
#: The versions read, by namespace.
NAMESPACES: dict[str, str] = {
    "http://zesty.ca/pfif/1.2": "1.2",
    "http://zesty.ca/pfif/1.3": "1.3",
    NAMESPACE: "1.4",
}
#: Fields of PFIF 1.2 and 1.3 and their names in 1.4.
OLD_NAMES: dict[str, str] = {
    "first_name": "given_name",
    "last_name": "family_name",
    "other": "description",
    "home_zip": "home_postal_code",
    "found": "author_made_contact",
}
NOTE_STATUSES: tuple[str, ...] = (
    "",
    "information_sought",
    "is_note_author",
    "believed_alive",
    "believed_missing",
    "believed_dead",
)
SEXES: tuple[str, ...] = ("", "female", "male", "other")
MAX_BYTES = 50 * 1024 * 1024

PERSON_FIELDS: tuple[str, ...] = (
    "person_record_id",
    "entry_date",
    "expiry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_name",
    "source_date",
    "source_url",
    "full_name",
    "given_name",
    "family_name",
    "alternate_names",
    "description",
    "sex",
    "date_of_birth",
    "age",
    "home_street",
    "home_neighborhood",
    "home_city",
    "home_state",
    "home_postal_code",
    "home_country",
    "photo_url",
    "profile_urls",
)
#: The person fields PFIF 1.4 marks "required".
REQUIRED_PERSON_FIELDS: tuple[str, ...] = (
    "person_record_id",
    "entry_date",
    "author_name",
    "source_name",
    "source_date",
    "full_name",
)
#: The note fields PFIF 1.4 marks "required".
REQUIRED_NOTE_FIELDS: tuple[str, ...] = (
    "note_record_id",
    "person_record_id",
    "entry_date",
    "author_name",
    "source_date",
    "text",
)
NOTE_FIELDS: tuple[str, ...] = (
    "note_record_id",
    "person_record_id",
    "linked_person_record_id",
    "entry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_date",
    "author_made_contact",
    "status",
    "email_of_found_person",
    "phone_of_found_person",
    "last_known_location",
    "text",
    "photo_url",
)


@dataclass(frozen=True)
class PfifNote:
    values: dict[str, str]

    @property
    def status(self) -> str:
        return self.values.get("status", "")


@dataclass(frozen=True)
class PfifPerson:
    values: dict[str, str]
    notes: tuple[PfifNote, ...] = field(default_factory=tuple)

    @property
    def record_id(self) -> str:
        return self.values["person_record_id"]


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def write_pfif(persons: Sequence[PfifPerson]) -> bytes:
    """A PFIF 1.4 document with ``persons`` and their notes (fields in PFIF order)."""
    ET.register_namespace("pfif", NAMESPACE)
    root = ET.Element(_q("pfif"))
    for person in persons:
        element = ET.SubElement(root, _q("person"))
        for name in PERSON_FIELDS:
            if person.values.get(name):
                ET.SubElement(element, _q(name)).text = person.values[name]
        for note in person.notes:
            child = ET.SubElement(element, _q("note"))
            for name in NOTE_FIELDS:
                if note.values.get(name):
                    ET.SubElement(child, _q(name)).text = note.values[name]
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def utc_text(value: datetime) -> str:
    """A PFIF timestamp: UTC, ``YYYY-MM-DDTHH:MM:SSZ``."""
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def read_pfif(
    data: bytes, name: str, limits: FileLimits | None = None
) -> tuple[list[PfifPerson], list[InputProblem]]:
    """Persons (with their notes) of a PFIF 1.2, 1.3 or 1.4 document (fields under their
    1.4 names), and the problems of bad records.

    A document that is not PFIF at all raises :class:`InputError`; one over
    ``limits`` (persons and notes as rows, an element's text as a cell; default: from
    the environment) raises :class:`~tollbook.exchange.file_limits.FileTooLarge`.
    """
    if not data.strip():
        raise InputError(InputProblem(name, N_("the file is empty")))
    if len(data) > MAX_BYTES:
        raise InputError(
            InputProblem(name, N_("larger than %(value)s MiB", value=MAX_BYTES // 2**20))
        )
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InputError(InputProblem(name, N_("document types and entities are not allowed")))
    root = _parse(data, name, limits or FileLimits.from_env())
    space = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    if space not in NAMESPACES or root.tag != f"{{{space}}}pfif":
        wanted = ", ".join(NAMESPACES)
        raise InputError(
            InputProblem(
                name,
                N_(
                    "the root element is %(tag)s, not pfif in one of %(wanted)s",
                    tag=root.tag,
                    wanted=wanted,
                ),
            )
        )
    problems: list[InputProblem] = []
    persons: dict[str, PfifPerson] = {}
    loose: list[tuple[str, PfifNote]] = []
    for i, element in enumerate(root.findall(f"{{{space}}}person"), start=1):
        where = f"person[{i}]"
        values = _values(element, PERSON_FIELDS, space)
        notes = []
        for j, child in enumerate(element.findall(f"{{{space}}}note"), start=1):
            note = _note(
                child, f"{where}/note[{j}]", name, problems, values.get("person_record_id"), space
            )
            if note is not None:
                notes.append(note)
        problem = _person_problem(values)
        if problem is not None:
            problems.append(InputProblem(name, problem[1], field=f"{where}/{problem[0]}"))
            continue
        persons[values["person_record_id"]] = PfifPerson(values, tuple(notes))
    for j, child in enumerate(root.findall(f"{{{space}}}note"), start=1):
        note = _note(child, f"note[{j}]", name, problems, None, space)
        if note is not None:
            loose.append((f"note[{j}]", note))
    for where, note in loose:
        owner = persons.get(note.values["person_record_id"])
        if owner is None:
            problems.append(
                InputProblem(
                    name,
                    N_("no person with this id in the file"),
                    field=f"{where}/person_record_id",
                )
            )
            continue
        persons[owner.record_id] = PfifPerson(owner.values, (*owner.notes, note))
    return list(persons.values()), problems


def _parse(data: bytes, name: str, limits: FileLimits) -> ET.Element:
    """The document's root, parsed as a stream without document types or entities
    (defusedxml), refused as soon as it holds more persons and notes than
    ``max_rows``, more elements than ``max_rows * max_columns``, or an element's text
    longer than ``max_cell_chars``."""
    records = 0
    elements = 0
    most_elements = limits.max_rows * limits.max_columns
    root: ET.Element | None = None
    try:
        for event, element in DET.iterparse(
            io.BytesIO(data), events=("start", "end"), forbid_dtd=True
        ):
            if event == "start":
                root = element if root is None else root
                elements += 1
                if elements > most_elements:
                    refuse(name, "max_rows", limits.max_rows, detail="too many XML elements")
                if element.tag.rpartition("}")[2] in ("person", "note"):
                    records += 1
                    if records > limits.max_rows:
                        detail = f"record {records:,} (persons and notes) is one too many"
                        refuse(name, "max_rows", limits.max_rows, detail=detail)
                continue
            text = element.text or ""
            if len(text) > limits.max_cell_chars:
                local = element.tag.rpartition("}")[2]
                detail = f"a <{local}> of {len(text):,} characters"
                refuse(name, "max_cell_chars", limits.max_cell_chars, detail=detail)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(
            InputProblem(name, N_("not well-formed XML: %(exc)s", exc=exc), line)
        ) from None
    except DefusedXmlException:
        raise InputError(
            InputProblem(name, N_("document types and entities are not allowed"))
        ) from None
    if root is None:
        raise InputError(InputProblem(name, N_("not well-formed XML: no element")))
    return root


def _values(element: ET.Element, fields: tuple[str, ...], space: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for child in element:
        if not child.tag.startswith(f"{{{space}}}"):
            continue
        local = child.tag.removeprefix(f"{{{space}}}")
        local = OLD_NAMES.get(local, local)
        if local in fields and (child.text or "").strip():
            values[local] = (child.text or "").strip()
    return values


def missing_required(persons: Sequence[PfifPerson]) -> list[str]:
    """Each required PFIF 1.4 field that a person or note lacks, as
    ``person[2]/source_date`` or ``person[2]/note[1]/text``."""
    missing = []
    for i, person in enumerate(persons, start=1):
        missing += [f"person[{i}]/{f}" for f in REQUIRED_PERSON_FIELDS if not person.values.get(f)]
        for j, note in enumerate(person.notes, start=1):
            missing += [
                f"person[{i}]/note[{j}]/{f}" for f in REQUIRED_NOTE_FIELDS if not note.values.get(f)
            ]
    return missing


def _is_timestamp(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _person_problem(values: dict[str, str]) -> tuple[str, str] | None:
    if not values.get("person_record_id") or "/" not in values["person_record_id"]:
        return "person_record_id", "missing, or not of the form domain/id"
    if not (values.get("full_name") or values.get("given_name") or values.get("family_name")):
        return "full_name", "a person needs a full_name, given_name or family_name"
    if values.get("sex", "") not in SEXES:
        return "sex", f"{values['sex']!r} is not female, male or other"
    birth = values.get("date_of_birth", "")
    if birth:
        try:
            if len(birth) not in (4, 7, 10):
                raise ValueError(birth)
            date.fromisoformat((birth + "-01-01"[len(birth) - 4 :])[:10])
        except ValueError:
            return "date_of_birth", f"{birth!r} is not YYYY-MM-DD, YYYY-MM or YYYY"
    age = values.get("age", "")
    if age and not all(part.isdigit() for part in age.split("-", 1)):
        return "age", f"{age!r} is not an age or a range such as 30-40"
    for stamp in ("entry_date", "source_date", "expiry_date"):
        if values.get(stamp) and not _is_timestamp(values[stamp]):
            return stamp, f"{values[stamp]!r} is not a UTC timestamp YYYY-MM-DDTHH:MM:SSZ"
    return None


def _note(
    element: ET.Element,
    where: str,
    name: str,
    problems: list[InputProblem],
    owner: str | None,
    space: str,
) -> PfifNote | None:
    values = _values(element, NOTE_FIELDS, space)
    if owner is not None and not values.get("person_record_id"):
        values["person_record_id"] = owner
    problem: tuple[str, str] | None = None
    if not values.get("note_record_id") or "/" not in values["note_record_id"]:
        problem = ("note_record_id", "missing, or not of the form domain/id")
    elif not values.get("person_record_id"):
        problem = ("person_record_id", "missing")
    elif owner is not None and values["person_record_id"] != owner:
        problem = ("person_record_id", f"is not the id of the person it is in ({owner})")
    elif values.get("status", "") not in NOTE_STATUSES:
        problem = ("status", f"{values['status']!r} is not a PFIF note status")
    elif values.get("entry_date") and not _is_timestamp(values["entry_date"]):
        problem = ("entry_date", f"{values['entry_date']!r} is not a UTC timestamp")
    if problem is not None:
        problems.append(InputProblem(name, problem[1], field=f"{where}/{problem[0]}"))
        return None
    return PfifNote(values)

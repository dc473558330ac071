"""PFIF (issue 17, point 9): the export carries every field PFIF 1.4 requires, and files
of PFIF 1.2, 1.3 and 1.4 are imported keeping every field a report can hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.domain.missing import MissingReport
from tollbook.exchange.errors import InputError
from tollbook.exchange.pfif import NAMESPACE, missing_required, read_pfif
from tollbook.registry.access import Actor
from tollbook.services import registry
from tollbook.store.unit_of_work import UnitOfWork

LIAISON = Actor("olha", "family_liaison")

PFIF_12 = """<?xml version="1.0" encoding="utf-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.2">
  <pfif:person>
    <pfif:person_record_id>families.example.org/p12</pfif:person_record_id>
    <pfif:entry_date>2022-03-20T10:00:00Z</pfif:entry_date>
    <pfif:author_name>Olena Koval</pfif:author_name>
    <pfif:author_phone>+380 00 000 0000</pfif:author_phone>
    <pfif:source_name>families.example.org</pfif:source_name>
    <pfif:source_date>2022-03-19T08:30:00Z</pfif:source_date>
    <pfif:first_name>Iryna</pfif:first_name>
    <pfif:last_name>Koval</pfif:last_name>
    <pfif:home_city>Mariupol</pfif:home_city>
    <pfif:home_zip>87500</pfif:home_zip>
    <pfif:other>зелена куртка, татуювання якоря на лівому плечі</pfif:other>
    <pfif:sex>female</pfif:sex>
    <pfif:date_of_birth>1975</pfif:date_of_birth>
    <pfif:age>45-50</pfif:age>
    <pfif:note>
      <pfif:note_record_id>families.example.org/n12</pfif:note_record_id>
      <pfif:entry_date>2022-03-20T10:00:00Z</pfif:entry_date>
      <pfif:author_name>Olena Koval</pfif:author_name>
      <pfif:found>false</pfif:found>
      <pfif:status>information_sought</pfif:status>
      <pfif:text>Last seen near the theatre.</pfif:text>
    </pfif:note>
  </pfif:person>
</pfif:pfif>
"""

PFIF_14 = """<?xml version="1.0" encoding="utf-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>families.example.org/p14</pfif:person_record_id>
    <pfif:entry_date>2022-04-02T09:00:00Z</pfif:entry_date>
    <pfif:expiry_date>2032-04-02T09:00:00Z</pfif:expiry_date>
    <pfif:author_name>Petro Bondar</pfif:author_name>
    <pfif:source_name>families.example.org</pfif:source_name>
    <pfif:source_date>2022-04-01T12:00:00Z</pfif:source_date>
    <pfif:source_url>https://families.example.org/p14</pfif:source_url>
    <pfif:full_name>Bondar Andrii</pfif:full_name>
    <pfif:given_name>Andrii</pfif:given_name>
    <pfif:family_name>Bondar</pfif:family_name>
    <pfif:alternate_names>Андрій Бондар
Андрей Бондарь</pfif:alternate_names>
    <pfif:description>Grey tracksuit, white trainers</pfif:description>
    <pfif:sex>male</pfif:sex>
    <pfif:date_of_birth>1988-07</pfif:date_of_birth>
    <pfif:home_neighborhood>Stepovyi</pfif:home_neighborhood>
    <pfif:profile_urls>https://social.example.org/andrii</pfif:profile_urls>
  </pfif:person>
</pfif:pfif>
"""


def _import(uow: UnitOfWork, tmp_path: Path, text: str, version: str = "") -> None:
    path = tmp_path / f"in{version}.xml"
    path.write_text(text, encoding="utf-8")
    result = registry.import_pfif(uow, path, LIAISON, consent=("matching", "sharing"))
    assert (result.added, result.problems) == (1, [])


def test_pfif_12_and_13_are_read_under_their_14_names(uow: UnitOfWork, tmp_path: Path) -> None:
    _import(uow, tmp_path, PFIF_12)
    _import(
        uow,
        tmp_path,
        PFIF_12.replace("pfif/1.2", "pfif/1.3").replace("/p12<", "/p13<").replace("n12", "n13"),
        "13",
    )
    with UnitOfWork(uow.engine) as store:
        for record in ("families.example.org/p12", "families.example.org/p13"):
            stored = store.registry.report(record)
            assert stored is not None
            report = stored.report
            assert (report.family_name, report.given_name, report.sex) == ("Koval", "Iryna", "F")
            assert report.description.startswith("зелена куртка")
            assert (report.birth_date, report.birth_date_text, report.age) == (None, "1975", 45)
            kept = dict(report.pfif_fields)
            assert kept["home_postal_code"] == "87500" and kept["age"] == "45-50"
            assert kept["source_date"] == "2022-03-19T08:30:00Z"
            assert "+380" in report.contact and "+380" not in str(kept)
            notes = store.registry.notes(record)
            assert [n.status for n in notes] == ["information_sought"]


def test_pfif_14_keeps_every_field_and_the_export_has_what_14_requires(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    _import(uow, tmp_path, PFIF_14)
    registry.add_report(
        uow,
        MissingReport(
            "M7",
            family_name="Koval",
            given_name="Iryna",
            description="зелена куртка",
            contact="sister, +380 11 111 1111",
            consent=("sharing",),
        ),
        LIAISON,
    )
    with UnitOfWork(uow.engine) as store:
        stored = store.registry.report("families.example.org/p14")
        assert stored is not None
        report = stored.report
        assert report.alternate_names == ("Андрій Бондар", "Андрей Бондарь")
        assert (report.birth_date_text, report.last_seen_place) == ("1988-07", "Stepovyi")
    exported = registry.export_pfif(uow, LIAISON)
    assert NAMESPACE.encode() in exported and b"+380" not in exported
    persons, problems = read_pfif(exported, "export.xml")
    assert problems == [] and missing_required(persons) == []
    by_id = {p.record_id: p.values for p in persons}
    again = by_id["families.example.org/p14"]
    assert again["source_date"] == "2022-04-01T12:00:00Z"
    assert again["alternate_names"].splitlines() == ["Андрій Бондар", "Андрей Бондарь"]
    assert again["date_of_birth"] == "1988-07"
    assert again["profile_urls"] == "https://social.example.org/andrii"
    assert again["description"] == "Grey tracksuit, white trainers"
    ours = by_id["tollbook.local/M7"]
    assert ours["source_date"].endswith("Z") and ours["description"] == "зелена куртка"


def test_a_document_of_another_namespace_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not pfif in one of"):
        read_pfif(PFIF_14.replace("pfif/1.4", "pfif/9.9").encode(), "x.xml")

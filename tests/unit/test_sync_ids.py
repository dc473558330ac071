"""Global ids and version digests made the fast way are the ones made the plain way
(a change here would give every record a new id or make it look changed)."""

from __future__ import annotations

import uuid

from tollbook.sync.entities import NAMESPACE, natural_gid, site_gid, uuid5_text
from tollbook.sync.payloads import canonical, digest
from tollbook.sync.versions import Version, with_content


def test_uuid5_text_is_uuid5_of_the_namespace() -> None:
    for name in ["", 'bodies\x1f["MAR-T03-0042"]', "Лівобережний район ї", "x" * 500]:
        assert uuid5_text(name) == str(uuid.uuid5(NAMESPACE, name))
    assert natural_gid("bodies", ["MAR-T03-0042"]) == str(
        uuid.uuid5(NAMESPACE, 'bodies\x1f["MAR-T03-0042"]')
    )
    assert site_gid("s", "custody_events", "7") == str(
        uuid.uuid5(NAMESPACE, "s\x1fcustody_events\x1f7")
    )


def test_a_versions_content_is_its_canonical_payload_made_once() -> None:
    payload = {"b": "ї", "a": {"z": 1, "y": [None, 2.5]}}
    version = Version("s", 3, 4, "g", "bodies", ("s:2",), payload, "2026-12-02T00:00:00+00:00")
    assert version.id == "s:3"
    assert version.content == canonical(payload) == '{"a":{"y":[null,2.5],"z":1},"b":"ї"}'
    assert version.digest == digest(payload)
    deleted = Version("s", 4, 5, "g", "bodies", ("s:3",), None, "2026-12-02T00:00:00+00:00")
    assert deleted.content == "null" and deleted.digest == digest(None)
    given = with_content(
        Version("s", 3, 4, "g", "bodies", ("s:2",), payload, "2026-12-02T00:00:00+00:00"),
        canonical(payload),
    )
    assert given == version and given.digest == version.digest

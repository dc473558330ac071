"""Sealed bundles: only the site they are for opens them, only trusted signers are
accepted, and an altered bundle is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.sync_sites import bundle, field_site, held, register
from tollbook.domain.refusals import Invalid
from tollbook.services.sync import import_bundle
from tollbook.services.sync_keys import distrust, keygen, open_sealed, seal_for, trust


def test_a_sealed_bundle_opens_only_for_its_site_from_a_trusted_signer(
    migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    t = migrated_sqlite_template
    with (
        field_site(t, tmp_path, "team-1") as one,
        field_site(t, tmp_path, "office") as office,
        field_site(t, tmp_path, "stranger") as stranger,
    ):
        cards = {
            name: keygen(uow, name=name, actor="admin")
            for name, uow in (("team-1", one), ("office", office), ("stranger", stranger))
        }
        trust(one, str(cards["office"]), actor="admin")
        trust(office, str(cards["team-1"]), actor="admin")
        trust(stranger, str(cards["office"]), actor="admin")
        register(one, "MAR-T01-0001")
        sealed = seal_for(one, bundle(one), "office")
        assert b"MAR-T01-0001" not in sealed and b"Livoberezhnyi" not in sealed

        inner = open_sealed(office, sealed, "stick/a.bundle", allow_plain=False)
        import_bundle(office, inner, "stick/a.bundle", actor="courier")
        assert len(held(office)["bodies"]) == 1

        with pytest.raises(Invalid, match="sealed for another site, or altered"):
            open_sealed(stranger, sealed, "stick/a.bundle", allow_plain=False)

        altered = bytearray(sealed)
        altered[len(altered) // 2] ^= 1
        with pytest.raises(Invalid, match="altered"):
            open_sealed(office, bytes(altered), "stick/a.bundle", allow_plain=False)

        from_stranger = seal_for(stranger, bundle(stranger), "office")
        with pytest.raises(Invalid, match="not trusted here"):
            open_sealed(office, from_stranger, "stick/b.bundle", allow_plain=False)

        with pytest.raises(Invalid, match="not sealed"):
            open_sealed(office, bundle(one), "stick/c.bundle", allow_plain=False)

        distrust(office, "team-1", actor="admin")  # team-1's laptop was seized
        with pytest.raises(Invalid, match="not trusted here"):
            open_sealed(office, sealed, "stick/a.bundle", allow_plain=False)


def test_a_signature_by_another_key_than_the_trusted_one_is_refused(
    migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    t = migrated_sqlite_template
    with field_site(t, tmp_path, "team-1") as one, field_site(t, tmp_path, "office") as office:
        office_card = keygen(office, name="office", actor="admin")
        old_card = keygen(one, name="team-1", actor="admin")
        trust(one, str(office_card), actor="admin")
        trust(office, str(old_card), actor="admin")
        keygen(one, name="team-1", actor="thief", replace=True)  # new keys, never trusted
        sealed = seal_for(one, bundle(one), "office")
        with pytest.raises(Invalid, match="signature does not match"):
            open_sealed(office, sealed, "stick/a.bundle", allow_plain=False)

"""One error shape, and the permission table."""

from __future__ import annotations

from tollbook.domain.text import N_
from tollbook.services.accounts import ROLES
from tollbook.web.errors import error_body
from tollbook.web.permissions import PERMISSIONS, allowed, permissions_of
from tollbook.web.routes.common import local_path


def test_the_error_shape() -> None:
    """``code`` is the message's id, the same in every language; ``error`` is shown."""
    message = N_("no claim %(claim_id)s", claim_id=9)
    assert error_body(404, message, "not_found") == {
        "ok": False,
        "error": "no claim 9",
        "code": "no claim %(claim_id)s",
        "errors": [{"type": "not_found", "msg": "no claim 9"}],
        "status": 404,
    }
    assert error_body(404, "ні", "not_found", code="no claim %(claim_id)s")["code"] == (
        "no claim %(claim_id)s"
    )


def test_only_admins_manage_users_and_read_the_audit_log() -> None:
    assert PERMISSIONS["users"] == PERMISSIONS["audit"] == {"admin"}
    assert all(allowed(role, "aggregates") for role in ROLES)
    assert permissions_of("viewer") == {"aggregates", "account"}
    assert "sources" not in permissions_of("forensic")
    assert "bodies" in permissions_of("forensic") and "missing" in permissions_of("family_liaison")


def test_redirects_after_login_stay_on_this_site() -> None:
    assert local_path("/claims?status=all") == "/claims?status=all"
    for target in ("https://evil.example/", "//evil.example", "/\\evil", "javascript:x", ""):
        assert local_path(target) == "/"

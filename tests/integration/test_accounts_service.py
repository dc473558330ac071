"""Accounts, sessions and publication, on SQLite and PostgreSQL: every change audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from tollbook.services import accounts
from tollbook.services.accounts import AccountError
from tollbook.services.audit import audit_page, latest_change
from tollbook.services.setup import init_database, open_database
from tollbook.store.unit_of_work import UnitOfWork

PASSWORD = "correct horse battery staple"


@pytest.fixture
def db(database_url: str) -> Iterator[UnitOfWork]:
    init_database(database_url)
    uow = open_database(database_url)
    try:
        yield uow
    finally:
        uow.dispose()


def test_a_user_is_added_with_an_argon2_hash_and_logs_in(db: UnitOfWork) -> None:
    made = accounts.add_user(db, "Anna", "recorder", PASSWORD, "cli")
    assert (made.username, made.role, made.active) == ("Anna", "recorder", True)
    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM users")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored

    assert accounts.authenticate(db, "anna", PASSWORD) == made  # any letter case
    assert accounts.authenticate(db, "anna", "wrong password!") is None
    assert accounts.authenticate(db, "nobody", PASSWORD) is None

    entry = audit_page(db, entity="user")[0]
    assert (entry.actor, entry.action, entry.after) == (
        "cli",
        "add_user",
        {"username": "Anna", "role": "recorder", "active": True},
    )
    assert "password" not in str(entry.after)


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("anna", "recorder", "short", "at least 10"),
        ("anna", "wizard", PASSWORD, "unknown role"),
        (" ", "viewer", PASSWORD, "user name"),
        ("a b", "viewer", PASSWORD, "user name"),
    ],
)
def test_bad_accounts_are_refused(
    db: UnitOfWork, name: str, role: str, password: str, message: str
) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.add_user(db, name, role, password, "cli")


def test_names_are_unique_in_any_letter_case(db: UnitOfWork) -> None:
    accounts.add_user(db, "anna", "viewer", PASSWORD, "cli")
    with pytest.raises(AccountError, match="exists already"):
        accounts.add_user(db, "ANNA", "viewer", PASSWORD, "cli")


def test_sessions_start_resolve_and_end(db: UnitOfWork) -> None:
    user = accounts.add_user(db, "anna", "recorder", PASSWORD, "cli")
    login = accounts.start_session(db, user, hours=1, client="127.0.0.1")
    assert accounts.session_user(db, login.token) == user
    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT token_sha256 FROM web_sessions")).scalar_one()
    assert stored != login.token and len(stored) == 64

    assert accounts.end_session(db, login.token)
    assert accounts.session_user(db, login.token) is None
    assert not accounts.end_session(db, login.token)
    assert [e.action for e in audit_page(db, entity="user")][:2] == ["logout", "login"]


def test_an_expired_session_gives_no_user(db: UnitOfWork) -> None:
    user = accounts.add_user(db, "anna", "recorder", PASSWORD, "cli")
    login = accounts.start_session(db, user, hours=-1)
    assert accounts.session_user(db, login.token) is None


def test_changing_role_password_or_disabling_ends_the_sessions(db: UnitOfWork) -> None:
    admin = accounts.add_user(db, "root", "admin", PASSWORD, "cli")
    user = accounts.add_user(db, "anna", "recorder", PASSWORD, "cli")
    for change in (
        lambda: accounts.set_role(db, user.id, "viewer", "root"),
        lambda: accounts.change_password(db, user.id, "another long password", "root"),
        lambda: accounts.set_active(db, user.id, False, "root"),
    ):
        login = accounts.start_session(db, user, hours=1)
        change()
        assert accounts.session_user(db, login.token) is None
    assert accounts.authenticate(db, "anna", "another long password") is None  # disabled
    accounts.set_active(db, user.id, True, "root")
    assert accounts.authenticate(db, "anna", "another long password") is not None
    entries = audit_page(db, entity="user", entity_id=str(user.id))
    actions = [e.action for e in entries if e.action != "login"]
    assert actions[:4] == ["enable_user", "disable_user", "change_password", "set_role"]
    assert admin.role == "admin"


def test_the_last_admin_cannot_be_disabled_or_demoted(db: UnitOfWork) -> None:
    admin = accounts.add_user(db, "root", "admin", PASSWORD, "cli")
    with pytest.raises(AccountError, match="last active admin"):
        accounts.set_active(db, admin.id, False, "root")
    with pytest.raises(AccountError, match="last active admin"):
        accounts.set_role(db, admin.id, "viewer", "root")
    accounts.add_user(db, "second", "admin", PASSWORD, "cli")
    assert accounts.set_role(db, admin.id, "viewer", "second").role == "viewer"


def test_publications_supersede_each_other_and_can_be_withdrawn(db: UnitOfWork) -> None:
    figures = {"min": 17, "max": 20, "incidents": 2}
    kwargs = {"place": "Mariupol", "outcome": "killed", "period_start": None, "period_end": None}
    first = accounts.publish_toll(db, **kwargs, figures=figures, actor="anna")
    second = accounts.publish_toll(db, **kwargs, figures={**figures, "min": 18}, actor="anna")
    other = accounts.publish_toll(
        db,
        place="Kharkiv",
        outcome="killed",
        period_start=date(2022, 3, 1),
        period_end=date(2022, 3, 31),
        figures=figures,
        actor="anna",
    )
    assert [p.id for p in accounts.current_publications(db)] == [other.id, second.id]
    assert [p.id for p in accounts.current_publications(db, place="mariupol")] == [second.id]
    accounts.withdraw_publication(db, second.id, "anna")
    assert [p.id for p in accounts.current_publications(db)] == [other.id]
    with pytest.raises(AccountError, match="withdrawn already"):
        accounts.withdraw_publication(db, second.id, "anna")
    assert first.id < second.id
    actions = [e.action for e in audit_page(db, entity="published_toll")]
    assert actions == ["withdraw", "publish", "publish", "publish"]


def test_the_audit_log_pages_newest_first_and_its_version_grows(db: UnitOfWork) -> None:
    before = latest_change(db)
    for n in range(5):
        accounts.add_user(db, f"user{n}", "viewer", PASSWORD, f"admin{n % 2}")
    assert latest_change(db) == before + 5
    page = audit_page(db, limit=2, offset=1)
    assert [e.after["username"] for e in page if e.after] == ["user3", "user2"]
    assert [e.actor for e in audit_page(db, actor="admin1")] == ["admin1", "admin1"]

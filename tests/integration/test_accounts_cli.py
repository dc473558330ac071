"""`tollbook user add` and `user list` (run on the command objects: they are registered
in `tollbook` by the CLI's owner)."""

from __future__ import annotations

from click.testing import CliRunner

from tollbook.cli.web import serve, user
from tollbook.services.accounts import authenticate
from tollbook.services.audit import audit_page
from tollbook.services.setup import init_database, open_database

PASSWORD = "correct horse battery staple"


def test_user_add_asks_for_the_password_twice_and_stores_the_account(database_url: str) -> None:
    init_database(database_url)
    runner = CliRunner()
    result = runner.invoke(
        user,
        ["add", "anna", "--role", "recorder"],
        obj={"url": database_url},
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "added user anna (recorder)" in result.output
    assert PASSWORD not in result.output
    uow = open_database(database_url)
    try:
        assert authenticate(uow, "anna", PASSWORD) is not None
        assert audit_page(uow, entity="user")[0].actor == "cli"
    finally:
        uow.dispose()

    listed = runner.invoke(user, ["list"], obj={"url": database_url})
    assert listed.output.split() == ["1", "anna", "recorder"]


def test_user_add_from_stdin_with_an_actor_and_its_refusals(database_url: str) -> None:
    init_database(database_url)
    runner = CliRunner()
    ok = runner.invoke(
        user,
        ["add", "root", "--role", "admin", "--password-stdin", "--actor", "setup-script"],
        obj={"url": database_url},
        input=PASSWORD + "\n",
    )
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(
        user,
        ["add", "ROOT", "--role", "admin", "--password-stdin"],
        obj={"url": database_url},
        input=PASSWORD + "\n",
    )
    assert again.exit_code == 1 and "exists already" in again.output
    weak = runner.invoke(
        user,
        ["add", "bob", "--role", "viewer", "--password-stdin"],
        obj={"url": database_url},
        input="short\n",
    )
    assert weak.exit_code == 1 and "at least 10 characters" in weak.output
    bad_role = runner.invoke(user, ["add", "bob", "--role", "king"], obj={"url": database_url})
    assert bad_role.exit_code == 2


def test_commands_refuse_an_unmigrated_database(database_url: str) -> None:
    runner = CliRunner()
    listed = runner.invoke(user, ["list"], obj={"url": database_url})
    assert listed.exit_code == 1 and "tollbook init" in listed.output
    served = runner.invoke(serve, ["--port", "1"], obj={"url": database_url})
    assert served.exit_code == 1 and "tollbook init" in served.output

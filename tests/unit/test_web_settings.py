"""The secret key: given, or a key file next to a SQLite database; never built in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.web.settings import (
    SettingsError,
    WebSettings,
    read_or_create_key,
    secret_key_for,
    settings_from_env,
)


def test_a_key_file_is_created_once_next_to_the_database_mode_0600(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tb.db'}"
    first = secret_key_for(url, WebSettings(), environ={})
    key_file = tmp_path / "tb.db.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(first) >= 32
    assert secret_key_for(url, WebSettings(), environ={}) == first
    assert list(tmp_path.iterdir()) == [key_file]


def test_the_environment_or_settings_win_and_short_keys_are_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tb.db'}"
    key = "k" * 40
    assert secret_key_for(url, WebSettings(), environ={"TOLLBOOK_SECRET_KEY": key}) == key
    assert secret_key_for(url, WebSettings(secret_key=key), environ={}) == key
    with pytest.raises(SettingsError, match="at least 32"):
        secret_key_for(url, WebSettings(secret_key="short"), environ={})
    assert not (tmp_path / "tb.db.key").exists()


def test_a_server_database_needs_the_key_given(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="TOLLBOOK_SECRET_KEY"):
        secret_key_for("postgresql+psycopg://u@h/db", WebSettings(), environ={})
    named = tmp_path / "named.key"
    env = {"TOLLBOOK_SECRET_KEY_FILE": str(named)}
    assert secret_key_for("postgresql+psycopg://u@h/db", WebSettings(), environ=env)
    assert named.exists()


def test_an_empty_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.key"
    path.write_text("\n")
    with pytest.raises(SettingsError, match="no usable key"):
        read_or_create_key(path)


def test_secure_cookies_can_be_forced_from_the_environment() -> None:
    assert settings_from_env({"TOLLBOOK_SECURE_COOKIES": "1"}).secure_cookies is True
    assert settings_from_env({"TOLLBOOK_SECURE_COOKIES": "false"}).secure_cookies is False
    assert settings_from_env({}).secure_cookies is None

"""Passwords as NIST SP 800-63B asks: not common, not a run of characters, not built on
the user's name or the application's, hard enough to guess; no rules on kinds of
character. Checked offline."""

from __future__ import annotations

import pytest

from tollbook.services.password_policy import password_weakness


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("1234567890", "most commonly used"),
        ("password12", "most commonly used"),
        ("Password2024!", "most commonly used"),
        ("p@ssw0rd123", "most commonly used"),
        ("iloveyou12", "most commonly used"),
        ("zzzzzzzzzzzz", "repeated run"),
        ("9876543210", "sequential run"),
        ("wsxcderfvbgt", "keyboard run"),
        ("my tollbook pass", "must not contain 'tollbook'"),
        ("anna-kovalenko-77", "must not contain 'anna-kovalenko'"),
    ],
)
def test_weak_passwords_are_refused_in_words(password: str, why: str) -> None:
    found = password_weakness(password, ("anna-kovalenko",))
    assert found is not None and why in found, found


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "another long password",
        "a long enough password",
        "long enough secret",
        "siege ledger evening 7",
        "first password 1",
        "vyshyvanka at dawn",
        "Q7#mT2v!pL9x",
    ],
)
def test_strong_passwords_pass(password: str) -> None:
    assert password_weakness(password, ("anna",)) is None

"""Which passwords are refused, after NIST SP 800-63B (section 5.1.1.2), offline.

A password is refused when it is

- shorter than 10 characters (or longer than the most a hash is made of);
- one of the commonly used passwords, alone or with a few digits or symbols added
  (``password12``): the list is the one shipped inside the ``zxcvbn`` package (the
  30,000 passwords most found in leaked password sets, with common English words and
  names), read on this machine, never sent anywhere;
- made of a repeated or sequential run of characters (``1234567890``, ``aaaaaaaaaa``,
  ``qwertyuiop``), as a whole;
- built on a word of its context: the user's name, or ``tollbook``;
- guessed in fewer than 10^8 tries by zxcvbn's estimate (its score below 2), which
  catches the combinations of the above (``Password2024!``).

As the guidance asks, no rule on the kinds of character is made: a long phrase of
ordinary words is a good password. Every refusal says why, in words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

#: Words of Tollbook's own context, never to be a password's ground.
CONTEXT_WORDS: tuple[str, ...] = ("tollbook",)
#: zxcvbn's score a password must reach (2: at least 10^8 guesses).
MIN_SCORE = 2
#: zxcvbn looks at this many characters at most (its cost grows with the length).
_MAX_CHECKED = 100
_PADDING = re.compile(r"^[\W\d_]*(.*?)[\W\d_]*$", re.DOTALL)


def password_weakness(password: str, context: Sequence[str] = ()) -> str | None:
    """Why ``password`` must not be used (a sentence), or None when it may.

    ``context``: words of the account (its user name) the password must not rest on.
    """
    lowered = password.casefold()
    words = [w.casefold() for w in (*context, *CONTEXT_WORDS) if len(w.strip()) >= 3]
    for word in words:
        if word.strip() in lowered:
            return f"the password must not contain {word.strip()!r}"
    checked = password[:_MAX_CHECKED]
    found = _zxcvbn(checked, words)
    core = _PADDING.match(lowered)
    core_text = core.group(1) if core else lowered
    for match in found["sequence"]:
        if match.get("pattern") != "dictionary" or match.get("dictionary_name") != "passwords":
            continue
        token = str(match.get("token", "")).casefold()
        if token in (lowered, core_text) or len(token) * 3 >= len(lowered) * 2:
            return "the password is one of the most commonly used passwords; choose another"
    for match in found["sequence"]:
        pattern = match.get("pattern")
        if pattern in ("repeat", "sequence", "spatial") and _covers(match, checked):
            kind = {"repeat": "repeated", "sequence": "sequential", "spatial": "keyboard"}
            return f"the password is a {kind[str(pattern)]} run of characters; choose another"
    if int(found["score"]) < MIN_SCORE:
        warning = str(found.get("feedback", {}).get("warning") or "").rstrip(".")
        why = f" ({warning[:1].lower()}{warning[1:]})" if warning else ""
        return (
            f"the password is too easy to guess{why}; a phrase of several ordinary words is "
            "long and easy to remember"
        )
    return None


def _covers(match: dict[str, Any], password: str) -> bool:
    """Whether a pattern found spans nearly the whole password (all but 2 characters)."""
    length = int(match.get("j", 0)) - int(match.get("i", 0)) + 1
    return length >= len(password) - 2


def _zxcvbn(password: str, words: list[str]) -> dict[str, Any]:
    from zxcvbn import zxcvbn  # type: ignore[import-untyped,unused-ignore]

    result: dict[str, Any] = zxcvbn(password, user_inputs=words)
    return result

"""Messages for people, made where the problem is found and translated where they are shown.

A service, a reader or a pure layer says what went wrong in English, with the values
apart: ``N_("claim %(id)s not found", id=7)``. The result is a :class:`Text`, a ``str``
that reads as the English sentence (so logs, the audit trail and code that compares
strings see English), and that keeps its message id (the English with its ``%(name)s``
placeholders, the key of the catalogs) and its values. The edge translates it: the web
app into the request's language, the command line into ``$TOLLBOOK_LANG``'s
(:func:`tollbook.catalogs.translate`). Nothing here reads a catalog, so the services stay
free of the web and of Babel.

``N_`` is also the marker ``pybabel extract`` looks for, so the message id is in the
catalogs; a value that is itself a :class:`Text` is translated too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Text(str):
    """An English message that remembers its message id and values."""

    msgid: str
    params: Mapping[str, object]

    def __new__(cls, msgid: str, /, **params: object) -> Text:
        made = super().__new__(cls, msgid % params if params else msgid)
        made.msgid = msgid
        made.params = params
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.msgid, dict(self.params)))


def _rebuild(msgid: str, params: dict[str, object]) -> Text:
    return Text(msgid, **params)


def N_(message: str, /, **params: object) -> Text:
    """Marks ``message`` for the catalogs; with ``params``, fills its ``%(name)s``
    placeholders in English and keeps them for the translation."""
    return Text(message, **params)


def message_id(message: str) -> str:
    """The stable id of a message: its English with the placeholders, not the values."""
    return message.msgid if isinstance(message, Text) else str(message)


__all__ = ["N_", "Text", "message_id"]

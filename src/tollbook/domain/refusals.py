"""Refusals: a use case that cannot be carried out, and why, in a sentence for people.

Every refusal is of one of four kinds, and its kind alone says how it is answered: the
web app maps the kind to a status in one place (:mod:`tollbook.web.errors`), the command
line to ``error: <message>`` and exit status 1 in one place (:mod:`tollbook.cli.common`).

==================  ======  ===============================================
kind                status  meaning
==================  ======  ===============================================
:class:`NotFound`   404     what the request names does not exist
:class:`Forbidden`  403     the actor's role does not allow it
:class:`Conflict`   409     the data is busy or changed under the request
:class:`Invalid`    422     the request itself is wrong
==================  ======  ===============================================

Each use case keeps its own refusal class (``ReviewError``, ``RegistryError``...) made of
one of these kinds, and its not-found case a subclass of both (``ReviewNotFound``). The
classes keep the built-in bases they had (``ValueError``, ``LookupError``...), so that
code catching those still does.
"""

from __future__ import annotations


class Refusal(Exception):
    """A use case refused, with a message fit to show.

    The message is best a :class:`~tollbook.domain.text.Text` (``N_("no claim
    %(id)s", id=7)``): it reads as English, and the edge shows it in the reader's
    language (the web app in the request's, the command line in ``$TOLLBOOK_LANG``'s);
    a plain string is shown as the catalogs have it.

    ``code``: the short name the web app's error shape gives it, when it is not the
    kind's own (``busy`` for a job already running).
    """

    code: str | None = None

    @property
    def message(self) -> str:
        """The message as it was made (a :class:`~tollbook.domain.text.Text` when the
        service marked it), English when read as a string."""
        if self.args and isinstance(self.args[0], str):
            return self.args[0]
        return str(self.args[0]) if self.args else str(self)


class NotFound(Refusal):
    """What the request names does not exist (or was retired)."""


class Forbidden(Refusal):
    """The actor's role does not allow this."""


class Conflict(Refusal):
    """The data is busy, or changed while the request was made."""


class Invalid(Refusal):
    """The request itself is wrong: a bad value, a missing field, a rule broken."""


__all__ = ["Conflict", "Forbidden", "Invalid", "NotFound", "Refusal"]

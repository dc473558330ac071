"""The error every reader raises or reports: what is wrong, and where (file, line, field)."""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.domain.refusals import Invalid
from tollbook.domain.text import N_, Text


@dataclass(frozen=True)
class InputProblem:
    """One problem with an input file, located as precisely as the reader knows."""

    path: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.field is not None:
            where += f": field {self.field!r}"
        return f"{where}: {self.message}"

    @property
    def text(self) -> Text:
        """The problem with its place, as a message the edge translates (the message
        itself too, when its reader marked it)."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.field is None:
            return N_("%(where)s: %(message)s", where=where, message=self.message)
        return N_(
            "%(where)s: field %(field)s: %(message)s",
            where=where,
            field=repr(self.field),
            message=self.message,
        )


class InputError(Invalid):
    """A whole input that cannot be read at all (missing, empty, binary, too large)."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(problem.text)
        self.problem = problem

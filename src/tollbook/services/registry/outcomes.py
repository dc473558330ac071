"""What the registry's use cases answer when they cannot go on, and what an import did."""

from __future__ import annotations

from dataclasses import dataclass, field

from tollbook.domain.refusals import Invalid, NotFound
from tollbook.exchange.errors import InputProblem


class RegistryError(Invalid, ValueError):
    """A use case that cannot be carried out (unknown body, bad move, bad file...)."""


class RegistryNotFound(RegistryError, NotFound):
    """What the request names does not exist."""


@dataclass
class RegistryImportResult:
    added: int = 0
    #: rows the registry holds as they are (already known)
    skipped: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    #: rows of a corrected file that changed a known record
    updated: int = 0
    #: the import's number (its audit entry), to undo it; None when not undoable
    import_id: int | None = None

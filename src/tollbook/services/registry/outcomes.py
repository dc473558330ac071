"""What the registry's use cases answer when they cannot go on, and what an import did."""

from __future__ import annotations

from dataclasses import dataclass, field

from tollbook.exchange.errors import InputProblem


class RegistryError(ValueError):
    """A use case that cannot be carried out (unknown body, bad move, bad file...)."""


@dataclass
class ImportResult:
    added: int = 0
    skipped: int = 0
    problems: list[InputProblem] = field(default_factory=list)

"""What a linkage engine does, as plain types: train a model on records' features, then
score the pairs of records that may be the same person; and :func:`open_engine`, which
chooses one by name. Pure: an engine (DuckDB, Spark) is imported only when it is opened.

Scored pairs are kept in columns (one list per value), so that a million of them cost
lists, not a million objects; :func:`tollbook.link.explain.explain_pair` turns one
pair's columns into its explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from tollbook.link.features import FeatureTable

EngineName = Literal["duckdb", "spark"]
ENGINES: tuple[EngineName, ...] = ("duckdb", "spark")
LinkType = Literal["dedupe_only", "link_only", "link_and_dedupe"]


class EngineUnavailable(RuntimeError):
    """The engine's libraries (or Java, for Spark) are not installed; the message says
    what to install."""


@dataclass(frozen=True)
class LinkageModel:
    """A trained model: Splink's settings with every m and u probability, the feature
    columns it compares, and what it was trained on."""

    settings: dict[str, Any]
    columns: tuple[str, ...]
    trained_on: int
    engine: str
    link_type: LinkType = "dedupe_only"
    #: the lists (sources) of the records it was trained on, sorted
    lists: tuple[str, ...] = ()

    def fits(self, present: frozenset[str], link_type: LinkType) -> bool:
        """Whether this model compares exactly the columns the data has (``present``:
        :attr:`FeatureTable.model_columns`)."""
        return frozenset(self.columns) == present and self.link_type == link_type

    def to_json(self) -> dict[str, Any]:
        return {
            "settings": self.settings,
            "columns": list(self.columns),
            "trained_on": self.trained_on,
            "engine": self.engine,
            "link_type": self.link_type,
            "lists": list(self.lists),
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> LinkageModel:
        try:
            return LinkageModel(
                settings=dict(data["settings"]),
                columns=tuple(data["columns"]),
                trained_on=int(data["trained_on"]),
                engine=str(data["engine"]),
                link_type=data.get("link_type", "dedupe_only"),
                lists=tuple(str(name) for name in data.get("lists", ())),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"not a Tollbook linkage model: {error}") from None


@dataclass
class ScoredPairs:
    """Pairs of records with their match probability and, when asked for, each field's
    comparison level and match weight (log2 of its Bayes factor, term frequencies
    included). ``left[i] < right[i]``; ids are the feature table's ``unique_id``."""

    left: list[int] = field(default_factory=list)
    right: list[int] = field(default_factory=list)
    probability: list[float] = field(default_factory=list)
    match_weight: list[float] = field(default_factory=list)
    #: field -> comparison level (Splink's gamma: -1 null, 0 else, higher closer)
    levels: dict[str, list[int]] = field(default_factory=dict)
    #: field -> match weight of that field's level
    weights: dict[str, list[float]] = field(default_factory=dict)
    #: field -> level -> what the level means
    labels: dict[str, dict[int, str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.left)


class LinkageEngine(Protocol):
    """Trains and applies a linkage model on one kind of machinery."""

    name: str

    def train(
        self, table: FeatureTable, *, link_type: LinkType = "dedupe_only", seed: int = 1
    ) -> LinkageModel: ...

    def score(
        self,
        table: FeatureTable,
        model: LinkageModel,
        *,
        min_probability: float,
        explain: bool = True,
    ) -> ScoredPairs: ...

    def close(self) -> None: ...


def open_engine(name: EngineName | str) -> LinkageEngine:
    """The engine called ``name`` (``duckdb`` or ``spark``), ready to use; close it after.

    Raises :class:`EngineUnavailable` when its libraries (or Java) are missing, and
    ValueError for an unknown name.
    """
    if name == "duckdb":
        from tollbook.link.duckdb_engine import duckdb_engine

        return duckdb_engine()
    if name == "spark":
        try:
            from tollbook.link.spark_engine import spark_engine
        except ImportError as error:  # pragma: no cover - the module imports nothing heavy
            raise EngineUnavailable(f"the Spark engine cannot run: {error}") from None
        return spark_engine()
    raise ValueError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}")

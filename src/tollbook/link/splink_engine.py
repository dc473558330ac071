"""Training and scoring with Splink, on any backend Splink runs on.

Training (unsupervised, as Splink recommends): the prior share of matching pairs from
pairs that are surely matches (same name and birth date), the u probabilities from
random pairs, then the m probabilities by expectation-maximisation in sessions that
each hold some fields fixed by blocking on them. For large data the m probabilities are
learned on a sample of family names (every record whose family name falls in the
sample, so that matching pairs stay together); u and the prior always use all records.
"""

from __future__ import annotations

import logging
import math
import zlib
from typing import Any, Protocol

from tollbook.link import blocking, splink_column_names
from tollbook.link import model as spec
from tollbook.link.engine import LinkageModel, LinkType, ScoredPairs
from tollbook.link.features import FeatureTable

#: Above this many records, m probabilities are learned on a sample of family names.
TRAIN_SAMPLE_ABOVE = 200_000
#: Scored pairs come back in this order (SQL, the same on every engine).
PAIR_ORDER: tuple[str, ...] = (
    "least(unique_id_l, unique_id_r)",
    "greatest(unique_id_l, unique_id_r)",
)
#: Random pairs drawn to estimate the u probabilities.
U_PAIRS = 2_000_000
#: Records sampled first when the u probabilities are estimated on the driver
#: (:func:`_u_on_driver`): about four times the 2,000 that make :data:`U_PAIRS` pairs.
U_SAMPLE_ROWS = 8_000


class Backend(Protocol):
    """Where Splink runs: makes its database API, loads features, reads results."""

    name: str

    def db_api(self) -> Any: ...

    def load(self, table: FeatureTable, name: str) -> Any: ...

    #: the dialect's integer division (``//`` or ``DIV``)
    integer_division: str

    def table_name(self, loaded: Any) -> str:
        """The SQL name of a loaded table."""
        ...

    def scalar(self, sql: str) -> int:
        """The one number a counting query gives (0 for NULL)."""
        ...

    def fetch(self, frame: Any, columns: list[str]) -> dict[str, list[Any]]:
        """The columns of a scored-pairs frame, in :data:`PAIR_ORDER`."""
        ...

    def close(self) -> None: ...


class SplinkEngine:
    """A :class:`~tollbook.link.engine.LinkageEngine` running Splink on a backend."""

    def __init__(self, backend: Backend, *, em_iterations: int = 25) -> None:
        self.backend = backend
        #: the most expectation-maximisation iterations per training rule (Splink's
        #: ``max_iterations``; each iteration is a query, which on Spark is a job)
        self.em_iterations = em_iterations
        self.name = backend.name
        #: the blocking rules of the last :meth:`score`, for reports
        self.last_rules: list[blocking.Rule] = []
        logging.getLogger("splink").setLevel(logging.ERROR)
        splink_column_names.install()  # Splink's column names parsed once, not per step

    def close(self) -> None:
        self.backend.close()

    def train(
        self, table: FeatureTable, *, link_type: LinkType = "dedupe_only", seed: int = 1
    ) -> LinkageModel:
        from splink import Linker, block_on

        if getattr(self.backend, "train_on_driver", False):
            return self._train_on_driver(table, link_type, seed)
        present = table.present
        settings = spec.settings(
            present, link_type, blocking.usable(blocking.CANDIDATES[:1], present)
        )
        settings.max_iterations = self.em_iterations
        inputs = self._inputs(table, link_type, "train_all")
        full = Linker(
            inputs, self._for_backend(settings), self.backend.db_api(), set_up_basic_logging=False
        )
        deterministic: list[Any] = [
            block_on(*r) for r in blocking.usable(blocking.DETERMINISTIC, present)
        ]
        if deterministic:
            full.training.estimate_probability_two_random_records_match(deterministic, recall=0.8)
        trained: dict[str, Any]
        if getattr(self.backend, "u_on_driver", False):
            trained = full.misc.save_model_to_json()
            prior = trained["probability_two_random_records_match"]
            trained = apply_parameters(trained, _u_on_driver(table, settings, link_type, seed))
            trained["probability_two_random_records_match"] = prior
            full = Linker(
                inputs,
                self._for_backend(trained),
                self.backend.db_api(),
                set_up_basic_logging=False,
            )
        else:
            full.training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=seed)
            trained = full.misc.save_model_to_json()
        if len(table) > TRAIN_SAMPLE_ABOVE:
            sample = _family_sample(table, TRAIN_SAMPLE_ABOVE)
            learner = Linker(
                self._inputs(sample, link_type, "train_sample"),
                trained,
                self.backend.db_api(),
                set_up_basic_logging=False,
            )
        else:
            learner = full
        for rule in blocking.usable(blocking.TRAINING, present):
            learner.training.estimate_parameters_using_expectation_maximisation(
                block_on(*rule), estimate_without_term_frequencies=True
            )
        learned: dict[str, Any] = learner.misc.save_model_to_json()
        learned["probability_two_random_records_match"] = trained[
            "probability_two_random_records_match"
        ]
        return LinkageModel(
            settings=learned,
            columns=tuple(sorted(table.model_columns)),
            trained_on=len(table),
            engine=self.name,
            link_type=link_type,
            lists=tuple(sorted({str(s) for s in table.columns["source"]})),
        )

    def _train_on_driver(self, table: FeatureTable, link_type: LinkType, seed: int) -> LinkageModel:
        """The model trained in DuckDB on this machine, as the DuckDB engine trains it, for a
        backend that only scores (Spark): a training is a few dozen small queries over at
        most :data:`TRAIN_SAMPLE_ABOVE` records (the prior's counts and the u sample over
        all of them), each a job of its own on Spark; the pairs to score are what outgrow
        one machine. Recorded as this engine's model."""
        from dataclasses import replace

        from tollbook.link.duckdb_engine import DuckDBBackend

        local = SplinkEngine(DuckDBBackend(), em_iterations=self.em_iterations)
        try:
            model = local.train(table, link_type=link_type, seed=seed)
        finally:
            local.close()
        return replace(model, engine=self.name)

    def score(
        self,
        table: FeatureTable,
        model: LinkageModel,
        *,
        min_probability: float,
        explain: bool = True,
        budget: int = blocking.DEFAULT_BUDGET,
    ) -> ScoredPairs:
        from splink import Linker

        settings = self.settings_for(model)
        settings["retain_intermediate_calculation_columns"] = explain
        settings["retain_matching_columns"] = explain
        on_driver = (
            getattr(self.backend, "concat_on_driver", False) and model.link_type == "dedupe_only"
        )
        if on_driver:
            backend: Any = self.backend  # a backend that loads rows (Spark's)
            inputs = backend.load_rows(
                _concat_with_tf(table, model), "score", "__splink__df_concat_with_tf"
            )
        else:
            inputs = self._inputs(table, model.link_type, "score")
        rules = self.choose_rules(table, inputs, model.link_type, budget)
        self.last_rules = rules
        apart = model.link_type == "dedupe_only" and blocking.exclusive(table.present)
        settings["blocking_rules_to_generate_predictions"] = [
            {"blocking_rule": blocking.rule_sql(rule, apart)} for rule in rules
        ]
        linker = Linker(
            inputs, self._for_backend(settings), self.backend.db_api(), set_up_basic_logging=False
        )
        if on_driver:  # the records already hold their term frequencies
            linker.table_management.register_table_input_nodes_concat_with_tf(inputs)
        frame = linker.inference.predict(threshold_match_probability=min_probability)
        fields = [c["output_column_name"] for c in settings["comparisons"]]
        columns = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"]
        if explain:
            for name in fields:
                columns += [f"gamma_{name}", f"bf_{name}"]
                if _has_tf(settings, name):
                    columns.append(f"bf_tf_adj_{name}")
        data = self.backend.fetch(frame, columns)
        pairs = ScoredPairs()
        for left, right, probability, weight in zip(
            data["unique_id_l"],
            data["unique_id_r"],
            data["match_probability"],
            data["match_weight"],
            strict=True,
        ):
            if left > right:
                left, right = right, left
            pairs.left.append(int(left))
            pairs.right.append(int(right))
            pairs.probability.append(float(probability))
            pairs.match_weight.append(float(weight))
        if explain:
            for name in fields:
                pairs.levels[name] = [int(g) for g in data[f"gamma_{name}"]]
                factors = data[f"bf_{name}"]
                adjust = data.get(f"bf_tf_adj_{name}")
                pairs.weights[name] = [
                    _log2(f) + (_log2(adjust[i]) if adjust is not None else 0.0)
                    for i, f in enumerate(factors)
                ]
                pairs.labels[name] = level_labels(settings, name)
        return pairs

    def _for_backend(self, settings: Any) -> Any:
        """``settings`` (a SettingsCreator or a dict) as the backend runs them best: the
        backend's :meth:`~Backend.adapt_settings` when it has one (Spark), else as they are."""
        adapt = getattr(self.backend, "adapt_settings", None)
        if adapt is None:
            return settings
        if not isinstance(settings, dict):
            settings = settings.create_settings_dict(self.name)
        return adapt(settings)

    def settings_for(self, model: LinkageModel) -> dict[str, Any]:
        """The model's settings written for this engine's SQL dialect: the comparisons
        as this version of Tollbook defines them, with the model's trained m and u
        probabilities and prior (so a model trained on one engine runs on another)."""
        present = frozenset(model.columns)
        fresh: dict[str, Any] = spec.settings(present, model.link_type).create_settings_dict(
            self.name
        )
        return apply_parameters(fresh, model.settings)

    def choose_rules(
        self, table: FeatureTable, inputs: Any, link_type: LinkType, budget: int
    ) -> list[blocking.Rule]:
        """The blocking rules for this data within ``budget`` pairs, counted by the
        backend (the same counts, so the same rules, on every engine); by DuckDB on this
        machine for a backend with ``counts_on_driver`` (Spark: some fifty counting
        queries over features the driver holds anyway, a Spark job each otherwise)."""
        if getattr(self.backend, "counts_on_driver", False):
            from tollbook.link.duckdb_engine import DuckDBBackend

            local = SplinkEngine(DuckDBBackend())
            try:
                loaded = local.backend.load(table, "count_input")
                return local.choose_rules(table, loaded, link_type, budget)
            finally:
                local.close()
        candidates = blocking.usable(blocking.CANDIDATES, table.present)
        loaded = inputs if link_type == "dedupe_only" else self.backend.load(table, "count_all")
        counts = []
        for rule in candidates:
            pairs = self.count_pairs(table, loaded, rule, link_type)
            if pairs is not None:
                counts.append((rule, pairs))
        return blocking.choose_rules(counts, budget)

    def count_pairs(
        self, table: FeatureTable, loaded: Any, rule: blocking.Rule, link_type: LinkType
    ) -> int | None:
        """The pairs ``rule`` admits; None for a rule with near terms whose exact terms
        alone pair more than :data:`~tollbook.link.blocking.NEAR_JOIN_CAP` records."""
        name = self.backend.table_name(loaded)
        cross = link_type == "link_only"
        apart = link_type == "dedupe_only" and blocking.exclusive(table.present)
        pairs = self.backend.scalar(
            blocking.count_sql(
                name,
                rule,
                cross_source_only=cross,
                apart=apart,
                div=self.backend.integer_division,
            )
        )
        if not blocking.near_terms(rule):
            return pairs
        if pairs > blocking.NEAR_JOIN_CAP:
            return None
        return self.backend.scalar(
            blocking.join_count_sql(name, rule, cross_source_only=cross, apart=apart)
        )

    def _inputs(self, table: FeatureTable, link_type: LinkType, name: str) -> Any:
        if link_type == "dedupe_only":
            return self.backend.load(table, name)
        sources = sorted({str(s) for s in table.columns["source"]})
        if len(sources) < 2:
            raise ValueError("linking needs records from at least two sources")
        return [
            self.backend.load(_only_source(table, source), f"{name}_{i}")
            for i, source in enumerate(sources)
        ]


def apply_parameters(fresh: dict[str, Any], trained: dict[str, Any]) -> dict[str, Any]:
    """``fresh`` settings with the prior and each level's m and u probabilities of
    ``trained`` (matched by comparison name and level position)."""
    out = dict(fresh)
    out["probability_two_random_records_match"] = trained["probability_two_random_records_match"]
    learned = {c["output_column_name"]: c for c in trained["comparisons"]}
    comparisons = []
    for comparison in fresh["comparisons"]:
        comparison = dict(comparison)
        source = learned.get(comparison["output_column_name"])
        if source is None or len(source["comparison_levels"]) != len(
            comparison["comparison_levels"]
        ):
            raise ValueError(
                f"the model does not fit this version's comparison "
                f"{comparison['output_column_name']!r}: retrain it"
            )
        levels = []
        for level, trained_level in zip(
            comparison["comparison_levels"], source["comparison_levels"], strict=True
        ):
            level = dict(level)
            for key in ("m_probability", "u_probability"):
                if trained_level.get(key) is not None:
                    level[key] = trained_level[key]
            levels.append(level)
        comparison["comparison_levels"] = levels
        comparisons.append(comparison)
    out["comparisons"] = comparisons
    return out


def level_labels(settings: dict[str, Any], field: str) -> dict[int, str]:
    """Comparison level (gamma) -> label, for one field of a trained model's settings."""
    for comparison in settings["comparisons"]:
        if comparison["output_column_name"] != field:
            continue
        levels = comparison["comparison_levels"]
        non_null = [level for level in levels if not level.get("is_null_level")]
        labels: dict[int, str] = {-1: "unknown (missing on one side)"}
        for i, level in enumerate(non_null):
            labels[len(non_null) - 1 - i] = str(
                level.get("label_for_charts") or level.get("sql_condition")
            )
        return labels
    raise KeyError(field)


def _has_tf(settings: dict[str, Any], field: str) -> bool:
    for comparison in settings["comparisons"]:
        if comparison["output_column_name"] == field:
            return any(
                level.get("tf_adjustment_column") for level in comparison["comparison_levels"]
            )
    return False


def _log2(value: Any) -> float:
    number = float(value) if value is not None else 1.0
    if number <= 0 or math.isnan(number):
        return 0.0
    return math.log2(number)


def _u_on_driver(
    table: FeatureTable, settings: Any, link_type: LinkType, seed: int
) -> dict[str, Any]:
    """A model with the u probabilities of ``settings`` estimated as the DuckDB engine
    does (:data:`U_PAIRS` random pairs, ``seed``), in DuckDB on this machine, from a
    seeded random sample of :data:`U_SAMPLE_ROWS` records (or all, when fewer): a
    bounded job whatever the number of records. For engines whose every query costs a
    job of its own (Spark), where comparing these pairs costs minutes."""
    import random

    from splink import Linker

    from tollbook.link.duckdb_engine import DuckDBBackend

    rows = range(len(table))
    if len(table) > U_SAMPLE_ROWS:
        rows = sorted(random.Random(seed).sample(rows, U_SAMPLE_ROWS))  # type: ignore[assignment]
    local = SplinkEngine(DuckDBBackend())
    try:
        linker = Linker(
            local._inputs(_subset(table, list(rows)), link_type, "u_sample"),
            settings,
            local.backend.db_api(),
            set_up_basic_logging=False,
        )
        linker.training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=seed)
        model: dict[str, Any] = linker.misc.save_model_to_json()
        return model
    finally:
        local.close()


def _concat_with_tf(table: FeatureTable, model: LinkageModel) -> Any:
    """The records as Splink's prediction reads them (its ``__splink__df_concat_with_tf``:
    each record with the term frequency of its values), made in DuckDB on this machine:
    for a backend whose every query is a job of its own (Spark), where the
    term-frequency tables and their joins cost several jobs. A pandas frame."""
    from splink import Linker
    from splink.internals.pipeline import CTEPipeline
    from splink.internals.vertically_concatenate import compute_df_concat_with_tf

    from tollbook.link.duckdb_engine import DuckDBBackend

    local = SplinkEngine(DuckDBBackend())
    try:
        linker = Linker(
            local.backend.load(table, "concat_input"),
            local.settings_for(model),
            local.backend.db_api(),
            set_up_basic_logging=False,
        )
        frame = compute_df_concat_with_tf(linker, CTEPipeline())
        return frame.as_pandas_dataframe()  # type: ignore[no-untyped-call]
    finally:
        local.close()


def _family_sample(table: FeatureTable, target: int) -> FeatureTable:
    """The records whose family name falls in a fixed sample of about ``target`` records
    (chosen by a hash of the folded family name: the same on every run and machine)."""
    buckets = max(2, math.ceil(len(table) / target))
    keys = table.columns["family_skel"]
    keep = [i for i, key in enumerate(keys) if zlib.crc32(str(key).encode()) % buckets == 0]
    return _subset(table, keep)


def _only_source(table: FeatureTable, source: str) -> FeatureTable:
    return _subset(table, [i for i, s in enumerate(table.columns["source"]) if s == source])


def _subset(table: FeatureTable, rows: list[int]) -> FeatureTable:
    return FeatureTable({name: [values[i] for i in rows] for name, values in table.columns.items()})

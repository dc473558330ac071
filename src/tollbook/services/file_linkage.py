"""Linking list files into persons without the database, for benchmarks and one-off jobs
(``tollbook link FILE...``): read the files, train or reuse a model file, score, cluster,
and write each record's cluster."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tollbook.domain.text import N_
from tollbook.exchange.errors import InputProblem
from tollbook.exchange.list_files import ColumnMapping, read_list_file, write_clusters
from tollbook.link.clustering import cluster_pairs
from tollbook.link.engine import EngineName, LinkageModel, LinkType, open_engine
from tollbook.link.features import features
from tollbook.link.reuse import may_reuse
from tollbook.services.linkage import DEFAULT_THRESHOLD, LinkageError, check_band

__all__ = ["FileLinkResult", "link_files"]


@dataclass
class FileLinkResult:
    records: int
    pairs: int
    clusters: int
    clusters_with_several_records: int
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[InputProblem] = field(default_factory=list)
    trained: bool = True
    seconds: dict[str, float] = field(default_factory=dict)
    rules: list[tuple[str, ...]] = field(default_factory=list)
    #: why the model file was not reused (None: reused, or there was none)
    model_note: str | None = None


def link_files(
    paths: Sequence[Path],
    out: Path,
    mapping: Sequence[str] = (),
    *,
    engine: EngineName = "duckdb",
    threshold: float = DEFAULT_THRESHOLD,
    link_only: bool = False,
    model_path: Path | None = None,
    retrain: bool = False,
    lenient: bool = False,
    seed: int = 1,
) -> FileLinkResult:
    """Link the records of one file (duplicates within it) or several (across them, and
    within each unless ``link_only``), and write each record's id and cluster id to
    ``out``. A model file is reused when given and present, trained on comparable data
    (:func:`tollbook.link.reuse.may_reuse`: the files' names are its lists) and not
    ``retrain``; otherwise a new model is trained and written there (``model_note``
    says why the old one was not reused). Nothing is stored in the database."""
    if not paths:
        raise LinkageError(N_("give at least one file to link"))
    if link_only and len(paths) < 2:
        raise LinkageError(N_("--link-only needs two or more files"))
    check_band(threshold, (threshold, threshold))
    try:
        columns = ColumnMapping.parse(mapping)
    except ValueError as error:
        raise LinkageError(N_("--map %(error)s", error=error)) from None
    clock = {"start": time.perf_counter()}
    result = FileLinkResult(0, 0, 0, 0)
    records = []
    names = _source_names(paths)
    for path, name in zip(paths, names, strict=True):
        read = read_list_file(path, name, columns, lenient=lenient, keep_original=False)
        records.extend(read.records)
        result.problems.extend(read.problems)
        result.warnings.extend(read.warnings)
        unused = read.unused_warning()
        if unused is not None:
            result.warnings.append(unused)
    result.records = len(records)
    if not records:
        raise LinkageError(N_("no records could be read from the files"))
    clock["read"] = time.perf_counter()
    table = features(records)
    clock["features"] = time.perf_counter()
    link_type: LinkType = "link_only" if link_only else "dedupe_only"
    model = None
    if model_path is not None and model_path.exists() and not retrain:
        try:
            model = LinkageModel.from_json(json.loads(model_path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:
            problem = N_("cannot read the model %(path)s: %(error)s", path=model_path, error=error)
            raise LinkageError(problem) from None
        verdict = may_reuse(
            model,
            records=len(records),
            columns=table.model_columns,
            lists=names,
            link_type=link_type,
        )
        if not verdict.reuse:
            result.model_note = verdict.note(f"the model {model_path}")
            model = None
    opened = open_engine(engine)
    try:
        if model is None:
            model = opened.train(table, link_type=link_type, seed=seed)
            result.trained = True
            if model_path is not None:
                model_path.write_text(json.dumps(model.to_json(), indent=1), encoding="utf-8")
        else:
            result.trained = False
        clock["train"] = time.perf_counter()
        pairs = opened.score(table, model, min_probability=min(threshold, 0.2), explain=False)
        result.rules = list(getattr(opened, "last_rules", []))
    finally:
        opened.close()
    clock["score"] = time.perf_counter()
    result.pairs = len(pairs)
    clustering = cluster_pairs(
        range(len(records)), pairs.left, pairs.right, pairs.probability, threshold
    )
    clusters = clustering.clusters()
    clock["cluster"] = time.perf_counter()
    result.clusters = len(clusters)
    result.clusters_with_several_records = sum(1 for m in clusters.values() if len(m) > 1)
    write_clusters(out, records, clustering.cluster_of)
    clock["write"] = time.perf_counter()
    steps = ["start", "read", "features", "train", "score", "cluster", "write"]
    result.seconds = {
        step: round(clock[step] - clock[before], 3) for before, step in itertools.pairwise(steps)
    }
    result.seconds["total"] = round(clock["write"] - clock["start"], 3)
    return result


def _source_names(paths: Sequence[Path]) -> list[str]:
    """Each file's name as its source; the same name twice gets a number."""
    names: list[str] = []
    for path in paths:
        name = path.stem or str(path)
        candidate, n = name, 2
        while candidate in names:
            candidate, n = f"{name}-{n}", n + 1
        names.append(candidate)
    return names

"""The DuckDB engine on a small simulated siege: accuracy, explanations, saved models."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from tollbook.domain.person_record import PersonRecord
from tollbook.exchange.list_files import read_list_file
from tollbook.link.clustering import cluster_pairs
from tollbook.link.engine import LinkageModel, open_engine
from tollbook.link.evaluation import pairwise_scores
from tollbook.link.explain import explain_pair, explanation_text
from tollbook.link.features import FeatureTable, features


@pytest.fixture(scope="module")
def siege_lists(
    siege_folder: Callable[[int, int], Path],
) -> tuple[list[PersonRecord], list[str]]:
    """The records of a small simulated siege's lists, and who each is about."""
    folder = siege_folder(30_000, 2)
    records: list[PersonRecord] = []
    for path in sorted((folder / "lists").glob("*.csv")):
        records += read_list_file(path, path.stem).records
    with (folder / "truth" / "list_records.csv").open(encoding="utf-8") as handle:
        truth = {row["record_id"]: row["person_id"] for row in csv.DictReader(handle)}
    return records, [truth[str(r.record_id)] for r in records]


@pytest.fixture(scope="module")
def trained(siege_lists: tuple[list[PersonRecord], list[str]]) -> tuple[FeatureTable, LinkageModel]:
    records, _ = siege_lists
    table = features(records)
    engine = open_engine("duckdb")
    try:
        return table, engine.train(table, seed=3)
    finally:
        engine.close()


def test_duckdb_links_the_simulated_lists_accurately(
    siege_lists: tuple[list[PersonRecord], list[str]], trained: tuple[FeatureTable, LinkageModel]
) -> None:
    records, truth = siege_lists
    table, model = trained
    engine = open_engine("duckdb")
    try:
        pairs = engine.score(table, model, min_probability=0.2, explain=False)
    finally:
        engine.close()
    clustering = cluster_pairs(range(len(records)), pairs.left, pairs.right, pairs.probability, 0.5)
    scores = pairwise_scores(clustering.cluster_of, dict(enumerate(truth)))
    assert scores.f1 >= 0.95, scores
    assert all(a < b for a, b in zip(pairs.left, pairs.right, strict=True))


def test_every_link_is_explained_by_its_fields(trained: tuple[FeatureTable, LinkageModel]) -> None:
    table, model = trained
    engine = open_engine("duckdb")
    try:
        pairs = engine.score(table, model, min_probability=0.5, explain=True)
    finally:
        engine.close()
    assert len(pairs) > 100
    prior = model.settings["probability_two_random_records_match"]
    prior_weight = math.log2(prior / (1 - prior))
    for i in range(0, len(pairs), 97):
        fields = explain_pair(pairs, i)
        assert [f.field for f in fields][:3] == ["list", "family_name", "given_name"]
        assert all(f.level for f in fields)
        assert sum(f.weight for f in fields) + prior_weight == pytest.approx(
            pairs.match_weight[i], abs=0.01
        )
    text = explanation_text({"fields": [{"field": "birth", "level": "same", "weight": 13.7}]})
    assert text == "birth same +13.7"


def test_a_saved_model_gives_the_same_pairs(
    trained: tuple[FeatureTable, LinkageModel], tmp_path: Path
) -> None:
    table, model = trained
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    loaded = LinkageModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    assert loaded.fits(table.model_columns, "dedupe_only")
    assert not loaded.fits(table.present - {"district"}, "dedupe_only")
    engine = open_engine("duckdb")
    try:
        first = engine.score(table, model, min_probability=0.3, explain=False)
        again = engine.score(table, loaded, min_probability=0.3, explain=False)
    finally:
        engine.close()
    assert (first.left, first.right) == (again.left, again.right)
    assert first.probability == pytest.approx(again.probability)
    with pytest.raises(ValueError, match="not a Tollbook linkage model"):
        LinkageModel.from_json({"columns": []})


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        open_engine("oracle")

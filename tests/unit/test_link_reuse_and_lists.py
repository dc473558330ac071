"""A stored model is reused only on comparable data; records of a list without
duplicates never become one person, unless a human says so."""

from __future__ import annotations

from tollbook.link.clustering import cluster_pairs
from tollbook.link.engine import LinkageModel
from tollbook.link.reuse import REUSE_FACTOR, ReuseVerdict, may_reuse

COLUMNS = ("family_key", "given_key", "birth_year", "source", "unique_id")
LISTS = ("burial", "morgue", "news")


def model(trained_on: int, lists: tuple[str, ...] = LISTS) -> LinkageModel:
    return LinkageModel(
        settings={}, columns=COLUMNS, trained_on=trained_on, engine="duckdb", lists=lists
    )


def verdict(
    m: LinkageModel,
    records: int,
    lists: tuple[str, ...] = LISTS,
    columns: tuple[str, ...] = COLUMNS,
) -> ReuseVerdict:
    return may_reuse(
        m, records=records, columns=frozenset(columns), lists=lists, link_type="dedupe_only"
    )


def test_a_model_is_reused_on_comparable_data() -> None:
    for records in (10_000, 15_000, 20_000, 5_000):
        assert verdict(model(10_000), records).reuse, records
    assert verdict(model(10_000), 15_000).note("model 1") is None


def test_a_model_trained_on_five_records_is_never_reused_for_fifteen_thousand() -> None:
    found = verdict(model(5), 15_000)
    assert not found.reuse
    note = found.note("the stored model 3")
    assert note is not None
    assert note.startswith("the stored model 3 not reused")
    assert "trained on 5 records and these are 15,000" in note and note.endswith("a new one")
    assert not verdict(model(15_000), 15_000 // int(REUSE_FACTOR) - 1).reuse


def test_other_lists_other_fields_or_unknown_lists_mean_a_new_model() -> None:
    other_lists = verdict(model(1_000), 1_000, ("burial", "morgue", "family"))
    assert not other_lists.reuse and "family" in other_lists.reasons[0]
    fewer_fields = verdict(model(1_000), 1_000, columns=COLUMNS[1:])
    assert not fewer_fields.reuse and "other fields" in fewer_fields.reasons[0]
    unknown = verdict(model(1_000, lists=()), 1_000)
    assert not unknown.reuse and "which lists" in unknown.reasons[0]


def test_the_lists_a_model_saw_are_saved_with_it() -> None:
    saved = LinkageModel.from_json(model(7).to_json())
    assert saved.lists == LISTS and saved.trained_on == 7
    assert LinkageModel.from_json({**model(7).to_json(), "lists": []}).lists == ()


def test_namesakes_of_one_list_stay_two_people_even_through_another_list() -> None:
    # 1 and 2 are on the morgue list (no duplicates); 3 on the burial list matches both
    exclusive = {1: "morgue", 2: "morgue"}
    found = cluster_pairs([1, 2, 3], [1, 2], [3, 3], [0.99, 0.98], 0.5, exclusive=exclusive)
    assert found.cluster_of[1] == found.cluster_of[3] != found.cluster_of[2]
    # a list that may hold duplicates: all three are one person
    free = cluster_pairs([1, 2, 3], [1, 2, 1], [3, 3, 2], [0.99, 0.98, 0.9], 0.5)
    assert len(set(free.cluster_of.values())) == 1


def test_a_human_may_still_confirm_two_records_of_one_list_as_one_person() -> None:
    found = cluster_pairs(
        [1, 2], [], [], [], 0.5, must_link=[(1, 2)], exclusive={1: "morgue", 2: "morgue"}
    )
    assert found.cluster_of[1] == found.cluster_of[2] and not found.conflicts

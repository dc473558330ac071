"""The inter-coder agreement benchmark (``benchmarks/extract_agreement.py``): two codings of
the same reports compared as the extractor is scored, and the extractor judged where the two
agree."""

from __future__ import annotations

from typing import Any

from benchmarks.extract_agreement import (
    Comparison,
    _place_class,
    _source_class,
    _where_agreed,
    disagreements,
)


def _claim(low: int, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "article": "r-01",
        "outcome": "killed",
        "low": low,
        "high": low,
        "qualifier": "exact",
        "victims": "people",
        "place": "Hillside market, Dorvan",
        "when": "2026-03-02",
        "scope": "incident",
        "kind": "official",
        "attributed_to": "regional governor",
        "part_of": None,
    }
    return {**base, **fields}


FIRST = [_claim(12), _claim(4, victims="children", part_of=0), _claim(30, scope="cumulative")]
SECOND = [
    _claim(12, kind="reported", place="Dorvan"),
    _claim(4, victims="children", part_of=None),
    _claim(7, outcome="injured"),
]


def test_the_second_coding_is_scored_as_the_extractor_is() -> None:
    coders = Comparison(FIRST, SECOND)
    assert (coders.score.true_positives, coders.score.false_positives) == (2, 1)
    assert coders.score.false_negatives == 1
    assert coders.share("kind") == (1, 2)
    assert coders.share("place") == (1, 2)
    assert coders.share("source") == (2, 2)
    assert coders.share("part") == (1, 2)  # the second coder left the children unlinked


def test_the_extractor_is_judged_only_where_the_coders_agree() -> None:
    coders = Comparison(FIRST, SECOND)
    agreed_kind = {k for k, v in coders.agrees["kind"].items() if v}
    extractor = [_claim(12, kind="reported"), _claim(4, kind="reported", victims="children")]
    vs_first = Comparison(FIRST, extractor)
    # against the first coding, kind is right on neither; on the claim the coders agree on
    # (the children, official) it is wrong too, and the disputed 12 is left out
    assert vs_first.share("kind") == (0, 2)
    assert vs_first.share("kind", agreed_kind) == (0, 1)
    precision, recall = _where_agreed(FIRST, SECOND, extractor)
    assert (precision, recall) == (1.0, 1.0)  # both coded 12 and 4; 30 and 7 by one only
    assert _where_agreed(FIRST, SECOND, [*extractor, _claim(99)]) == (2 / 3, 1.0)


def test_disagreements_are_counted_by_class_without_any_text() -> None:
    assert _place_class("Hillside market, Dorvan", "Dorvan") == "one lacks a part"
    assert _place_class("Dorvan", None) == "one has none"
    assert _place_class("Hillside market, Dorvan", "Old bridge, Dorvan") == "a part in common"
    assert _place_class("Dorvan", "Kessel") == "different"
    assert _source_class("regional governor", None) == "one has none"
    assert _source_class("regional governor", "police") == "different"
    lines = disagreements(Comparison(FIRST, SECOND))
    assert "kind (first/second): official/reported 1" in lines[0]
    assert lines[1].endswith("none")
    assert "one lacks a part 1" in lines[2]
    assert not any("Dorvan" in line for line in lines)

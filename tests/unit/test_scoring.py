from __future__ import annotations

from typing import Any

from tollbook.extract.scoring import field_accuracy, place_agrees, strict_score


def claim(
    article: str, outcome: str, low: int | None, high: int | None, **extra: Any
) -> dict[str, Any]:
    return {"article": article, "outcome": outcome, "low": low, "high": high, **extra}


def test_strict_match_needs_outcome_low_and_high() -> None:
    gold = [claim("a", "killed", 17, None), claim("a", "injured", 40, 40)]
    predicted = [
        claim("a", "killed", 17, None),
        claim("a", "injured", 40, None),
        claim("b", "killed", 17, None),
    ]
    score = strict_score(gold, predicted)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 2, 1)
    assert round(score.f1, 3) == 0.4


def test_each_gold_claim_matches_once() -> None:
    gold = [claim("a", "killed", 5, 5)]
    score = strict_score(gold, [claim("a", "killed", 5, 5), claim("a", "killed", 5, 5)])
    assert (score.precision, score.recall) == (0.5, 1.0)


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    assert strict_score([], []).f1 == 1.0


def test_field_accuracy_on_matched_claims() -> None:
    gold = [claim("a", "killed", 5, 5, place="Izium"), claim("a", "killed", 9, 9, place="X")]
    predicted = [claim("a", "killed", 5, 5, place="Izium"), claim("a", "killed", 9, 9, place="Y")]
    assert field_accuracy(gold, predicted, "place") == 0.5


def test_russian_nouns_in_ia_and_y_agree_across_their_cases() -> None:
    # round 39: "-ия", "-ию" and "-ы" were missing from the endings left out
    assert place_agrees("автостанция, Шебекино", "автостанции, Шебекино")
    assert place_agrees("Украина", "Украины")
    assert not place_agrees("Шебекино", "Белгород")

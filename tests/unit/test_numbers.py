from __future__ import annotations

import pytest

from tollbook.extract.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("1.2 million", 1_200_000),
        ("Forty", 40),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("twenty-five", 25),
        ("5k", 5000),
        ("one hundred and twenty", 120),
        ("three thousand", 3000),
        ("a hundred", 100),
        ("17", 17),
        ("12 bn", 12_000_000_000),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_ranges_and_vague_words() -> None:
    found = find_numbers("between 10 and 15 dead, three to four times more, dozens hurt, 2022-2023")
    assert [(n.low, n.high, n.is_range, n.is_vague) for n in found] == [
        (10, 15, True, False),
        (3, 4, True, False),
        (None, None, False, True),
        (2022, 2022, False, False),
        (2023, 2023, False, False),
    ]


def test_bare_article_is_not_a_number() -> None:
    assert find_numbers("a man was killed") == []

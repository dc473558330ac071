"""Screens: the words a pattern's every match holds, read off the pattern itself."""

from __future__ import annotations

import re
import types

import pytest

from tollbook.extract import cues
from tollbook.extract.screens import (
    Screen,
    Screened,
    ends_as_it_may,
    final_words,
    screen_patterns,
)


def test_words_of_a_branch_and_of_a_sequence() -> None:
    screen = Screen(re.compile(r"\b(?:killed|killing|kill|dead)\s+(?:at\s+least\s+)?\d+"))
    assert screen.words == frozenset({"kill", "dead"})  # "killed" holds "kill": one is enough
    assert screen.passes("Shelling killed 12 people")
    assert not screen.passes("Twelve houses burnt down")


def test_the_longest_required_part_of_a_sequence_is_chosen() -> None:
    screen = Screen(re.compile(r"(?:of|in)\s+the\s+(?:war|siege)"))
    assert screen.words == frozenset({"war", "siege"})  # "the" is too common, "of"/"in" too short


def test_an_optional_part_or_a_bare_alternative_gives_no_screen() -> None:
    assert Screen(re.compile(r"(?:toll)?\s*\d+")).words is None
    assert Screen(re.compile(r"killed|\d+")).words is None
    assert Screen(re.compile(r"\b\w+\b")).words is None
    assert Screen(re.compile(r"\d+")).passes("no digits here")  # no screen: always run


def test_case_and_text_outside_ascii() -> None:
    screen = Screen(re.compile(r"(?i:ministry)\s+said|\bUNICEF\b"))
    assert screen.words == frozenset({"ministry", "unicef"})
    assert screen.passes("The MINISTRY said")
    assert screen.passes("Unicef reported")  # the text is lower-cased, the word too
    assert screen.passes("Kyiv’s council")  # not ASCII: always run the pattern


@pytest.mark.parametrize(
    "pattern",
    [cues.LEFT_OUTCOME_RE, cues.OBSERVED_RE, cues.SCOPE_CUMULATIVE_RE, cues.CORRECTION_RE],
)
def test_a_screen_never_turns_away_a_text_the_pattern_matches(
    pattern: re.Pattern[str],
) -> None:
    texts = [
        "the death toll has risen to at least",
        "our correspondent counted 14 bodies",
        "since the start of the war, 1,200 people",
        "an earlier version of this article incorrectly said",
        "rescuers pulled 3 people from the rubble",
        "heavy rain fell on the city",
    ]
    screen = Screen(pattern)
    for text in texts:
        if pattern.search(text):
            assert screen.passes(text), text


def test_a_short_sign_screens_but_a_short_word_does_not() -> None:
    assert Screen(re.compile(r"©|copyright")).words == frozenset({"©", "copyright"})
    assert not Screen(re.compile(r"©|copyright")).passes("All photos by staff")
    assert Screen(re.compile(r"ſ|copyright")).words is None  # cased outside ASCII: no screen


def test_a_screened_pattern_gives_what_the_pattern_gives() -> None:
    pattern = re.compile(r"\b(?:killed|dead)\s+(?P<n>\d+)")
    screened = Screened(pattern, Screen(pattern))
    for text in ("shelling killed 12 and left dead 3", "rain fell on the city", "Kyiv’s dead 4"):
        found, expected = screened.search(text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())
        assert screened.findall(text) == pattern.findall(text)
        assert [m.span() for m in screened.finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]
        assert screened.sub("X", text) == pattern.sub("X", text)
        assert screened.split(text) == pattern.split(text)
        assert (screened.match(text) is None) == (pattern.match(text) is None)
    assert screened.search("killed 12", 3) is None  # positions are passed on
    assert screened.groupindex == pattern.groupindex  # anything else is the pattern's


def test_screen_patterns_replaces_only_named_patterns_that_have_a_screen() -> None:
    module = types.ModuleType("rules")
    setattr(module, "DEAD_RE", re.compile(r"\bdead\b"))  # noqa: B010
    setattr(module, "DIGITS_RE", re.compile(r"\d+"))  # noqa: B010
    setattr(module, "OTHER_RE", re.compile(r"\bkilled\b"))  # noqa: B010
    screen_patterns(module, ("DEAD_RE", "DIGITS_RE", "MISSING_RE"))
    assert isinstance(getattr(module, "DEAD_RE"), Screened)  # noqa: B009
    assert isinstance(getattr(module, "DIGITS_RE"), re.Pattern)  # noqa: B009 (no screen)
    assert isinstance(getattr(module, "OTHER_RE"), re.Pattern)  # noqa: B009 (not named)
    assert getattr(module, "DEAD_RE").search("two dead") is not None  # noqa: B009


def test_final_words_of_a_pattern_that_ends_at_the_end_of_the_text() -> None:
    pattern = re.compile(
        r"\b(?:killing|include[sd]?|toll\s+(?:rose|reached))(?:\s+(?:at\s+least|about))*\s*$"
    )
    words = final_words(pattern)
    assert words is not None
    assert set(words) == {
        "killing",
        "include",
        "includes",
        "included",
        "rose",
        "reached",
        "least",
        "about",
    }
    for text in ("shelling, killing at least ", "the dead included ", "the toll rose about\n"):
        assert pattern.search(text) and ends_as_it_may(text, words)
    assert not ends_as_it_may("the shelling of the town on ", words)  # cannot match
    assert pattern.search("the shelling of the town on ") is None


def test_no_final_words_when_a_match_may_end_elsewhere_or_otherwise() -> None:
    assert final_words(re.compile(r"killed\s+\d+")) is None  # not anchored at the end
    assert final_words(re.compile(r"(?i:killed)\s*$")) is None  # case ignored
    assert final_words(re.compile(r"killed\s+\w+\s*$")) is None  # ends in a class
    assert final_words(re.compile(r"(?:killed)?\s*$")) is None  # may be empty


@pytest.mark.parametrize("name", ["LEFT_OUTCOME_RE", "HEDGE_RE"])
def test_every_match_of_the_left_window_patterns_ends_in_one_of_their_final_words(
    name: str,
) -> None:
    pattern = getattr(cues, name)
    words = final_words(pattern)
    assert words is not None
    texts = [
        "a missile strike on the market, killing at least ",
        "officials said the death toll had risen to ",
        "the dead included ",
        "rescuers recovered ",
        "the number of injured rose to more than ",
        "the attack wounded about ",
        "the figure could reach ",
        "the shelling killed nearly ",
        "they buried ",
    ]
    matched = [t for t in texts if pattern.search(t)]
    assert matched  # the examples exercise the pattern
    assert all(ends_as_it_may(t, words) for t in matched)

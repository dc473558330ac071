"""Round 8 of issue 12 (speed): patterns that open with ``(?<!\\w)`` where they had ``\\b``
find what the ``\\b`` form finds (true only while every alternative opens with a word
character: a test that fails if one is added that does not)."""

from __future__ import annotations

import re

import pytest

from tollbook.extract import attribution, dates, introduced, promising, speaker_cascade

# Written for this test: word edges next to letters, digits, hyphens, quotes and brackets.
SENTENCES = [
    "Officials said 12 people were killed; the ministry says the toll could rise.",
    "The unsaid toll, resaid later, was given by the regional police (UNHCR) on Monday.",
    "Rescuers recorded twenty-one deaths since 3 March 2024, or 2024-03-03 in the log.",
    "Some 1,200 were injured in Kharkiv, a village near Izium, on the night of Friday.",
    '"Forty died," she told reporters in Geneva; dozens more were missing off Lesbos.',
    "x-said y_says 9told fourteenth seventeen-year-old scores of [many] (several)",
    "Last week, 40 died at Mariupol's port; yesterday 3 more of Odesa's residents died.",
]


def _with_b(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert pattern.pattern.startswith("(?<!\\w)")
    return re.compile("\\b" + pattern.pattern[len("(?<!\\w)") :], pattern.flags)


@pytest.mark.parametrize(
    ("pattern", "lower"),
    [
        (attribution._SAYS_RE, False),
        (promising._NUMBER_HINT_RE, True),
        (dates.DATE_RE, True),
        (introduced.INTRODUCED_HINT_RE, False),
    ],
)
def test_lookbehind_finds_what_the_word_edge_found(pattern: re.Pattern[str], lower: bool) -> None:
    old = _with_b(pattern)
    for sentence in SENTENCES:
        text = sentence.lower() if lower else sentence
        new_spans = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert new_spans == [(m.span(), m.groupdict()) for m in old.finditer(text)]
    # the patterns do find something in these sentences
    assert any(pattern.search(s.lower() if lower else s) for s in SENTENCES)


def test_a_sentence_may_hold_a_number_in_digits_or_words() -> None:
    assert promising.may_hold_number("12 people died")
    assert promising.may_hold_number("dozens of people died")
    assert promising.may_hold_number("seventeen died")
    assert not promising.may_hold_number("people died in the flood")
    assert not promising.may_hold_number("someone said nothing")  # "one" inside a word


def test_a_speaker_is_found_after_the_first_said_verb_inside_a_word() -> None:
    # "unsaid" holds "said" but no said-verb at a word edge: the search that starts there
    # still finds the speaker named after the real one
    sentence = "The unsaid toll rose to 12, said Anna Kovalenko, a nurse."
    found = speaker_cascade.named_source(sentence)
    assert found == "Anna Kovalenko, nurse"

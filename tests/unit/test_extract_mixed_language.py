"""A report mixing Cyrillic and English sentences, where an English sentence holds a
Cyrillic word: the English pass reads that sentence (it used to send the report back to the
mixed pass for ever)."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def test_an_english_sentence_with_a_cyrillic_word_is_read_by_the_english_pass() -> None:
    english = "Police in Sumy said 4 people were killed when a drone hit the Бабусин market."
    report = Report("mixed", f"Уночі внаслідок обстрілу загинули двоє людей. {english}")
    claims = extract_claims(report)
    from_english = [c for c in claims if c.evidence == english]
    assert [(c.outcome, c.low) for c in from_english] == [("killed", 4)]
    assert ("killed", 2) in [(c.outcome, c.low) for c in claims]  # the Cyrillic sentence's

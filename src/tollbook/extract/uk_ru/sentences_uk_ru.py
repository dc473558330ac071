"""Cutting text that may be in Ukrainian, Russian and English into sentences, with offsets.

As ``tollbook.extract.sentences`` (whose rules for English are left as they are), with
Cyrillic capitals and quotes (« ») after the stop, and the Cyrillic abbreviations that do not
end a sentence ("обл.", "вул.", "тис.", "м.", "т. ч.", initials "В. Бойченко")."""

from __future__ import annotations

import re

from tollbook.extract.sentences import Sentence, split_at

_END_RE = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s+[«\"“‘'(\[]?[A-ZА-ЯІЇЄҐЁ0-9])|\n+")
_ABBREVIATIONS = frozenset(
    """т ч м с р обл вул ул тис тыс млн ст им ім пр просп д г гг рр див см пл ін др н е
    мр mr mrs ms dr st no gen lt col""".split()
)


def split_sentences_uk_ru(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets; ``text[s.start:s.end] == s.text``."""
    return split_at(text, _END_RE, _is_abbreviation)


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:dot]
    if word.lower() in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "В. Бойченко"

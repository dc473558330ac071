"""Cutting report text into sentences, keeping each sentence's offsets in the original."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt st no nos vs etc jan feb mar apr jun jul aug
    sep sept oct nov dec u.s u.k u.n e.g i.e approx est gov sen rep rev fig inc ltd co corp
    mt ft jr sr""".split()
)
# A sentence ends at . ! ? (and any closing quotes/brackets) followed by space and a capital,
# a digit, or an opening quote; or at a line break.
# The first character is matched by one class (then told apart by a look-behind) so that
# ``re`` can skip ahead to the next [.!?\n] instead of trying both branches at every character.
_END_RE = re.compile(
    r"""[.!?\n](?:(?<=[.!?])[.!?]*["'”’)\]]*(?=\s+["“‘'(\[]?[A-Z0-9])|(?<=\n)\n*)"""
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the report: its exact text and where it starts in the report."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def paragraph_openers(sentences: list[Sentence], text: str) -> frozenset[int]:
    """The sentences a blank line, or a line break, opens."""
    return frozenset(
        i for i, s in enumerate(sentences) if i and "\n" in text[sentences[i - 1].end : s.start]
    )


def is_item_title(index: int, sentences: list[Sentence], openers: frozenset[int]) -> bool:
    """Sentence ``index`` (not the report's first) is a line of its own, short and with no
    full stop, before a paragraph: the title of one item of a page of news in brief ("Gunmen
    kill 12 in Bokkos village")."""
    if not (index and index in openers and index + 1 in openers):
        return False
    text = sentences[index].text.strip()
    if len(text) > 90 or not text[:1].isupper() or ":" in text or "|" in text:
        return False  # (not a list's item, "- 9 missing", nor a live page's "21:15 | ...")
    return not text.endswith((".", "!", "?", '"', "”"))


#: a page's first line that says it holds several items ("News in brief", "Cat desk morning
#: note", "What we're watching", "Corrections and clarifications", "Weekly bulletin")
_PAGE_OF_ITEMS_RE = re.compile(
    r"\b(?:in\s+brief|briefs|briefing|bulletin|round-?up|digest|corrections|clarifications|"
    r"watching|at\s+a\s+glance|morning\s+note|what\s+happened|the\s+day\s+in|the\s+week\s+in)\b",
    re.IGNORECASE,
)


def is_page_of_items(text: str) -> bool:
    """Whether a report's first line calls it a page of several items."""
    return _PAGE_OF_ITEMS_RE.search(text[: text.find("\n") if "\n" in text else 200]) is not None


def item_titles(sentences: list[Sentence], openers: frozenset[int], text: str) -> frozenset[int]:
    """The sentences that are items' titles (``is_item_title``): on a page whose first line
    says it holds several items, and only when it has two titles or more."""
    if not is_page_of_items(text):
        return frozenset()
    titles = frozenset(i for i in openers if is_item_title(i, sentences, openers))
    return titles if len(titles) > 1 else frozenset()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets; ``text[s.start:s.end] == s.text``."""
    return split_at(text, _END_RE, _is_abbreviation)


def split_at(
    text: str, end_re: re.Pattern[str], is_abbreviation: Callable[[str, int], bool]
) -> list[Sentence]:
    """Sentences of ``text`` cut where ``end_re`` matches, except after a dot that
    ``is_abbreviation(text, dot)`` says ends an abbreviation (shared with the Cyrillic
    splitter of ``extract.uk_ru``, which has its own stops and abbreviations)."""
    out: list[Sentence] = []
    pos = 0
    for m in end_re.finditer(text):
        if m.group(0)[0] == "." and is_abbreviation(text, m.start()):
            continue
        _add(text, pos, m.end() if m.group(0)[0] != "\n" else m.start(), out)
        pos = m.end()
    _add(text, pos, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        out.append(Sentence(stripped, start + chunk.index(stripped)))


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # single initials: "J. Smith"
    return len(word) == 1 and word.isalpha() and text[j - 1 : j] in (" ", "", "(")

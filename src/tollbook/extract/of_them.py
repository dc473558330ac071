"""A sentence that opens with a share of the figure told just before it, in words that name
no outcome: "Three of them were children.", "Eleven of them were in the parish of St
Elizabeth.": the share counts what that figure counted (round 50). ("Seven of them were
flown to Georgetown" says neither who nor where: not read.)"""

from __future__ import annotations

import re

from tollbook.extract.drafts import Reading
from tollbook.extract.numbers import NumberMention
from tollbook.extract.reading import context_reading

_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|those|these)(?=\s+(?:were|are|was|is)\b)")
_OPENING_RE = re.compile(r"^[\W_]*$")


def share_of_them(lower: str, n: NumberMention, outcome: str) -> Reading | None:
    """Figure ``n`` read as a share of an ``outcome`` told in the sentence before, when it
    opens sentence ``lower`` as "N of them were ...", and the words after it say who they
    were or where ("children", "in the parish of St Elizabeth"); else None."""
    if not _OPENING_RE.match(lower, 0, n.start):
        return None
    of_them = _OF_THEM_RE.match(lower, n.end)
    if of_them is None:
        return None
    return context_reading(lower[: n.end] + lower[of_them.end() :], n, outcome)

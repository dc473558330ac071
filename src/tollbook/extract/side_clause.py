"""A clause joined after a figure that tells of something else: its days are not the
figure's."""

from __future__ import annotations

import re

from tollbook.extract.promising import names_a_casualty

#: ", and the video in the post was filmed after Cyclone Sidr in 2007": a clause on
#: another subject (not the dead, the toll or its figures)
_OTHER_SUBJECT_RE = re.compile(
    r",\s+and\s+(?:the|a|an|its|his|her|their)\s+"
    r"(?!(?:dead|toll|number|death|deaths|bodies|victims|figure|count|tally|total)\b)[a-z]"
)


def other_subject_at(lower: str, position: int) -> int | None:
    """Where a clause after the figure at ``position`` turns to another subject and tells
    no casualty ("The government's toll stands at 23, and the video in the post was filmed
    after Cyclone Sidr in 2007"), or None."""
    for m in _OTHER_SUBJECT_RE.finditer(lower, position):
        if not names_a_casualty(lower[m.end() :]):
            return m.start()
    return None

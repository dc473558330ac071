"""Where in a sentence's frame a figure happened: "In the Zinder region, seven people drowned
... near Mirriah" is Mirriah's, not the region's. Pure.
"""

from __future__ import annotations

import re

from tollbook.extract.places import PlaceMention, is_wide
from tollbook.extract.sites import is_receiving

# the sentence's frame: "In the Zinder region, seven people drowned ..."
_FRAME_RE = re.compile(r"\W*In\s+(?:the\s+)?")
# where the figure's event happened, after it: "... swept away near Mirriah", "on a dirt road
# near the community of Valtierrilla"
_AT_AFTER_RE = re.compile(
    r"\b(?:near|outside|in|at)\s+(?:the\s+(?:[a-z]+\s+)?(?:community|village|town|hamlet|"
    r"settlement|locality)\s+of\s+)?$"
)
_FIGURE_BETWEEN_RE = re.compile(
    r"\d(?!\d*\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|another|others?)\b|[;:]"
)


def narrowed_after(position: int, frame: PlaceMention, after: PlaceMention, sentence: str) -> bool:
    """Whether the place after the figure names where in the sentence's frame it happened:
    "In the Zinder region, seven people drowned ... near Mirriah" (Mirriah), with no other
    figure between them (a date may be), and not a hospital victims were taken to."""
    if not _FRAME_RE.fullmatch(sentence, 0, frame.start):
        return False
    if after.place.is_country or is_wide(after.place) or is_receiving(after.place):
        return False
    between = sentence[position : after.start]
    first_space = between.find(" ")
    return (
        _AT_AFTER_RE.search(between) is not None
        and _FIGURE_BETWEEN_RE.search(between, max(0, first_space)) is None
    )

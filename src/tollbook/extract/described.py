"""A place told by what it is and where it lies: "Tinkitane, a village in Niger's Tillabéri
region near the border with Mali", "Sere Gale, a highland kebele of Boloso Sore district".
The place so described is the one meant; the places after it only say where it lies. Pure.
"""

from __future__ import annotations

import re

from tollbook.extract.introduced import DESCRIBED_AS
from tollbook.extract.places import PlaceMention

#: the appositive after a place's name, up to the next comma: ", a farming village in Ye-U
#: township of Sagaing region"
APPOSITIVE_RE = re.compile(DESCRIBED_AS + r"[^,;:]*")


def without_described(local: list[PlaceMention], sentence: str) -> list[PlaceMention]:
    """The places of a sentence less those that only say where a place named before them
    lies (the region and the border of "Tinkitane, a village in Tillabéri region near the
    border with Mali"): the village is the place."""
    if ", a" not in sentence:
        return local
    out = list(local)
    for m in local:
        aside = APPOSITIVE_RE.match(sentence, m.end)
        if aside is not None:
            out = [p for p in out if not m.end < p.start < aside.end()]
    return out

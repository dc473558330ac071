"""One key for the ways a family and a burial team write the same district.

"Степовий", "Stepovyi", "Степовой район", "у Степовому районі", "Stepovoy district" all
have the key of Степовий: a place the gazetteer knows is first written by its own name
(Левобережный and Лівобережний are one district), then romanised (Ukraine's national
system), folded as linkage folds names (:func:`tollbook.names.fold.fold`), stripped of
its adjective's case ending and of its vowels after the first letter, so Ukrainian і and
Russian о (Слобідський, Слободской) agree. Words naming a district are left out. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook.gazetteer import load_gazetteer
from tollbook.names.fold import fold, skeleton
from tollbook.names.latin import to_latin

_KIND_WORDS = frozenset(
    {"district", "raion", "rayon", "region", "area", "quarter", "neighbourhood", "the", "in",
     "of", "rn", "r", "mikroraion", "mkr", "u", "v", "na", "raioni", "raione", "raiona"}
)  # fmt: skip
_ENDING = re.compile(r"(?:omu|oho|omi|ii|oi|ai|ia|ie|om|im|a|e|i|o|u)$")


@lru_cache(maxsize=65536)
def place_key(text: str) -> str:
    """The comparable key of a written place ("" for none)."""
    text = text.strip()
    if not text:
        return ""
    known = load_gazetteer().candidates(text)
    if not known:
        bare = " ".join(w for w in text.split() if to_latin(w) not in _KIND_WORDS)
        known = load_gazetteer().candidates(bare) if bare else []
    if known:
        text = known[0].name
    latin = [w for w in to_latin(text).split() if w not in _KIND_WORDS]
    stems = [_ENDING.sub("", w) or w for w in fold(" ".join(latin)).split()]
    return skeleton(" ".join(stems))

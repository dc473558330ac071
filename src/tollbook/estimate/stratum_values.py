"""One stratum value however it is written (pure).

Lists spell a district in Ukrainian, Russian or Latin letters: Вокзальний, Вокзальный and
Vokzalnyi are one district. Values are compared by a key (transliterated to Latin letters,
then folded as names are, without spaces, apostrophes or case), and each key is shown
as its most frequent spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from tollbook.estimate.tables import OverlapTable, Stratum, pool
from tollbook.names.fold import fold
from tollbook.names.latin import to_latin


def stratum_key(value: str) -> str:
    """The key two spellings of one place share (empty for a blank value)."""
    text = value.strip()
    if not text:
        return ""
    return re.sub(r"[\s'’`ʼ\-.]+", "", fold(to_latin(text)).lower())


def spellings(values: Iterable[str] | Mapping[str, int]) -> dict[str, str]:
    """Each spelling -> the one shown for its key (the most frequent, counting each value
    once or, given a mapping, by its weight; ties: the first in sorted order)."""
    counts = Counter(values) if not isinstance(values, Mapping) else Counter(dict(values))
    by_key: dict[str, list[tuple[int, str]]] = {}
    for value, n in counts.items():
        by_key.setdefault(stratum_key(value), []).append((-n, value))
    shown = {key: min(options)[1] for key, options in by_key.items()}
    return {value: shown[stratum_key(value)] for value in counts}


def unify_strata(tables: Mapping[Stratum, OverlapTable]) -> dict[Stratum, OverlapTable]:
    """Tables whose stratum values are one value spelt differently, added together."""
    columns = {column for stratum in tables for column, _ in stratum}
    shown: dict[str, dict[str, str]] = {}
    for column in columns:
        people: Counter[str] = Counter()
        for stratum, table in tables.items():
            for c, v in stratum:
                if c == column:
                    people[v] += table.observed
        shown[column] = spellings(people)
    groups: dict[Stratum, list[OverlapTable]] = {}
    for stratum, table in tables.items():
        key: Stratum = tuple((c, shown[c][v]) for c, v in stratum)
        groups.setdefault(key, []).append(table)
    return {key: pool(group, key) for key, group in sorted(groups.items())}

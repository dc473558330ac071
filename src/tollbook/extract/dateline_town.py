"""A town a report's dateline names that the gazetteer does not know (pure).

"SAUT-D'EAU, Haiti, 3 June 2026 - ...": the writer says where the town lies, so for that
report it is a place like any the gazetteer knows, and the body's "in Saut-d'Eau" is found.
"""

from __future__ import annotations

import re

from tollbook.extract.places import Gazetteer, Place

#: a dateline in capitals with its country: "SAUT-D'EAU, Haiti, 3 June 2026 -"
_DATELINE_TOWN_RE = re.compile(
    r"(?P<town>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}),\s+"
    r"(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),"
)


class _WithTowns(Gazetteer):
    """The gazetteer, and a report's own towns beside it (the gazetteer is not copied)."""

    def __init__(self, base: Gazetteer, towns: dict[str, Place]) -> None:
        self._names = base._names
        self._towns = towns
        self.first_words = dict(base.first_words)
        for key in towns:
            words = key.split(" ")
            self.first_words[words[0]] = max(len(words), self.first_words.get(words[0], 0))

    def lookup(self, name: str) -> Place | None:
        return self._towns.get(name.lower()) or super().lookup(name)


def with_dateline_town(text: str, gazetteer: Gazetteer) -> Gazetteer:
    """``gazetteer``, knowing also the town of ``text``'s dateline (in its first 400
    characters) when it does not know it but knows the country after it."""
    m = _DATELINE_TOWN_RE.search(text, 0, 400)
    if m is None or gazetteer.lookup(m.group("town")) is not None:
        return gazetteer
    country = gazetteer.lookup(m.group("country"))
    if country is None or not country.is_country:
        return gazetteer
    town = m.group("town")
    # the town as the body writes it ("Saut-d'Eau"), else in title case
    written = re.search(re.escape(town), text[m.end() :], re.IGNORECASE)
    name = written.group(0) if written and not written.group(0).isupper() else town.title()
    # (as large as a town whose name, without "in", is still read as a place: the dateline
    # says it is one)
    place = Place(name, None, population=50_000)
    return _WithTowns(gazetteer, {town.lower(): place})

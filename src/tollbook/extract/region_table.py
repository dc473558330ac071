"""The first-level regions of the English gazetteer (a state, province, region, department
or governorate of a country), as a table shipped with Tollbook.

GeoNames' cities (``city_table``) hold no regions, so "militant attacks in Balochistan" or
"heatstroke deaths in Bihar" named no place the extractor knew, and such running totals
were placed at the town told before. The regions come from ISO 3166-2 (the ``pycountry``
package, a development dependency only): the table is chosen once, when it is built
(``python scripts/build_region_table.py``), and written to ``data/regions.tsv``;
:func:`load_regions` reads it back.

A name the regions of two countries bear ("Punjab", "Bolivar") is kept without a country.
Left out, so that a region never shadows a word: a name of two letters, a name made only of
generic words ("North", "Western", "Far North", "Coast", "Unity", "Pool"), a name with a
river, sea or range in it ("Tana River", "Blue Nile", "Red Sea") and a few that are a
people or a river more often than a region ("Somali", "Mississippi"). A town or a country
named like its region ("Kano", "Niger") stays the town or the country: the gazetteer
offers a region only under a name it does not know (``places.default_gazetteer``).

``tests/unit/test_region_table.py`` builds the table again from the installed pycountry
and checks that it is the file shipped, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tollbook.extract.city_table import ascii_fold

#: The file's first line, then one region per line.
HEADER = "# name\tcountry\tkind"
#: The kinds of ISO 3166-2 subdivision kept: a country's first-level regions, not its
#: districts, municipalities, parishes or cantons (small, and often named like a town)
KINDS = frozenset(
    {
        "Province",
        "Region",
        "State",
        "Department",
        "Governorate",
        "Prefecture",
        "Regional state",
        "Oblast",
        "Autonomous region",
        "Autonomous community",
        "Autonomous province",
        "Land",
        "Voivodship",
        "Union territory",
        "Emirate",
        "Republic",
        "Administrative region",
        "Geographical unit",
        "County",
    }
)
#: Words that make no name alone: a region named only by these is left out.
GENERIC_WORDS = frozenset(
    """north south east west northern southern eastern western central centre center centro
    nord sud est ouest norte sur oeste leste sul far upper lower greater coast coastal capital
    lakes lake rivers river islands island delta plateau gulf bay red sea unity pool lac
    store bar ghat mountain mountains valley highlands lowlands middle interior
    north-west north-east south-west south-east north-western north-eastern south-western
    south-eastern centre-nord centre-est centre-ouest centre-sud""".split()
)
#: Names that are a people, a word or a river more often than a region in the news.
NOT_REGIONS = frozenset(
    """Somali Afar Chin Victoria Uri Amazonas Sahel Papua Sulawesi Jura Vaud
    Colon Union Liberty Grand Cape Mon""".split()
)


@dataclass(frozen=True)
class Region:
    name: str
    #: ISO 3166-1 alpha-2 code of its country; empty when two countries have a region of
    #: this name
    country: str
    #: the subdivision's kind, as ISO 3166-2 writes it ("Province", "State")
    kind: str


def build_regions(subdivisions: Iterable[tuple[str, str, str, bool]]) -> list[Region]:
    """The table's regions from (name, country code, kind, has a parent) tuples, as
    ISO 3166-2 lists them."""
    candidates = []
    for name, country, kind, has_parent in subdivisions:
        folded = ascii_fold(name).strip()
        if has_parent or kind not in KINDS or len(folded) < 3 or folded in NOT_REGIONS:
            continue
        if _generic(folded):
            continue
        if any(c in folded for c in "\t\n|,()"):
            continue
        candidates.append(Region(folded, country, kind))
    countries: dict[str, set[str]] = {}
    for region in candidates:
        countries.setdefault(region.name.lower(), set()).add(region.country)
    seen: set[str] = set()
    out = []
    for region in sorted(candidates, key=lambda r: (r.country, r.name)):
        key = region.name.lower()
        if key in seen:
            continue  # one name once
        seen.add(key)
        if len(countries[key]) > 1:  # "Punjab": a region of two countries, of neither here
            region = Region(region.name, "", region.kind)
        out.append(region)
    return sorted(out, key=lambda r: (r.country, r.name))


#: Words of a river, a sea or a range: "Tana River", "Blue Nile", "Red Sea" are named in the
#: news as the water or the mountains far more often than as the region
FEATURE_WORDS = frozenset(
    "river nile sea lake lakes bay gulf coast mountain mountains hills islands".split()
)


def _generic(name: str) -> bool:
    words = name.lower().replace("-", " ").replace("/", " ").split()
    return all(w in GENERIC_WORDS for w in words) or any(w in FEATURE_WORDS for w in words)


def format_regions(regions: Iterable[Region]) -> str:
    lines = [HEADER]
    lines.extend(f"{r.name}\t{r.country}\t{r.kind}" for r in regions)
    return "\n".join(lines) + "\n"


def parse_regions(text: str) -> list[Region]:
    regions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"regions.tsv:{number}: {len(fields)} fields, expected 3")
        regions.append(Region(*fields))
    return regions


@cache
def load_regions() -> tuple[Region, ...]:
    """The shipped table (``data/regions.tsv``)."""
    text = resources.files("tollbook.extract").joinpath("data/regions.tsv").read_text("utf-8")
    return tuple(parse_regions(text))

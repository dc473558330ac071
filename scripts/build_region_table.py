"""Write src/tollbook/extract/data/regions.tsv from the installed pycountry (ISO 3166-2).

Run after pycountry is upgraded, or after the choice of regions
(tollbook.extract.region_table.build_regions) changes:

    .venv/bin/python scripts/build_region_table.py

tests/unit/test_region_table.py fails until the shipped table matches again.
"""

from __future__ import annotations

from pathlib import Path

from tollbook.extract import region_table

TARGET = Path(__file__).resolve().parent.parent / "src/tollbook/extract/data/regions.tsv"


def subdivisions() -> list[tuple[str, str, str, bool]]:
    """ISO 3166-2's subdivisions as (name, country code, kind, has a parent)."""
    import pycountry

    return [
        (s.name, s.country_code, s.type, s.parent_code is not None) for s in pycountry.subdivisions
    ]


def main() -> None:
    regions = region_table.build_regions(subdivisions())
    TARGET.write_text(region_table.format_regions(regions), encoding="utf-8")
    print(f"{TARGET}: {len(regions):,} regions")


if __name__ == "__main__":
    main()

"""The shipped region table is what ISO 3166-2 (pycountry) gives, and reads back whole; the
gazetteer knows a region only under a name no town or country has."""

from __future__ import annotations

import pycountry

from tollbook.extract import region_table
from tollbook.extract.countries import country_code
from tollbook.extract.places import default_gazetteer, find_places, is_wide


def test_the_shipped_table_is_built_from_the_installed_pycountry() -> None:
    subdivisions = [
        (s.name, s.country_code, s.type, s.parent_code is not None) for s in pycountry.subdivisions
    ]
    built = region_table.build_regions(subdivisions)
    # else run `.venv/bin/python scripts/build_region_table.py` and commit the table
    assert list(region_table.load_regions()) == built
    assert len(built) > 1_500
    assert region_table.parse_regions(region_table.format_regions(built)) == built


def test_generic_words_shared_names_and_lower_levels_are_chosen_as_the_module_says() -> None:
    rows = [
        ("North", "CM", "Region", False),  # a compass word alone
        ("Far North", "CM", "Region", False),
        ("Balochistan", "PK", "Province", False),
        ("Punjab", "PK", "Province", False),
        ("Punjab", "IN", "State", False),  # two countries' regions: kept, of no country
        ("Kuressaare", "EE", "Municipality", False),  # not a first-level kind
        ("Mbale", "UG", "District", True),  # has a parent
        ("Somali", "ET", "Regional state", False),  # a people more often than a region
        ("Tamil Nādu", "IN", "State", False),  # folded to ASCII
    ]
    assert region_table.build_regions(rows) == [
        region_table.Region("Punjab", "", "State"),
        region_table.Region("Tamil Nadu", "IN", "State"),
        region_table.Region("Balochistan", "PK", "Province"),
    ]


def test_a_region_is_found_bare_and_lies_in_its_country() -> None:
    gazetteer = default_gazetteer()
    mentions = find_places("Militant attacks in Balochistan have killed 187.", gazetteer)
    assert [(m.place.name, m.place.region, is_wide(m.place)) for m in mentions] == [
        ("Balochistan", True, True)
    ]
    assert country_code("Balochistan") == "PK"
    assert country_code("Punjab") is None


def test_a_town_or_country_named_like_a_region_stays_the_town_or_country() -> None:
    gazetteer = default_gazetteer()
    lagos, niger = gazetteer.lookup("Lagos"), gazetteer.lookup("Niger")
    assert lagos is not None and lagos.geo is not None and not lagos.region
    assert niger is not None and niger.is_country and not niger.region

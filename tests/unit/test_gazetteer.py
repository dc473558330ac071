"""The gazetteer: one place for its names in three scripts, and what lies in what."""

from __future__ import annotations

import pytest

from tollbook.gazetteer import load_gazetteer, name_key

MARIUPOL = "701822"


@pytest.mark.parametrize(
    "name", ["Маріуполь", "Мариуполь", "Mariupol", "Mariupol'", "MARIUPOL", "м. Маріуполь"]
)
def test_one_city_by_its_names_in_three_scripts(name: str) -> None:
    located = load_gazetteer().locate(name)
    assert located.place is not None and located.place.id == MARIUPOL and located.exact


@pytest.mark.parametrize(
    "written",
    [
        "Лівобережний район, Маріуполь",
        "Левобережный район, Мариуполь",
        "Livoberezhnyi district, Mariupol",
        "Orjonikidzevskyi, Mariupol",
    ],
)
def test_a_district_lies_in_its_city_and_region(written: str) -> None:
    gazetteer = load_gazetteer()
    located = gazetteer.locate(written)
    assert located.place is not None, written
    lineage = [p.id for p in gazetteer.lineage(located.place)]
    if written.startswith("Orjonikidzevskyi"):  # an unknown spelling: in the city, not at it
        assert lineage[0] == MARIUPOL and not located.exact
    else:
        assert located.place.kind == "district" and located.exact
        assert lineage[1:] == [MARIUPOL, "UA.05", "UA"]


def test_an_unknown_building_lies_in_the_city_named_after_it() -> None:
    located = load_gazetteer().locate("Drama Theatre shelter, Mariupol")
    assert located.place is not None and located.place.id == MARIUPOL and not located.exact


def test_a_region_is_not_its_capital() -> None:
    gazetteer = load_gazetteer()
    region = gazetteer.locate("Kharkiv oblast").place
    city = gazetteer.locate("Kharkiv").place
    assert region is not None and city is not None
    assert (region.kind, city.kind) == ("region", "settlement")
    assert gazetteer.locate("Харківська область").place == region
    assert gazetteer.locate("Харьковская область").place == region
    assert gazetteer.within(city, region) and not gazetteer.within(region, city)


def test_a_district_name_shared_by_many_cities_needs_its_city() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.locate("Центральний район").place is None
    in_mariupol = gazetteer.locate("Центральний район, Маріуполь").place
    in_dnipro = gazetteer.locate("Центральний район, Дніпро").place
    assert in_mariupol is not None and in_dnipro is not None and in_mariupol != in_dnipro


def test_kyiv_is_the_city_not_a_tie_with_its_region() -> None:
    for name in ("Kyiv", "Київ", "Киев", "Kiev"):
        place = load_gazetteer().locate(name).place
        assert place is not None and place.id == "703448", name


def test_places_abroad_are_not_in_it() -> None:
    assert load_gazetteer().locate("El Fasher").place is None


def test_name_keys_fold_spelling_but_keep_region_words() -> None:
    assert name_key("Kyïv") == name_key("KYIV") == "kyiv"
    assert name_key("Ivano-Frankivsk") == "ivano frankivsk"
    assert name_key("Мар’їнка") == name_key("Мар'їнка")
    assert name_key("місто Маріуполь") == "маріуполь"
    assert name_key("Kharkiv oblast") == "kharkiv oblast"

"""A toll of a place counts the places in it, by any of its names."""

from __future__ import annotations

from datetime import date

from tollbook.count.place_scope import PlaceScope
from tollbook.gazetteer import load_gazetteer


def test_without_a_gazetteer_the_last_parts_decide() -> None:
    scope = PlaceScope("El Fasher")
    assert scope.includes("El Fasher") and scope.includes("Zamzam camp, El Fasher")
    assert scope.includes("el fasher")
    assert not scope.includes("El Fasher road, Tawila")
    assert not scope.includes(None)
    assert scope.is_same("EL FASHER") and not scope.is_same("Zamzam camp, El Fasher")


def test_a_city_counts_its_districts_in_any_script_but_owns_only_its_totals() -> None:
    scope = PlaceScope("Маріуполь", load_gazetteer())
    for inside in (
        "Mariupol",
        "Лівобережний район, Маріуполь",
        "Maternity Hospital No. 3, Mariupol",
        "Левобережный район, Мариуполь",
    ):
        assert scope.includes(inside), inside
    outside_places = ("Kharkiv", "Donetsk oblast", "Central district, Dnipro")
    outside_places += ("Mariupol Street, Kyiv",)
    for outside in outside_places:
        assert not scope.includes(outside), outside
    assert scope.is_same("Mariupol") and scope.is_same("Мариуполь")
    assert not scope.is_same("Лівобережний район, Маріуполь")


def test_a_region_counts_its_towns_and_their_districts() -> None:
    scope = PlaceScope("Donetsk oblast", load_gazetteer())
    assert scope.includes("Mariupol") and scope.includes("Kramatorsk railway station, Kramatorsk")
    assert scope.includes("Центральний район, Маріуполь")
    assert not scope.includes("Kharkiv") and not scope.includes("Mariupol oblast")


def test_one_strike_reported_in_two_scripts_is_one_incident_with_the_gazetteer() -> None:
    from tests.unit.test_count_tolls import sourced
    from tollbook.count import CountRules, place_toll, reconcile

    claims = [
        sourced(1, 7, 7, "exact", report=1, place="Маріуполь", when="2022-03-09"),
        sourced(2, 7, 7, "exact", report=2, place="Mariupol", when="2022-03-09"),
        sourced(
            3, 2, 2, "exact", report=3, place="Лівобережний район, Маріуполь", when="2022-03-09"
        ),
    ]
    plain = reconcile(claims)
    assert len(plain.incidents) == 3  # as written, the two spellings are two places
    joined = reconcile(claims, rules=CountRules(places=load_gazetteer()))
    assert sorted(len(i.claim_ids) for i in joined.incidents) == [1, 2]
    toll = place_toll(joined, "Мариуполь", gazetteer=load_gazetteer())
    assert (toll.low, toll.high) == (9, 9)


def test_a_place_unknown_to_the_gazetteer_matches_its_national_romanisation() -> None:
    from tests.unit.test_count_tolls import sourced
    from tollbook.count import CountRules, place_toll, reconcile

    claims = [
        sourced(1, 4, 4, "exact", report=1, place="Степовий", when="2022-03-09"),
        sourced(2, 4, 4, "exact", report=2, place="Stepovyi", when="2022-03-09"),
    ]
    joined = reconcile(claims, rules=CountRules(places=load_gazetteer()))
    assert [len(i.claim_ids) for i in joined.incidents] == [2]
    assert PlaceScope("Stepovyi").includes("Степовий")
    assert (place_toll(joined, "Степовий").low, place_toll(joined, "Stepovyi").high) == (4, 4)


def test_a_street_named_first_in_ukrainian_is_the_street_named_last_in_english() -> None:
    from tests.unit.test_count_tolls import sourced
    from tollbook.count import CountRules, place_toll, reconcile
    from tollbook.gazetteer import latin_key

    assert latin_key("вулиці Соборності") == latin_key("Sobornosti Street")
    assert latin_key("вул. Соборності") == latin_key("Sobornosti Street")
    assert latin_key("проспекті Науки") == latin_key("Nauky Avenue")
    claims = [
        sourced(
            1, 4, 4, "exact", report=1, place="Sobornosti Street, Kostiantynivka", when="2026-06-08"
        ),
        # the same strike in Ukrainian, undated: its report came out three days later
        sourced(
            2,
            4,
            4,
            "exact",
            report=2,
            place="вулиці Соборності, Костянтинівка",
            published=date(2026, 6, 11),
        ),
    ]
    joined = reconcile(claims, rules=CountRules(places=load_gazetteer()))
    assert [len(i.claim_ids) for i in joined.incidents] == [2]
    toll = place_toll(joined, "Kostiantynivka", gazetteer=load_gazetteer())
    assert (toll.low, toll.high) == (4, 4)


def test_a_country_outside_ukraine_counts_its_towns_by_the_world_gazetteer() -> None:
    scope = PlaceScope("Türkiye", load_gazetteer())
    for inside in ("Erciş", "Van", "collapsed school, Van", "eastern Turkey", "Van province"):
        assert scope.includes(inside), inside
    for outside in ("Aleppo", "Kharkiv", "Idlib province", "Tigray region", None):
        assert not scope.includes(outside), outside
    assert PlaceScope("Libya", load_gazetteer()).includes("Zuwara")
    assert not PlaceScope("Ukraine", load_gazetteer()).includes("Zuwara")
    assert not PlaceScope("Odesa", load_gazetteer()).includes("Zuwara")

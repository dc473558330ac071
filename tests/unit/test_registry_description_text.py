"""Families' own words read into the registry's vocabulary (issue 17, point 1)."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.domain.body import Body, Description
from tollbook.domain.missing import MissingReport
from tollbook.registry.description_text import parse_description
from tollbook.registry.matching import ProfileTable, rank
from tollbook.registry.place_key import place_key
from tollbook.registry.profiles import body_profile, described, mark_kinds, report_profile


@pytest.mark.parametrize(
    ("text", "clothing", "marks"),
    [
        ("green jacket", ("jacket:green",), ()),
        ("зелена куртка", ("jacket:green",), ()),
        ("зелёная куртка", ("jacket:green",), ()),
        ("tattoo of an anchor on her left shoulder", (), ("tattoo:anchor:left shoulder",)),
        ("татуювання якоря на лівому плечі", (), ("tattoo:anchor:left shoulder",)),
        ("наколка якорь на левом плече", (), ("tattoo:anchor:left shoulder",)),
        ("в куртці зеленого кольору і чоботях", ("jacket:green", "boots"), ()),
        ("Була в бордовій сукні та бежевому кардигані", ("dress:burgundy", "cardigan:beige"), ()),
        ("no tattoos, brown jacket", ("jacket:brown",), ()),
    ],
)
def test_garments_and_marks_in_three_languages(
    text: str, clothing: tuple[str, ...], marks: tuple[str, ...]
) -> None:
    parsed = parse_description(text)
    assert parsed.clothing == clothing
    assert parsed.marks == marks


def test_a_cross_on_a_chain_is_an_effect_and_a_cross_tattoo_a_mark() -> None:
    parsed = parse_description("на шиї хрестик, на лівому передпліччі наколка у вигляді хреста")
    assert parsed.effects == ("cross on a chain",)
    assert parsed.marks == ("tattoo:cross:left forearm",)


def test_words_that_only_look_like_terms_are_not_read() -> None:
    # "біля" (near) is not white, "сина" (a son's) not blue
    assert parse_description("біля дому сина, куртка").clothing == ("jacket",)
    assert parse_description("серьги и сердце").clothing == ()


def test_cards_and_missing_fingers() -> None:
    parsed = parse_description("Нет пальца на левой кисти; пенсионное удостоверение, карта")
    assert parsed.marks == ("missing finger:left hand",)
    assert set(parsed.effects) == {"pension card", "bank card"}


@pytest.mark.parametrize(
    "written",
    ["Степовий", "stepovyi", "Степовой район", "у Степовому районі", "Stepovoy district"],
)
def test_a_district_has_one_key_in_any_script_or_case(written: str) -> None:
    assert place_key(written) == place_key("Stepovyi") != place_key("Садовий")


def test_the_gazetteer_joins_ukrainian_and_russian_names() -> None:
    assert place_key("Левобережный район") == place_key("Лівобережний")
    assert place_key("") == ""


def test_coded_items_are_kept_and_free_items_read() -> None:
    clothing, marks, effects = described(
        ("coat:black", "green jacket"), ("scar:face",), ("watch",), "обручка"
    )
    assert clothing == ("coat:black", "jacket:green")
    assert marks == ("scar:face",)
    assert effects == ("wristwatch", "wedding ring")
    assert mark_kinds(("tattoo:anchor:left shoulder", "scar:face", "gold tooth")) == (
        "tattoo:anchor",
        "scar",
        "gold tooth",
    )


def test_the_issue_example_scores_on_clothing_marks_and_place() -> None:
    body = Body(
        "S1-T03-0001",
        Description(clothing=("jacket:green",), marks=("tattoo:anchor:left shoulder",)),
        recovered_district="stepovyi",
        recovered_on=date(2022, 3, 10),
    )
    other = Body("S1-T03-0002", Description(clothing=("coat:black",)), recovered_district="sadovyi")
    report = MissingReport(
        "M1",
        last_seen_place="Степовий",
        description="Зелена куртка, татуювання якоря на лівому плечі",
    )
    table = ProfileTable([body_profile(other), body_profile(body)])
    best = rank(table, report_profile(report), top=2)
    assert best[0].key == "S1-T03-0001"
    points = {r.feature: r.points for r in best[0].reasons}
    assert points["clothing"] > 0 and points["marks"] == 3.0 and points["place"] == 1.0
    # the same mark remembered without its place still counts, for less
    vaguer = report_profile(MissingReport("M2", description="наколка якорь"))
    points = {r.feature: r.points for r in rank(table, vaguer, top=1)[0].reasons}
    assert points["marks"] == 1.5

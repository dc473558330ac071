"""Sources in apposition without "The" before the role ("Another witness, X, said",
"Tanganyika province's minister, X, said", "The mission, MONUSCO, says"), a body that
"now says" or that "recorded"; the kind follows the source the report finally settles on;
"In all, ..." and "in the previous five years" are running totals."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _claims(text: str) -> list[tuple[int | None, str | None, str, str]]:
    return [
        (c.low, c.attributed_to, str(c.kind), str(c.scope))
        for c in extract_claims(Report(id="r", text=text))
    ]


def test_another_witness_named_in_apposition_is_the_source() -> None:
    text = "Another witness, Idris Musa Abba, said 14 people were trampled to death at the gate."
    assert _claims(text)[0][1] == "Idris Musa Abba, witness"


def test_a_trader_introduced_after_but_is_the_source() -> None:
    text = "But a trader who was at the scene, Amina Yakubu Bello, said she counted 16 bodies."
    assert _claims(text)[0][1] == "Amina Yakubu Bello, trader"


def test_a_province_s_minister_in_apposition_is_the_source_and_official() -> None:
    text = (
        "Kigoma province's transport minister, Jean-Luc Mbayo, said divers had "
        "recovered 21 bodies by Sunday."
    )
    [(low, source, kind, _)] = _claims(text)
    assert (low, source, kind) == (21, "Jean-Luc Mbayo, transport minister", "official")


def test_a_mission_named_by_its_acronym_in_apposition_is_the_source() -> None:
    text = "The UN peacekeeping mission, MINUKA, says more than 600 civilians have been killed."
    assert _claims(text)[0][1] == "MINUKA, UN peacekeeping mission"


def test_a_body_that_now_says_is_the_source() -> None:
    text = (
        "Malawi's National Institute for Disaster Relief (NIDR) now says 31 people have "
        "died in the floods."
    )
    assert _claims(text)[0][1:3] == ("Malawi's National Institute for Disaster Relief", "official")


def test_a_unit_that_recorded_deaths_is_the_source() -> None:
    text = "In March, the Unit recorded 412 civilians killed in 137 incidents."
    assert _claims(text)[0][1] == "Unit"


def test_a_committee_and_a_fire_chief_are_official() -> None:
    text = (
        "Eleven people died in the storm, said Tran Van Loc, vice chairman of the "
        "district's people's committee. Four people were killed in the fire, said Lin Chih-wei, "
        "county fire chief."
    )
    assert [kind for _, _, kind, _ in _claims(text)] == ["official", "official"]


def test_in_all_sums_the_day_s_events() -> None:
    text = "In all, four civilians were killed and 17 wounded across the region, he said."
    assert [scope for *_, scope in _claims(text)] == ["cumulative", "cumulative"]


def test_deaths_over_the_previous_five_years_are_a_running_total() -> None:
    text = "The union said 37 of its members had died in the mines in the previous five years."
    assert _claims(text)[0][3] == "cumulative"


def test_a_month_s_count_is_a_running_total() -> None:
    text = "Prosecutors counted 96 wounded in the month."
    assert _claims(text)[0][3] == "cumulative"


def test_earlier_in_the_month_is_one_event() -> None:
    text = "Earlier in the month, a missile strike killed five people at the market."
    assert _claims(text)[0][3] == "incident"

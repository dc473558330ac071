"""Text wrapped at a fixed width (e-mail, plain-text bulletins) is read as whole sentences,
and each claim's evidence is still the original text at its offsets."""

from __future__ import annotations

from datetime import date

from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.unwrap import unwrapped

WRAPPED = """Flooding sweeps through lowland villages of Rostova province

Rostova, June 4 - Floodwater from the burst Kamenka dam swept through three villages
overnight, killing 27 people, among them nine children, the provincial emergency
service said on Wednesday. The head of the service in the province, Irina
Voloshyna, said 40 others were missing.

The service said rescuers had pulled 112 people from the roofs of their homes in the
village of Dolgoye, where the water rose fastest."""


def test_wrapping_breaks_become_spaces_and_nothing_moves() -> None:
    out = unwrapped(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "villages overnight, killing 27 people, among them nine children, the provincial" in out
    assert "emergency service said" in out
    # a wrapped text's line of nearly full width wraps whatever follows it
    assert "Irina Voloshyna" in out
    # the title and the paragraphs keep their breaks
    assert out.startswith("Flooding sweeps through lowland villages of Rostova province\n\n")
    assert "were missing.\n\nThe service" in out


def test_a_wrapped_report_keeps_its_subgroup_and_its_evidence() -> None:
    report = Report("wrapped-01", WRAPPED, date(2026, 6, 4))
    claims = extract_claims(report)
    killed = {(c.low, c.victims): c for c in claims if c.outcome == "killed"}
    assert (27, "people") in killed and (9, "children") in killed
    children = killed[(9, "children")]
    assert children.part_of is not None and claims[children.part_of].low == 27
    for claim in claims:
        start = claim.evidence_start
        assert start is not None
        assert WRAPPED[start : start + len(claim.evidence)] == claim.evidence
    assert "\n" in killed[(27, "people")].evidence  # as the original writes it
    missing = [c for c in claims if c.outcome == "missing"]
    assert [c.low for c in missing] == [40]
    assert missing[0].attributed_to is not None and "Voloshyna" in missing[0].attributed_to


def test_lines_of_their_own_keep_their_breaks() -> None:
    page = (
        "Storm toll climbs as rescuers dig through mud, dozens unaccounted for\n"
        "by Mira Holt, Kessel correspondent, 14 March 2026, 10:31 local time\n"
        "KESSEL - At least 31 people died when mudslides buried two hillside streets.\n"
        "Read more on this story and the campaign to rebuild the hillside\n"
        "after newsletter promotion\n"
        "Killed in the districts, by the council's count so far:\n"
        "- 12 in Upper Kessel\n"
        "- 19 in Marrow Vale\n"
    )
    assert unwrapped(page) == page


def test_a_text_of_one_paragraph_a_line_is_left_alone() -> None:
    text = (
        "Strike on bus depot kills four in Dorvan\n"
        "Four transport workers were killed when a missile hit the bus depot in Dorvan on Monday\n"
        "The regional governor said two more were in a serious condition in hospital.\n"
    )
    assert unwrapped(text) == text


def test_a_count_on_the_next_line_joins_but_a_date_does_not() -> None:
    text = (
        "Ceasefire monitors count the dead\n"
        "The monitors said they had recorded the deaths of 140 civilians, including\n"
        "38 children.\n"
        "Their report on the shelling of the eastern suburbs was published on\n"
        "17.02.2026 12:31 by the mission's office in Kessel.\n"
    )
    out = unwrapped(text)
    assert "including 38 children." in out
    assert "published on\n17.02.2026" in out


def test_windows_line_ends_are_unwrapped_too() -> None:
    text = (
        "A title of the bulletin\r\n"
        "The council said the shelling had killed three people\r\n"
        "and wounded nine.\r\n"
    )
    out = unwrapped(text)
    assert len(out) == len(text)
    assert "three people  and wounded" in out

"""Two strikes on one city on one day, told by six reports (one in Ukrainian, one a
correction), stored with the real extractor and no review: the city's documented count is
the two events' dead, each counted once (found by storing reports as a new user would;
docs/counting.md, rules 4 and 5).

The headline names both events ("strike on railway station kills four, shelling of market
kills seven"); the market's toll then rises to nine; a report in Ukrainian gives the nine
with no site word the count layer reads; a correction gives the station's four again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tollbook.domain.report import Report
from tollbook.extract import extract_claims

from .unreviewed_ingest import ingest_unreviewed

REPORTS = (
    Report(
        "wire-0312",
        "Kherson: strike on railway station kills four, shelling of market kills seven\n\n"
        "KHERSON, 12 March 2024 - A guided bomb hit the railway station in Kherson on Tuesday "
        "morning, killing four people waiting for an evacuation train, the regional military "
        "administration said.\n\n"
        "Hours later, shelling struck the central market, killing seven people and wounding "
        "19, the regional governor said.\n\n"
        "Since the start of the full-scale invasion, 1,432 civilians have been killed in the "
        "Kherson region, according to the regional prosecutor's office.",
        published=date(2024, 3, 12),
    ),
    Report(
        "wire-0313",
        "Kherson market strike: toll rises to nine\n\n"
        "KHERSON, 13 March 2024 - Two of the people wounded in Tuesday's shelling of "
        "Kherson's central market died in hospital overnight, bringing the death toll from "
        "the attack to nine, the regional administration said on Wednesday.",
        published=date(2024, 3, 13),
    ),
    Report(
        "local-uk-0313",
        "Обстріл ринку в Херсоні: кількість загиблих зросла до дев'яти\n\n"
        "Внаслідок обстрілу центрального ринку Херсона 12 березня загинули дев'ять людей, "
        "серед них двоє дітей, повідомила обласна військова адміністрація. Ще 17 людей "
        "отримали поранення.",
        published=date(2024, 3, 13),
    ),
    Report(
        "wire-0313-correction",
        "Correction: Kherson station strike\n\n"
        "KHERSON, 13 March 2024 - An earlier version of this report said that six people were "
        "killed in the strike on Kherson railway station on Tuesday. The regional "
        "administration has since said that four people were killed; the two others it had "
        "first counted were found alive under the rubble.",
        published=date(2024, 3, 13),
    ),
    Report(
        "wire-0318",
        "Drone attack on Kherson bus leaves 14 injured\n\n"
        "KHERSON, 18 March 2024 - A drone struck a city bus in Kherson's Dniprovskyi district "
        "on Monday. No one was killed, but 14 passengers were injured, two of them seriously, "
        "the regional military administration said.",
        published=date(2024, 3, 18),
    ),
    Report(
        "wire-0320",
        "Kherson mayor: true toll of occupation may never be known\n\n"
        "KHERSON, 20 March 2024 - The mayor said on Wednesday that as many as 600 residents "
        "may have died in the city during the eight months of occupation in 2022.",
        published=date(2024, 3, 20),
    ),
)


def test_each_event_is_counted_once_and_the_estimate_stands_beside(tmp_path: Path) -> None:
    toll, _ = ingest_unreviewed(f"sqlite:///{tmp_path / 'tollbook.db'}", REPORTS, "Kherson")
    assert (toll.low, toll.high) == (13, 13)
    by_figure = {(i.low, i.high): {s.article for s in i.sources} for i in toll.incidents}
    assert by_figure == {
        (4, 4): {"wire-0312", "wire-0313-correction"},
        (9, 9): {"wire-0312", "wire-0313", "local-uk-0313"},
    }
    assert [p.high for p in toll.estimates] == [600]


def test_the_region_s_running_total_is_not_the_city_s() -> None:
    totals = [c for c in extract_claims(REPORTS[0]) if c.low == 1432]
    assert [(c.scope, c.place) for c in totals] == [("cumulative", "Kherson region")]

"""The Ukrainian and Russian outlets corpus (tests/data/outlets-uk-ru) is well formed.

A cheap check of the hand-coded gold, not of the extractor: every claim keeps the contract
(docs/claims.md) and its evidence, every subgroup names a larger claim of its own report,
and every report says its language and is of the length NOTES.md promises.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from tollbook.domain.claim import (
    CONTRACT_FIELDS,
    KINDS,
    OUTCOMES,
    SCOPES,
    check_figures,
)
from tollbook.exchange.report_files import read_jsonl_reports

CORPUS = Path(__file__).resolve().parents[1] / "data" / "outlets-uk-ru"
ID = re.compile(r"^outlets-uk-ru-\d{2}$")
DAY = r"\d{4}-\d{2}-\d{2}"
WHEN = re.compile(rf"^{DAY}(/{DAY})?$")
ENGLISH_WORDS = re.compile(r"^[a-z][a-z ,'-]*$")
CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
#: letters one of the two languages has and the other has not
ONLY_IN = {"uk": set("іїєґІЇЄҐ"), "ru": set("ыэъёЫЭЪЁ")}


def _jsonl(name: str) -> list[dict[str, Any]]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    rows = _jsonl("reports.jsonl")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate report ids"
    return {row["id"]: row for row in rows}


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return _jsonl("gold.jsonl")


def test_the_reports_read_as_reports_and_say_their_language(
    reports: dict[str, dict[str, Any]],
) -> None:
    lines = list(read_jsonl_reports(CORPUS / "reports.jsonl"))
    assert [line.problem for line in lines if line.problem] == []
    assert [line.report.id for line in lines if line.report] == list(reports)
    for rid, row in reports.items():
        assert ID.match(rid), rid
        assert set(row) == {"id", "text", "published", "title", "language"}, rid
        assert row["language"] in ("uk", "ru"), rid
        assert 300 <= len(row["text"]) <= 2500, f"{rid}: {len(row['text'])} characters"
        assert re.fullmatch(DAY, row["published"]), rid
        if row["title"] is not None:
            assert row["text"].split("\n")[0] == row["title"], f"{rid}: headline is not line 1"
    languages = Counter(row["language"] for row in reports.values())
    assert languages["uk"] >= 30 and languages["ru"] >= 20, languages


def test_every_claim_keeps_the_contract(
    reports: dict[str, dict[str, Any]], gold: list[dict[str, Any]]
) -> None:
    assert gold
    for n, claim in enumerate(gold, start=1):
        where = f"gold.jsonl line {n}"
        assert list(claim) == [*CONTRACT_FIELDS, "part_of"], where
        report = reports.get(claim["article"])
        assert report is not None, f"{where}: unknown article {claim['article']}"
        assert claim["outcome"] in OUTCOMES, where
        assert claim["scope"] in SCOPES, where
        assert claim["kind"] in KINDS, where
        check_figures(claim["qualifier"], claim["low"], claim["high"])
        assert ENGLISH_WORDS.match(claim["victims"]), f"{where}: victims {claim['victims']!r}"
        assert claim["when"] is None or WHEN.match(claim["when"]), where
        assert claim["evidence"] and claim["evidence"] == claim["evidence"].strip(), where
        assert claim["evidence"] in report["text"], f"{where}: evidence not in the report"
        for field in ("place", "attributed_to"):
            value = claim[field]
            assert value is None or (isinstance(value, str) and value.strip() == value and value)
        if claim["place"] is not None:
            # the place is written in the report's own language and script
            assert CYRILLIC.search(claim["place"]), f"{where}: place {claim['place']!r}"
            other = "ru" if report["language"] == "uk" else "uk"
            assert not ONLY_IN[other] & set(claim["place"]), f"{where}: {claim['place']!r}"


def test_a_subgroup_names_a_larger_claim_of_its_own_report(
    gold: list[dict[str, Any]],
) -> None:
    by_report: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in gold:
        by_report[claim["article"]].append(claim)
    for rid, claims in by_report.items():
        for i, claim in enumerate(claims):
            part_of = claim["part_of"]
            if part_of is None:
                continue
            assert isinstance(part_of, int) and 0 <= part_of < len(claims), (rid, i)
            assert part_of != i, (rid, i)
            whole = claims[part_of]
            assert whole["part_of"] is None or whole["part_of"] != i, (rid, i, "a cycle")
            if claim["low"] is not None and whole["low"] is not None:
                assert claim["low"] <= max(whole["low"], whole["high"] or 0), (rid, i)


def test_the_same_figure_is_coded_once_per_report(gold: list[dict[str, Any]]) -> None:
    keys = Counter(
        (c["article"], c["outcome"], c["low"], c["high"], c["victims"], c["place"], c["when"])
        for c in gold
    )
    assert [key for key, count in keys.items() if count > 1] == []

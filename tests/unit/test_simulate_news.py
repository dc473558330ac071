"""Simulated news reports and their gold claims, correct by construction."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import pytest

from tollbook.domain.claim import CONTRACT_FIELDS, Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.places import default_gazetteer
from tollbook.extract.sentences import split_sentences
from tollbook.names.transliteration import ukrainian_national
from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.simulate.news import News
from tollbook.simulate.news_phrases import day_phrase, number_words

_WHEN_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$")


@lru_cache(maxsize=2)
def _news(seed: int = 4) -> News:
    return simulate_siege(SiegeConfig(people=30_000, seed=seed)).news


def test_reports_follow_the_claims_input_format() -> None:
    news = _news()
    assert len(news.reports) >= 10
    ids = [r.id for r in news.reports]
    assert len(set(ids)) == len(ids)
    for report in news.reports:
        data = report.to_json()
        assert set(data) == {"id", "text", "published", "title"}
        assert data["text"].startswith(data["title"] + "\n")
        date.fromisoformat(data["published"])


def test_gold_claims_have_exactly_the_contract_fields_and_valid_figures() -> None:
    news = _news()
    assert news.gold
    for gold in news.gold:
        assert tuple(gold) == CONTRACT_FIELDS
        Claim(**gold)  # raises on figures that contradict the qualifier
        assert gold["when"] is None or _WHEN_RE.match(gold["when"])


def test_evidence_is_a_whole_sentence_of_its_report() -> None:
    news = _news()
    texts = {r.id: r.text for r in news.reports}
    for gold in news.gold:
        text = texts[gold["article"]]
        assert gold["evidence"] in text
        sentences = {s.text for s in split_sentences(text)}
        assert gold["evidence"] in sentences, gold["evidence"]


def test_a_figure_is_claimed_once_per_report() -> None:
    news = _news()
    keys = [
        (g["article"], g["outcome"], g["low"], g["high"], g["qualifier"], g["victims"], g["place"])
        for g in news.gold
    ]
    assert len(keys) == len(set(keys))


def test_claims_cover_every_outcome_hedge_and_kind() -> None:
    news = _news()
    assert {g["outcome"] for g in news.gold} == {
        "killed", "injured", "missing", "buried", "bodies_found"
    }  # fmt: skip
    assert {"exact", "at_least", "more_than", "up_to", "vague", "derived"} <= {
        g["qualifier"] for g in news.gold
    }
    assert {g["kind"] for g in news.gold} == {"official", "estimate", "observed", "reported"}
    assert {g["scope"] for g in news.gold} == {"incident", "cumulative"}


def test_distractor_numbers_are_not_claims() -> None:
    news = _news()
    figures = {(g["article"], g["low"]) for g in news.gold} | {
        (g["article"], g["high"]) for g in news.gold
    }
    for report in news.reports:
        for m in re.finditer(r"Some ([\d,]+) residents have left", report.text):
            assert (report.id, int(m.group(1).replace(",", ""))) not in figures


def test_places_are_the_city_or_an_incident_district() -> None:
    config = SiegeConfig(people=30_000, seed=4)
    city = ukrainian_national(config.city)
    districts = {ukrainian_national(d) for d in config.districts}
    for gold in _news().gold:
        assert gold["place"] == city or gold["place"] in districts


def test_the_extractor_finds_claims_in_simulated_news() -> None:
    news = _news()
    gazetteer = default_gazetteer()  # built once, whatever the extractor caches
    found = 0
    for r in news.reports[:8]:
        report = Report(id=r.id, text=r.text, published=r.published, title=r.title)
        found += len(extract_claims(report, gazetteer))
    assert found > 0


def test_same_seed_same_news_other_seed_other_news() -> None:
    assert _news(4) == simulate_siege(SiegeConfig(people=30_000, seed=4)).news
    assert _news(4).reports != _news(5).reports


@pytest.mark.parametrize(
    ("day", "published", "phrase"),
    [
        (date(2022, 3, 9), date(2022, 3, 10), "yesterday"),
        (date(2022, 3, 8), date(2022, 3, 10), "on Tuesday"),
        (date(2022, 3, 1), date(2022, 3, 10), "on 1 March"),
    ],
)
def test_day_phrases(day: date, published: date, phrase: str) -> None:
    assert day_phrase(day, published) == phrase


def test_number_words() -> None:
    assert number_words(7) == "seven"
    assert number_words(42) == "forty-two"
    assert number_words(40) == "forty"
    assert number_words(1200) == "1,200"

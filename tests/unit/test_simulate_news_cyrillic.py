"""The simulator's Ukrainian and Russian news: coded claims, right word forms."""

from __future__ import annotations

from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.simulate.news_cyrillic import _locative_district, _plural


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def test_posts_in_three_languages_with_gold_and_english_unchanged() -> None:
    three = simulate_siege(SiegeConfig(people=5_000, seed=4, news_languages=("en", "uk", "ru")))
    english = simulate_siege(SiegeConfig(people=5_000, seed=4)).news
    posts = [r for r in three.news.reports if _cyrillic(r.text)]
    assert posts, "no Ukrainian or Russian post was written"
    assert [r.text for r in three.news.reports if not _cyrillic(r.text)] == [
        r.text for r in english.reports
    ]
    texts = {r.id: r.text for r in three.news.reports}
    for gold in three.news.gold:
        assert gold["evidence"] in texts[gold["article"]]
        if _cyrillic(texts[gold["article"]]):
            assert _cyrillic(gold["place"]) and "район" not in gold["place"]
    ukrainian = [r for r in posts if "Учора" in r.text]
    russian = [r for r in posts if "С начала блокады" in r.text]
    assert ukrainian and russian


def test_word_forms_after_numbers() -> None:
    forms = [_plural(n, "людина", "людини", "людей") for n in (1, 2, 5, 11, 21, 22, 112)]
    assert forms == ["людина", "людини", "людей", "людей", "людина", "людини", "людей"]
    assert _locative_district("Степовий") == "у Степовому районі"

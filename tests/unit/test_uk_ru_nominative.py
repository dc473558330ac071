"""A Ukrainian or Russian source named in the genitive or the locative is written in the
nominative (extract/uk_ru/nominative.py); sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims
from tollbook.extract.uk_ru.nominative import in_nominative
from tollbook.extract.uk_ru.sources_uk_ru import source_of


@pytest.mark.parametrize(
    ("who", "case", "language", "nominative"),
    [
        ("Полтавської обласної прокуратури", "gent", "uk", "Полтавська обласна прокуратура"),
        ("Черкаській міській раді", "loct", "uk", "Черкаська міська рада"),
        (
            "Романа Петренка, міського голови Ізюма",
            "gent",
            "uk",
            "Роман Петренко, міський голова Ізюма",
        ),
        ("Государственной службы спасения", "gent", "ru", "Государственная служба спасения"),
        ("местных врачей", "gent", "ru", "местные врачи"),
        (
            "Дмитрия Орлова, городского головы Сум",
            "gent",
            "ru",
            "Дмитрий Орлов, городской голова Сум",
        ),
        ("Полтавській ОВА", "loct", "uk", "Полтавська ОВА"),
        ("ООН", "gent", "ru", "ООН"),  # an acronym stays as written
    ],
)
def test_a_source_is_put_in_the_nominative(
    who: str, case: str, language: str, nominative: str
) -> None:
    assert in_nominative(who, case, language) == nominative


def test_only_a_source_after_a_genitive_or_locative_cue_is_inflected() -> None:
    ukr = "За даними Полтавської обласної прокуратури, загинули шестеро людей."
    assert source_of(ukr, ukr.lower()) == ("Полтавська обласна прокуратура", False)
    rus = "Как сообщили в Государственной службе спасения, погибли четыре человека."
    assert source_of(rus, rus.lower()) == ("Государственная служба спасения", False)
    # named as the subject: already in the nominative, kept as written
    said = "Загинули троє людей, повідомила Полтавська обласна прокуратура."
    assert source_of(said, said.lower())[0] == "Полтавська обласна прокуратура"


def test_a_claims_source_reads_in_the_nominative_and_stays_official() -> None:
    text = "За даними Черкаської міської ради, внаслідок удару загинули семеро людей."
    claims = extract_claims(Report("uk-nom", text, published=date(2026, 5, 2)))
    assert [(c.attributed_to, c.kind) for c in claims] == [("Черкаська міська рада", "official")]

"""The command line's language: ``$TOLLBOOK_LANG``, else the standard variables, else
English; a language Tollbook does not speak is English."""

from __future__ import annotations

import pytest

from tollbook.cli.language import cli_locale, locale_of


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ru_RU", "LANG": "uk_UA.UTF-8"}, "ru"),
        ({"LC_ALL": "uk_UA", "LC_MESSAGES": "ru_RU"}, "uk"),
        ({"LANGUAGE": "de:ru:en", "LANG": "uk_UA.UTF-8"}, "ru"),
        ({"LANGUAGE": "de", "LANG": "uk_UA.UTF-8"}, "uk"),
        ({"TOLLBOOK_LANG": "uk", "LANG": "ru_RU.UTF-8"}, "uk"),
        ({"TOLLBOOK_LANG": "ru-RU", "LANG": "uk_UA.UTF-8"}, "ru"),
        ({"TOLLBOOK_LANG": "en", "LANG": "uk_UA.UTF-8"}, "en"),
        ({"TOLLBOOK_LANG": "fr", "LANG": "uk_UA.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_tollbook_lang_then_the_standard_variables(
    environ: dict[str, str], expected: str
) -> None:
    assert cli_locale(environ) == expected


def test_a_setting_reads_as_its_primary_language() -> None:
    assert locale_of("uk_UA.UTF-8@euro") == "uk"
    assert locale_of("RU") == "ru"
    assert locale_of("C") is None and locale_of("") is None

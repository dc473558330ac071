"""Every message of the web pages has a Ukrainian and a Russian translation: the messages
are extracted from the templates and the web code as ``pybabel extract`` does (with the
mapping in ``web/locale/babel.cfg``), and a message missing from a catalog, empty or
fuzzy there, or translated with other placeholders fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[2] / "src" / "tollbook" / "web"
# read as files: importing tollbook.web would load the whole app
LOCALES = ("uk", "ru")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def extracted() -> dict[str, str]:
    """Each message of the pages with the first file it is in."""
    method_map = [("templates/**.html", "jinja2"), ("**.py", "python")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found: dict[str, str] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(WEB), method_map, options, keywords={"_": None, "gettext": None, "N_": None}
    ):
        text = message if isinstance(message, str) else message[0]
        found.setdefault(text, filename)
    return found


@pytest.fixture(scope="module")
def messages() -> dict[str, str]:
    return extracted()


def load(locale: str) -> Catalog:
    with (WEB / "locale" / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def test_the_pages_have_messages_to_translate(messages: dict[str, str]) -> None:
    assert len(messages) > 50
    assert "Published tolls" in messages and "Log out" in messages


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_of_the_pages_is_translated(messages: dict[str, str], locale: str) -> None:
    catalog = load(locale)
    missing = []
    for text, where in sorted(messages.items()):
        entry = catalog.get(text)
        if entry is None or not entry.string or entry.fuzzy:
            missing.append(f"{where}: {text!r}")
        elif set(PLACEHOLDER.findall(str(entry.string))) != set(PLACEHOLDER.findall(text)):
            missing.append(f"{where}: {text!r} has other placeholders in {locale}")
    assert not missing, f"{len(missing)} message(s) lack a {locale} translation:\n" + "\n".join(
        missing
    )

"""Finding English left on a page shown in Ukrainian or Russian: the English messages of
the catalogs (their words between placeholders and tags), looked for in the page's text
as the browser shows it (text nodes, placeholders, titles, alternative texts).

A text node that is one of those pieces, whole, is English left (a label, a button: a
piece of a message without placeholders); so is one that holds a piece of three words or
more (a sentence, from any message). A piece whose Ukrainian
and Russian translations are the English (``PFIF 1.4 (XML)``), and words the translations
themselves keep in English (``cumulative``, a file name), are not looked for: on a page
they are the same in every language, or data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "src" / "tollbook" / "web" / "locale"
#: Examples in placeholders of values typed as they are stored, in English (an outcome, a
#: group of victims, an audited entity, the names of lists): data, as in the templates'
#: test (SAME_IN_EVERY_LANGUAGE in tests/unit/test_web_catalogs.py).
DATA = frozenset({"morgue, burial, hospital", "killed", "children", "claim"})
_PLACEHOLDER = re.compile(r"%\(\w+\)s")
_SPLIT = re.compile(r"%\(\w+\)s|<[^>]*>|&\w+;|[«»“”\"]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_SHOWN = """() => {
  const texts = [];
  const skip = new Set(["SCRIPT", "STYLE", "CODE", "TEXTAREA", "PRE"]);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || skip.has(parent.tagName) || parent.closest("svg, code, pre")) {
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  while (walker.nextNode()) {
    const text = walker.currentNode.nodeValue.replace(/\\s+/g, " ").trim();
    if (text) texts.push(text);
  }
  for (const name of ["title", "aria-label", "alt"]) {
    for (const element of document.querySelectorAll(`[${name}]`)) {
      if (element.closest("svg")) continue;
      const text = element.getAttribute(name).trim();
      if (text) texts.push(text);
    }
  }
  texts.push(document.title.trim());
  const placeholders = [...document.querySelectorAll("[placeholder]")].map(
    (element) => element.getAttribute("placeholder").trim());
  return {lang: document.documentElement.lang, texts, placeholders};
}"""


@dataclass(frozen=True)
class Shown:
    lang: str
    texts: list[str]
    placeholders: list[str]


def shown_text(page: Any) -> Shown:
    """What the page in the browser shows as text, its placeholders, and ``<html lang>``."""
    found = page.evaluate(_SHOWN)
    return Shown(found["lang"], list(found["texts"]), list(found["placeholders"]))


class _Text(HTMLParser):
    """The text of a served page as a browser shows it, from its HTML."""

    SKIP = frozenset({"script", "style", "code", "pre", "textarea", "svg", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.texts: list[str] = []
        self.placeholders: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skipping.append(tag)
        if self.skipping:
            return
        for name in ("title", "aria-label", "alt"):
            if values.get(name, "").strip():
                self.texts.append(values[name].strip())
        if values.get("placeholder", "").strip():
            self.placeholders.append(values["placeholder"].strip())

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and (self.in_title or not self.skipping):
            self.texts.append(text)


def shown_in_html(html: str) -> Shown:
    """What a page's HTML shows as text, its placeholders, and ``<html lang>``."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return Shown(parser.lang, parser.texts, parser.placeholders)


def _pieces(message: str) -> list[str]:
    return [p.strip(" \t\n.,;:!?()[]—–-·/*#…") for p in _SPLIT.split(message)]


@dataclass(frozen=True)
class EnglishOfTheCatalogs:
    whole: frozenset[str]
    sentences: tuple[str, ...]

    @classmethod
    def load(cls) -> EnglishOfTheCatalogs:
        kept: set[str] = set()  # Latin words the translations keep as they are
        whole_messages: set[str] = set()  # pieces of messages without placeholders
        fragments: set[str] = set()  # pieces between placeholders
        for locale in ("uk", "ru"):
            with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
                catalog = read_po(handle, locale=locale)
            for message in catalog:
                if not message.id or not message.string or message.fuzzy:
                    continue
                source = message.id if isinstance(message.id, str) else message.id[0]
                target = message.string if isinstance(message.string, str) else message.string[0]
                kept.update(_LATIN_WORD.findall(target))
                pieces = {p for p in _pieces(source) if p}
                if _PLACEHOLDER.search(source):
                    fragments.update(pieces)
                else:
                    whole_messages.update(pieces)

        def english(piece: str) -> bool:
            # a word of three letters or more, not an acronym, and not only words the
            # translations keep (file names, stored values, brands)
            words = _LATIN_WORD.findall(piece)
            return any(len(w) >= 3 and not w.isupper() and w not in kept for w in words)

        whole = {p for p in whole_messages if english(p)}
        # a piece next to a placeholder ("trench", "people") is a whole text only as data;
        # from three words on it is a sentence left in English wherever it is
        sentences = tuple(
            sorted(p for p in whole | fragments if english(p) and len(p.split()) >= 3)
        )
        return cls(frozenset(whole), sentences)

    def in_texts(self, texts: list[str], data: frozenset[str] = frozenset()) -> list[str]:
        """The English pieces found in these texts, once each; ``data`` is not English."""
        found: list[str] = []
        for text in texts:
            bare = text.strip(" \t\n.,;:!?()[]—–-·/*#…")
            if bare in data:
                continue
            if bare in self.whole:
                found.append(bare)
                continue
            found.extend(s for s in self.sentences if s in text)
        return sorted(set(found))

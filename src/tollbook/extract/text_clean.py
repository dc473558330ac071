"""Cleaning report text for matching: quotes, dashes, split words, common typos, boilerplate.

Cleaning never changes the evidence: sentences are cut from the original text, and only
their matching copy is cleaned.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TRANSLATE = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "′": "'",
        "–": "-",
        "—": " - ",
        "‑": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u00ad": "",
    }
)

#: Words the extractor keys on; a word split in two by a typo ("u nder", "kil led")
#: is joined again when the halves make one of these.
KEYWORDS = frozenset(
    """
    under killed killing kills died dead death deaths injured injuring injuries wounded
    wounding missing buried burial bodies body people civilians children soldiers least
    more than about nearly almost approximately around toll hospital casualties victims
    fatalities perished unaccounted recovered retrieved thousand hundred million dozen
    dozens hundreds thousands residents women officials according spokesman spokeswoman
    ministry estimated estimate official officially yesterday today tonight overnight
    monday tuesday wednesday thursday friday saturday sunday invasion since including
    trench grave graves mass cemetery exhumed discovered""".split()
)

#: Misspellings seen in hurried copy, mapped to the word meant.
TYPOS = {
    "kiled": "killed",
    "killled": "killed",
    "kileld": "killed",
    "klled": "killed",
    "injurred": "injured",
    "injuried": "injured",
    "injued": "injured",
    "wonded": "wounded",
    "woundded": "wounded",
    "wouned": "wounded",
    "peope": "people",
    "poeple": "people",
    "peolpe": "people",
    "civillians": "civilians",
    "civilans": "civilians",
    "childern": "children",
    "bodeis": "bodies",
    "atleast": "at least",
    "morethan": "more than",
    "dided": "died",
    "burried": "buried",
    "misssing": "missing",
    "deaht": "death",
    "fatalites": "fatalities",
    "casualites": "casualties",
    "apporximately": "approximately",
    "approximatly": "approximately",
    "aproximately": "approximately",
}


def _split_forms() -> dict[str, str]:
    """Every way a keyword can be split in two by a stray space, when a half is no keyword."""
    forms: dict[str, str] = {}
    for word in KEYWORDS:
        for i in range(1, len(word)):
            a, b = word[:i], word[i:]
            if a not in KEYWORDS or b not in KEYWORDS:
                forms[f"{a} {b}"] = word
    return forms


_SPLIT_FORMS = _split_forms()


def trie_pattern(words: list[str]) -> str:
    """One regular expression for many literal strings, shaped as a trie so it fails fast."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(trie)


# Both match lower-cased text (case-insensitive matching is much slower in ``re``).
_SPLIT_RE = re.compile(r"(?<![A-Za-z'])" + trie_pattern(sorted(_SPLIT_FORMS)) + r"(?![A-Za-z'])")
_TYPO_RE = re.compile(r"\b" + trie_pattern(sorted(TYPOS)) + r"\b")
_MEND_HINT_RE = re.compile(trie_pattern(sorted({*TYPOS, *_SPLIT_FORMS})))
_SPACES_RE = re.compile(r"[ \t]+")
_BRACKETED_RE = re.compile(r"\[([^\]]{0,80})\]")

BOILERPLATE_RE = re.compile(  # over lower-cased text
    r"""(?x)
    \b(?:sign\s+up|subscribe|newsletter|live\s+blog|live\s+coverage|live\s+updates
      |follow\s+(?:us|all|our|the\s+latest)|read\s+more|related\s*:|advertisement|sponsored
      |share\s+this|share\s+on|click\s+here|download\s+(?:our|the)\s+app|all\s+rights\s+reserved
      |cookie|privacy\s+policy|terms\s+of\s+(?:use|service)|image\s+(?:source|caption|credit)
      |photograph\s*:|getty\s+images|copyright|©|skip\s+to|most\s+read|watch\s*:|listen\s*:
      |want\s+all\s+the\s+latest|get\s+the\s+latest|don'?t\s+miss|recommended\s+for\s+you
      |more\s+on\s+this\s+story|top\s+stories|editor'?s\s+picks?|follow\s+@|also\s+read)"""
)


def normalise(text: str) -> str:
    """A copy of ``text`` for matching: plain quotes and dashes, typos and split words mended."""
    # every character the table maps is outside ASCII: most sentences need no translation
    out = text if text.isascii() else text.translate(_TRANSLATE)
    if "[" in out:
        out = _BRACKETED_RE.sub(r"\1", out)
    lower = out.lower()
    # one scan for all the typos and split words (the patterns below match only where one
    # of them occurs); most sentences hold none
    if len(lower) != len(out) or _MEND_HINT_RE.search(lower):
        out = _mend(out, _TYPO_RE, lambda found: TYPOS[found.lower()])
        out = _mend(out, _SPLIT_RE, lambda found: found.replace(" ", ""))
    if "  " in out or "\t" in out:
        out = _SPACES_RE.sub(" ", out)
    return out


def _mend(text: str, pattern: re.Pattern[str], fix: Callable[[str], str]) -> str:
    """Replace what ``pattern`` finds in the lower-cased ``text``, keeping a capital."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case has another length: go slow
        return re.compile(pattern.pattern, re.IGNORECASE).sub(
            lambda m: _keep_case(m.group(0), fix(m.group(0))), text
        )
    parts: list[str] = []
    pos = 0
    for m in pattern.finditer(lower):
        found = text[m.start() : m.end()]
        parts.append(text[pos : m.start()])
        parts.append(_keep_case(found, fix(found)))
        pos = m.end()
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _keep_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement


LINK_SECTION_RE = re.compile(
    r"^\W*(?:more\s+on\s+this\s+(?:story|topic)|related(?:\s+(?:stories|articles|topics|content|coverage))?|"
    r"read\s+more|most\s+read|top\s+stories|you\s+may\s+also\s+like|recommended|more\s+from\s+[\w\s]+|"
    r"more\s+stories|see\s+also|also\s+read|latest\s+stories|don'?t\s+miss|must\s+read|"
    r"trending|in\s+other\s+news|what\s+we\s+know)\W*$"
)


def opens_link_list(line: str) -> bool:
    """A header such as "More on this story": the short lines after it are links."""
    return bool(LINK_SECTION_RE.match(line.strip().lower()))


def looks_like_link(line: str) -> bool:
    """A headline-style line with no sentence punctuation at its end."""
    stripped = line.strip()
    return len(stripped) < 140 and not re.search(r"[.!?\"”’]$", stripped)


def is_boilerplate(line: str) -> bool:
    return is_boilerplate_lower(line.lower())


def is_boilerplate_lower(line: str) -> bool:
    """True for menu items, newsletter prompts, share buttons and photo credits.

    A long line that carries a casualty verb is kept even if it mentions a live blog:
    real sentences sometimes do.
    """
    stripped = line.strip()
    if not stripped:
        return True
    if not BOILERPLATE_RE.search(stripped):
        return False
    return len(stripped) < 160 or not re.search(
        r"\b(?:killed|died|dead|injured|wounded|missing|bodies)\b", stripped
    )


#: a byline: "By Wanjiru Kamau, BBC News, Nairobi", "By Ana Ruiz and Tom Hale | Reuters": the
#: writer's name (two capitalised words at least) and outlet, no figure; not "By Tuesday
#: evening, ..."
_BYLINE_RE = re.compile(
    r"By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
    r"(?:\s+and\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})?\s*(?:,|\||$)"
)


def is_byline(line: str) -> bool:
    """True for a short line naming the report's writer and outlet (its place is where the
    writer is, not where anything happened)."""
    stripped = line.strip()
    return (
        len(stripped) < 120
        and stripped.startswith("By ")
        and not any(c.isdigit() for c in stripped)
        and _BYLINE_RE.match(stripped) is not None
    )

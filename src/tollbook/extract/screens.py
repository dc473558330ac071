"""Screens: a cheap test that a text *cannot* match a costly pattern, read off the pattern.

``Screen(pattern)`` walks the parsed pattern once and collects words such that every match
holds at least one of them ("killing at least" holds "kill"; a branch gives the words of all
its alternatives; an optional part gives none). ``screen.passes(text)`` is False only when
the lower-cased text holds none of them, so the pattern need not be run: a necessary
condition, never a different result. Because the words come from the pattern itself, a rule
added to the pattern is screened for with no second list to keep in step.

Texts outside ASCII always pass (Unicode case folding can match what ``str.lower`` does
not), and so does a pattern with a part that holds no required word.

``screen_patterns(module, names)`` puts a screened pattern (``Screened``: the same methods,
the same results) in place of the named patterns of a module, so that no rule module has to
know about screens. Only patterns that most sentences cannot match gain: for a pattern that
most sentences pass, the screen is pure cost (measured pattern by pattern, round 5 of
docs/extraction.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

from tollbook.extract.text_clean import trie_pattern

#: Words of letters or digits shorter than this are too common to screen with.
_SHORTEST = 3
#: Words so common that a screen holding one passes almost every text: another required
#: part of the pattern is preferred to them.
_COMMON = frozenset("the and for with from that this was were are has had have not but".split())
#: Up to this many words are looked for one by one (``in``); more, with one pattern.
_FEW = 8


class Screen:
    """Whether a text may match ``pattern``: see the module's docstring."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        words = _required(_parser.parse(pattern.pattern, pattern.flags).data)
        if words is not None and any(len(w) < _SHORTEST and w.isalnum() for w in words):
            words = None  # "of", "in": a screen that passes almost every text
        #: the words (lower case) one of which every match holds; None: no screen
        self.words: frozenset[str] | None = _minimal(words) if words else None
        listed = sorted(self.words or ())
        self._few = tuple(listed) if len(listed) <= _FEW else ()
        self._any = re.compile(trie_pattern(listed)) if len(listed) > _FEW else None

    def passes(self, text: str) -> bool:
        """False only when ``text`` cannot match the pattern."""
        lower = _lower_ascii(text)
        if lower is None:
            return True
        if self._few:
            for word in self._few:  # noqa: SIM110 (a loop is faster than any() over a generator)
                if word in lower:
                    return True
            return False
        return self._any is None or self._any.search(lower) is not None


#: The last text screened and its lower case (None: not ASCII). The screens of one sentence
#: are asked one after another about the same string, which is lower-cased once for all.
_last: list[Any] = ["", ""]


def _lower_ascii(text: str) -> str | None:
    """``text`` lower-cased, or None when it is not ASCII; remembered for the next screen."""
    if text is not _last[0]:
        _last[0] = text
        _last[1] = text.lower() if text.isascii() else None
    lower: str | None = _last[1]
    return lower


def _uncased(ch: str) -> bool:
    """A character no case-insensitive pattern matches to another ("©", not "ſ")."""
    return ch.lower() == ch == ch.upper() and ch.casefold() == ch


def _minimal(words: set[str]) -> frozenset[str]:
    """Without the words that hold another of them (holding "killed" means holding "kill")."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _required(items: Any) -> set[str] | None:
    """Words one of which every match of the sequence ``items`` holds, or None."""
    best: set[str] | None = None
    run: list[str] = []

    def better(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _score(candidate) > _score(best)):
            best = candidate

    for op, av in items:
        if op is _c.LITERAL and (av < 128 or _uncased(chr(av))):
            run.append(chr(av).lower())
            continue
        better({"".join(run)} if run else None)
        run = []
        if op is _c.SUBPATTERN:
            better(_required(av[-1]))
        elif op is _c.BRANCH:
            better(_branch(av[1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            better(_required(av[2]))
        elif op is _c.ATOMIC_GROUP:
            better(_required(av))
    better({"".join(run)} if run else None)
    return best


def _branch(alternatives: Any) -> set[str] | None:
    words: set[str] = set()
    for alternative in alternatives:
        found = _required(alternative)
        if not found:
            return None  # one alternative needs no word: nothing is required
        words |= found
    return words


def _score(words: set[str]) -> tuple[int, int]:
    """Longer shortest word first (rarer in text), then fewer words; common words last."""
    return (0 if words & _COMMON else min(map(len, words))), -len(words)


class Screened:
    """A compiled pattern run only on texts its screen passes: every method gives what the
    pattern's own gives (no match, nothing found, the text unchanged when screened out)."""

    __slots__ = ("_passes", "pattern_object")

    def __init__(self, pattern: re.Pattern[str], screen: Screen) -> None:
        self.pattern_object = pattern
        self._passes = screen.passes

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return self.pattern_object.search(string, *args) if self._passes(string) else None

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return self.pattern_object.match(string, *args) if self._passes(string) else None

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return self.pattern_object.fullmatch(string, *args) if self._passes(string) else None

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        return self.pattern_object.finditer(string, *args) if self._passes(string) else iter(())

    def findall(self, string: str, *args: int) -> list[Any]:
        return self.pattern_object.findall(string, *args) if self._passes(string) else []

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.pattern_object.sub(repl, string, count) if self._passes(string) else string

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        if self._passes(string):
            return self.pattern_object.subn(repl, string, count)
        return string, 0

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.pattern_object.split(string, maxsplit) if self._passes(string) else [string]

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex
        return getattr(self.pattern_object, name)


def screen_patterns(module: ModuleType, names: Iterable[str], *others: ModuleType) -> None:
    """Put a ``Screened`` pattern in place of each named compiled pattern of ``module`` (and
    of ``others`` that imported it under the same name). A name that is missing, or a
    pattern that gives no screen, is left as it is."""
    for name in names:
        pattern = getattr(module, name, None)
        if not isinstance(pattern, re.Pattern):
            continue
        screen = Screen(pattern)
        if screen.words is None:
            continue
        screened = Screened(pattern, screen)
        for owner in (module, *others):
            if getattr(owner, name, None) is pattern:
                setattr(owner, name, screened)


def final_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """For a pattern whose every match ends at the end of the text but for whitespace
    (``...\\s*$``): the literal endings one of which every match has before that whitespace
    ("killing at least" ends in "least"), read off the pattern; None when the pattern does
    not end so, ignores case, or may end in something other than a literal. A text whose
    ``rstrip()`` ends in none of them cannot match (``ends_as_it_may``)."""
    if pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return None
    items = list(_parser.parse(pattern.pattern, pattern.flags).data)
    k = len(items)
    while k and (_blank(*items[k - 1]) or items[k - 1][0] in _ZERO_WIDTH):
        k -= 1
    trailing = items[k:]
    if not any(op is _c.AT and av in (_c.AT_END, _c.AT_END_STRING) for op, av in trailing):
        return None  # the match need not end at the end of the text
    words = _endings(items)
    return tuple(sorted(words)) if words else None


def ends_as_it_may(text: str, words: tuple[str, ...]) -> bool:
    """False only when ``text`` cannot match the pattern ``words`` were read from."""
    return text.rstrip().endswith(words)


_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _blank(op: Any, av: Any) -> bool:
    """Whether this item matches only whitespace (or nothing)."""
    if op is _c.LITERAL:
        return chr(av).isspace()
    if op is _c.IN:
        return all(
            (o is _c.CATEGORY and a is _c.CATEGORY_SPACE) or (o is _c.LITERAL and chr(a).isspace())
            for o, a in av
        )
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return all(_blank(o, a) for o, a in av[2])
    if op is _c.SUBPATTERN:
        return all(_blank(o, a) for o, a in av[-1])
    return False


def _endings(items: list[Any]) -> set[str] | None:
    """The literal endings one of which every match of the sequence ``items`` has before
    any whitespace it ends in, or None when one may end otherwise (or be empty)."""
    k = len(items)
    while k and (_blank(*items[k - 1]) or items[k - 1][0] in _ZERO_WIDTH):
        k -= 1
    if not k:
        return None
    op, av = items[k - 1]
    before = items[: k - 1]
    words: set[str]
    if op is _c.LITERAL:
        j = k - 1
        while j and items[j - 1][0] is _c.LITERAL:
            j -= 1
        return {"".join(chr(av) for _, av in items[j:k])}
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):  # "include[sd]": each letter
        words = set()
        for literal in av:
            found = _endings([*before, literal])
            if found is None:
                return None
            words |= found
        return words
    if op is _c.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            return None
        return _endings(before + list(av[-1]))
    if op is _c.BRANCH:
        words = set()
        for alternative in av[1]:
            found = _endings(before + list(alternative))
            if found is None:
                return None
            words |= found
        return words
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = av
        if high == 0:
            return _endings(before)
        # the last round ends the match: when it is the only one, what stands before it
        # goes on its ending ("include[sd]?": "includes", "included", "include")
        last = _endings(before + list(body)) if high == 1 else _endings(list(body))
        if last is None:
            return None
        if low == 0:
            earlier = _endings(before)  # no round at all
            return None if earlier is None else last | earlier
        return last
    return None  # a class, any character, a back reference: no literal ending


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text``: the cheap substring screen run before a
    costly pattern (a loop: faster here than any() over a generator)."""
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False

"""Line breaks that only wrap a sentence ("...including\\n38 children"), told apart from
those that end a line of its own (a headline, a paragraph, a list item).

The pass cuts a sentence at every line break, which is right for text with one paragraph
a line (web pages, posts, the JSONL of the corpora) and wrong for text wrapped at a fixed
width (e-mail, plain-text bulletins, ``pdftotext``): there a sentence is cut in two and its
halves lose each other's figure, outcome, subgroup or speaker. ``unwrapped`` gives the text
with each wrapping break made a space, so it has the same length and every offset of the
original; the extractor reads that text and takes each claim's evidence back from the
original at the same offsets.

A break wraps when the next line goes on with the sentence: it starts with a small letter,
or the line before ends with a comma, a dash or a word that cannot end a sentence ("of",
"the", "including"), or a number follows a line that ends with a small word
("including\\n38 children"); never after a line that ends a sentence or is shorter than
40 characters, nor before a list item, nor after the text's first line (its title). In a
text wrapped at a width (60 to 100 characters; most lines that run on nearly as long as
the longest, and at least three breaks, and a third of them, such continuations), a break
after a line of nearly that width wraps too, whatever follows ("said Oksana\\nMarchenko").
"""

from __future__ import annotations

import re

#: Words after which a sentence cannot end (English, Ukrainian, Russian).
_GOES_ON = frozenset(
    """a an the of to by with from into onto than and or but nor which who whom whose
    including among amid between during near per via his her their its our your my these
    those such
    і й та з із зі до що як від для при про біля або чи але
    и с со к ко о об от до для из что как или но при без""".split()
)
#: A line that begins a list item: "- 5 killed", "• Kharkiv: 3", "2) Izium".
_ITEM_RE = re.compile(r"(?:[-*•–—]|\d{1,2}[.)])\s|\|")  # (or a table's row: "| Sindh | 45 |")
#: A line that begins with a count of something ("38 children"), not a date or a time.
_COUNT_RE = re.compile(r"\d[\d,]*\s+[a-z]")
_LAST_WORD_RE = re.compile(r"(\w+)\W*$")
_ENDS_SENTENCE_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
#: The widths a text wrapped at a width has (e-mail wraps at 72-80).
_MIN_WIDTH, _MAX_WIDTH = 60, 100
#: A line shorter than this ends where its writer ended it (a headline, a byline, a menu
#: entry, a caption): text is wrapped at 60 characters or more, so a wrapped line, which
#: lacks at most the next word, is longer.
_SHORTEST_WRAPPED = 40


def unwrapped(text: str) -> str:
    """``text`` with every wrapping line break (and a ``\\r`` before it) made a space."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    stripped = [line.rstrip("\r").strip() for line in lines]
    # the first line is the title, whatever follows it ("...over past day\nby Dmytro ...")
    title = next((i for i, line in enumerate(stripped) if line), -1)
    goes_on = [
        i != title
        and bool(stripped[i])
        and bool(stripped[i + 1])
        and _continues(stripped[i], stripped[i + 1])
        for i in range(len(lines) - 1)
    ]
    width = _wrap_width(stripped, goes_on)
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i == len(lines) - 1:
            break
        nxt = stripped[i + 1]
        wraps = goes_on[i] or (
            width is not None
            and i != title
            and bool(nxt)
            and len(stripped[i]) >= 0.6 * width
            and not _ITEM_RE.match(nxt)
        )
        if wraps:
            if line.endswith("\r"):
                out[-1] = line[:-1] + " "
            out.append(" ")
        else:
            out.append("\n")
    return "".join(out)


def _continues(line: str, nxt: str) -> bool:
    """Whether ``nxt`` goes on with the sentence ``line`` leaves open."""
    if len(line) < _SHORTEST_WRAPPED or _ITEM_RE.match(nxt):
        return False
    if _ENDS_SENTENCE_RE.search(line):
        return False
    first = nxt[0]
    if first.isalpha() and first.islower():
        # a line of its own below a title is short and ends no sentence ("after newsletter
        # promotion", "e-mail"); the last line of a wrapped paragraph ends one
        return len(nxt) >= _SHORTEST_WRAPPED or _ENDS_SENTENCE_RE.search(nxt) is not None
    if line.endswith((",", "-", "–", "—")) and not line.endswith(" -"):
        return True
    last = _LAST_WORD_RE.search(line)
    if last is None:
        return False
    word = last.group(1)
    if not word.islower():
        return False
    return word in _GOES_ON or _COUNT_RE.match(nxt) is not None


def _wrap_width(stripped: list[str], goes_on: list[bool]) -> int | None:
    """The width the text is wrapped at, or None when it does not look wrapped: at least
    three breaks, and a third of all, go on with a sentence, and two thirds of the lines
    that run on into another are nearly as long as the longest."""
    broken = [len(stripped[i]) for i in range(len(goes_on)) if stripped[i] and stripped[i + 1]]
    going_on = sum(goes_on)
    if going_on < 3 or going_on < len(broken) / 3:
        return None
    width = max(broken)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    near = sum(n >= 0.6 * width for n in broken)
    return width if near >= 2 * len(broken) / 3 else None

"""The shell commands shown in the README's and the docs' code blocks, read from Markdown.

A code block is a fenced block (```` ``` ```` or ``~~~``, with no language or a shell one)
or an indented block (four spaces, after a blank line, outside a list). In it, a command is
a line starting with ``tollbook``, ``.venv/bin/tollbook``, ``bash`` or ``.venv/bin/python``;
a line ending in ``\\`` or followed by lines indented deeper than the command (the rest of
a long usage line) continues it, and a ``#`` comment (outside quotes) ends it.

A command is **usage** when it shows a grammar rather than an example: optional parts in
``[...]``, alternatives ``a|b``, ``...``, or placeholders in capitals (``FILE``,
``CLAIM_ID``, ``TABLE.csv``, ``YYYY-MM-DD``). :func:`example_form` drops the optional
parts: what remains is the example a reader would type first, runnable unless a
placeholder is left.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

#: Words a command line starts with.
PROGRAMS = ("tollbook", ".venv/bin/tollbook", "bash", ".venv/bin/python")
#: Languages of fenced blocks that hold shell commands.
SHELL_LANGUAGES = ("", "sh", "bash", "shell", "console")

_FENCE = re.compile(r"^(\s*)(```|~~~)\s*([\w+-]*)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z0-9_]*[A-Z_](?:\.[a-z0-9]+)?|[A-Z]|YYYY-MM-DD)$")


@dataclass(frozen=True)
class DocCommand:
    """One command as the document shows it."""

    document: str  # path relative to the repository root
    line: int  # 1-based line of its first line
    text: str  # the command, continuation lines joined, comment removed

    @property
    def where(self) -> str:
        return f"{self.document}:{self.line}"


def code_blocks(markdown: str) -> list[tuple[int, list[str]]]:
    """The shell code blocks: (1-based line of the block's first line, its lines)."""
    lines = markdown.splitlines()
    blocks: list[tuple[int, list[str]]] = []
    index = 0
    in_list = False
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence:
            marker, language = fence.group(2), fence.group(3).lower()
            start = index + 1
            index += 1
            while index < len(lines) and not lines[index].strip().startswith(marker):
                index += 1
            if language in SHELL_LANGUAGES:
                indent = len(fence.group(1))
                blocks.append((start + 1, [text[indent:] for text in lines[start:index]]))
            index += 1
            continue
        previous_blank = index == 0 or not lines[index - 1].strip()
        if _LIST_ITEM.match(line):
            in_list = True
        elif line.strip() and not line.startswith(" "):
            in_list = False
        if line.startswith("    ") and previous_blank and not in_list:
            start = index
            while index < len(lines) and (
                lines[index].startswith("    ") or not lines[index].strip()
            ):
                index += 1
            body = [text[4:] for text in lines[start:index]]
            while body and not body[-1].strip():
                body.pop()
            blocks.append((start + 1, body))
            continue
        index += 1
    return blocks


def commands_in(document: str, markdown: str) -> list[DocCommand]:
    """Every command in the document's shell code blocks, in order."""
    found: list[DocCommand] = []
    for first, body in code_blocks(markdown):
        index = 0
        while index < len(body):
            line = body[index]
            words = line.split()
            if not words or words[0] not in PROGRAMS:
                index += 1
                continue
            parts = [_without_comment(line)]
            start = index
            indent = len(line) - len(line.lstrip())
            index += 1
            while index < len(body):
                following = body[index]
                continued = parts[-1].endswith("\\")
                deeper = following.strip() and len(following) - len(following.lstrip()) > indent
                if not (continued or deeper):
                    break
                parts[-1] = parts[-1].removesuffix("\\").rstrip()
                parts.append(_without_comment(following).strip())
                index += 1
            found.append(DocCommand(document, first + start, " ".join(parts).strip()))
    return found


def _without_comment(line: str) -> str:
    """The line up to a ``#`` that starts a word outside quotes."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].rstrip()
    return line.rstrip()


def without_optional_parts(text: str) -> str:
    """The command with every ``[...]`` group (nested ones too) taken out."""
    out: list[str] = []
    depth = 0
    quote = ""
    for char in text:
        if quote:
            if char == quote:
                quote = ""
            if depth == 0:
                out.append(char)
            continue
        if char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
            continue
        elif char == "]" and depth:
            depth -= 1
            continue
        if depth == 0:
            out.append(char)
    return " ".join("".join(out).split())


def is_usage(text: str) -> bool:
    """Whether the command shows a grammar (optional parts, alternatives, placeholders)."""
    return "[" in text or example_form(text) is None


def example_form(text: str) -> list[str] | None:
    """The words of the command without its optional parts; None if a placeholder, ``...``
    or an alternative ``a|b`` remains (the command cannot be run as written)."""
    plain = without_optional_parts(text)
    if "..." in plain:
        return None
    words = shlex.split(plain)
    for word in words:
        value = word.split("=", 1)[-1] if word.startswith("--") else word
        if _PLACEHOLDER.match(value) or ("|" in word and not word.startswith(("'", '"'))):
            return None
        if "=" in word and not word.startswith("--") and _PLACEHOLDER.match(word.split("=")[0]):
            return None
    return words


def documents(root: Path) -> list[Path]:
    """The README, the docs and the examples' READMEs."""
    return [
        root / "README.md",
        *sorted((root / "docs").glob("*.md")),
        *sorted((root / "examples").glob("**/README.md")),
    ]


def all_commands(root: Path) -> list[DocCommand]:
    out: list[DocCommand] = []
    for path in documents(root):
        out.extend(commands_in(str(path.relative_to(root)), path.read_text(encoding="utf-8")))
    return out

"""The README's layout section names every package of src/tollbook, and only those."""

from __future__ import annotations

import re
from pathlib import Path

import tollbook

SRC = Path(tollbook.__file__).parent
README = SRC.parents[1] / "README.md"


def _layout_block() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Layout")
    end = text.index("\n## ", start + 1) if "\n## " in text[start + 1 :] else len(text)
    return text[start:end]


def test_the_readme_layout_names_every_package_and_no_other() -> None:
    named = set(re.findall(r"^      ([a-z_]+)/", _layout_block(), flags=re.MULTILINE))
    packages = {p.parent.name for p in SRC.glob("*/__init__.py")}
    assert named == packages

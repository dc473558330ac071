"""Each migration script is named by its revision id, so the newest file name is the head
that every command checks the database against without loading Alembic."""

from __future__ import annotations

import re

from tollbook.store import migrate


def test_the_newest_file_name_is_alembics_head() -> None:
    assert migrate.newest_script_revision() == migrate.head_revision()


def test_every_script_is_named_by_its_revision_and_follows_the_one_before() -> None:
    scripts = sorted(
        p for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py") if p.name != "__init__.py"
    )
    previous = None
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        revision = re.search(r'^revision(?:: str)? = "(\w+)"', text, re.M)
        down = re.search(r'^down_revision(?:: str \| None)? = (None|"\w+")', text, re.M)
        assert revision and down, path.name
        assert path.name.startswith(f"{revision.group(1)}_"), path.name
        assert down.group(1) == (f'"{previous}"' if previous else "None"), path.name
        previous = revision.group(1)

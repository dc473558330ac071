"""Every ``TOLLBOOK_*`` environment variable Tollbook reads, named once, here.

The modules that read a variable take its name from this module, so that a variable is
spelt in one place and listed in one table; docs/settings.md lists the same variables
(``tests/unit/test_settings.py`` checks that the two, and the code, agree).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

#: The database: a SQLAlchemy URL (default ``sqlite:///tollbook.db``).
DATABASE_URL = "TOLLBOOK_DATABASE_URL"
#: Who the command line names in the audit log (default: the operating system's user).
ACTOR = "TOLLBOOK_ACTOR"
#: Where photos of bodies are kept (default: ``photos/`` next to a SQLite database).
PHOTO_DIR = "TOLLBOOK_PHOTO_DIR"
#: The web app's signing key, or the file that holds it.
SECRET_KEY = "TOLLBOOK_SECRET_KEY"
SECRET_KEY_FILE = "TOLLBOOK_SECRET_KEY_FILE"
#: Mark the web app's cookies Secure (``1``) or not (``0``); default: over https.
SECURE_COOKIES = "TOLLBOOK_SECURE_COOKIES"
#: Limits on imported files (:mod:`tollbook.exchange.file_limits`).
MAX_FILE_BYTES = "TOLLBOOK_MAX_FILE_BYTES"
MAX_INFLATED_BYTES = "TOLLBOOK_MAX_INFLATED_BYTES"
MAX_ROWS = "TOLLBOOK_MAX_ROWS"
MAX_COLUMNS = "TOLLBOOK_MAX_COLUMNS"
MAX_CELL_CHARS = "TOLLBOOK_MAX_CELL_CHARS"
#: The Spark master for the Spark linkage engine (default ``local[*]``).
SPARK_MASTER = "TOLLBOOK_SPARK_MASTER"
#: The passphrase of an encrypted database and its photos, or the file that holds it.
PASSPHRASE = "TOLLBOOK_PASSPHRASE"
PASSPHRASE_FILE = "TOLLBOOK_PASSPHRASE_FILE"
#: The password of the account ``tollbook sync push`` / ``pull`` logs in with.
SYNC_PASSWORD = "TOLLBOOK_SYNC_PASSWORD"
#: The language of the command line's messages: ``en``, ``uk`` or ``ru`` (default: the
#: standard ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, else English).
LANG = "TOLLBOOK_LANG"
#: ``0``: no live progress line on a terminal for long commands.
PROGRESS = "TOLLBOOK_PROGRESS"
#: Any value: run the extractor as pure Python even where its compiled build is fresh
#: (:mod:`tollbook.native_modules`); ``scripts/setup.sh`` then does not compile it either.
PURE_PYTHON = "TOLLBOOK_PURE_PYTHON"


@dataclass(frozen=True)
class Variable:
    name: str
    meaning: str


#: Every variable, in the order docs/settings.md lists them.
VARIABLES: tuple[Variable, ...] = (
    Variable(DATABASE_URL, "the database (default sqlite:///tollbook.db)"),
    Variable(ACTOR, "who the command line names in the audit log"),
    Variable(PHOTO_DIR, "where photos of bodies are kept"),
    Variable(SECRET_KEY, "the web app's signing key"),
    Variable(SECRET_KEY_FILE, "the file that holds the web app's signing key"),
    Variable(SECURE_COOKIES, "mark the web app's cookies Secure (1) or not (0)"),
    Variable(MAX_FILE_BYTES, "largest imported file, as stored"),
    Variable(MAX_INFLATED_BYTES, "largest XLSX file once unzipped"),
    Variable(MAX_ROWS, "most rows in an imported file"),
    Variable(MAX_COLUMNS, "most cells in a row"),
    Variable(MAX_CELL_CHARS, "most characters in a cell"),
    Variable(SPARK_MASTER, "the Spark master of the Spark linkage engine"),
    Variable(PASSPHRASE, "the passphrase of an encrypted database and its photos"),
    Variable(PASSPHRASE_FILE, "the file whose first line is that passphrase"),
    Variable(SYNC_PASSWORD, "the password of the account sync push and pull log in with"),
    Variable(LANG, "the language of the command line's messages (en, uk, ru)"),
    Variable(PROGRESS, "0: no live progress line on a terminal for long commands"),
    Variable(PURE_PYTHON, "run the extractor as pure Python, not its compiled build"),
)
NAMES: frozenset[str] = frozenset(v.name for v in VARIABLES)


def setting(name: str) -> str | None:
    """The value of the variable ``name`` (one of :data:`NAMES`), or None when unset."""
    if name not in NAMES:
        raise KeyError(f"{name} is not a Tollbook setting; add it to tollbook.settings")
    return os.environ.get(name)

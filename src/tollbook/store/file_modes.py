"""A SQLite database holds names of the dead and families' contacts: its file is made
readable and writable by its owner only (mode 0600), before SQLite first opens it, so
its write-ahead log and shared-memory files, which SQLite makes with the database's own
mode, are private too. A database file or folder others may read or write is warned of.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

#: The mode of the files Tollbook makes for a database (and of its key file).
PRIVATE_MODE = 0o600
#: What SQLite keeps beside a database file.
COMPANIONS = ("-wal", "-shm", "-journal")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None (another database, or one in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def create_private(path: Path) -> None:
    """Make ``path`` as an empty file of mode 0600 if it is not there (an empty file is
    an empty SQLite database); leave an existing one as it is."""
    if path.exists() or not path.parent.is_dir():
        return  # SQLite says clearly what is wrong with a missing folder
    old = os.umask(0o077)
    try:
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
    finally:
        os.umask(old)
    os.chmod(path, PRIVATE_MODE)


def private_database(url: str) -> None:
    """Before a SQLite database is first opened: create its file with mode 0600."""
    path = sqlite_path(url)
    if path is not None:
        create_private(path)


def exposure_warnings(url: str, key_file: Path | None = None) -> list[str]:
    """Sentences about a SQLite database (and its key file) that others could read or
    change: files with permissions for the group or others, a folder others can write
    to or list. Empty for a server database."""
    path = sqlite_path(url)
    if path is None:
        return []
    found: list[str] = []
    files = [path, *(path.with_name(path.name + s) for s in COMPANIONS)]
    if key_file is not None:
        files.append(key_file)
    for item in files:
        try:
            mode = stat.S_IMODE(item.stat().st_mode)
        except OSError:
            continue
        if mode & 0o077:
            found.append(
                f"{item} has mode {mode:04o}: others on this machine may read it; "
                f"run `chmod 600 {item}`"
            )
    folder = path.resolve().parent
    try:
        mode = stat.S_IMODE(folder.stat().st_mode)
    except OSError:
        return found
    if mode & stat.S_IWOTH:
        found.append(
            f"the folder {folder} may be written by anyone (mode {mode:04o}): they could "
            "replace or remove the database; keep it in a folder of your own"
        )
    elif mode & stat.S_IROTH:
        found.append(
            f"the folder {folder} may be listed by anyone (mode {mode:04o}); "
            f"consider `chmod o-rwx {folder}`"
        )
    return found

"""Running the real ``tollbook`` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def tollbook(
    *args: str | Path, cwd: Path, database_url: str | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("TOLLBOOK_DATABASE_URL", None)
    if database_url is not None:
        env["TOLLBOOK_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "tollbook", *map(str, args)],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )

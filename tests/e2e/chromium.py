"""The Chromium the browser tests drive: Debian's (``bash scripts/test.sh`` installs it) or
the one ``$TOLLBOOK_CHROMIUM`` names, headless, with nothing fetched from outside."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("TOLLBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

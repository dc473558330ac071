#!/usr/bin/env bash
# The test command: `bash scripts/test.sh [PYTEST ARGS...]` (default: all of tests/ and
# the doctests of src/tollbook). Sets up .venv, starts a throwaway PostgreSQL server for
# the integration tests, runs pytest over every core (pytest-xdist; each test module runs
# on one worker, so its module fixtures are built once), prints the 40 slowest steps, and
# stops the server on exit. `-n 0` runs in one process; `-m "not slow"` is a quick run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

# --- Chromium for the browser tests (tests/e2e) -------------------------------------
# Debian's chromium, driven by Playwright (the Python package) through executable_path:
# no browser is downloaded (never `playwright install`). TOLLBOOK_CHROMIUM names another.
if [ ! -x "${TOLLBOOK_CHROMIUM:-/usr/bin/chromium}" ]; then
    bash scripts/apt-install.sh chromium
fi
# A Java runtime for the local-Spark linkage test (pyspark needs Java 17+).
if ! command -v java >/dev/null 2>&1; then
    bash scripts/apt-install.sh openjdk-17-jre-headless
fi
# -------------------------------------------------------------------------------------

trap 'bash scripts/postgres-test-server.sh stop' EXIT
TOLLBOOK_TEST_POSTGRES_URL=$(bash scripts/postgres-test-server.sh start)
export TOLLBOOK_TEST_POSTGRES_URL

# Byte-compile Tollbook once: with $PYTHONDONTWRITEBYTECODE set (as in some sandboxes and
# CI runners) every `tollbook` process the tests start (the docs' commands, the web server)
# would otherwise compile each module it imports again, a few tenths of a second each time.
.venv/bin/python -m compileall -q src/tollbook

# The extractor's modules may run compiled (scripts/build_native.py), and then are not the
# files pytest would import for their doctests; it has none (tests/unit/test_native_modules.py).
if [ "$#" -eq 0 ]; then
    set -- tests src/tollbook --doctest-modules --ignore=src/tollbook/store/migrations \
        --ignore=src/tollbook/extract
fi
# --no-loadscope-reorder: modules start in the order tests/conftest.py gives them (the
# longest first), not sorted by their number of tests, which left Spark's two long tests last.
.venv/bin/python -m pytest -n auto --dist loadscope --no-loadscope-reorder --durations=40 "$@"

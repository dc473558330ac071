#!/usr/bin/env bash
# The test command: `bash scripts/test.sh [PYTEST ARGS...]` (default: all of tests/).
# Sets up .venv, starts a throwaway PostgreSQL server for the integration tests, runs
# pytest, and stops the server on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

# --- Chromium for the browser tests (tests/e2e) -------------------------------------
# TODO: install Debian's chromium and chromium-driver here (bash scripts/apt-install.sh).
# -------------------------------------------------------------------------------------

trap 'bash scripts/postgres-test-server.sh stop' EXIT
TOLLBOOK_TEST_POSTGRES_URL=$(bash scripts/postgres-test-server.sh start)
export TOLLBOOK_TEST_POSTGRES_URL

if [ "$#" -eq 0 ]; then
    set -- tests
fi
.venv/bin/python -m pytest "$@"

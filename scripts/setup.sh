#!/usr/bin/env bash
# Create .venv (if missing) and install Tollbook into it, editable, with the dev tools;
# compile the extractor (scripts/build_native.py).
# Idempotent: pip runs again only when pyproject.toml has changed since the last run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
    bash scripts/apt-install.sh python3 python3-venv python3-pip
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: Tollbook needs Python 3.11 or newer; $python is $("$python" --version 2>&1)" >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv" >&2
    if ! "$python" -m venv .venv; then
        # Debian's python3 lacks ensurepip until python3-venv is installed.
        rm -rf .venv
        bash scripts/apt-install.sh python3-venv
        "$python" -m venv .venv
    fi
fi

stamp=.venv/.tollbook-installed
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if ! { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] \
    && .venv/bin/python -c 'import tollbook' 2>/dev/null; }; then
    echo "setup: installing Tollbook and its dev tools into .venv" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
    echo "$wanted" >"$stamp"
fi

# The extractor compiled with mypyc (about a minute on one core, only when its sources
# changed since the last build): the same claims, about 15% faster. Without a C
# compiler or Python's headers it stays pure Python. TOLLBOOK_PURE_PYTHON=1 skips it.
if [ -z "${TOLLBOOK_PURE_PYTHON:-}" ]; then
    if .venv/bin/python scripts/build_native.py --if-stale >.venv/native-build.log 2>&1; then
        grep '^native: built' .venv/native-build.log >&2 || true
    else
        grep '^native:' .venv/native-build.log >&2 || true
        echo "setup: the extractor stays pure Python (details: .venv/native-build.log)" >&2
    fi
fi

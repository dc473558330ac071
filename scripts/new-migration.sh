#!/usr/bin/env bash
# Start the next schema migration from the models: `bash scripts/new-migration.sh "add bodies"`
# Writes src/tollbook/store/migrations/versions/NNNN_<message>.py; review it before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "$#" -ne 1 ]; then
    echo "usage: $0 MESSAGE" >&2
    exit 2
fi
path=$(.venv/bin/python -c \
    'import sys; from tollbook.store.migrate import new_revision; print(new_revision(sys.argv[1]))' \
    "$1" | tail -n 1)
.venv/bin/ruff check --fix --quiet "$path" || true
.venv/bin/ruff format --quiet "$path"
echo "$path"

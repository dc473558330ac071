#!/usr/bin/env bash
# Install Debian packages: `bash scripts/apt-install.sh PACKAGE...`
# Uses sudo only when not root; refreshes the package lists if the first try fails.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PACKAGE..." >&2
    exit 2
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
    echo "apt-install: need root or sudo to install: $*" >&2
    exit 1
fi

echo "apt-install: installing $*" >&2
if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends "$@" >&2; then
    echo "apt-install: install failed, updating package lists and retrying" >&2
    "${as_root[@]}" apt-get update -q >&2
    "${as_root[@]}" apt-get install -y -q --no-install-recommends "$@" >&2
fi

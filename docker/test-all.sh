#!/usr/bin/env bash
# The one command that runs every test: unit tests, integration tests on the real test bed
# (3 Swarm-capable nodes over SSH, a TLS registry with auth) and browser tests in headless Chromium.
# For a fresh Debian 12 machine as root: installs what is missing, starts the bed, stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

bash docker/install-deps.sh
trap 'bash docker/testbed/down.sh' EXIT
bash docker/testbed/up.sh
./mvnw -B verify "$@"

#!/usr/bin/env bash
# The one command that runs the console on a fresh Debian 12 machine as root: https://localhost:8443 (its own
# certificate: the log prints its fingerprint).
# Installs a JDK if there is none, then builds and starts the console with the Maven Wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v javac >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless curl unzip
fi
exec ./mvnw -B -q spring-boot:run

#!/usr/bin/env bash
# The one command that runs the console on a fresh Debian 12 machine as root: http://localhost:8080
# Installs a JDK if there is none, then builds and starts the console with the Maven Wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v javac >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless curl unzip
fi
exec ./mvnw -B -q spring-boot:run

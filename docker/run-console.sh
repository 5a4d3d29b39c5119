#!/usr/bin/env bash
# The one command that runs the console on a fresh Debian 12 machine as root: https://localhost:8443 (its own
# certificate: the log prints its fingerprint).
# Installs a JDK if there is none and builds the console with the Maven Wrapper, as root; then runs it as the system
# user reemo-console, never as root, so that a flaw in the console reaches neither root's files (its SSH keys) nor
# the machine. The build is copied to /var/lib/reemo-console, where that user can read it wherever this checkout is;
# the console's state is /var/lib/reemo-console/data unless CONSOLE_DATA_DIR says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v javac >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless curl unzip
fi
./mvnw -B -q -DskipTests package

user=reemo-console
home=/var/lib/reemo-console
if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$home" --no-create-home --shell /usr/sbin/nologin "$user"
fi
install -d -m 755 "$home"
install -m 644 "$(find target -maxdepth 1 -name 'reemo-infra-console-*.jar' ! -name '*plain*' | head -n 1)" "$home/console.jar"
data=${CONSOLE_DATA_DIR:-$home/data}
if [[ ! -e $data && -d data ]]; then
  # the state an earlier version of this script kept in the checkout (run as root): the console carries on with it
  echo "Copying the console's state from $PWD/data to $data"
  cp -a data "$data"
fi
mkdir -p "$data"
chown -R "$user:$user" "$data"
chmod 700 "$data"
cd "$home"
exec runuser -u "$user" -- env CONSOLE_DATA_DIR="$data" java -jar "$home/console.jar"

#!/usr/bin/env bash
# Issue 17's benchmark, not part of the test suite: on the test bed, each measure side by side in one run (the console
# against raw Docker, against the role-like Ansible playbook), several rounds, then a table of medians and ranges with
# the ratios, as the README shows it. Needs what `bash docker/test-all.sh` installs; starts the bed if it is down.
#   bash docker/bench.sh [rounds]      (default 3; about 4 minutes a round on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
out=target/bench
mkdir -p "$out"
: > "$out/figures.txt"

bash docker/testbed/up.sh >&2
bash docker/testbed/reset.sh >&2   # an empty bed: no service's health checks share the cores with the console's start
./mvnw -B -q -DskipTests package >&2
jar=$(ls target/reemo-infra-console-*.jar | grep -v plain | head -1)

# Start-up and idle memory of the console as the README runs it: the jar, its data directory made on a first start
# (not counted), then each restart until the sign-in page answers ($took), and its resident memory after 20 s idle.
data=$(mktemp -d)
port=18443
start_console() {
  CONSOLE_ADMIN_PASSWORD=bench CONSOLE_DATA_DIR="$data" SERVER_PORT=$port java -jar "$jar" > "$out/console.log" 2>&1 &
  pid=$!
  begin=$(date +%s.%N)
  until curl -ksf -o /dev/null "https://127.0.0.1:$port/login"; do
    kill -0 "$pid" 2>/dev/null || { echo "the console did not start: see $out/console.log" >&2; exit 1; }
    sleep 0.05
  done
  took=$(awk -v end="$(date +%s.%N)" -v begin="$begin" 'BEGIN { printf "%.2f", end - begin }')
}
stop_console() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}
start_console
stop_console
for round in $(seq "$rounds"); do
  start_console
  sleep 20
  rss=$(awk '/VmRSS/ {print $2 / 1024}' "/proc/$pid/status")
  stop_console
  echo "BENCH start console $took" >> "$out/figures.txt"
  echo "BENCH memory console $rss" >> "$out/figures.txt"
  echo "start $round: $took s, $rss MB resident" >&2
done
rm -rf "$data"

# The platform's measures, each round on a freshly reset bed (src/test/java/io/reemo/console/deploy/SpeedBenchmark.java)
# It appends its figures to $out/figures.txt.
./mvnw -B -o verify -Dit.test=SpeedBenchmark -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rounds="$rounds" -Dbench.figures="$PWD/$out/figures.txt" > "$out/platform.log" 2>&1 \
  || { echo "SpeedBenchmark failed: see $out/platform.log" >&2; exit 1; }

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
python3 - "$out/figures.txt" "$rounds" "$machine" <<'TABLE'
import statistics, sys, datetime
figures = {}
for line in open(sys.argv[1]):
    _, measure, side, value = line.split()
    figures.setdefault((measure, side), []).append(float(value))

def med(measure, side):
    return statistics.median(figures[(measure, side)])

def spread(measure, side, unit="s"):
    values = figures[(measure, side)]
    return f"{statistics.median(values):.1f} {unit} ({min(values):.1f}–{max(values):.1f})"

rows = [
    ("tagged update of `api` (4 tasks)", spread("update", "console"), "raw `docker service update --image`: " + spread("update", "raw"),
     f"+{med('update', 'console') - med('update', 'raw'):.1f} s", "overhead ≤ 1 s"),
    ("longest silence in a job's log", f"update {max(figures[('silence-update', 'console')]):.1f} s, maintenance "
     f"{max(figures[('silence-maintenance', 'console')]):.1f} s (worst of all runs)", "", "", "≤ 2 s"),
    ("maintenance on", spread("maintenance-on", "console"), "", "", "≤ 5 s"),
    ("maintenance off", spread("maintenance-off", "console"), "", "", "≤ 5 s"),
    ("install, 3 nodes, to converged", spread("install", "console"), "role-like playbook: " + spread("install", "role"),
     f"{med('install', 'console') / med('install', 'role'):.2f}×", "≤ 0.33×"),
    ("re-apply, nothing to change", spread("reapply", "console"), "", "", "≤ 2 s"),
    ("dashboard, first paint with data", spread("dashboard", "console"), "", "", "≤ 1 s"),
    ("console start (restart, jar)", spread("start", "console"), "", "", "≤ 4 s"),
    ("console idle resident memory", spread("memory", "console", "MB"), "", "", "≤ 250 MB"),
]
print(f"Measured {datetime.date.today()} on {sys.argv[3]}, {sys.argv[2]} rounds, medians (min–max):\n")
print("| measure | console | baseline | ratio | target |")
print("|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
TABLE

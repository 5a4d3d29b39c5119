# Shared settings and helpers of the test bed scripts (sourced, never run).
# The bed: see README.md next to this file.

BED_NAME=reemo-testbed
TESTBED_DIR=${TESTBED_DIR:-/var/tmp/reemo-testbed}
NODES=${NODES:-3}

SUBNET_PREFIX=10.199.0                 # every address of the bed is in 10.199.0.0/24
INFRA_IP=$SUBNET_PREFIX.100            # bridge and registry, in netns "infra"
HOST_IP=$SUBNET_PREFIX.254             # the machine's end of the veth into "infra"
HOST_VETH=rtb-host                     # that veth, on the machine's side
REGISTRY_URL=$INFRA_IP:5000
REGISTRY_ENV=reemoinfra
REGISTRY_USER=reemo
CERTS_D=/etc/docker/certs.d/$REGISTRY_URL    # read by every node daemon (shared on purpose)

STATE_FILE=$TESTBED_DIR/testbed.properties
BED_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IMAGES_DIR=$(cd "$BED_DIR/../images" && pwd)

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

say()  { printf '[testbed] %s\n' "$*"; }
fail() { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }

node_dir()     { echo "$TESTBED_DIR/nodes/node$1"; }
node_ip()      { echo "$SUBNET_PREFIX.$1"; }
node_socket()  { echo "$(node_dir "$1")/docker.sock"; }
node_cgroup()  { echo "$BED_NAME-node$1"; }     # cgroup of the node's daemons, parent of its containers
INFRA_CGROUP=$BED_NAME-infra

# docker CLI aimed at one node's daemon (from the machine; tests go through SSH instead).
node_docker() { local n=$1; shift; DOCKER_HOST="unix://$(node_socket "$n")" DOCKER_CONFIG="$(node_dir "$n")/docker-config" docker "$@"; }

# A pid is alive when /proc/PID/status exists and is not a zombie (kill -0 counts zombies, see testbed.md).
pid_alive() {
  local pid=$1 state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  state=$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || return 1
  [[ -n $state && $state != Z && $state != X ]]
}

# The pid recorded in a pidfile is alive and runs the expected program (guards against reused pids).
pidfile_alive() {
  local file=$1 comm=$2 pid
  [[ -f $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  pid_alive "$pid" || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm"* ]]
}

# Runs "$@" every 0.1 s until it succeeds or $1 seconds have passed.
wait_until() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# Controllers of the machine's cgroup v1 hierarchy (cgroup2 "unified" has no named controller).
cgroup_roots() { awk '$3 == "cgroup" {print $2}' /proc/self/mounts; }

# Every pid in a cgroup subtree of the pids controller (daemons, shims and containers of one node).
cgroup_pids() {
  local dir=/sys/fs/cgroup/pids/$1
  [[ -d $dir ]] || return 0
  find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null
}

require_root_and_tools() {
  ((EUID == 0)) || fail "run as root"
  local tool
  for tool in ip unshare nsenter dockerd containerd docker sshd ssh ssh-keygen docker-registry htpasswd openssl rsyslogd busybox curl; do
    command -v "$tool" >/dev/null || fail "missing command '$tool' (see README.md for the Debian packages)"
  done
}

# Shared settings and helpers of the test bed scripts (sourced, never run).
# The bed: see README.md next to this file.
# shellcheck shell=bash disable=SC2034  # the settings are used by the scripts that source this file

BED_NAME=reemo-testbed
TESTBED_DIR=${TESTBED_DIR:-/var/tmp/reemo-testbed}
NODES=${NODES:-3}

SUBNET_PREFIX=10.199.0                 # every address of the bed is in 10.199.0.0/24
INFRA_IP=$SUBNET_PREFIX.100            # bridge, registry and slapd, in netns "infra"
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

# Every pid in a cgroup subtree of the pids controller (daemons, shims and containers of one node).
cgroup_pids() {
  local dir=/sys/fs/cgroup/pids/$1
  [[ -d $dir ]] || return 0
  find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null
}

# One bed script at a time (tests may call up.sh from parallel JVMs). A script called by another one
# (up.sh runs down.sh) inherits the lock. Processes that outlive the script must not inherit fd 9.
take_bed_lock() {
  [[ -n ${TESTBED_LOCK_HELD:-} ]] && return 0
  exec 9>"/run/$BED_NAME.lock"
  flock -w 300 9 || fail "another bed script still runs after 300 s (lock /run/$BED_NAME.lock)"
  export TESTBED_LOCK_HELD=1
}

# ---------------------------------------------------------------------------------------------------
# Processes: each group starts in a pids cgroup of its own, so that down.sh finds every process
# (daemons, shims, containers, SSH sessions) even when a pidfile is stale.

# spawn CGROUP LOG CMD...: starts CMD in the background, in a new session, in pids cgroup CGROUP,
# with a clean environment and its output in LOG; sets SPAWNED_PID (CMD's own pid: every step execs).
spawn() {
  local cgroup=$1 log=$2; shift 2
  mkdir -p "/sys/fs/cgroup/pids/$cgroup"
  (exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TESTBED_DIR="$TESTBED_DIR" \
    setsid sh -c 'echo $$ >"/sys/fs/cgroup/pids/$1/cgroup.procs" && shift && exec "$@"' sh "$cgroup" "$@") \
    >"$log" 2>&1 </dev/null 9>&- &
  SPAWNED_PID=$!
}

# SIGKILLs every process of a pids cgroup subtree until none is left. SIGKILL is enough: what the
# bed kills never outlives it (containers, daemons and their state are thrown away with it).
kill_cgroup_processes() {
  local cgroup=$1 round pids
  for ((round = 0; round < 50; round++)); do
    pids=$(cgroup_pids "$cgroup")
    [[ -z $pids ]] && return 0
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    sleep 0.1
  done
  fail "processes of cgroup $cgroup survive SIGKILL: $pids"
}

# Removes a cgroup from every hierarchy, sub-cgroups first (containers of a node live in
# <controller>/reemo-testbed-nodeN/<id>: its daemon's cgroup-parent).
remove_cgroup_dirs() {
  local cgroup=$1 root round
  for root in $(awk '$3 == "cgroup" || $3 == "cgroup2" {print $2}' /proc/self/mounts); do
    for ((round = 0; round < 20; round++)); do
      [[ -d $root/$cgroup ]] || break
      find "$root/$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null || sleep 0.1
    done
  done
}

# The node's netns, joined to the bridge in "infra" by a veth (eth0 in the node).
make_node_network() {
  local n=$1
  ip netns add "node$n"
  ip -n "node$n" link set lo up
  ip -n infra link add "node$n" type veth peer name eth0 netns "node$n"
  ip -n infra link set "node$n" master br0 up
  # A fixed MAC: after reset.sh reboots a node, the ARP caches of the machine and the other nodes
  # stay right (a new random MAC left the node unreachable for seconds).
  ip -n "node$n" link set eth0 address "$(printf '02:00:0a:c7:00:%02x' "$n")"
  ip -n "node$n" addr add "$(node_ip "$n")/24" dev eth0
  ip -n "node$n" link set eth0 up
}

# The node's own directories, as on a fresh server (what is there already stays).
prepare_node_dirs() {
  local dir
  dir=$(node_dir "$1")
  mkdir -p "$dir"/{docker,run/containerd,containerd,logs,opt-reemo,var-log,root,docker-config}
  chmod 700 "$dir/root"
  cp -a /etc/skel/. "$dir/root/"        # a plain root home: no profile of the machine's own root
  [[ -e $dir/var-log/syslog ]] || install -m 640 /dev/null "$dir/var-log/syslog"   # for tests that read it early
}

# Starts node-boot.sh in the node's namespaces; it returns once the node's daemons are launched.
boot_node() {
  local n=$1
  spawn "$(node_cgroup "$n")" "$(node_dir "$n")/logs/boot.log" \
    ip netns exec "node$n" unshare --uts -- "$BED_DIR/node-boot.sh" "$n"
}

docker_answers() { [[ $(curl -s --max-time 2 --unix-socket "$(node_socket "$1")" http://docker/_ping) == OK ]]; }
sshd_answers()   { timeout 2 bash -c "</dev/tcp/$(node_ip "$1")/22"; }

wait_for_node() {
  local n=$1 dir
  dir=$(node_dir "$n")
  wait_until 30 docker_answers "$n" || fail "node$n: dockerd does not answer (see $dir/logs/dockerd.log)"
  wait_until 10 sshd_answers "$n" || fail "node$n: sshd does not answer (see $dir/logs/sshd.log)"
}

# End-to-end check of every node, the way the product reaches it: SSH, then the docker CLI there.
check_node_over_ssh() {
  local n=$1 out
  out=$(ssh -F "$TESTBED_DIR/ssh/config" -o ConnectTimeout=5 -o BatchMode=yes "node$n" \
    'echo "$(hostname) $(docker info --format "{{.Name}} {{.Swarm.LocalNodeState}}")"' 2>&1) ||
    fail "node$n: SSH check failed: $out"
  [[ $out == "node$n node$n inactive" ]] || fail "node$n: unexpected answer over SSH: $out"
}

require_root_and_tools() {
  ((EUID == 0)) || fail "run as root"
  local tool
  for tool in ip unshare nsenter dockerd containerd docker sshd ssh ssh-keygen docker-registry htpasswd openssl rsyslogd busybox curl mmdebstrap \
    slapd slapadd slappasswd ldapwhoami ldapsearch prlimit; do
    command -v "$tool" >/dev/null || fail "missing command '$tool' (see README.md for the Debian packages)"
  done
}

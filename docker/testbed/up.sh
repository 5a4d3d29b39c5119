#!/usr/bin/env bash
# Brings up the test bed (see README.md), or checks that it is already up and exits at once.
#   NODES=3 (default)  number of nodes
#   TESTBED_DIR        state dir, default /var/tmp/reemo-testbed; testbed.properties there means "bed up"
set -Eeuo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source-path=SCRIPTDIR source=images.sh
source "$BED_DIR/images.sh"
# shellcheck source-path=SCRIPTDIR source=ldap.sh
source "$BED_DIR/ldap.sh"

# ---------------------------------------------------------------------------------------------------
# Is the bed already up?

# Quick check (no SSH, no Docker call): state file for the same node count, every daemon alive.
bed_is_up() {
  [[ -f $STATE_FILE ]] || return 1
  grep -qx "nodes=$NODES" "$STATE_FILE" || return 1
  grep -qx "images.fingerprint=$(images_fingerprint)" "$STATE_FILE" || return 1
  pidfile_alive "$TESTBED_DIR/registry/registry.pid" docker-registry || return 1
  pidfile_alive "$LDAP_DIR/slapd.pid" slapd || return 1
  local n dir
  for ((n = 1; n <= NODES; n++)); do
    dir=$(node_dir "$n")
    [[ -e /run/netns/node$n ]] || return 1
    pidfile_alive "$dir/run/rsyslogd.pid" rsyslogd || return 1
    pidfile_alive "$dir/run/containerd.pid" containerd || return 1
    pidfile_alive "$dir/run/dockerd.pid" dockerd || return 1
    pidfile_alive "$dir/run/sshd.pid" sshd || return 1
    node_mounts_intact "$n" || return 1
  done
}

# The node's own /dev/log and /opt/reemo, seen through its dockerd's root (its mount namespace), are
# still the node's files. A syslog daemon started on the machine replaces /dev/log and thereby
# detaches the nodes' bind mounts on it.
node_mounts_intact() {
  local dir pid
  dir=$(node_dir "$1")
  pid=$(tr -dc '0-9' <"$dir/run/dockerd.pid")
  [[ $(stat -L -c %d:%i "/proc/$pid/root/dev/log") == $(stat -c %d:%i "$dir/run/dev-log") ]] &&
    [[ $(stat -L -c %d:%i "/proc/$pid/root/opt/reemo") == $(stat -c %d:%i "$dir/opt-reemo") ]]
}

bed_remnants_exist() {
  [[ -e $TESTBED_DIR || -e /run/netns/infra ]] && return 0
  compgen -G "/run/netns/node*" >/dev/null && return 0
  ip link show "$HOST_VETH" >/dev/null 2>&1 && return 0
  compgen -G "/sys/fs/cgroup/pids/$BED_NAME-*" >/dev/null
}

# ---------------------------------------------------------------------------------------------------
# State dir, keys, credentials

prepare_state_dir() {
  mkdir -p "$TESTBED_DIR"/{ssh,ca,registry/data,build,machine}
  chmod 700 "$TESTBED_DIR"
  # Saved before entering any netns: `ip netns exec` hides them (node-boot.sh mounts them again).
  grep ' /sys/fs/cgroup' /proc/self/mounts >"$TESTBED_DIR/cgroup-mounts"
  mkdir -p /run/sshd
  if [[ ! -e /opt/reemo ]]; then
    mkdir -p /opt/reemo
    touch "$TESTBED_DIR/machine/created-opt-reemo"   # down.sh removes it again
  fi
  # Each node binds its own syslog socket over /dev/log; a bind mount needs an existing file there.
  # A regular empty file is the bed's placeholder (a real syslog daemon would put a socket there).
  [[ -e /dev/log ]] || touch /dev/log
}

make_ssh_client_key() {
  rm -f "$TESTBED_DIR"/ssh/id_ed25519{,.pub}     # ssh-keygen would stop to ask "Overwrite?"
  ssh-keygen -q -t ed25519 -N '' -C reemo-testbed-client -f "$TESTBED_DIR/ssh/id_ed25519" </dev/null
  cp "$TESTBED_DIR/ssh/id_ed25519.pub" "$TESTBED_DIR/ssh/authorized_keys"
}

# A CA of the bed and the registry's certificate for 10.199.0.100 (an IP SAN: there is no DNS).
make_registry_certificate() {
  local ca=$TESTBED_DIR/ca
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=reemo test bed CA" -keyout "$ca/ca.key" -out "$ca/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=$INFRA_IP" -keyout "$ca/registry.key" -out "$ca/registry.csr" 2>/dev/null
  openssl x509 -req -in "$ca/registry.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" -CAcreateserial \
    -days 825 -out "$ca/registry.crt" -extfile <(printf '%s\n' \
      "subjectAltName=IP:$INFRA_IP" "basicConstraints=CA:FALSE" \
      "keyUsage=critical,digitalSignature,keyAgreement" "extendedKeyUsage=serverAuth") 2>/dev/null
  mkdir -p "$CERTS_D"
  cp "$ca/ca.crt" "$CERTS_D/ca.crt"
}

# The password is generated once per bed and kept in the state dir.
make_registry_credentials() {
  local file=$TESTBED_DIR/registry/password
  [[ -s $file ]] || (umask 077 && openssl rand -hex 16 >"$file")
  # distribution 2.8 accepts bcrypt entries only (-B)
  htpasswd -B -b -c "$TESTBED_DIR/registry/htpasswd" "$REGISTRY_USER" "$(cat "$file")" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------------
# Network: bridge in netns "infra" (a bridge in the machine's netns would go through its FORWARD
# chain, which a running dockerd sets to DROP), the machine and every node joined to it by a veth.
# No default route anywhere: the nodes reach nothing but 10.199.0.0/24.

make_network() {
  ip netns add infra
  ip -n infra link set lo up
  ip -n infra link add br0 type bridge forward_delay 0
  # A fixed MAC: otherwise the bridge takes the lowest MAC of its ports, which changes when reset.sh
  # re-creates a node's veth, and the machine could not reach the registry until its ARP entry aged out.
  ip -n infra link set br0 address 02:00:0a:c7:00:64
  ip -n infra addr add "$INFRA_IP/24" dev br0
  ip -n infra link set br0 up
  ip link add "$HOST_VETH" type veth peer name machine netns infra
  ip -n infra link set machine master br0 up
  ip addr add "$HOST_IP/24" dev "$HOST_VETH"
  ip link set "$HOST_VETH" up
  local n
  for ((n = 1; n <= NODES; n++)); do make_node_network "$n"; done
}

start_registry() {
  local reg=$TESTBED_DIR/registry
  cat >"$reg/config.yml" <<EOF
# The vendor registry's stand-in (distribution 2.8), in netns infra. Written by up.sh.
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $reg/data
  delete:
    enabled: true
http:
  addr: $REGISTRY_URL
  secret: $(openssl rand -hex 16)
  tls:
    certificate: $TESTBED_DIR/ca/registry.crt
    key: $TESTBED_DIR/ca/registry.key
auth:
  htpasswd:
    realm: reemo-testbed
    path: $reg/htpasswd
EOF
  spawn "$INFRA_CGROUP" "$reg/registry.log" ip netns exec infra docker-registry serve "$reg/config.yml"
  echo "$SPAWNED_PID" >"$reg/registry.pid"
}

registry_answers() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$TESTBED_DIR/ca/ca.crt" "https://$REGISTRY_URL/v2/")
  [[ $code == 401 ]]     # up, and asking for credentials
}

# ---------------------------------------------------------------------------------------------------
# Nodes

configure_node() {
  local n=$1 dir
  dir=$(node_dir "$n")
  prepare_node_dirs "$n"
  mkdir -p "$dir/ssh"
  ssh-keygen -q -t ed25519 -N '' -C "node$n" -f "$dir/ssh/host_ed25519" </dev/null

  cat >"$dir/containerd.toml" <<EOF
# containerd of node$n: own root, state and sockets, so that its dockerd never shares another's.
version = 2
root = "$dir/containerd"
state = "$dir/run/containerd"
disabled_plugins = ["io.containerd.grpc.v1.cri", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]
[grpc]
  address = "$dir/run/containerd/containerd.sock"
[ttrpc]
  address = "$dir/run/containerd/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$dir/containerd/opt"
EOF

  # deprecated-key-path gives each engine its own ID; cgroup-parent puts its containers under the
  # node's cgroup (cgroupfs driver: PID 1 is no systemd).
  cat >"$dir/daemon.json" <<EOF
{
  "data-root": "$dir/docker",
  "exec-root": "$dir/run/docker",
  "pidfile": "$dir/run/docker.pid",
  "hosts": ["unix://$dir/docker.sock"],
  "containerd": "$dir/run/containerd/containerd.sock",
  "deprecated-key-path": "$dir/key.json",
  "cgroup-parent": "/$(node_cgroup "$n")",
  "exec-opts": ["native.cgroupdriver=cgroupfs"],
  "storage-driver": "overlay2"
}
EOF

  # Paths are absolute: sshd re-executes itself from /.
  cat >"$dir/sshd_config" <<EOF
# sshd of node$n. Written by up.sh.
ListenAddress $(node_ip "$n"):22
HostKey $dir/ssh/host_ed25519
PidFile none
AuthorizedKeysFile $TESTBED_DIR/ssh/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
# Each pooled Docker connection over SSH holds one session channel (default limit 10).
MaxSessions 100
MaxStartups 100:30:200
# The docker CLI of an SSH session (and so "docker system dial-stdio") reaches this node's daemon.
SetEnv DOCKER_HOST=unix://$dir/docker.sock DOCKER_CONFIG=$dir/docker-config PATH=/usr/bin:/bin:/usr/sbin:/sbin
Subsystem sftp internal-sftp
LogLevel INFO
EOF

  # Like Debian's default rsyslog.conf, without the kernel log (the machine's, not the node's).
  cat >"$dir/rsyslog.conf" <<EOF
# rsyslogd of node$n. Runs in the node's mount namespace, where /var/log is the node's own.
global(workDirectory="$dir/run")
module(load="imuxsock" SysSock.Name="$dir/run/dev-log" SysSock.RateLimit.Interval="0")
\$FileOwner root
\$FileGroup adm
\$FileCreateMode 0640
*.*;auth,authpriv.none  -/var/log/syslog
auth,authpriv.*         /var/log/auth.log
EOF
}

# The client files: known_hosts pins every node's key, config names the nodes (ssh -F ... node2).
write_ssh_client_files() {
  local ssh=$TESTBED_DIR/ssh n
  : >"$ssh/known_hosts"
  for ((n = 1; n <= NODES; n++)); do
    printf '%s %s\n' "$(node_ip "$n")" "$(cut -d' ' -f1,2 "$(node_dir "$n")/ssh/host_ed25519.pub")" >>"$ssh/known_hosts"
  done
  {
    for ((n = 1; n <= NODES; n++)); do printf 'Host node%s\n  HostName %s\n' "$n" "$(node_ip "$n")"; done
    printf '%s\n' "Host *" "  User root" "  IdentityFile $ssh/id_ed25519" "  IdentitiesOnly yes" \
      "  UserKnownHostsFile $ssh/known_hosts" "  StrictHostKeyChecking yes" "  LogLevel ERROR"
  } >"$ssh/config"
}

# ---------------------------------------------------------------------------------------------------
# State file: written last, atomically; its presence means "bed up".

versions_of_set() {
  catalog_entries | awk -v set="$1" '$3 == set {printf "%s%s:%s", sep, $1, $2; sep = ","}'
}

write_state_file() {
  local tmp=$STATE_FILE.tmp n dir
  {
    echo "# reemo test bed, written by docker/testbed/up.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nodes=$NODES"
    for ((n = 1; n <= NODES; n++)); do
      dir=$(node_dir "$n")
      echo "node$n.address=$(node_ip "$n")"
      echo "node$n.port=22"
      echo "node$n.user=root"
      echo "node$n.hostname=node$n"
      echo "node$n.hostKeySha256=$(ssh-keygen -l -E sha256 -f "$dir/ssh/host_ed25519.pub" | awk '{print $2}')"
      echo "# the node's /opt/reemo and /var/log/syslog seen from the machine (for test assertions)"
      echo "node$n.optReemoDir=$dir/opt-reemo"
      echo "node$n.syslogFile=$dir/var-log/syslog"
    done
    echo "ssh.privateKey=$TESTBED_DIR/ssh/id_ed25519"
    echo "ssh.knownHosts=$TESTBED_DIR/ssh/known_hosts"
    echo "ssh.config=$TESTBED_DIR/ssh/config"
    echo "registry.url=$REGISTRY_URL"
    echo "registry.env=$REGISTRY_ENV"
    echo "registry.username=$REGISTRY_USER"
    echo "registry.password=$(cat "$TESTBED_DIR/registry/password")"
    echo "registry.caCert=$TESTBED_DIR/ca/ca.crt"
    ldap_state_lines
    echo "images.defaultVersions=$(versions_of_set default)"
    echo "images.updateVersions=$(versions_of_set update)"
    echo "images.brokenVersions=$(versions_of_set broken)"
    echo "images.extra=$(versions_of_set update),$(versions_of_set broken)"
    echo "images.fingerprint=$(images_fingerprint)"
  } >"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" "$STATE_FILE"
}

# ---------------------------------------------------------------------------------------------------

main() {
  require_root_and_tools
  take_bed_lock
  [[ $NODES =~ ^[1-9][0-9]?$ ]] || fail "NODES must be 1..99 (got '$NODES')"
  if bed_is_up; then
    say "bed already up: $NODES nodes, state in $STATE_FILE"
    exit 0
  fi
  if bed_remnants_exist; then
    say "found an incomplete or outdated bed (a daemon or mount gone, another node count, changed docker/images): tearing it down first"
    "$BED_DIR/down.sh"
  fi

  trap 'fail "up.sh stopped at line $LINENO; logs are under $TESTBED_DIR (up.sh again starts over)"' ERR
  local start=$SECONDS n
  local -a boots=()
  say "bringing up the bed: $NODES nodes, state in $TESTBED_DIR"
  prepare_state_dir
  make_ssh_client_key
  make_registry_certificate
  make_registry_credentials
  make_network
  start_registry
  make_ldap_directory
  start_ldap
  for ((n = 1; n <= NODES; n++)); do
    configure_node "$n"
    boot_node "$n"
    boots+=("$SPAWNED_PID")
  done
  for n in "${!boots[@]}"; do
    wait "${boots[$n]}" || fail "node$((n + 1)): boot failed (see $(node_dir $((n + 1)))/logs/boot.log)"
  done
  wait_until 10 registry_answers || fail "the registry does not answer (see $TESTBED_DIR/registry/registry.log)"
  wait_until 10 ldap_answers || fail "slapd does not answer (see $LDAP_DIR/slapd.log)"
  check_ldap
  wait_for_node 1
  say "daemons started ($((SECONDS - start)) s); building the stand-in images on node1"
  build_push_and_remove_images
  for ((n = 2; n <= NODES; n++)); do wait_for_node "$n"; done
  write_ssh_client_files
  local -a checks=()
  for ((n = 1; n <= NODES; n++)); do
    check_node_over_ssh "$n" &
    checks+=($!)
  done
  for n in "${checks[@]}"; do wait "$n" || exit 1; done
  write_state_file
  say "bed up in $((SECONDS - start)) s: $STATE_FILE"
}

main "$@"

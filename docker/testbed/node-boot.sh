#!/usr/bin/env bash
# Boots one node of the bed. up.sh (and reset.sh, to reboot a node) runs it as
#     ip netns exec nodeN unshare --uts -- node-boot.sh N
# so it starts in the node's network namespace, a new UTS namespace (own hostname) and, thanks to
# `ip netns exec`, a mount namespace of its own whose mounts never reach the machine. Every daemon
# started here (rsyslogd, containerd, dockerd, sshd) inherits all three, so they share the node's
# view of the filesystem: its own /opt/reemo, /var/log, /root and /dev/log, like a real server.
# Everything the script needs was written by up.sh in the node's directory.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

n=$1
dir=$(node_dir "$n")

set_hostname() { hostname "node$n"; }

# `ip netns exec` mounts a fresh /sys, on which /sys/fs/cgroup is empty; dockerd then dies with
# "Devices cgroup isn't mounted". up.sh saved the machine's cgroup mounts: mount them again here.
replay_cgroup_mounts() {
  local src target fstype opts _
  while read -r src target fstype opts _; do
    mkdir -p "$target"
    mount -t "$fstype" -o "$opts" "$src" "$target"
  done <"$TESTBED_DIR/cgroup-mounts"
}

# Per-node copies of the directories that differ from server to server.
give_node_its_own_dirs() {
  mount --bind "$dir/opt-reemo" /opt/reemo
  mount --bind "$dir/var-log" /var/log
  mount --bind "$dir/root" /root
}

# Starts a daemon in the background, its output in logs/NAME.log, its pid in run/NAME.pid.
start_daemon() {
  local name=$1; shift
  "$@" >"$dir/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/run/$name.pid"
}

# The node's syslog: containers using Docker's syslog log driver write to /dev/log. rsyslogd creates its
# socket in the node directory; binding it over /dev/log (a placeholder file up.sh made if the machine
# had none) gives this node alone that socket. Lines land in the node's /var/log/syslog.
start_rsyslogd() {
  rm -f "$dir/run/dev-log"
  start_daemon rsyslogd rsyslogd -n -f "$dir/rsyslog.conf" -i NONE
  wait_until 5 test -S "$dir/run/dev-log" || fail "node$n: rsyslogd did not create its socket (see $dir/logs/rsyslogd.log)"
  mount --bind "$dir/run/dev-log" /dev/log
}

start_containerd() { start_daemon containerd containerd --config "$dir/containerd.toml"; }
start_dockerd()    { start_daemon dockerd dockerd --config-file "$dir/daemon.json"; }
start_sshd()       { mkdir -p /run/sshd; start_daemon sshd /usr/sbin/sshd -D -e -f "$dir/sshd_config"; }

set_hostname
replay_cgroup_mounts
give_node_its_own_dirs
start_rsyslogd
start_containerd
start_dockerd
start_sshd

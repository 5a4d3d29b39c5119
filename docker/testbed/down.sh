#!/usr/bin/env bash
# Tears the test bed down: every process, cgroup, namespace, veth and file it made. Idempotent.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Names of the bed's cgroups, in any hierarchy: reemo-testbed-infra, reemo-testbed-nodeN.
bed_cgroups() {
  local dir
  for dir in /sys/fs/cgroup/*/"$BED_NAME"-*; do [[ -d $dir ]] && basename "$dir"; done | sort -u
}

# Every process of the bed sits in one of its pids cgroups: daemons, containerd shims, containers,
# SSH sessions, the registry, slapd. Pidfiles are only a fallback, for a process that left its cgroup.
kill_bed_processes() {
  local file comm cgroup
  for file in "$TESTBED_DIR"/nodes/node*/run/*.pid "$TESTBED_DIR"/registry/registry.pid "$TESTBED_DIR"/ldap/slapd.pid; do
    comm=$(basename "$file" .pid)          # dockerd.pid holds dockerd, registry.pid docker-registry...
    [[ $comm == registry ]] && comm=docker-registry
    if pidfile_alive "$file" "$comm"; then kill -KILL "$(tr -dc '0-9' <"$file")" 2>/dev/null || true; fi
  done
  for cgroup in $(bed_cgroups); do kill_cgroup_processes "$cgroup"; done
}

remove_bed_cgroups() {
  local cgroup
  for cgroup in $(bed_cgroups); do remove_cgroup_dirs "$cgroup"; done
}

remove_network() {
  local ns
  for ns in $(ip netns list | awk '$1 ~ /^(infra|node[0-9]+)$/ {print $1}'); do
    ip netns del "$ns"
  done
  if ip link show "$HOST_VETH" >/dev/null 2>&1; then ip link del "$HOST_VETH"; fi
}

# The node mounts lived in the nodes' mount namespaces and went with their processes; this only
# catches what a crash could have left in the machine's namespace.
unmount_leftovers() {
  local target
  for target in $(awk -v dir="$TESTBED_DIR" 'index($2, dir) == 1 {print $2}' /proc/self/mounts | sort -r); do
    umount -l "$target" 2>/dev/null || true
  done
}

remove_machine_files() {
  rm -rf "$CERTS_D"
  rmdir /etc/docker/certs.d 2>/dev/null || true
  # The node containerds put their shim sockets in /run/containerd/s (gone now): drop the empty dirs.
  rmdir /run/containerd/s /run/containerd 2>/dev/null || true
  # /dev/log as a regular empty file is the bed's placeholder (see up.sh), never a syslog socket.
  if [[ -f /dev/log && ! -s /dev/log ]]; then rm -f /dev/log; fi
  if [[ -f $TESTBED_DIR/machine/created-opt-reemo ]]; then rmdir /opt/reemo 2>/dev/null || true; fi
  rm -rf "$TESTBED_DIR"
}

main() {
  ((EUID == 0)) || fail "run as root"
  take_bed_lock
  local start=$SECONDS
  kill_bed_processes
  remove_bed_cgroups
  remove_network
  unmount_leftovers
  remove_machine_files
  say "bed down ($((SECONDS - start)) s)"
}

main "$@"

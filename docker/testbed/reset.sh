#!/usr/bin/env bash
# Puts every node of a running bed back to its starting state, without rebuilding the bed: no swarm,
# containers, services, secrets, configs, networks, volumes or images, no registry login, an empty
# /opt/reemo and /var/log, a fresh root home. The registry, the directory (slapd: nobody can write
# to it), the keys and the engine IDs stay.
#
# A node whose Docker holds anything is rebooted: its processes are killed, its Docker state wiped
# and its daemons started again in a new netns (same address, host key and engine ID). That takes
# 2-3 s whatever the node held; `docker swarm leave --force` alone took 2 to 25 s here (raft and
# gossip timeouts when managers leave together). SSH connections to a rebooted node are cut.
# A node that is already clean only gets its files emptied.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

nodes_of_bed() { sed -n 's/^nodes=//p' "$STATE_FILE"; }

# docker CLI on a node's daemon, given 5 s at most.
node_docker_5s() {
  local n=$1; shift
  DOCKER_HOST="unix://$(node_socket "$n")" DOCKER_CONFIG="$(node_dir "$n")/docker-config" timeout 5 docker "$@"
}

# Whether a node's Docker holds nothing (a daemon that does not answer in time holds "something").
docker_is_empty() {
  local n=$1
  [[ $(node_docker_5s "$n" info --format '{{.Swarm.LocalNodeState}} {{.Containers}} {{.Images}}' 2>/dev/null) == "inactive 0 0" ]] &&
    [[ -z $(node_docker_5s "$n" volume ls -q) ]] &&
    [[ $(node_docker_5s "$n" network ls -q | wc -l) -eq 3 ]]     # bridge, host, none
}

empty_node_files() {
  local dir
  dir=$(node_dir "$1")
  find "$dir/opt-reemo" "$dir/docker-config" "$dir/root" -mindepth 1 -delete
  # rsyslogd keeps its files open in append mode: truncating them in place is safe.
  find "$dir/var-log" -type f -exec truncate -s 0 {} +
}

reboot_node() {
  local n=$1 dir
  dir=$(node_dir "$n")
  kill_cgroup_processes "$(node_cgroup "$n")"
  remove_cgroup_dirs "$(node_cgroup "$n")"
  ip -n infra link del "node$n" 2>/dev/null || true       # the veth pair, both ends
  ip netns del "node$n"
  # The node's mount namespace went with its processes, and its mounts with it.
  rm -rf "$dir"/{docker,run,containerd,docker-config,opt-reemo,var-log,root}
  prepare_node_dirs "$n"
  make_node_network "$n"
  boot_node "$n"
  wait "$SPAWNED_PID" || fail "node$n: boot failed (see $dir/logs/boot.log)"
  wait_for_node "$n"
  check_node_over_ssh "$n"
}

# Two passes: first find the nodes with Docker objects (all of them before any reboot: a swarm
# manager whose peers are gone answers only after long timeouts), then reset every node.
reset_all_nodes() {
  local nodes=$1 n failed=0
  local -a jobs=() dirty=()
  for ((n = 1; n <= nodes; n++)); do
    docker_is_empty "$n" &
    jobs[n]=$!
  done
  for ((n = 1; n <= nodes; n++)); do
    if wait "${jobs[n]}"; then dirty[n]=0; else dirty[n]=1; fi
  done
  for ((n = 1; n <= nodes; n++)); do
    if ((dirty[n])); then
      (reboot_node "$n" && say "node$n rebooted") &
    else
      (empty_node_files "$n" && prepare_node_dirs "$n") &
    fi
    jobs[n]=$!
  done
  for ((n = 1; n <= nodes; n++)); do wait "${jobs[n]}" || failed=1; done
  ((failed == 0)) || fail "reset failed on at least one node (see above); down.sh then up.sh rebuilds the bed"
  for ((n = 1; n <= nodes; n++)); do
    docker_is_empty "$n" || fail "node$n still holds Docker objects after the reset"
  done
}

main() {
  ((EUID == 0)) || fail "run as root"
  take_bed_lock
  [[ -f $STATE_FILE ]] || fail "no bed is up ($STATE_FILE missing): run up.sh"
  local start=$SECONDS nodes
  nodes=$(nodes_of_bed)
  reset_all_nodes "$nodes"
  say "bed reset: $nodes clean nodes ($((SECONDS - start)) s)"
}

main "$@"

#!/usr/bin/env bash
# Rebuilds stand-in images from this checkout's docker/images and pushes them into the RUNNING bed's
# registry, without rebuilding the bed (e.g. after changing one component). node1 builds them, as for
# up.sh, and must hold nothing: run reset.sh first, and only while no test uses the bed.
#   push-images.sh [COMPONENT...]    default: every image of the catalog
# The state file keeps its images.fingerprint: it still names the docker/images the bed was built from.
set -Eeuo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source-path=SCRIPTDIR source=images.sh
source "$BED_DIR/images.sh"

main() {
  require_root_and_tools
  take_bed_lock
  [[ -f $STATE_FILE ]] || fail "no bed is up ($STATE_FILE is missing): up.sh builds every image"
  [[ $(node_docker 1 info --format '{{.Containers}} {{.Images}}') == "0 0" ]] ||
    fail "node1 holds containers or images: run reset.sh first"
  local start=$SECONDS
  build_push_and_remove_images "$@"
  say "pushed in $((SECONDS - start)) s"
}

main "$@"

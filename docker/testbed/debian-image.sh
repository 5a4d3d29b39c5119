#!/usr/bin/env bash
# Builds the root filesystem of a Debian-based stand-in image, as a tar that `docker import` takes, and
# prints its path. Nothing can be pulled from a Docker registry here, but Debian's archive is reachable:
# mmdebstrap installs the packages from this machine's own apt sources (its mirror and suite).
#
#   debian-image.sh NAME PACKAGE...
#
# The tar is cached in $DEBIAN_IMAGE_CACHE (default /var/cache/reemo-testbed, which down.sh leaves alone)
# as NAME-HASH.tar, HASH covering everything that makes it: the suite, the apt sources, the packages and
# this script. A cached tar is reused across bed rebuilds; making a new one removes NAME's older ones.
# Cold, it takes a minute or two (downloads and dpkg); warm, nothing.
set -Eeuo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CACHE=${DEBIAN_IMAGE_CACHE:-/var/cache/reemo-testbed}

# The machine's apt sources, each file given to mmdebstrap as a "mirror" (pasted into the image's sources).
apt_sources() {
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -s $file ]] && grep -qv '^[[:space:]]*\(#\|$\)' "$file" && echo "$file"
  done
  return 0
}

# Documentation, manuals, translations and charset converters: nothing a stand-in reads.
DPKG_EXCLUDES=('/usr/share/doc/*' '/usr/share/man/*' '/usr/share/info/*' '/usr/share/locale/*' '/usr/lib/*/gconv/*')

# build NAME SUITE TAR PACKAGE...  (the apt sources in the global SOURCES)
build() {
  local name=$1 suite=$2 tar=$3; shift 3
  local -a options=()
  local exclude
  for exclude in "${DPKG_EXCLUDES[@]}"; do options+=(--dpkgopt="path-exclude=$exclude"); done
  # merged-usr: Debian's layout, set up by mmdebstrap's own hook (the usrmerge package would pull in perl).
  # /etc/resolv.conf and /etc/hostname are the machine's: Docker provides a container's own.
  mmdebstrap --quiet --mode=root --variant=essential --format=tar \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --include="$(IFS=,; echo "$*")" "${options[@]}" \
    --customize-hook='rm -f "$1/etc/resolv.conf" "$1/etc/hostname"' \
    "$suite" "$tar.partial" "${SOURCES[@]}" >"$CACHE/$name.log" 2>&1 ||
    fail "mmdebstrap could not build the $name image (packages: $*): see $CACHE/$name.log"
  mv "$tar.partial" "$tar"
}

main() {
  (($# >= 2)) || fail "usage: $0 NAME PACKAGE..."
  ((EUID == 0)) || fail "run as root (mmdebstrap --mode=root)"
  command -v mmdebstrap >/dev/null || fail "missing command 'mmdebstrap' (docker/install-deps.sh installs it)"
  local name=$1; shift
  [[ $name =~ ^[a-z0-9-]+$ ]] || fail "image name '$name': lowercase letters, digits and '-' only"
  mapfile -t SOURCES < <(apt_sources)
  ((${#SOURCES[@]})) || fail "no apt sources in /etc/apt: mmdebstrap needs a Debian mirror"
  local suite hash tar
  # shellcheck source=/dev/null
  suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
  hash=$({ echo "$suite"; printf '%s\n' "$@" | sort -u; cat "${BASH_SOURCE[0]}" "${SOURCES[@]}"; } | sha256sum | cut -c1-16)
  tar=$CACHE/$name-$hash.tar
  mkdir -p "$CACHE"
  exec 8>"$CACHE/$name.lock"        # one build per name at a time; a second caller then finds the tar
  flock -w 600 8 || fail "another build of the $name image still runs after 600 s"
  if [[ ! -f $tar ]]; then
    local start=$SECONDS
    say "building the Debian root filesystem of $name with mmdebstrap ($suite: $*)" >&2
    build "$name" "$suite" "$tar" "$@"
    find "$CACHE" -maxdepth 1 -name "$name-*.tar*" ! -name "$(basename "$tar")" -delete
    say "$name: $(du -h "$tar" | cut -f1) in $((SECONDS - start)) s, cached as $tar" >&2
  fi
  echo "$tar"
}

main "$@"

# Stand-in images, from docker/images (see its Dockerfile and catalog): built on node1's daemon, pushed
# to the bed's registry, then removed from node1. Sourced by up.sh and push-images.sh (never run).
# shellcheck shell=bash

CATALOG=$IMAGES_DIR/catalog

# Changes with any file under docker/images (content or mode) or with the Debian image builder: the
# registry then holds stale images.
images_fingerprint() {
  {
    (cd "$IMAGES_DIR" && find . \( -type f -o -type l \) -printf '%p %m %l\n' -exec cat {} +)
    cat "$BED_DIR/debian-image.sh"
  } | sha256sum | cut -c1-16
}

catalog_entries() { grep -v '^[[:space:]]*#' "$CATALOG" | awk 'NF >= 3 {print $1, $2, $3}'; }
upper() { tr '[:lower:]' '[:upper:]' <<<"$1"; }

# base/ of the build context: the same for every image.
assemble_base_context() {
  local base=$TESTBED_DIR/build/context/base applet
  rm -rf "$TESTBED_DIR/build/context"
  mkdir -p "$base/bin" "$base/tmp"
  chmod 1777 "$base/tmp"
  cp -a "$IMAGES_DIR/base/." "$base/"
  cp "$(readlink -f "$(command -v busybox)")" "$base/bin/busybox"
  for applet in $(grep -v '^#' "$IMAGES_DIR/applets"); do ln -s busybox "$base/bin/$applet"; done
  cp "$IMAGES_DIR/Dockerfile" "$TESTBED_DIR/build/context/Dockerfile"
}

# component/ of the build context: templates/ then components/<name>/ (symlinks followed), with
# @COMPONENT@, @VERSION@ and @VERSION_<NAME>@ replaced. @VERSION_<NAME>@ is this image's version for
# its own component and the default version for any other (e.g. in the healthcheck JSON).
assemble_component_context() {
  local component=$1 version=$2 set=$3
  local out=$TESTBED_DIR/build/context/component sed_script
  rm -rf "$out"
  mkdir -p "$out/standin"
  cp -RL "$IMAGES_DIR/templates/." "$out/"
  [[ -d $IMAGES_DIR/components/$component ]] && cp -RL "$IMAGES_DIR/components/$component/." "$out/"
  printf 'COMPONENT=%s\nVERSION=%s\nSET=%s\n' "$component" "$version" "$set" >"$out/standin/identity"
  sed_script="s|@COMPONENT@|$component|g; s|@VERSION@|$version|g; s|@VERSION_$(upper "$component")@|$version|g;"
  local c v s
  while read -r c v s; do
    [[ $s == default ]] && sed_script+=" s|@VERSION_$(upper "$c")@|$v|g;"
  done < <(catalog_entries)
  find "$out" -type f -exec sed -i "$sed_script" {} +
}

image_tag() { echo "$REGISTRY_URL/$REGISTRY_ENV$1:$2"; }

# A component with components/<name>/debian-packages is built from its own Dockerfile on a Debian root
# filesystem (debian-image.sh, cached on the machine), imported into node1's daemon once per run as
# reemo-debian-<name>:<hash>; prints that image's name.
import_debian_base() {
  local component=$1 tar base
  # shellcheck disable=SC2046  # one package per word
  tar=$("$BED_DIR/debian-image.sh" "$component" $(grep -v '^[[:space:]]*#' "$IMAGES_DIR/components/$component/debian-packages")) ||
    fail "no Debian root filesystem for $component (see above)"
  base=reemo-debian-$component:$(basename "$tar" .tar | sed "s/^$component-//")
  if ! docker image inspect "$base" >/dev/null 2>&1; then
    docker import "$tar" "$base" >/dev/null || fail "docker import of $tar failed"
  fi
  echo "$base"
}

build_image() {
  local component=$1 tag=$2 context=$TESTBED_DIR/build/context base
  local -a build=(docker build -q -t "$tag")
  if [[ -f $IMAGES_DIR/components/$component/debian-packages ]]; then
    base=$(import_debian_base "$component")
    build+=(--build-arg "BASE=$base" -f "$context/component/Dockerfile")
  fi
  "${build[@]}" "$context" >/dev/null 2>"$TESTBED_DIR/build/last-build.log" ||
    fail "building $tag failed: $(cat "$TESTBED_DIR/build/last-build.log")"
}

# build_push_and_remove_images [COMPONENT...]: the catalog's images (of these components only, if named).
build_push_and_remove_images() {
  # The build uses a docker config of its own: node1 must start without any registry login.
  DOCKER_HOST="unix://$(node_socket 1)"
  export DOCKER_HOST DOCKER_CONFIG=$TESTBED_DIR/build/docker-config
  export DOCKER_BUILDKIT=0              # engine 20.10 without buildx: the classic builder
  local -a tags=()
  local component version set tag
  assemble_base_context
  while read -r component version set; do
    (($# == 0)) || [[ " $* " == *" $component "* ]] || continue
    tag=$(image_tag "$component" "$version")
    assemble_component_context "$component" "$version" "$set"
    build_image "$component" "$tag"
    tags+=("$tag")
  done < <(catalog_entries)
  ((${#tags[@]})) || fail "no image of the catalog belongs to: $*"
  say "built ${#tags[@]} stand-in images, pushing them"
  docker login -u "$REGISTRY_USER" --password-stdin "$REGISTRY_URL" <"$TESTBED_DIR/registry/password" >/dev/null 2>&1 ||
    fail "docker login to $REGISTRY_URL failed"
  printf '%s\n' "${tags[@]}" | xargs -P 4 -I{} docker push -q {} >"$TESTBED_DIR/build/push.log" 2>&1 ||
    fail "pushing images failed (see $TESTBED_DIR/build/push.log)"
  # Nodes start empty, so that a deployment really pulls.
  docker rmi "${tags[@]}" >/dev/null
  docker image prune -a -f >/dev/null
  [[ -z $(docker images -aq) ]] || fail "node1 still holds images after the build"
  unset DOCKER_HOST DOCKER_CONFIG DOCKER_BUILDKIT
}

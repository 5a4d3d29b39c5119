#!/usr/bin/env bash
# Installs, from Debian's packages, what the console and its tests need and this machine lacks.
# Quick when everything is there: nothing is downloaded then.
set -euo pipefail

packages=(
  openjdk-17-jdk-headless curl unzip                       # build and run the console (mvnw fetches Maven)
  docker.io containerd runc busybox-static                 # test bed nodes and stand-in images
  mmdebstrap                                               # Debian-based stand-in images (docker/testbed/debian-image.sh)
  python3-yaml                                             # the Traefik stand-in's translator, run by TraefikStandInTest
  openssh-server openssh-client                            # sshd on every test node, ssh-keygen
  docker-registry apache2-utils openssl                    # the TLS registry with htpasswd auth
  iproute2 iptables util-linux rsyslog procps              # namespaces, veths, syslog for the log driver
  chromium chromium-driver                                 # browser tests (Selenium never downloads a driver)
  ansible                                                  # inventory round-trip tests (ansible-inventory), the
  python3-docker                                           # role-like install (docker/testbed/role-like) and its docker modules
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

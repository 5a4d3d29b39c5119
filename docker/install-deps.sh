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
  slapd ldap-utils                                         # the bed's OpenLDAP directory (docker/testbed/ldap.sh)
  iproute2 iptables util-linux rsyslog procps              # namespaces, veths, syslog for the log driver
  chromium chromium-driver                                 # browser tests (Selenium never downloads a driver)
  ansible                                                  # inventory round-trip tests (ansible-inventory), the
  python3-docker                                           # role-like install (docker/testbed/role-like) and its docker modules
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
slapd_missing=false
[[ " ${missing[*]} " == *" slapd "* ]] && slapd_missing=true
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  if $slapd_missing; then
    # No directory of Debian's own (the bed makes its own), and no daemon started by the postinst: it
    # would listen on :389 of every interface of the machine. A policy-rc.d answering 101 stops
    # invoke-rc.d and deb-systemd-invoke; one already there (Docker images have it) is kept.
    echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
    policy=/usr/sbin/policy-rc.d
    if [ ! -e $policy ]; then
      printf '#!/bin/sh\n# reemo install-deps.sh: no service starts during this install\nexit 101\n' >$policy
      chmod 755 $policy
      trap 'rm -f $policy' EXIT
    fi
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  if $slapd_missing; then
    # In case it started all the same, and so that it does not at the next boot.
    if [ -d /run/systemd/system ]; then
      systemctl disable --now slapd 2>/dev/null || true
    else
      update-rc.d slapd disable >/dev/null 2>&1 || true
      if [ -s /run/slapd/slapd.pid ]; then /etc/init.d/slapd stop || true; fi
    fi
  fi
fi

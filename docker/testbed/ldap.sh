# The bed's directory: OpenLDAP slapd (Debian's slapd 2.5) in netns "infra", for the console's LDAP
# sign-in. Entries and why dave is locked: README.md. Sourced by up.sh (never run).
# shellcheck shell=bash

LDAP_DIR=$TESTBED_DIR/ldap
LDAP_URL=ldap://$INFRA_IP:389
LDAP_BASE=dc=reemo,dc=test
LDAP_PEOPLE=ou=people,$LDAP_BASE
LDAP_GROUPS=ou=groups,$LDAP_BASE
LDAP_BIND_DN=cn=console,ou=services,$LDAP_BASE        # the console's own account: searches people and groups
LDAP_BIND_PASSWORD=console-bind-secret
LDAP_PPOLICY=cn=default,ou=policies,$LDAP_BASE

# uid, full name, password. The password is fixed: the tests sign in with it.
LDAP_USERS=(
  "ada|Ada Admin|ada-directory-1"
  "otto|Otto Operator|otto-directory-1"
  "vera|Vera Viewer|vera-directory-1"
  "nora|Nora Nogroup|nora-directory-1"
  "dave|Dave Disabled|dave-directory-1"
)
# group cn, member uids
LDAP_GROUP_MEMBERS=(
  "console-admins|ada"
  "console-operators|otto"
  "console-viewers|vera"
  "staff|ada otto vera nora dave"
)

# The ldap-utils, aimed at the bed's slapd whatever /etc/ldap/ldap.conf or ~/.ldaprc say.
bed_ldap() { LDAPNOINIT=1 "$@" -x -H "$LDAP_URL" -o nettimeout=2; }

write_slapd_conf() {
  cat >"$LDAP_DIR/slapd.conf" <<EOF
# slapd of the test bed, in netns infra. Written by up.sh (ldap.sh). No pidfile: up.sh records the pid.
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
# ppolicy 2.5 brings its own schema (pwdPolicy, pwdAccountLockedTime)
moduleload ppolicy
# Nothing to the machine's syslog: slapd -d stats writes one line per operation to slapd.log.
loglevel none

# Root DSE and schema: what clients read before they bind (supported mechanisms, controls).
access to dn.base="" by * read
access to dn.base="cn=Subschema" by * read

database mdb
suffix $LDAP_BASE
directory $LDAP_DIR/data
# Nobody writes (no rootdn, no write access): the entries are those of the seed for the bed's life.
# Anonymous may only bind; a user reads their own entry (Spring's BindAuthenticator does); the
# console's account reads people and groups, never a password.
access to attrs=userPassword
  by anonymous auth
  by * none
access to dn.subtree="$LDAP_PEOPLE"
  by dn.exact="$LDAP_BIND_DN" read
  by self read
  by * none
access to dn.subtree="$LDAP_GROUPS"
  by dn.exact="$LDAP_BIND_DN" read
  by * none
# The base too, so that a search from it finds people and groups (and nothing else).
access to dn.base="$LDAP_BASE"
  by dn.exact="$LDAP_BIND_DN" read
  by * none
access to * by * none

# An account with pwdAccountLockedTime 000001010000Z is locked for good: its binds fail with
# invalidCredentials, whatever the password (how OpenLDAP disables an account).
overlay ppolicy
ppolicy_default "$LDAP_PPOLICY"
EOF
}

# The seed, passwords as {SSHA} hashes.
write_ldap_seed() {
  local entry uid name password group members member
  {
    printf '%s\n' "dn: $LDAP_BASE" objectClass:\ dcObject objectClass:\ organization dc:\ reemo "o: Reemo test bed" ""
    for entry in services people groups policies; do
      printf '%s\n' "dn: ou=$entry,$LDAP_BASE" "objectClass: organizationalUnit" "ou: $entry" ""
    done
    printf '%s\n' "dn: $LDAP_BIND_DN" "objectClass: organizationalRole" "objectClass: simpleSecurityObject" \
      "cn: console" "description: the Reemo Infra Console's search account" \
      "userPassword: $(slappasswd -h '{SSHA}' -s "$LDAP_BIND_PASSWORD")" ""
    # ppolicy 2.5 honours pwdAccountLockedTime only under a policy with pwdLockout TRUE. Without
    # pwdMaxFailure nothing is locked or recorded after failed binds (tests fail binds on purpose),
    # and nothing expires or is checked for quality.
    printf '%s\n' "dn: $LDAP_PPOLICY" "objectClass: device" "objectClass: pwdPolicy" "cn: default" \
      "pwdAttribute: userPassword" "pwdLockout: TRUE" ""
    for entry in "${LDAP_USERS[@]}"; do
      IFS='|' read -r uid name password <<<"$entry"
      printf '%s\n' "dn: uid=$uid,$LDAP_PEOPLE" "objectClass: inetOrgPerson" "uid: $uid" "cn: $name" \
        "givenName: ${name%% *}" "sn: ${name#* }" "mail: $uid@reemo.test" \
        "userPassword: $(slappasswd -h '{SSHA}' -s "$password")"
      [[ $uid == dave ]] && echo "pwdAccountLockedTime: 000001010000Z"
      echo
    done
    for entry in "${LDAP_GROUP_MEMBERS[@]}"; do
      IFS='|' read -r group members <<<"$entry"
      printf '%s\n' "dn: cn=$group,$LDAP_GROUPS" "objectClass: groupOfNames" "cn: $group"
      for member in $members; do echo "member: uid=$member,$LDAP_PEOPLE"; done
      echo
    done
  } >"$LDAP_DIR/seed.ldif"
}

# Config and database, seeded offline with slapadd (faster than ldapadd to a running slapd).
make_ldap_directory() {
  rm -rf "$LDAP_DIR"
  mkdir -p "$LDAP_DIR/data"
  write_slapd_conf
  write_ldap_seed
  slapadd -q -f "$LDAP_DIR/slapd.conf" -l "$LDAP_DIR/seed.ldif" >"$LDAP_DIR/slapadd.log" 2>&1 ||
    fail "slapadd failed (see $LDAP_DIR/slapadd.log)"
}

# -d: stays in the foreground (spawn's pid is slapd's); stats: connections, binds and their results
# in slapd.log. Its file table is sized by the fd limit: keep it small (a machine's limit of a
# million costs slapd much memory for nothing).
start_ldap() {
  spawn "$INFRA_CGROUP" "$LDAP_DIR/slapd.log" prlimit --nofile=4096 -- \
    ip netns exec infra slapd -d stats -f "$LDAP_DIR/slapd.conf" -h "$LDAP_URL/"
  echo "$SPAWNED_PID" >"$LDAP_DIR/slapd.pid"
}

ldap_answers() { bed_ldap ldapwhoami -D "$LDAP_BIND_DN" -w "$LDAP_BIND_PASSWORD"; }

# The contract the tests rely on, end to end: a user binds, the locked one does not, the console's
# account finds a user's groups.
check_ldap() {
  local out
  out=$(bed_ldap ldapwhoami -D "uid=ada,$LDAP_PEOPLE" -w ada-directory-1 2>&1) ||
    fail "LDAP: ada cannot bind: $out (see $LDAP_DIR/slapd.log)"
  if out=$(bed_ldap ldapwhoami -D "uid=dave,$LDAP_PEOPLE" -w dave-directory-1 2>&1); then
    fail "LDAP: dave binds although his account is locked (ppolicy not enforced?)"
  fi
  [[ $out == *"Invalid credentials (49)"* ]] || fail "LDAP: dave's bind fails in an unexpected way: $out"
  out=$(bed_ldap ldapsearch -LLL -D "$LDAP_BIND_DN" -w "$LDAP_BIND_PASSWORD" -b "$LDAP_GROUPS" \
    "(member=uid=otto,$LDAP_PEOPLE)" cn 2>&1) || fail "LDAP: the console's account cannot search: $out"
  [[ $(grep '^cn: ' <<<"$out" | sort | tr '\n' ' ') == "cn: console-operators cn: staff " ]] ||
    fail "LDAP: unexpected groups of otto: $out"
}

ldap_state_lines() {
  echo "ldap.url=$LDAP_URL"
  echo "ldap.base=$LDAP_BASE"
  echo "ldap.userBase=$LDAP_PEOPLE"
  echo "ldap.groupBase=$LDAP_GROUPS"
  echo "ldap.bindDn=$LDAP_BIND_DN"
  echo "ldap.bindPassword=$LDAP_BIND_PASSWORD"
}

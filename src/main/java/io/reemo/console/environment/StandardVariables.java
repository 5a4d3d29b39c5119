package io.reemo.console.environment;

import static io.reemo.console.environment.Variable.Section.CERTIFICATES;
import static io.reemo.console.environment.Variable.Section.COMMAND_LINE;
import static io.reemo.console.environment.Variable.Section.CONNECTION;
import static io.reemo.console.environment.Variable.Section.DATABASE;
import static io.reemo.console.environment.Variable.Section.INITIALISATION;
import static io.reemo.console.environment.Variable.Section.LDAP;
import static io.reemo.console.environment.Variable.Section.LICENSE;
import static io.reemo.console.environment.Variable.Section.MAIL;
import static io.reemo.console.environment.Variable.Section.OPERATION;
import static io.reemo.console.environment.Variable.Section.OTHER_ROLES;
import static io.reemo.console.environment.Variable.Section.PORTAL;
import static io.reemo.console.environment.Variable.Section.REGISTRY;
import static io.reemo.console.environment.Variable.Section.RELAYS;
import static io.reemo.console.environment.Variable.Section.SYSLOG;
import static io.reemo.console.environment.Variable.Section.VERSIONS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every variable of platform.md §3, with the console's extensions. The help texts are what the wizard
 * shows, so each one says where a value comes from when the vendor documentation is silent.
 */
final class StandardVariables {

    static final String TRAEFIK_CERT_MODE = "TRAEFIK_CERT_MODE";
    static final List<String> TRAEFIK_CERT_MODES = List.of("self-signed", "uploaded", "on-server");

    /** Version variables that the vendor documentation does not show, though tags or syslog variables exist. */
    private static final Set<String> UNDOCUMENTED_VERSIONS = Set.of("apicroncloud", "procloudapi", "stun");
    private static final Map<String, String> COMPONENTS = Map.ofEntries(
            Map.entry("api", "the API, core of the platform"),
            Map.entry("apicron", "APICRON, the scheduler of recurring tasks"),
            Map.entry("apicronldap", "APICRONLDAP, the scheduled LDAP synchronisation"),
            Map.entry("apicronlog", "APICRONLOG, log rotation and archiving in the database"),
            Map.entry("apicroncloud", "APICRONCLOUD (role not documented)"),
            Map.entry("portal", "the Portal, the browser interface"),
            Map.entry("signal", "Signal, which registers the Reemo agents and carries signalling"),
            Map.entry("proapi", "PROAPI, the link to container provisioning platforms"),
            Map.entry("prorelayapi", "PRORELAYAPI, the link to WebSocket relay platforms"),
            Map.entry("procloudapi", "PROCLOUDAPI (role not documented)"),
            Map.entry("exim4", "Exim, the optional mail server"),
            Map.entry("haproxy", "HAProxy, the gateways reemo_provision and reemo_relayws"),
            Map.entry("db", "reemo_db, the database initialisation/update job (tracks the API version in every vendor example)"),
            Map.entry("ws_relay_server", "ws-relay-server, which runs in the RELAYWS environment"),
            Map.entry("mysql", "the internal MySQL (updating it is the only update that causes downtime)"),
            Map.entry("traefik", "Traefik, the entry point that terminates TLS"),
            Map.entry("stun", "STUN, used by WebRTC for NAT traversal"));
    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5",
            "local6", "local7");
    private static final List<String> SYSLOG_SERVICES = List.of("API", "APICRON", "DB", "EXIM4", "MYSQL", "PORTAL",
            "PORTALADMIN", "SIGNAL", "PROAPI", "STUN", "PRORELAYAPI", "PROCLOUDAPI", "APICRONLOG", "APICRONLDAP",
            "APICRONCLOUD", "HAPROXY", "TRAEFIK");

    /** Services whose replica count may be overridden; signals, MySQL and reemo_db never are. */
    private static final List<String> SCALABLE = List.of("PORTAL", "API", "APICRON", "APICRONLOG", "APICRONLDAP",
            "APICRONCLOUD", "PROAPI", "PRORELAYAPI", "PROCLOUDAPI", "EXIM4", "PROVISION", "RELAYWS", "STUN");

    private StandardVariables() {
    }

    static List<Variable> build(Map<String, String> defaultVersions) {
        List<Variable> all = new ArrayList<>();
        license(all);
        registry(all);
        versions(all, defaultVersions);
        database(all);
        portal(all);
        certificates(all);
        relays(all);
        initialisation(all);
        syslog(all);
        operation(all);
        deployment(all);
        mail(all);
        all.add(def("API_useAlternateLDAPHost", LDAP, VariableType.BOOL, Scope.API_GROUP).defaults("false")
                .help("\"true\" on the API server that must reach the LDAP server through its alternate FQDN, so that "
                        + "several API clusters can use one LDAP server. Where the alternate FQDN is configured is not "
                        + "documented by the vendor.").build());
        connection(all);
        commandLine(all);
        otherRoles(all);
        return List.copyOf(all);
    }

    static String versionVariable(String component) {
        return "DOCKER_VERSION_" + component.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static void license(List<Variable> all) {
        all.add(def("API_LICENSE", LICENSE, VariableType.BASE64_JSON, Scope.ALL).secret()
                .help("The Reemo license key, base64 of a JSON document, from customers.reemo.io. Required. Online "
                        + "licenses need access to https://licensing.reemo.io.").build());
        all.add(def("HMACSECRET", LICENSE, VariableType.STRING, Scope.ALL).secret()
                .help("Secret shared by the portal and API sides. Required in dedicated mode, where both sides must "
                        + "hold the same value: set it once in all.vars. Its exact use is not documented by the vendor.")
                .build());
    }

    private static void registry(List<Variable> all) {
        all.add(def("REGISTRY_URL", REGISTRY, VariableType.HOST_PORT, Scope.ALL).defaults("registry.reemo.io")
                .help("Registry host (and :port) the images come from, without https://. Default: the vendor's registry, as in its examples.").build());
        all.add(def("REGISTRY_ENV", REGISTRY, VariableType.STRING, Scope.ALL).defaults("reemoinfra")
                .help("Image-name prefix: image = REGISTRY_URL/REGISTRY_ENV<component>:<version>. Default: reemoinfra, "
                        + "as in the vendor's examples.").build());
        all.add(def("REGISTRY_USERNAME", REGISTRY, VariableType.STRING, Scope.ALL)
                .help("Registry user, supplied by Reemo support.").build());
        all.add(def("REGISTRY_PASSWORD", REGISTRY, VariableType.STRING, Scope.ALL).secret()
                .help("Registry password, supplied by Reemo support.").build());
        all.add(def("REGISTRY_IMAGE_MODE", REGISTRY, VariableType.ENUM, Scope.ALL).extension().defaults("online")
                .values("online", "proxy", "offline", "preloaded")
                .help("Console extension: how images reach the nodes. online: docker login and pull on every node; "
                        + "proxy: the same through the HTTP(S) proxy set in each node's Docker daemon; offline: an "
                        + "archive made with docker save is uploaded to every node and loaded; preloaded: the console "
                        + "only checks that every image is on every node.").build());
    }

    private static void versions(List<Variable> all, Map<String, String> defaultVersions) {
        defaultVersions.forEach((component, version) -> {
            String what = COMPONENTS.getOrDefault(component, component);
            String origin = UNDOCUMENTED_VERSIONS.contains(component)
                    ? "Not documented upstream: the vendor shows no version variable for this component; " + version
                            + " is the console's placeholder, check the tags your registry holds."
                    : "Default " + version + ": the example value of the vendor documentation, not guaranteed to be "
                            + "the role's current default.";
            all.add(def(versionVariable(component), VERSIONS, VariableType.VERSION, Scope.ALL).defaults(version)
                    .help("Image tag of " + what + ", used verbatim. " + origin).build());
        });
    }

    private static void database(List<Variable> all) {
        String external = " Setting DB_HOST switches to an external database: no internal MySQL is deployed, and "
                + "DB_USER, DB_USER_PASSWORD, DB_NAME, DB_HOST and DB_DIALECT must all be set.";
        all.add(def("DB_HOST", DATABASE, VariableType.STRING, Scope.ANYWHERE)
                .help("IP address (or name) of an external database." + external).build());
        all.add(def("DB_USER", DATABASE, VariableType.STRING, Scope.ANYWHERE)
                .help("User of the external database." + external).build());
        all.add(def("DB_USER_PASSWORD", DATABASE, VariableType.STRING, Scope.ANYWHERE).secret()
                .help("Password of the external database user." + external).build());
        all.add(def("DB_NAME", DATABASE, VariableType.STRING, Scope.ANYWHERE)
                .help("Name of the external database." + external).build());
        all.add(def("DB_DIALECT", DATABASE, VariableType.ENUM, Scope.ANYWHERE).values("mysql")
                .help("Dialect of the external database; \"mysql\" is the only value the vendor shows." + external)
                .build());
        all.add(def("OPT_REEMO_REPLICATED", DATABASE, VariableType.BOOL, Scope.ANYWHERE).extension().defaults("false")
                .help("Console extension: \"true\" declares that /opt/reemo (the internal MySQL data) is replicated "
                        + "across the nodes of the API cluster by means of your own. Without it the console pins "
                        + "reemo_mysql to one node and never lets it move to a node without the data.").build());
    }

    private static void portal(List<Variable> all) {
        all.add(def("PORTAL_URL", PORTAL, VariableType.FQDN, Scope.GROUP)
                .help("Host name the portal serves, e.g. url.domain.tld. Unset: the portal answers every host name.")
                .build());
        all.add(def("PORTAL_URL_RESTRICT_IP", PORTAL, VariableType.CIDR_LIST, Scope.GROUP)
                .help("Addresses allowed on the portal URL: comma-separated IPs and CIDR blocks, e.g. "
                        + "\"10.1.1.1,10.2.2.0/24\".").build());
        all.add(def("PORTALADMIN_URL", PORTAL, VariableType.FQDN, Scope.GROUP)
                .help("Separate host name for the admin portal in a single cluster, e.g. urladmin.domain.tld. Its exact "
                        + "behaviour is not documented by the vendor.").build());
        all.add(def("PORTALADMIN_URL_RESTRICT_IP", PORTAL, VariableType.CIDR_LIST, Scope.GROUP)
                .help("Addresses allowed on the admin URL: comma-separated IPs and CIDR blocks.").build());
        all.add(def("PORTAL_TYPE", PORTAL, VariableType.ENUM, Scope.GROUP)
                .values("user", "admin", "orgadmin", "instadmin", "orguser")
                .help("Which users may log in on this portal. Unset: everyone. user: organization members (possibly "
                        + "also organization admins; the vendor's matrix is ambiguous); admin: instance and organization "
                        + "administrators; orgadmin: organization administrators only; instadmin: instance "
                        + "administrators only; orguser: organization members only. The vendor's examples pair user "
                        + "with portaluser_manager and admin with portaladmin_manager.").build());
        all.add(def("API_IP", PORTAL, VariableType.IP_LIST, Scope.GROUP)
                .help("Dedicated mode, in each portal group: the addresses (ansible_host) of every api_manager host, "
                        + "as a list of {ip: …} entries.").build());
        all.add(def("HEALTHCHECK_ENABLE", PORTAL, VariableType.BOOL, Scope.ANYWHERE).defaults("false")
                .help("\"true\" exposes https://<portal>/api/healthcheck; off by default. Set in all.vars or in the "
                        + "vars of the portal group that should expose it.").build());
        all.add(def("TRAEFIK_PROMETHEUS_ENABLE", PORTAL, VariableType.BOOL, Scope.ANYWHERE).defaults("false")
                .help("true exposes Prometheus metrics on the Traefik entry points. The vendor documents no other option "
                        + "(port, path, restriction).").build());
    }

    private static void certificates(List<Variable> all) {
        all.add(def(TRAEFIK_CERT_MODE, CERTIFICATES, VariableType.ENUM, Scope.GROUP).extension()
                .values(TRAEFIK_CERT_MODES.toArray(String[]::new))
                .help("Console extension: the external certificate of this cluster's Traefik. self-signed: Traefik "
                        + "makes one (fine for tests, not for production); uploaded: TRAEFIK_SSL_CERTS, files the "
                        + "console checks (key matches, chain, expiry, names cover PORTAL_URL); on-server: "
                        + "TRAEFIK_SSL_CERTS_ON_SERVER, files already on each Traefik node. Unset: uploaded when "
                        + "TRAEFIK_SSL_CERTS is set, else self-signed.").build());
        all.add(def("TRAEFIK_SSL_CERTS", CERTIFICATES, VariableType.CERT_LIST, Scope.GROUP)
                .help("Certificates for Traefik: a list of {cert_file, key_file} paths on the console's machine, both "
                        + "keys in the same list item. The role copies them to the Traefik hosts.").build());
        all.add(def("TRAEFIK_SSL_CERTS_ON_SERVER", CERTIFICATES, VariableType.REMOTE_CERT_LIST, Scope.GROUP).extension()
                .help("Console extension (the vendor's variable for this mode is not documented): a list of "
                        + "{cert_file, key_file} absolute paths that already exist on every Traefik node of the "
                        + "cluster; the console checks that they exist before deploying.").build());
        all.add(def("PKI_MODE", CERTIFICATES, VariableType.ENUM, Scope.ALL).extension().defaults("generated")
                .values("generated", "your-ca", "your-certs")
                .help("Console extension: the internal PKI (mTLS between services). generated: the console creates a CA "
                        + "and a certificate per service and renews them; your-ca: you upload a CA certificate and key "
                        + "(PKI_CA_CERT, PKI_CA_KEY) and the console issues the service certificates; your-certs: you "
                        + "upload the CA certificate and one certificate/key per service. Keep it separate from the "
                        + "external (Traefik) PKI, as the vendor advises.").build());
        all.add(def("PKI_CA_CERT", CERTIFICATES, VariableType.PEM_CERTIFICATE, Scope.ALL).extension()
                .help("Console extension: the CA certificate (PEM) of the internal PKI in the your-ca and your-certs "
                        + "modes.").build());
        all.add(def("PKI_CA_KEY", CERTIFICATES, VariableType.PEM_PRIVATE_KEY, Scope.ALL).extension().secret()
                .help("Console extension: the CA private key (PEM) of the internal PKI in the your-ca mode.").build());
    }

    private static void relays(List<Variable> all) {
        all.add(def("RELAYS_IP", RELAYS, VariableType.IP_LIST, Scope.GROUP)
                .help("WebSocket mode: the addresses of the RELAYWS environment, as a list of {ip: …} entries.").build());
        all.add(def("RELAYS_URL", RELAYS, VariableType.FQDN, Scope.GROUP)
                .help("WebSocket mode: the host name users reach the RELAYWS environment at, e.g. relayws.domain.tld.")
                .build());
    }

    private static void initialisation(List<Variable> all) {
        String once = " Read only when the database is initialised (first install); later changes are made by an "
                + "instance administrator in Admin > Global Settings.";
        all.add(def("INIT_MINIMUM_PASSWORD_LENGTH", INITIALISATION, VariableType.INT, Scope.ANYWHERE).defaults("8")
                .help("Minimum password length of the new instance (12 or more for sensitive environments)." + once)
                .build());
        for (String rule : List.of("LETTERS", "DIGITS", "SPECIALCHAR")) {
            all.add(def("INIT_PASSWORD_REQUIRE_" + rule, INITIALISATION, VariableType.BOOL, Scope.ANYWHERE)
                    .defaults("false")
                    .help("Whether passwords of the new instance must contain " + rule.toLowerCase(Locale.ROOT)
                            .replace("specialchar", "a special character") + "." + once).build());
        }
    }

    private static void syslog(List<Variable> all) {
        all.add(def("SYSLOG_FACILITY", SYSLOG, VariableType.ENUM, Scope.ANYWHERE).defaults("daemon")
                .values(FACILITIES.toArray(String[]::new))
                .help("Syslog facility every service logs to on its node; each per-service facility defaults to it.")
                .build());
        for (String service : SYSLOG_SERVICES) {
            all.add(def("SYSLOG_FACILITY_" + service, SYSLOG, VariableType.ENUM, Scope.ANYWHERE)
                    .defaults("{{SYSLOG_FACILITY}}").values(FACILITIES.toArray(String[]::new))
                    .help("Syslog facility of " + service.toLowerCase(Locale.ROOT) + "; default: SYSLOG_FACILITY.")
                    .build());
        }
    }

    /** Console extensions for what the vendor leaves open: placement, replicas, optional services (product-calls.md §2-5, §20). */
    private static void deployment(List<Variable> all) {
        all.add(def("SWARM_ENDPOINT_MODE", OPERATION, VariableType.ENUM, Scope.ANYWHERE).extension().defaults("vip")
                .values("vip", "dnsrr")
                .help("Console extension: how services find each other on the overlay network. vip: Swarm's virtual "
                        + "IP (default); dnsrr: round-robin DNS over the tasks, for hosts without IPVS.").build());
        all.add(def("SWARM_NETWORK", OPERATION, VariableType.STRING, Scope.ANYWHERE).extension().defaults("reemo_net")
                .help("Console extension: the overlay network the services of a cluster share. A platform the console adopts "
                        + "keeps the one it runs on, so that its services keep reaching each other while they are converged.")
                .build());
        all.add(def("SWARM_UPDATE_MONITOR", OPERATION, VariableType.INT, Scope.ANYWHERE).extension().defaults("8")
                .help("Console extension: the seconds Swarm watches each updated task, once it runs and its healthcheck "
                        + "passes, before it updates the next; a task that fails in that time rolls the update back. Set it "
                        + "to how long your images take to fail when they do (1 to 300).").build());
        all.add(def("MYSQL_NODE", DATABASE, VariableType.STRING, Scope.ANYWHERE).extension()
                .help("Console extension: the node (inventory name) whose /opt/reemo holds the internal MySQL data; "
                        + "reemo_mysql is pinned to it. Default: the first node of the cluster that runs the API.").build());
        all.add(def("MYSQL_DATA_DIR", DATABASE, VariableType.STRING, Scope.ANYWHERE).extension().defaults("/opt/reemo/mysql")
                .help("Console extension: the directory on the MySQL node that reemo_mysql keeps its data in (mounted as "
                        + "/var/lib/mysql). A platform the console adopts keeps the one it runs with (the role mounts "
                        + "/opt/reemo itself).").build());
        all.add(def("PROVISION_IP", OPERATION, VariableType.IP_LIST, Scope.GROUP).extension()
                .help("Console extension: the addresses of the PROVISION environment's Nginx, as {ip: …} entries. "
                        + "When set, the reemo_provision HAProxy gateway is deployed.").build());
        all.add(def("REGISTRY_IMAGE_ARCHIVE", REGISTRY, VariableType.STRING, Scope.ALL).extension()
                .help("Console extension, image mode offline: an archive made with docker save, uploaded on the Registry "
                        + "page (or the path of one already on the console's machine, in a folder it reads files from); it is "
                        + "streamed to every node's Docker and loaded.").build());
        for (String optional : List.of("APICRONCLOUD", "PROCLOUDAPI", "STUN")) {
            all.add(def("ENABLE_" + optional, OPERATION, VariableType.BOOL, Scope.ANYWHERE).extension().defaults("false")
                    .help("Console extension: deploys the optional service reemo_" + optional.toLowerCase(Locale.ROOT)
                            + " (off unless enabled).").build());
        }
        for (String scalable : SCALABLE) {
            all.add(def("REPLICAS_" + scalable, OPERATION, VariableType.INT, Scope.ANYWHERE).extension()
                    .help("Console extension: replicas of reemo_" + scalable.toLowerCase(Locale.ROOT)
                            + " instead of the default (api 4, portal, proapi and prorelayapi 2, others 1).").build());
        }
    }

    private static void operation(List<Variable> all) {
        all.add(def("CRON_ENABLE", OPERATION, VariableType.BOOL, Scope.GROUP).defaults("true")
                .help("The platform's cron tasks must run in exactly one place, across every environment of this "
                        + "console: set \"false\" on every Infra/API cluster but one. Unset means running.").build());
        all.add(def("API_cronGhostContainersMinutes", OPERATION, VariableType.INT, Scope.ANYWHERE)
                .help("Minutes after which a container still up in Provision but unknown to the interface counts as "
                        + "expired. The default is not documented by the vendor.").build());
    }

    private static void mail(List<Variable> all) {
        String exim = " Deployed through the Exim service (tag exim4).";
        all.add(def("API_MAIL_ACTIVE", MAIL, VariableType.BOOL, Scope.ANYWHERE).defaults("false")
                .help("\"true\" turns mail sending on." + exim).build());
        all.add(def("API_MAIL_BASEURL", MAIL, VariableType.URL, Scope.ANYWHERE)
                .help("Link used in mails: https://<the user portal URL>." + exim).build());
        all.add(def("EXIM_SMARTHOST", MAIL, VariableType.SMARTHOST, Scope.ANYWHERE)
                .help("SMTP relay as <smtp server>::<port>, e.g. smtp.domain.tld::587 (Exim's double colon)." + exim)
                .build());
        all.add(def("EXIM_PASSWORD", MAIL, VariableType.SMTP_CREDENTIALS, Scope.ANYWHERE).secret()
                .help("SMTP login as <smtp server>:<user>:<password>." + exim).build());
    }

    private static void connection(List<Variable> all) {
        all.add(def("ansible_host", CONNECTION, VariableType.STRING, Scope.ANYWHERE)
                .help("Address the console connects to over SSH; default: the host's name.").build());
        all.add(def("ansible_port", CONNECTION, VariableType.INT, Scope.ANYWHERE).defaults("22")
                .help("SSH port.").build());
        all.add(def("ansible_user", CONNECTION, VariableType.STRING, Scope.ANYWHERE).defaults("root")
                .help("SSH user; it must be able to run docker (root or a member of the docker group). The console "
                        + "connects as root when unset (Ansible would use your local user name).").build());
        all.add(def("ansible_ssh_private_key_file", CONNECTION, VariableType.PATH, Scope.ANYWHERE)
                .help("Private key file on the console's machine.").build());
        all.add(def("ansible_password", CONNECTION, VariableType.STRING, Scope.ANYWHERE).secret()
                .help("SSH password, when the node does not accept a key.").build());
    }

    private static void commandLine(List<Variable> all) {
        all.add(def("INSTALL_DOCKER", COMMAND_LINE, VariableType.BOOL, Scope.CLI).defaults("false")
                .help("Command-line switch of the images playbook: installs Docker and initialises the Swarm. The "
                        + "console does this in its install job; do not put it in the inventory.").build());
        all.add(def("INIT_DB", COMMAND_LINE, VariableType.BOOL, Scope.CLI).defaults("false")
                .help("Command-line switch: initialises the database, once per environment, at the first install. "
                        + "The console records it and never sets it twice; in an inventory it would re-initialise "
                        + "the database on every run.").build());
        all.add(def("MAINTENANCE_ENABLE", COMMAND_LINE, VariableType.BOOL, Scope.CLI).defaults("false")
                .help("The maintenance state: \"true\" replaces the user portal with a maintenance page. The console's "
                        + "maintenance switch sets it; it is not an inventory variable.").build());
    }

    private static void otherRoles(List<Variable> all) {
        String relayws = " Variable of the reemo-relayws role (group relayws_manager), not of Reemo Infra: kept and "
                + "passed through, unused by this console.";
        all.add(def("RELAYWS_INSTALL_DOCKER", OTHER_ROLES, VariableType.BOOL, Scope.OTHER_ROLE)
                .help("Installs Docker/Swarm on the RELAYWS nodes (command line)." + relayws).build());
        all.add(def("RELAYWS_NGINX_PORT", OTHER_ROLES, VariableType.INT, Scope.OTHER_ROLE).defaults("8443")
                .help("Port of the RELAYWS Nginx." + relayws).build());
        all.add(def("RELAYWS_NGINX_SSL_VERIFY_CLIENT", OTHER_ROLES, VariableType.STRING, Scope.OTHER_ROLE)
                .help("Client-certificate verification of the RELAYWS Nginx." + relayws).build());
        all.add(def("RELAYWS_NGINX_SSL_CLIENT_S_DN", OTHER_ROLES, VariableType.STRING, Scope.OTHER_ROLE)
                .help("DN expected in client certificates." + relayws).build());
        all.add(def("CA_SSL_CRT_LOCALPATH", OTHER_ROLES, VariableType.PATH, Scope.OTHER_ROLE)
                .help("CA certificate for manual mTLS." + relayws).build());
        all.add(def("RELAYWS_SSL_CRT_LOCALPATH", OTHER_ROLES, VariableType.PATH, Scope.OTHER_ROLE)
                .help("Certificate of reemo_relayws for manual mTLS." + relayws).build());
        all.add(def("RELAYWS_SSL_KEY_LOCALPATH", OTHER_ROLES, VariableType.PATH, Scope.OTHER_ROLE)
                .help("Key of reemo_relayws for manual mTLS." + relayws).build());
        all.add(def("PROVISION_IMAGE_WARMUP", OTHER_ROLES, VariableType.STRING_LIST, Scope.OTHER_ROLE)
                .help("Images to preload on provisioning servers. Variable of the reemo-provision role, not of Reemo "
                        + "Infra: kept and passed through, unused by this console.").build());
    }

    private static Def def(String name, Variable.Section section, VariableType type, Scope scope) {
        return new Def(name, section, type, scope);
    }

    /** Keeps the table above readable: only what differs from the usual is spelled out. */
    private static final class Def {
        private final String name;
        private final Variable.Section section;
        private final VariableType type;
        private final Scope scope;
        private String defaultValue;
        private List<String> values = List.of();
        private boolean secret;
        private boolean extension;
        private String help;

        Def(String name, Variable.Section section, VariableType type, Scope scope) {
            this.name = name;
            this.section = section;
            this.type = type;
            this.scope = scope;
        }

        Def defaults(String value) {
            defaultValue = value;
            return this;
        }

        Def values(String... allowed) {
            values = List.of(allowed);
            return this;
        }

        Def secret() {
            secret = true;
            return this;
        }

        Def extension() {
            extension = true;
            return this;
        }

        Def help(String text) {
            help = text;
            return this;
        }

        Variable build() {
            return new Variable(name, section, type, scope, defaultValue, values, secret, extension, help);
        }
    }
}

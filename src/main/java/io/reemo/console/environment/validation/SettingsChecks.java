package io.reemo.console.environment.validation;

import java.util.regex.Pattern;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Location;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SourcePositions;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.environment.VariableSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules across variables and clusters: required settings, dedicated mode, crons, database, certificates. */
public final class SettingsChecks {

    private static final List<String> EXTERNAL_DB = List.of("DB_HOST", "DB_USER", "DB_USER_PASSWORD", "DB_NAME", "DB_DIALECT");

    private final VariableCatalogue catalogue;

    public SettingsChecks(VariableCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<Problem> check(Environment environment, List<Environment> others, SourcePositions positions) {
        List<Problem> problems = new ArrayList<>();
        if (VariableSite.of(environment).stream().noneMatch(s -> s.vars().get("API_LICENSE") != null)) {
            problems.add(Problem.error("REQUIRED", "API_LICENSE is required: the Reemo license key (base64) in all.vars.")
                    .variable("API_LICENSE").at(Location.ALL_VARS).position(positions.of(Location.ALL_VARS, null)));
        }
        if (environment.clusters().stream().anyMatch(c -> c.group().equals(Cluster.API))) {
            dedicated(environment, positions, problems);
        }
        crons(environment, others, positions, problems);
        for (Cluster cluster : environment.clusters()) {
            EffectiveVariables vars = catalogue.effective(environment, cluster);
            Location group = Location.group(cluster.group());
            if (cluster.servesApi()) {
                database(cluster, vars, group, positions, problems);
            }
            if (cluster.servesPortal()) {
                traefik(cluster, vars, group, positions, problems);
            }
        }
        if (!environment.clusters().isEmpty()) {
            EffectiveVariables vars = catalogue.effective(environment, environment.clusters().get(0));
            registry(vars, positions, problems);
            pki(vars, positions, problems);
            versions(vars, positions, problems);
            mail(vars, problems);
        }
        return problems;
    }

    /** API_IP in each portal cluster lists exactly the API hosts; one HMACSECRET on both sides. */
    private void dedicated(Environment environment, SourcePositions positions, List<Problem> problems) {
        Set<String> apiAddresses = new LinkedHashSet<>();
        environment.cluster(Cluster.API).ifPresent(api -> api.nodes().forEach(n -> apiAddresses.add(n.address())));
        Map<String, String> hmacByCluster = new LinkedHashMap<>();
        for (Cluster cluster : environment.clusters()) {
            EffectiveVariables vars = catalogue.effective(environment, cluster);
            Location group = Location.group(cluster.group());
            hmacByCluster.put(cluster.group(), vars.text("HMACSECRET").orElse(null));
            if (cluster.group().equals(Cluster.API)) {
                continue;
            }
            Set<String> listed = new LinkedHashSet<>(vars.ipList("API_IP"));
            if (vars.explicit("API_IP").isEmpty()) {
                problems.add(Problem.error("API_IP", cluster.group() + " needs API_IP: the addresses of the api_manager "
                        + "hosts (" + String.join(", ", apiAddresses) + "), as - ip: \"…\" entries.")
                        .variable("API_IP").at(group).position(positions.of(group, null)));
            } else if (!listed.equals(apiAddresses)) {
                Set<String> missing = new LinkedHashSet<>(apiAddresses);
                missing.removeAll(listed);
                Set<String> extra = new LinkedHashSet<>(listed);
                extra.removeAll(apiAddresses);
                problems.add(Problem.error("API_IP", "API_IP of " + cluster.group() + " must list the addresses of the "
                        + "api_manager hosts" + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                        + (extra.isEmpty() ? "" : "; not an api_manager host: " + String.join(", ", extra)) + ".")
                        .variable("API_IP").at(group).position(where(environment, cluster, "API_IP", positions)));
            }
        }
        if (hmacByCluster.containsValue(null)) {
            problems.add(Problem.error("HMACSECRET", "Dedicated mode needs HMACSECRET, the secret the portal and API "
                    + "sides share: set it once in all.vars.").variable("HMACSECRET").at(Location.ALL_VARS)
                    .position(positions.of(Location.ALL_VARS, null)));
        } else if (hmacByCluster.values().stream().distinct().count() > 1) {
            problems.add(Problem.error("HMACSECRET", "HMACSECRET differs between " + String.join(", ", hmacByCluster.keySet())
                    + "; the portal and API sides must hold the same value: set it once in all.vars.")
                    .variable("HMACSECRET"));
        }
    }

    /** Across every environment of the console, at most one cluster runs the crons (product-calls.md §18). */
    private void crons(Environment environment, List<Environment> others, SourcePositions positions, List<Problem> problems) {
        List<CronRunner> mine = cronRunners(environment);
        if (mine.isEmpty()) {
            return;
        }
        List<CronRunner> all = new ArrayList<>(mine);
        others.forEach(other -> all.addAll(cronRunners(other)));
        if (all.size() > 1) {
            Cluster first = mine.get(0).cluster();
            problems.add(Problem.error("CRON", "The crons would run in " + all.size() + " clusters ("
                    + String.join(", ", all.stream().map(CronRunner::describe).toList()) + "); across all environments "
                    + "only one may run them: set CRON_ENABLE: \"false\" in the vars of every other Infra/API cluster.")
                    .variable("CRON_ENABLE").at(Location.group(first.group()))
                    .position(where(environment, first, "CRON_ENABLE", positions)));
        }
    }

    private record CronRunner(String environment, Cluster cluster) {
        String describe() {
            return environment + " / " + cluster.group();
        }
    }

    /** The API-side clusters of an environment whose CRON_ENABLE is not "false". */
    private List<CronRunner> cronRunners(Environment environment) {
        return environment.clusters().stream()
                .filter(Cluster::servesApi)
                .filter(c -> !catalogue.effective(environment, c).text("CRON_ENABLE").orElse("true").strip()
                        .equalsIgnoreCase("false"))
                .map(c -> new CronRunner(environment.name(), c))
                .toList();
    }

    /** A directory the console names in commands on the nodes: nothing a shell would read as more than a word. */
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");

    private void database(Cluster cluster, EffectiveVariables vars, Location group, SourcePositions positions,
                          List<Problem> problems) {
        boolean external = EXTERNAL_DB.stream().filter(v -> !v.equals("DB_DIALECT")).anyMatch(v -> vars.explicit(v).isPresent());
        if (external) {
            List<String> missing = EXTERNAL_DB.stream().filter(v -> vars.explicit(v).isEmpty()).toList();
            if (!missing.isEmpty()) {
                problems.add(Problem.error("EXTERNAL_DB", "An external database needs all of " + String.join(", ", EXTERNAL_DB)
                        + "; " + cluster.group() + " lacks " + String.join(", ", missing) + ".")
                        .variable(missing.get(0)).at(group).position(positions.of(group, null)));
            }
        }
        if (!vars.network().matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            problems.add(Problem.error("SWARM_NETWORK", "SWARM_NETWORK of " + cluster.group() + " must be a Docker network name"
                    + " (letters, digits and _ . -), not \"" + vars.network() + "\".")
                    .variable("SWARM_NETWORK").at(group).position(positions.of(group, null)));
        }
        vars.text("SWARM_UPDATE_MONITOR").map(String::strip).filter(s -> !s.matches("\\d{1,3}") || Integer.parseInt(s) < 1
                || Integer.parseInt(s) > 300).ifPresent(monitor -> problems.add(Problem.error("SWARM_UPDATE_MONITOR",
                "SWARM_UPDATE_MONITOR of " + cluster.group() + " must be a number of seconds from 1 to 300, not \"" + monitor + "\".")
                .variable("SWARM_UPDATE_MONITOR").at(group).position(positions.of(group, null))));
        if (!SAFE_PATH.matcher(vars.mysqlDataDirectory()).matches()) {
            problems.add(Problem.error("MYSQL_DATA_DIR", "MYSQL_DATA_DIR of " + cluster.group() + " must be an absolute path of "
                    + "letters, digits and . _ - / (e.g. /opt/reemo), not \"" + vars.mysqlDataDirectory() + "\".")
                    .variable("MYSQL_DATA_DIR").at(group).position(positions.of(group, null)));
        }
        if (!vars.externalDatabase() && cluster.nodes().size() > 1 && !vars.isTrue("OPT_REEMO_REPLICATED")) {
            problems.add(Problem.warning("MYSQL_NOT_REPLICATED", "The internal MySQL of " + cluster.group() + " keeps its "
                    + "data in /opt/reemo on one node, and " + cluster.nodes().size() + " nodes do not share it: the console "
                    + "pins reemo_mysql to one node, which is then a single point of failure. Replicate /opt/reemo and set "
                    + "OPT_REEMO_REPLICATED: \"true\", or use an external database (DB_HOST …).")
                    .variable("OPT_REEMO_REPLICATED").at(group).position(positions.of(group, null)));
        }
    }

    private void traefik(Cluster cluster, EffectiveVariables vars, Location group, SourcePositions positions,
                         List<Problem> problems) {
        switch (vars.traefikCertMode()) {
            case SELF_SIGNED -> problems.add(Problem.warning("TRAEFIK_SELF_SIGNED", cluster.group() + " serves the "
                    + "self-signed certificate Traefik makes: fine for tests, not for production (the vendor's advice). "
                    + "Upload a certificate (TRAEFIK_SSL_CERTS) or name files on the server (TRAEFIK_SSL_CERTS_ON_SERVER).")
                    .variable("TRAEFIK_CERT_MODE").at(group).position(positions.of(group, null)));
            case UPLOADED -> {
                if (vars.certificates("TRAEFIK_SSL_CERTS").isEmpty()) {
                    problems.add(Problem.error("CERTIFICATE", cluster.group() + ": TRAEFIK_CERT_MODE uploaded needs "
                            + "TRAEFIK_SSL_CERTS.").variable("TRAEFIK_SSL_CERTS").at(group).position(positions.of(group, null)));
                }
            }
            case ON_SERVER -> {
                if (vars.certificates("TRAEFIK_SSL_CERTS_ON_SERVER").isEmpty()) {
                    problems.add(Problem.error("CERTIFICATE", cluster.group() + ": TRAEFIK_CERT_MODE on-server needs "
                            + "TRAEFIK_SSL_CERTS_ON_SERVER.").variable("TRAEFIK_SSL_CERTS_ON_SERVER").at(group)
                            .position(positions.of(group, null)));
                }
            }
        }
    }

    private void registry(EffectiveVariables vars, SourcePositions positions, List<Problem> problems) {
        String mode = vars.text("REGISTRY_IMAGE_MODE").orElse("online");
        if (!mode.equals("online") && !mode.equals("proxy")) {
            return;
        }
        boolean user = vars.explicit("REGISTRY_USERNAME").isPresent();
        boolean password = vars.explicit("REGISTRY_PASSWORD").isPresent();
        if (user != password) {
            String missing = user ? "REGISTRY_PASSWORD" : "REGISTRY_USERNAME";
            problems.add(Problem.error("REGISTRY", "The registry login needs both REGISTRY_USERNAME and REGISTRY_PASSWORD; "
                    + missing + " is missing.").variable(missing).at(Location.ALL_VARS)
                    .position(positions.of(Location.ALL_VARS, user ? "REGISTRY_USERNAME" : "REGISTRY_PASSWORD")));
        } else if (!user) {
            problems.add(Problem.warning("REGISTRY", "In " + mode + " mode every node logs in to " + vars.text("REGISTRY_URL")
                    .orElse("the registry") + " and pulls the images: set REGISTRY_USERNAME and REGISTRY_PASSWORD (from "
                    + "Reemo support), or choose REGISTRY_IMAGE_MODE offline or preloaded.").variable("REGISTRY_USERNAME")
                    .at(Location.ALL_VARS).position(positions.of(Location.ALL_VARS, null)));
        }
    }

    private void pki(EffectiveVariables vars, SourcePositions positions, List<Problem> problems) {
        String mode = vars.text("PKI_MODE").orElse("generated");
        if (mode.equals("generated")) {
            return;
        }
        Optional<String> cert = vars.text("PKI_CA_CERT");
        Optional<String> key = vars.text("PKI_CA_KEY");
        if (cert.isEmpty() || mode.equals("your-ca") && key.isEmpty()) {
            problems.add(Problem.error("PKI", "PKI_MODE " + mode + " needs the CA certificate (PKI_CA_CERT)"
                    + (mode.equals("your-ca") ? " and its key (PKI_CA_KEY)" : "") + ".").variable("PKI_MODE")
                    .at(Location.ALL_VARS).position(positions.of(Location.ALL_VARS, "PKI_MODE")));
            return;
        }
        if (key.isPresent()) {
            try {
                if (!CertificateChecks.matches(CertificateChecks.certificates(cert.get()).get(0),
                        CertificateChecks.privateKey(key.get()))) {
                    problems.add(Problem.error("PKI", "PKI_CA_KEY does not belong to the certificate PKI_CA_CERT.")
                            .variable("PKI_CA_KEY").at(Location.ALL_VARS).position(positions.of(Location.ALL_VARS, "PKI_CA_KEY")));
                }
            } catch (IllegalArgumentException unreadable) {
                // reported by the type check of the variable itself
            }
        }
    }

    private void versions(EffectiveVariables vars, SourcePositions positions, List<Problem> problems) {
        String api = vars.version("api");
        String db = vars.version("db");
        if (!api.equals(db)) {
            problems.add(Problem.warning("VERSION_DB", "DOCKER_VERSION_DB (" + db + ") differs from DOCKER_VERSION_API ("
                    + api + "); in every vendor example the database job has the API's version.")
                    .variable("DOCKER_VERSION_DB").at(Location.ALL_VARS)
                    .position(positions.of(Location.ALL_VARS, "DOCKER_VERSION_DB")));
        }
    }

    private void mail(EffectiveVariables vars, List<Problem> problems) {
        if (vars.isTrue("API_MAIL_ACTIVE")) {
            for (String needed : List.of("API_MAIL_BASEURL", "EXIM_SMARTHOST")) {
                if (vars.explicit(needed).isEmpty()) {
                    problems.add(Problem.warning("MAIL", "API_MAIL_ACTIVE is on but " + needed + " is not set; mail will "
                            + "not work.").variable(needed));
                }
            }
        }
    }

    /** The line of a variable where the cluster sees it from: its group, its parent group, or all.vars. */
    private static SourcePositions.Position where(Environment environment, Cluster cluster, String variable,
                                                  SourcePositions positions) {
        if (cluster.vars().containsKey(variable)) {
            return positions.of(Location.group(cluster.group()), variable);
        }
        if (cluster.parentVars().containsKey(variable)) {
            return positions.of(Location.group(cluster.parentGroup()), variable);
        }
        if (environment.vars().containsKey(variable)) {
            return positions.of(Location.ALL_VARS, variable);
        }
        return positions.of(Location.group(cluster.group()), null);
    }
}

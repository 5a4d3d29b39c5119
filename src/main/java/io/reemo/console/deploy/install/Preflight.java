package io.reemo.console.deploy.install;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.node.OutputListener;
import io.reemo.console.swarm.SwarmReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Checks every node before anything changes: OS, Docker present or installable, ports free or already ours,
 * clock, IPVS where the services find each other by virtual IP ({@code SWARM_ENDPOINT_MODE} vip), and, for a first
 * install, that the MySQL data directory holds no database on the nodes where reemo_mysql may run. Problems that would break the install stop the job here;
 * hardware under the vendor's minimums is only a warning.
 */
@Component
class Preflight {

    static final List<Integer> PORTS = List.of(80, 443, 8443, 2377, 7946, 4789);
    private static final long MAX_SKEW_SECONDS = 30;
    private static final String ENDPOINT_MODE = "SWARM_ENDPOINT_MODE";
    private static final List<String> SUPPORTED_OS = List.of("debian", "ubuntu", "rhel", "rocky", "centos", "almalinux");
    /** Processes allowed on our ports: Docker's own (Swarm, host-mode publishing). */
    private static final List<String> OURS = List.of("dockerd", "docker-proxy", "containerd");
    private static final String SCRIPT = String.join("; ",
            ". /etc/os-release 2>/dev/null; echo \"os=$ID $VERSION_ID\"",
            "echo \"cpus=$(nproc)\"",
            "echo \"memMb=$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo)\"",
            "echo \"diskGb=$(df -P -BG / | awk 'NR==2 {gsub(\"G\",\"\",$4); print $4}')\"",
            "echo \"docker=$(command -v docker >/dev/null && docker version --format '{{.Server.Version}}' 2>/dev/null || echo none)\"",
            "echo \"epoch=$(date +%s)\"",
            "for p in " + String.join(" ", PORTS.stream().map(String::valueOf).toList())
                    + "; do ss -ltnpH \"sport = :$p\" 2>/dev/null | sed \"s/^/port$p=/\" | head -1; done",
            // Swarm's virtual IPs are IPVS: loaded (/proc/net/ip_vs), or a module modprobe would load (-n: dry run)
            "echo \"ipvs=$(if [ -e /proc/net/ip_vs ]; then echo loaded; elif modprobe -n ip_vs >/dev/null 2>&1"
                    + " || /sbin/modprobe -n ip_vs >/dev/null 2>&1; then echo loadable; else echo none; fi)\"");

    /** Files only a MySQL or MariaDB data directory holds (system tablespace, redo log, system schema, server id). */
    static final List<String> MYSQL_FILES = List.of("ibdata1", "ib_logfile0", "mysql.ibd", "aria_log_control", "auto.cnf", "mysql");

    private final JobSessions ssh;
    private final VariableCatalogue variables;
    private final MysqlDataNodes dataNodes;

    Preflight(JobSessions ssh, VariableCatalogue variables, MysqlDataNodes dataNodes) {
        this.ssh = ssh;
        this.variables = variables;
        this.dataNodes = dataNodes;
    }

    /**
     * What the install asks of the nodes.
     *
     * @param endpointMode   the node's cluster's {@code SWARM_ENDPOINT_MODE}
     * @param mysqlData      the directory that holds the internal database's data on this node, {@code null} when
     *                       reemo_mysql never runs here
     * @param firstOfCluster the node the cluster's Swarm is read through, for a platform installed without the console
     */
    record Asked(boolean installDocker, boolean initDb, String endpointMode, String mysqlData, boolean firstOfCluster) {
    }

    Step step(Environment environment, boolean installDocker, boolean initDb) {
        Map<String, String> directories = dataNodes.of(environment);
        List<String> firsts = environment.clusters().stream().filter(c -> !c.nodes().isEmpty()).map(c -> c.nodes().get(0).name()).toList();
        return JobSessions.perNode("preflight", environment.nodes(), (run, node) -> check(run, node, new Asked(installDocker, initDb,
                endpointMode(environment, node), directories.get(node.name()), firsts.contains(node.name()))));
    }

    /** A Swarm that runs the catalogue's services without the console's labels: a platform to adopt, never to install over. */
    private static Optional<String> unadopted(DockerClient docker) {
        List<String> names = SwarmReader.ifFormed(docker, SwarmReader::read).map(actual -> actual.unlabelled().keySet().stream()
                .filter(io.reemo.console.catalogue.Component::names).sorted().toList()).orElse(List.of());
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the Swarm already runs Reemo Infra installed without the console (" + names.size() + " services: "
                + String.join(", ", names) + "): adopt it (job type adopt); an install would create them again beside it");
    }

    /** The script for one node: the shared checks, and the data directory's MySQL files where the database may live. */
    static String script(Asked asked) {
        if (asked.mysqlData() == null) {
            return SCRIPT;
        }
        return SCRIPT + "; found=''; for f in " + String.join(" ", MYSQL_FILES) + "; do [ -e '" + asked.mysqlData()
                + "'/$f ] && found=\"$found $f\"; done; echo \"mysqlData=$found\"";
    }

    /** The cluster's {@code SWARM_ENDPOINT_MODE}, as the catalogue deploys its services with. */
    private String endpointMode(Environment environment, Node node) {
        return environment.clusterOf(node.name()).flatMap(cluster -> variables.effective(environment, cluster).text(ENDPOINT_MODE))
                .orElse("vip");
    }

    private int check(NodeRun run, Node node, Asked asked) {
        Map<String, String> found = new ConcurrentHashMap<>();
        long before = Instant.now().getEpochSecond();
        var result = ssh.run(run, node, script(asked), (stream, text) -> {
            int eq = text.indexOf('=');
            if (stream == OutputListener.Stream.STDOUT && eq > 0) {
                found.put(text.substring(0, eq), text.substring(eq + 1).strip());
            }
        });
        if (!result.succeeded()) {
            run.system("Preflight could not read the node (exit " + result.exitCode() + ").");
            return result.exitCode();
        }
        List<String> blocking = new ArrayList<>(blocking(found, asked, before, Instant.now().getEpochSecond()));
        if (asked.firstOfCluster() && !"none".equals(found.get("docker"))) {
            unadopted(ssh.docker(run, node)).ifPresent(blocking::add);
        }
        run.system("Found " + found.getOrDefault("os", "unknown") + ", " + found.get("cpus") + " CPU, " + found.get("memMb")
                + " MB RAM, " + found.get("diskGb") + " GB free, Docker " + found.get("docker") + ", IPVS " + found.get("ipvs") + ".");
        for (String problem : blocking) {
            run.stderr("Blocking on " + node.name() + ": " + problem);
        }
        return blocking.isEmpty() ? 0 : 1;
    }

    /**
     * What would break the install on a node that answered the script with {@code found}.
     *
     * @param before the console's clock (epoch seconds) before the script ran, {@code after} after it
     */
    static List<String> blocking(Map<String, String> found, Asked asked, long before, long after) {
        List<String> blocking = new ArrayList<>();
        String os = found.getOrDefault("os", "unknown");
        if (SUPPORTED_OS.stream().noneMatch(os::startsWith)) {
            blocking.add("OS " + os + " is not one Reemo supports (Ubuntu, Debian, RHEL, Rocky)");
        }
        if ("none".equals(found.get("docker")) && !asked.installDocker()) {
            blocking.add("Docker is not installed: install it, or run the install with \"installDocker\": true");
        }
        for (int port : PORTS) {
            String holder = found.get("port" + port);
            if (holder != null && OURS.stream().noneMatch(holder::contains)) {
                blocking.add("port " + port + " is already used by another program: " + holder);
            }
        }
        long remote = Long.parseLong(found.getOrDefault("epoch", "0"));
        if (remote < before - MAX_SKEW_SECONDS || remote > after + MAX_SKEW_SECONDS) {
            blocking.add("clock differs from the console's by " + Math.abs(remote - before) + " s: Swarm needs synchronised clocks (NTP)");
        }
        if ("vip".equals(asked.endpointMode()) && "none".equals(found.get("ipvs"))) {
            blocking.add(ENDPOINT_MODE + " is vip, which needs IPVS, and this kernel has none (no /proc/net/ip_vs, and modprobe"
                    + " -n ip_vs finds no module): the services would not reach each other and the portal would answer 502."
                    + " Set " + ENDPOINT_MODE + " to dnsrr, or load ip_vs on the node");
        }
        if (asked.initDb() && !found.getOrDefault("mysqlData", "").isBlank()) {
            blocking.add(asked.mysqlData() + " already holds a MySQL database (" + found.get("mysqlData").strip()
                    + "): INIT_DB would overwrite it. Install without initDb to keep it, or move the data away first");
        }
        return blocking;
    }
}

package io.reemo.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role-like install on the real test bed, as the operator sees it afterwards: the services of the vendor
 * documentation's {@code docker service ls} converged with their replicas and max per node, the signals one per node,
 * no label of the console's on anything, the portal answering through Traefik on every node, and the MySQL data in
 * /opt/reemo of the first node, which a second run (changing nothing) leaves as it is. Prints the playbook's timings:
 * the baseline the console's speed is compared with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleLikeInstallIT {

    private static final String PORTAL = "portal.bed.test";
    private static final String CONSOLE_LABELS = "io.reemo.console";
    private static final Duration CONVERGE = Duration.ofMinutes(3);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    /** Service → running/desired replicas and max per node (0: none) as `docker service ls` shows them converged. */
    private static final Map<String, Replicas> LISTED = Map.ofEntries(
            Map.entry("reemo_api", new Replicas(4, 4, 4)),
            Map.entry("reemo_apicron", new Replicas(1, 1, 1)),
            Map.entry("reemo_apicronldap", new Replicas(1, 1, 1)),
            Map.entry("reemo_apicronlog", new Replicas(1, 1, 1)),
            Map.entry("reemo_db", new Replicas(0, 1, 1)),
            Map.entry("reemo_mysql", new Replicas(1, 1, 1)),
            Map.entry("reemo_portal", new Replicas(2, 2, 2)),
            Map.entry("reemo_proapi", new Replicas(2, 2, 2)),
            Map.entry("reemo_prorelayapi", new Replicas(2, 2, 2)),
            Map.entry("reemo_signal1", new Replicas(1, 1, 1)),
            Map.entry("reemo_signal2", new Replicas(1, 1, 1)),
            Map.entry("reemo_signal3", new Replicas(1, 1, 1)),
            Map.entry("traefik", new Replicas(3, 3, 0)));
    private static final Set<String> DATA_FILES = Set.of("ibdata1", "ib_logfile0", "ib_logfile1", "auto.cnf", "mysql/db.opt",
            "mysql/user.frm", "mysql/db.frm", "mysql/user.ibd", "reemo/db.opt", "reemo/users.ibd", "reemo/organizations.ibd",
            "reemo/sessions.ibd");
    private static final Pattern REPLICAS = Pattern.compile("(\\d+)/(\\d+)(?: \\(max (\\d+) per node\\))?");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    static Path work;

    private final TestBed bed = TestBed.get();
    private final JsonMapper json = JsonMapper.builder().build();
    private RoleLikeInstall install;
    private Node node1;
    private RoleLikeInstall.Run first;
    private Duration converged;
    private Map<String, String> dataAfterFirstRun;
    private RoleLikeInstall.Run second;

    record Replicas(int running, int desired, int maxPerNode) {
    }

    @BeforeAll
    void installTwiceOnAFreshBed() throws Exception {
        bed.reset();
        install = new RoleLikeInstall(bed, work);
        node1 = bed.node("node1");
        Path inventory = work.resolve("inventory.yml");
        Files.writeString(inventory, BedInventories.simpleCluster(bed, PORTAL));

        long start = System.nanoTime();
        first = install.run(inventory);
        awaitConverged();
        converged = Duration.ofNanos(System.nanoTime() - start);
        dataAfterFirstRun = install.dataFiles(node1);
        second = install.run(inventory);
        System.out.printf("role-like install: first run %.1f s (converged after %.1f s), second run %.1f s%n",
                first.took().toMillis() / 1000.0, converged.toMillis() / 1000.0, second.took().toMillis() / 1000.0);
    }

    @Test
    void everyServiceOfTheDocumentationsListingRunsConvergedWithItsReplicasAndMaxPerNode() {
        assertThat(serviceList()).isEqualTo(new TreeMap<>(LISTED));
        assertThat(install.ssh(node1, "docker service ps reemo_db --format '{{.CurrentState}}'"))
                .as("the migration job ran to its end").startsWith("Complete");
    }

    @Test
    void imagesComeFromTheInventorysRegistryAtTheDefaultVersions() throws Exception {
        Map<String, String> versions = defaultVersions();
        for (JsonNode service : services()) {
            String name = service.get("Spec").get("Name").asString();
            String component = name.replaceFirst("^reemo_", "").replaceFirst("\\d+$", "");
            assertThat(containerSpec(service).get("Image").asString()).as(name)
                    .isEqualTo(bed.registryUrl() + "/" + bed.registryEnv() + component + ":" + versions.get(component));
        }
    }

    @Test
    void theSignalsArePinnedOnePerNodeAndMysqlToTheNodeHoldingItsData() {
        List<Node> nodes = bed.nodes();
        for (int n = 1; n <= nodes.size(); n++) {
            String signal = "reemo_signal" + n;
            String hostname = nodes.get(n - 1).name();
            assertThat(constraints(service(signal))).containsExactly("node.hostname == " + hostname);
            assertThat(runningOn(signal)).as(signal).containsExactly(hostname);
        }
        JsonNode mysql = service("reemo_mysql");
        assertThat(constraints(mysql)).containsExactly("node.hostname == node1");
        JsonNode mount = containerSpec(mysql).get("Mounts").get(0);
        assertThat(List.of(mount.get("Type").asString(), mount.get("Source").asString(), mount.get("Target").asString()))
                .containsExactly("bind", RoleLikeInstall.DATA_DIR, "/var/lib/mysql");
        assertThat(runningOn("reemo_mysql")).containsExactly("node1");
    }

    @Test
    void everyServiceLogsToSyslogUnderItsNameOnTheOverlayNetworkInTheInventorysEndpointMode() {
        String overlay = install.ssh(node1, "docker network inspect reemo_overlay --format '{{.Id}}'").strip();
        for (JsonNode service : services()) {
            String name = service.get("Spec").get("Name").asString();
            JsonNode task = service.get("Spec").get("TaskTemplate");
            assertThat(task.get("LogDriver").get("Name").asString()).as(name).isEqualTo("syslog");
            assertThat(task.get("LogDriver").get("Options").get("tag").asString()).as(name).isEqualTo(name);
            assertThat(task.get("LogDriver").get("Options").get("syslog-facility").asString()).as(name).isEqualTo("daemon");
            assertThat(task.get("Networks").get(0).get("Target").asString()).as(name).isEqualTo(overlay);
            assertThat(service.get("Spec").get("EndpointSpec").get("Mode").asString()).as(name).isEqualTo("dnsrr");
        }
        JsonNode traefik = service("traefik").get("Spec");
        assertThat(traefik.get("Mode").has("Global")).isTrue();
        List<String> ports = new ArrayList<>();
        traefik.get("EndpointSpec").get("Ports").forEach(p -> ports.add(p.get("PublishedPort").asInt() + "/" + p.get("PublishMode").asString()));
        assertThat(ports).containsExactlyInAnyOrder("80/host", "443/host", "8443/host");
    }

    @Test
    void noServiceSecretConfigOrNetworkCarriesAConsoleLabel() {
        List<JsonNode> objects = new ArrayList<>(services());
        objects.addAll(inspect("docker secret inspect $(docker secret ls -q)"));
        objects.addAll(inspect("docker config inspect $(docker config ls -q)"));
        objects.addAll(inspect("docker network inspect $(docker network ls -q)"));
        List<String> labels = new ArrayList<>();
        for (JsonNode object : objects) {
            JsonNode spec = object.has("Spec") ? object.get("Spec") : object;
            labelsOf(spec.get("Labels"), labels);
            if (spec.has("TaskTemplate")) {
                labelsOf(spec.get("TaskTemplate").get("ContainerSpec").get("Labels"), labels);
            }
        }
        assertThat(labels).isNotEmpty().noneMatch(key -> key.startsWith(CONSOLE_LABELS));
        assertThat(names("docker secret ls --format '{{.Name}}'"))
                .containsExactly("reemo_api_license", "reemo_db_password", "reemo_hmacsecret", "reemo_mysql_root_password");
        assertThat(names("docker config ls --format '{{.Name}}'")).containsExactly("reemo_traefik_dynamic");
        assertThat(names("docker network ls --filter scope=swarm --format '{{.Name}}'")).containsExactly("ingress", "reemo_overlay");
    }

    @Test
    void thePortalAndTheSignalsAnswerThroughTraefikOnEveryNode() throws Exception {
        for (Node node : bed.nodes()) {
            String portal = answer(() -> fetch("https://" + node.address() + "/api/healthcheck", PORTAL), 200);
            assertThat(portal).as(node.name()).contains("\"status\": \"OK\"");
            String plain = answer(() -> fetch("http://" + node.address() + "/api/healthcheck", PORTAL), 301);
            assertThat(plain).as(node.name()).containsIgnoringCase("location: https://" + PORTAL + "/api/healthcheck\r\n");
            String signal = answer(() -> fetch("https://" + node.address() + ":8443/", "signal.bed.test"), 200);
            assertThat(signal).as(node.name()).contains("signal ");
        }
    }

    @Test
    void theMysqlDataFilesAreOnTheFirstNodeAndMysqlLeftThemAlone() {
        assertThat(dataAfterFirstRun.keySet()).containsExactlyInAnyOrderElementsOf(DATA_FILES);
        assertThat(dataAfterFirstRun.values()).as("none empty").doesNotContain(EMPTY_SHA256);
        assertThat(install.ssh(node1, "head -n 1 " + RoleLikeInstall.DATA_DIR + "/ibdata1").strip())
                .as("the playbook's ibdata1, not one the mysql stand-in made").isEqualTo("reemo role-like MySQL data file ibdata1");
        assertThat(install.ssh(node1, "docker service logs reemo_mysql 2>&1"))
                .contains("using the existing database in /var/lib/mysql").doesNotContain("initialised a new database");
        for (Node other : bed.nodes().subList(1, bed.nodes().size())) {
            assertThat(install.dataFiles(other)).as(other.name() + " holds no data").isEmpty();
        }
    }

    @Test
    void aSecondRunChangesNothingAndLeavesTheDataAsItWas() {
        assertThat(second.changedPerHost()).as(second.output()).isEqualTo(Map.of("node1", 0, "node2", 0, "node3", 0));
        assertThat(install.dataFiles(node1)).isEqualTo(dataAfterFirstRun);
        assertThat(serviceList()).isEqualTo(new TreeMap<>(LISTED));
    }

    private void awaitConverged() throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        Map<String, Replicas> seen = serviceList();
        while (!(seen.equals(LISTED) && dbJobEnded())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not converged after " + CONVERGE + ": " + seen + "\n"
                        + install.ssh(node1, "docker service ps $(docker service ls -q) --no-trunc") + "\n" + first.output());
            }
            Thread.sleep(2000);
            seen = serviceList();
        }
    }

    private boolean dbJobEnded() {
        return install.ssh(node1, "docker service ps reemo_db --format '{{.CurrentState}}'").startsWith("Complete");
    }

    /** `docker service ls` as numbers (the text varies: "4/4 (max 4 per node)", "3/3"). */
    private Map<String, Replicas> serviceList() {
        Map<String, Replicas> list = new TreeMap<>();
        install.ssh(node1, "docker service ls --format '{{.Name}} {{.Replicas}}'").lines().forEach(line -> {
            String name = line.substring(0, line.indexOf(' '));
            Matcher replicas = REPLICAS.matcher(line.substring(line.indexOf(' ') + 1));
            assertThat(replicas.matches()).as(line).isTrue();
            int max = replicas.group(3) == null ? 0 : Integer.parseInt(replicas.group(3));
            list.put(name, new Replicas(Integer.parseInt(replicas.group(1)), Integer.parseInt(replicas.group(2)), max));
        });
        return list;
    }

    private List<JsonNode> services() {
        return inspect("docker service inspect $(docker service ls -q)");
    }

    private JsonNode service(String name) {
        return inspect("docker service inspect " + name).get(0);
    }

    private List<JsonNode> inspect(String command) {
        List<JsonNode> objects = new ArrayList<>();
        json.readTree(install.ssh(node1, command)).forEach(objects::add);
        return objects;
    }

    private List<String> names(String command) {
        return install.ssh(node1, command).lines().sorted().toList();
    }

    private List<String> runningOn(String service) {
        return install.ssh(node1, "docker service ps " + service + " --filter desired-state=running --format '{{.Node}}'").lines().toList();
    }

    private static JsonNode containerSpec(JsonNode service) {
        return service.get("Spec").get("TaskTemplate").get("ContainerSpec");
    }

    private static List<String> constraints(JsonNode service) {
        List<String> constraints = new ArrayList<>();
        service.get("Spec").get("TaskTemplate").get("Placement").get("Constraints").forEach(c -> constraints.add(c.asString()));
        return constraints;
    }

    private static void labelsOf(JsonNode labels, List<String> keys) {
        if (labels != null && labels.isObject()) {
            keys.addAll(labels.propertyNames());
        }
    }

    /** Component → version of the stand-ins' default set (docker/images/catalog), the role-like play's defaults. */
    private static Map<String, String> defaultVersions() throws Exception {
        Map<String, String> versions = new HashMap<>();
        Files.readAllLines(TestBed.projectFile("docker/images/catalog")).stream()
                .filter(line -> !line.startsWith("#")).map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length == 3 && fields[2].equals("default"))
                .forEach(fields -> versions.put(fields[0], fields[1]));
        return versions;
    }

    private static String fetch(String url, String host) {
        try {
            return BedInventories.fetch(url, host);
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }

    /** The answer once it has this status: Traefik's tasks run before their backends are all found by name. */
    private static String answer(Supplier<String> request, int status) throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        String answer = request.get();
        while (!answer.matches("(?s)HTTP/1\\.[01] " + status + " .*")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + status + " within " + ANSWER + ", got: " + answer);
            }
            Thread.sleep(500);
            answer = request.get();
        }
        return answer;
    }
}

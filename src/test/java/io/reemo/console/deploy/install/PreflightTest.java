package io.reemo.console.deploy.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What blocks an install on a node, from what the node's script found. */
class PreflightTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void vipEndpointModeOnAKernelWithoutIpvsIsBlockedWithTheAdviceToUseDnsrr() {
        assertThat(Preflight.blocking(found("none"), new Preflight.Asked(false, false, "vip", null, false), NOW, NOW)).singleElement().asString()
                .startsWith("SWARM_ENDPOINT_MODE is vip, which needs IPVS, and this kernel has none (no /proc/net/ip_vs, and modprobe -n ip_vs")
                .contains("the portal would answer 502")
                .endsWith("Set SWARM_ENDPOINT_MODE to dnsrr, or load ip_vs on the node");
    }

    @Test
    void ipvsLoadedOrLoadableOrDnsrrModeIsFine() {
        assertThat(Preflight.blocking(found("loaded"), new Preflight.Asked(false, false, "vip", null, false), NOW, NOW)).isEmpty();
        assertThat(Preflight.blocking(found("loadable"), new Preflight.Asked(false, false, "vip", null, false), NOW, NOW)).isEmpty();
        assertThat(Preflight.blocking(found("none"), new Preflight.Asked(false, false, "dnsrr", null, false), NOW, NOW)).isEmpty();
    }

    @Test
    void theOtherBlockersAreStillSaidBesideIt() {
        Map<String, String> found = found("none");
        found.put("docker", "none");
        found.put("port443", "LISTEN 0 511 *:443 *:* users:((\"nginx\",pid=1,fd=6))");
        found.put("epoch", String.valueOf(NOW - 120));

        assertThat(Preflight.blocking(found, new Preflight.Asked(false, false, "vip", null, false), NOW, NOW)).hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("Docker is not installed"))
                .anySatisfy(p -> assertThat(p).startsWith("port 443 is already used by another program"))
                .anySatisfy(p -> assertThat(p).startsWith("clock differs from the console's by 120 s"))
                .anySatisfy(p -> assertThat(p).startsWith("SWARM_ENDPOINT_MODE is vip"));
    }

    /** The script's data-directory check, run by a real shell on real directories. */
    @Test
    void initDbIsBlockedByTheFilesOfAMysqlDataDirectoryNotByAnyFolderThatHoldsSomething(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "kept by someone else");
        Path database = Files.createDirectory(dir.resolve("opt-reemo"));
        Files.createDirectory(database.resolve("mysql"));
        Files.write(database.resolve("ibdata1"), new byte[]{1, 2, 3});

        assertThat(blockingOn(empty)).isEmpty();
        assertThat(blockingOn(other)).isEmpty();
        assertThat(blockingOn(dir.resolve("missing"))).isEmpty();
        assertThat(blockingOn(database)).singleElement().asString()
                .isEqualTo(database + " already holds a MySQL database (ibdata1 mysql): INIT_DB would overwrite it."
                        + " Install without initDb to keep it, or move the data away first");
    }

    private static List<String> blockingOn(Path dataDirectory) throws Exception {
        Preflight.Asked asked = new Preflight.Asked(false, true, "dnsrr", dataDirectory.toString(), false);
        String script = Preflight.script(asked);
        Process shell = new ProcessBuilder("bash", "-c", script.substring(script.indexOf("; found=") + 2)).start();
        String output = new String(shell.getInputStream().readAllBytes());
        assertThat(shell.waitFor()).isZero();
        Map<String, String> found = found("loaded");
        found.put("mysqlData", output.strip().substring("mysqlData=".length()));
        return Preflight.blocking(found, asked, NOW, NOW);
    }

    private static Map<String, String> found(String ipvs) {
        Map<String, String> found = new HashMap<>();
        found.put("os", "debian 12");
        found.put("docker", "20.10.24");
        found.put("epoch", String.valueOf(NOW));
        found.put("ipvs", ipvs);
        return found;
    }
}

package io.reemo.console.deploy.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What blocks an install on a node, from what the node's script found. */
class PreflightTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void vipEndpointModeOnAKernelWithoutIpvsIsBlockedWithTheAdviceToUseDnsrr() {
        assertThat(Preflight.blocking(found("none"), new Preflight.Asked(false, false, "vip"), NOW, NOW)).singleElement().asString()
                .startsWith("SWARM_ENDPOINT_MODE is vip, which needs IPVS, and this kernel has none (no /proc/net/ip_vs, and modprobe -n ip_vs")
                .contains("the portal would answer 502")
                .endsWith("Set SWARM_ENDPOINT_MODE to dnsrr, or load ip_vs on the node");
    }

    @Test
    void ipvsLoadedOrLoadableOrDnsrrModeIsFine() {
        assertThat(Preflight.blocking(found("loaded"), new Preflight.Asked(false, false, "vip"), NOW, NOW)).isEmpty();
        assertThat(Preflight.blocking(found("loadable"), new Preflight.Asked(false, false, "vip"), NOW, NOW)).isEmpty();
        assertThat(Preflight.blocking(found("none"), new Preflight.Asked(false, false, "dnsrr"), NOW, NOW)).isEmpty();
    }

    @Test
    void theOtherBlockersAreStillSaidBesideIt() {
        Map<String, String> found = found("none");
        found.put("docker", "none");
        found.put("port443", "LISTEN 0 511 *:443 *:* users:((\"nginx\",pid=1,fd=6))");
        found.put("epoch", String.valueOf(NOW - 120));

        assertThat(Preflight.blocking(found, new Preflight.Asked(false, false, "vip"), NOW, NOW)).hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("Docker is not installed"))
                .anySatisfy(p -> assertThat(p).startsWith("port 443 is already used by another program"))
                .anySatisfy(p -> assertThat(p).startsWith("clock differs from the console's by 120 s"))
                .anySatisfy(p -> assertThat(p).startsWith("SWARM_ENDPOINT_MODE is vip"));
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

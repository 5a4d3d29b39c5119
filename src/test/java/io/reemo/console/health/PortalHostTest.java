package io.reemo.console.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortalHostTest {

    @Test
    void takesTheHostOfAUrlOrABareName() {
        assertThat(PortalHost.of("https://portal.example.com:8443/x?y")).contains("portal.example.com");
        assertThat(PortalHost.of(" portal.example.com ")).contains("portal.example.com");
        assertThat(PortalHost.of("portal.example.com/path#top")).contains("portal.example.com");
        assertThat(PortalHost.of("http://10.0.0.7")).contains("10.0.0.7");
    }

    @Test
    void refusesWhatIsNotAHostNameOrAnIpv4Address() {
        List<String> refused = List.of("", "https://", "portal.example.com\r\nX-Injected: 1", "portal example.com",
                "user:pass@portal.example.com", "https://evil@portal.example.com/", "my_host.example.com",
                "-portal.example.com", "portal..example.com", "[::1]", "https://[fe80::1]:443/", "a".repeat(64) + ".com");
        assertThat(refused).allSatisfy(url -> assertThat(PortalHost.of(url)).as(url).isEmpty());
    }

    @Test
    void aHostIsANameOrAnIpv4Address() {
        assertThat(PortalHost.isName("portal.example.com")).isTrue();
        assertThat(PortalHost.isName("192.168.1.10")).isTrue();
        assertThat(PortalHost.isName("portal.example.com\r\nX: y")).isFalse();
        assertThat(PortalHost.isName(null)).isFalse();
    }

    @Test
    void theProbeAsksForNoOtherHost() {
        PortalProbe probe = new PortalProbe(new HealthcheckProperties("http", 1, Duration.ofSeconds(1)));
        PortalProbe.Reply reply = probe.get("127.0.0.1", "portal.example.com\r\nX: y", 443, "/", "*/*", false);
        assertThat(reply.answered()).isFalse();
        assertThat(reply.failure()).isEqualTo("'portal.example.com X: y' is neither a host name nor the node's address, so"
                + " nothing was asked");
    }
}

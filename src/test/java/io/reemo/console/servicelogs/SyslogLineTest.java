package io.reemo.console.servicelogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyslogLineTest {

    private static final Set<String> SERVICES = Set.of("reemo_portal", "reemo_portaladmin", "traefik");

    @Test
    void aTraditionalLineGivesNodeServiceTimeAndMessage() {
        SyslogLine line = SyslogLine.parse("node1", "Nov  6 02:30:01 node1 reemo_portal[1234]: 10.0.1.5:43210: url:/x", SERVICES);

        assertThat(line).isEqualTo(new SyslogLine("node1", "reemo_portal", "", "Nov  6 02:30:01", line.epochMillis(), "10.0.1.5:43210: url:/x"));
        assertThat(line.epochMillis()).isPositive();
        assertThat(line.plainText()).isEqualTo("Nov  6 02:30:01 node1 reemo_portal | 10.0.1.5:43210: url:/x");
    }

    @Test
    void anRfc3339LineIsShortenedToTheMillisecondAndOrderedByItsInstant() {
        SyslogLine line = SyslogLine.parse("node2", "2026-11-26T02:30:01.123456+01:00 node2 traefik[9]: \"GET / HTTP/1.1\" 502 0", SERVICES);

        assertThat(line.time()).isEqualTo("2026-11-26 02:30:01.123");
        assertThat(line.epochMillis()).isEqualTo(Instant.parse("2026-11-26T01:30:01.123Z").toEpochMilli());
        assertThat(line.message()).isEqualTo("\"GET / HTTP/1.1\" 502 0");
    }

    @Test
    void aTagWithATaskIsSplitOnTheLongestServiceName() {
        SyslogLine task = SyslogLine.parse("node3", "Nov 26 02:30:01 node3 reemo_portaladmin.2.x3f9k[1]: started", SERVICES);
        SyslogLine container = SyslogLine.parse("node3", "Nov 26 02:30:01 node3 reemo_portal/8c1e77a0[1]: started", SERVICES);

        assertThat(task.service()).isEqualTo("reemo_portaladmin");
        assertThat(task.task()).isEqualTo("2.x3f9k");
        assertThat(task.plainText()).contains(" node3 reemo_portaladmin.2.x3f9k | started");
        assertThat(container.service()).isEqualTo("reemo_portal");
        assertThat(container.task()).isEqualTo("8c1e77a0");
    }

    @Test
    void aLineThatIsNotSyslogIsKeptWholeAsAMessageWithoutService() {
        SyslogLine line = SyslogLine.parse("node1", "tail: '/var/log/syslog' has been replaced; following new file", SERVICES);

        assertThat(line.service()).isEmpty();
        assertThat(line.message()).isEqualTo("tail: '/var/log/syslog' has been replaced; following new file");
        assertThat(line.epochMillis()).isZero();
    }

    @Test
    void linesOfSeveralNodesMergeByTime() {
        List<SyslogLine> lines = new ArrayList<>(List.of(
                SyslogLine.parse("node2", "2026-11-26T02:30:03.000000+00:00 node2 traefik[9]: third", SERVICES),
                SyslogLine.parse("node1", "2026-11-26T02:30:01.000000+00:00 node1 traefik[9]: first", SERVICES),
                SyslogLine.parse("node3", "2026-11-26T02:30:02.000000+00:00 node3 traefik[9]: second", SERVICES)));

        lines.sort(SyslogLine.BY_TIME);

        assertThat(lines).extracting(SyslogLine::message).containsExactly("first", "second", "third");
        assertThat(lines).extracting(SyslogLine::node).containsExactly("node1", "node3", "node2");
    }
}

package io.reemo.console.servicelogs;

import io.reemo.console.environment.Node;
import io.reemo.console.secrets.SecretMasker;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Live tails of services' lines: one {@code tail -F} per node that may run them, all feeding one {@link LiveLines}. */
@Component
public class LogTails {

    private final NodeLogs nodeLogs;
    private final SecretMasker masker;

    LogTails(NodeLogs nodeLogs, SecretMasker masker) {
        this.nodeLogs = nodeLogs;
        this.masker = masker;
    }

    /** Follows the services' lines from {@code since} until the returned lines are closed. */
    public LiveLines follow(List<LoggedService> services, Instant since) {
        LiveLines lines = new LiveLines(LoggedServices.names(services), masker);
        List<String> tags = LoggedServices.tags(services);
        for (Node node : LoggedServices.nodesOf(services)) {
            lines.add(nodeLogs.follow(node, SyslogCommand.follow(LoggedServices.syslogFiles(node), tags, since), lines));
        }
        return lines;
    }
}

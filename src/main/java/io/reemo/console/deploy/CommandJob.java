package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code command}: an ad-hoc shell command on chosen nodes (all when {@code "nodes"} is absent), what
 * operators did with {@code ansible -m shell}. Counted as changing (it may change anything), so admins only.
 */
@Component
class CommandJob implements JobType {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    private static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    private static final int MAX_COMMAND = 10_000;

    private final JobSessions ssh;

    CommandJob(JobSessions ssh) {
        this.ssh = ssh;
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public boolean changing() {
        return true;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("command", "nodes", "timeoutSeconds");
    }

    @Override
    public List<Step> plan(Environment environment, JobParameters parameters) {
        String command = parameters.requiredString("command", "the shell command to run, e.g. \"uptime\"");
        if (command.length() > MAX_COMMAND) {
            throw new JobParametersException(List.of("'command' is longer than " + MAX_COMMAND + " characters: upload a script instead"));
        }
        Duration timeout = parameters.seconds("timeoutSeconds", DEFAULT_TIMEOUT, MAX_TIMEOUT);
        return List.of(ssh.commandStep("command", parameters.nodes(environment), node -> command, timeout));
    }
}

package io.reemo.console.deploy.command;

import io.reemo.console.deploy.CommandParameters;
import io.reemo.console.deploy.JobNodes;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import io.reemo.console.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code command}: an ad-hoc shell command on chosen nodes (all when {@code "nodes"} is absent), what
 * operators did with {@code ansible -m shell}. Counted as changing (it may change anything), so admins only.
 */
@Component
class CommandJob implements JobType<CommandParameters> {

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
    public String role() {
        return Roles.ADMIN;
    }

    @Override
    public Class<CommandParameters> parametersType() {
        return CommandParameters.class;
    }

    @Override
    public List<ParameterProblem> check(Environment environment, CommandParameters parameters) {
        List<ParameterProblem> problems = new ArrayList<>();
        String command = parameters.command();
        if (command == null || command.isBlank()) {
            problems.add(new ParameterProblem("command", "'command' is required: the shell command to run, e.g. \"uptime\""));
        } else if (command.length() > MAX_COMMAND) {
            problems.add(new ParameterProblem("command", "'command' is longer than " + MAX_COMMAND + " characters: upload a script instead"));
        }
        Long seconds = parameters.timeoutSeconds();
        if (seconds != null && (seconds < 1 || seconds > CommandParameters.MAX_TIMEOUT.toSeconds())) {
            problems.add(new ParameterProblem("timeoutSeconds", CommandParameters.TIMEOUT_RULE));
        }
        JobNodes.check(environment, parameters.nodes(), problems);
        return problems;
    }

    @Override
    public List<Step> plan(Environment environment, CommandParameters parameters) {
        String command = parameters.command();
        return List.of(ssh.commandStep("command", JobNodes.of(environment, parameters.nodes()), node -> command, parameters.timeout()));
    }
}

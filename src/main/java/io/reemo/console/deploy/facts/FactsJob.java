package io.reemo.console.deploy.facts;

import io.reemo.console.deploy.FactsParameters;
import io.reemo.console.deploy.JobNodes;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.NodeFacts;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.node.CommandResult;
import io.reemo.console.node.OutputListener;
import io.reemo.console.security.Roles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code facts}: the connection test. On every node (or those in {@code "nodes"}): log in with the
 * pinned host key, then read OS, CPUs, RAM, free disk, Docker version and Swarm state, and record
 * them on the environment for the preflight. Read-only.
 */
@Component
class FactsJob implements JobType<FactsParameters> {


    private final JobSessions ssh;
    private final Environments environments;

    FactsJob(JobSessions ssh, Environments environments) {
        this.ssh = ssh;
        this.environments = environments;
    }

    @Override
    public String name() {
        return "facts";
    }

    @Override
    public boolean changing() {
        return false;
    }

    @Override
    public String role() {
        return Roles.OPERATOR;
    }

    @Override
    public Class<FactsParameters> parametersType() {
        return FactsParameters.class;
    }

    @Override
    public List<ParameterProblem> check(Environment environment, FactsParameters parameters) {
        List<ParameterProblem> problems = new ArrayList<>();
        JobNodes.check(environment, parameters.nodes(), problems);
        return problems;
    }

    @Override
    public List<Step> plan(Environment environment, FactsParameters parameters) {
        return List.of(JobSessions.perNode("facts", JobNodes.of(environment, parameters.nodes()), (run, node) -> gather(run, node, environment.id())));
    }

    private int gather(NodeRun run, Node node, long environmentId) {
        Map<String, String> found = new ConcurrentHashMap<>();
        CommandResult result = ssh.run(run, node, NodeFactsParser.SCRIPT, (stream, text) -> {
            if (stream == OutputListener.Stream.STDOUT) {
                NodeFactsParser.take(text, found);
            }
        });
        if (!result.succeeded()) {
            return result.exitCode();
        }
        NodeFacts facts = NodeFactsParser.parse(found, Instant.now());
        environments.recordFacts(environmentId, node.name(), facts, Edit.of(RevisionCause.FACTS, run.startedBy()).job(run.jobId()));
        run.system(NodeFactsParser.summary(facts, found));
        return 0;
    }
}

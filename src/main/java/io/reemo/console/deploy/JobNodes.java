package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The nodes a job runs on: those named in its {@code nodes}, in that order, or every node of the environment. */
public final class JobNodes {

    private JobNodes() {
    }

    /** @param names the names asked for, {@code null} for every node */
    public static void check(Environment environment, List<String> names, List<ParameterProblem> problems) {
        List<Node> all = environment.nodes();
        if (all.isEmpty()) {
            problems.add(new ParameterProblem(null, "environment '" + environment.name() + "' has no nodes yet: add its servers first"));
            return;
        }
        if (names == null) {
            return;
        }
        if (names.isEmpty()) {
            problems.add(new ParameterProblem("nodes", "'nodes' must be a non-empty list of node names, e.g. [\"" + all.get(0).name()
                    + "\"] (leave it out for all nodes)"));
        }
        names.stream().filter(name -> environment.node(name).isEmpty()).forEach(name -> problems.add(new ParameterProblem("nodes",
                "'nodes': environment '" + environment.name() + "' has no node '" + name + "' (it has "
                        + String.join(", ", all.stream().map(Node::name).toList()) + ")")));
    }

    /** The nodes of names that passed {@link #check}, each once. */
    public static List<Node> of(Environment environment, List<String> names) {
        if (names == null) {
            return environment.nodes();
        }
        List<Node> chosen = new ArrayList<>();
        names.stream().map(environment::node).flatMap(Optional::stream).filter(n -> !chosen.contains(n)).forEach(chosen::add);
        return chosen;
    }
}

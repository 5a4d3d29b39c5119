package io.reemo.console.job;

import java.util.HashSet;
import java.util.List;

/**
 * One step of a job: the same work on each of its nodes, all at once. The job goes on to the next
 * step only when every node succeeded.
 *
 * @param nodes node names; {@link #CONSOLE} for work done by the console itself
 */
public record Step(String name, List<String> nodes, NodeWork work) {

    /** The node name of work done by the console itself. */
    public static final String CONSOLE = "console";
    /** The step name of the lines the job itself writes (start, cancel, outcome), which belong to no step. */
    public static final String JOB = "job";

    public Step {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a step needs a name");
        }
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("step '" + name + "' runs on no node");
        }
        if (new HashSet<>(nodes).size() != nodes.size()) {
            throw new IllegalArgumentException("step '" + name + "' names a node twice: " + nodes);
        }
    }

    /** A step the console runs itself, once. */
    public static Step onConsole(String name, NodeWork work) {
        return new Step(name, List.of(CONSOLE), work);
    }
}

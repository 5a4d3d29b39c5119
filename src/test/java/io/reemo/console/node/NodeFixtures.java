package io.reemo.console.node;

import java.time.Clock;
import java.time.Duration;

/** Node-module objects for the tests of the modules that use them, which cannot reach the package-private constructors. */
public final class NodeFixtures {

    private NodeFixtures() {
    }

    /** Viewer sessions over the given (usually mocked) sessions, closed after two idle minutes. */
    public static ViewerSessions viewerSessions(NodeSessions sessions) {
        return new ViewerSessions(sessions, new ViewerSessionProperties(Duration.ofMinutes(2)), Clock.systemUTC());
    }
}

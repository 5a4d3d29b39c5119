package io.reemo.console.admin.dashboard;

import java.util.List;

/**
 * One cluster on the dashboard.
 *
 * @param readThrough the node whose Docker answered, {@code null} when none did
 * @param problem     why its Swarm could not be read, {@code null} when it was
 */
record ClusterPanel(String group, String readThrough, String problem, List<NodeRow> nodes, List<ServiceRow> services) {

    /** A node answered but forms no Swarm yet: normal before the first install, not a failure. */
    public boolean beforeInstall() {
        return problem != null && readThrough != null;
    }
}

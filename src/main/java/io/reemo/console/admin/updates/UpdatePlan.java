package io.reemo.console.admin.updates;

import io.reemo.console.deploy.PlanService;
import io.reemo.console.swarm.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plan as the confirmation shows it: the steps of the mandatory order, each with its versions and what the
 * Swarm would change for its services; networks, secrets and labels the services need come first.
 */
record UpdatePlan(List<PlannedStep> steps, List<Change> preparations, List<String> notes) {

    private static final Set<Change.Kind> SERVICE_CHANGES = Set.of(Change.Kind.CREATE_SERVICE, Change.Kind.UPDATE_SERVICE,
            Change.Kind.REMOVE_SERVICE);

    /** @param number 1-based position in the mandatory order */
    record PlannedStep(int number, List<String> tags, List<Target> targets, List<Change> changes) {
    }

    record Target(String tag, String from, String to) {

        public String label() {
            return tag + " " + from + " → " + to;
        }
    }

    static UpdatePlan of(UpdateSelection selection, List<VersionRow> rows, PlanService.Plan plan) {
        List<PlannedStep> steps = new ArrayList<>();
        for (List<String> group : selection.order()) {
            List<VersionRow> groupRows = group.stream().map(tag -> VersionRows.find(rows, tag).orElseThrow()).toList();
            List<String> services = groupRows.stream().flatMap(row -> row.services().stream()).toList();
            steps.add(new PlannedStep(steps.size() + 1, group,
                    groupRows.stream().map(row -> new Target(row.tag(), row.current(), selection.targets().get(row.tag()))).toList(),
                    plan.changes().stream().filter(c -> SERVICE_CHANGES.contains(c.kind()) && services.contains(c.target())).toList()));
        }
        List<Change> preparations = plan.changes().stream().filter(c -> !SERVICE_CHANGES.contains(c.kind())).toList();
        return new UpdatePlan(steps, preparations, plan.notes());
    }

    /** Nothing would change on the servers. */
    public boolean nothingChanges() {
        return preparations.isEmpty() && steps.stream().allMatch(step -> step.changes().isEmpty());
    }

    /**
     * Whether the configured versions would change. After a failed update that Swarm rolled back, the servers run
     * the previous version while the configuration names the failed one: returning changes only the configuration.
     */
    public boolean changesVersions() {
        return steps.stream().flatMap(step -> step.targets().stream()).anyMatch(t -> !t.from().equals(t.to()));
    }
}

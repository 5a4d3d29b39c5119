package io.reemo.console.wizard;

import io.reemo.console.deploy.PlanService.Plan;
import io.reemo.console.swarm.Change;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the review page says of a Swarm that already runs Reemo Infra installed without the console: which versions
 * run ({@code api 2.13.10, portal 2.13.11}), how many services would be adopted and how many of their fields would
 * change if the adoption converged.
 */
record AdoptionSummary(String versions, int services, int fields) {

    /** Empty when the plan adopts nothing. */
    static Optional<AdoptionSummary> of(Plan plan) {
        List<Change> adoptions = plan.adoptions();
        if (adoptions.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> byComponent = new LinkedHashMap<>();
        adoptions.forEach(c -> byComponent.putIfAbsent(component(c.target()), plan.running().get(c.target())));
        String versions = byComponent.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return Optional.of(new AdoptionSummary(versions, adoptions.size(), adoptions.stream().mapToInt(c -> c.fields().size()).sum()));
    }

    /** {@code reemo_signal2} → {@code signal}: the component, as the vendor names its versions. */
    private static String component(String service) {
        return service.replaceFirst("^reemo_", "").replaceFirst("\\d+$", "");
    }
}

package io.reemo.console.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a portal's {@code /api/healthcheck} tree (platform.md §4.10): the portal, the api under it, the
 * db, provision APIs, container providers, relays, signal. Any status other than {@code OK} is a failure
 * (product-calls.md §17); lists such as {@code container-providers} become an entry without status of their own.
 *
 * @param status {@code null} for a list's entry, which only groups its items
 */
public record HealthItem(String name, String status, String version, String detail, List<HealthItem> children) {

    public HealthItem {
        children = List.copyOf(children);
    }

    public static HealthItem parse(String name, JsonNode json) {
        List<HealthItem> children = new ArrayList<>();
        JsonNode services = json.path("services");
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            children.add(service.getValue().isArray() ? list(service.getKey(), service.getValue()) : parse(service.getKey(), service.getValue()));
        }
        return new HealthItem(name, json.has("status") ? json.path("status").asString() : "(no status)",
                text(json, "version"), text(json, "type"), children);
    }

    private static HealthItem list(String name, JsonNode items) {
        List<HealthItem> children = new ArrayList<>();
        for (JsonNode item : items) {
            children.add(parse(item.has("name") ? item.path("name").asString() : name + " " + (children.size() + 1), item));
        }
        return new HealthItem(name, null, "", "", children);
    }

    private static String text(JsonNode json, String field) {
        return json.has(field) ? json.path(field).asString() : "";
    }

    public boolean failing() {
        return status != null && !"OK".equals(status);
    }

    /** Each failing entry under this one (this one included) with its path: {@code api > ws-relays > Global - WS_SWARM: DOWN}. */
    public List<String> failures() {
        List<String> found = new ArrayList<>();
        collectFailures("", found);
        return found;
    }

    private void collectFailures(String parent, List<String> found) {
        String path = parent.isEmpty() ? name : parent + " > " + name;
        if (failing()) {
            found.add(path + ": " + status);
        }
        children.forEach(child -> child.collectFailures(path, found));
    }

    /** Whether this entry or any under it is failing. */
    public boolean anyFailing() {
        return failing() || children.stream().anyMatch(HealthItem::anyFailing);
    }
}

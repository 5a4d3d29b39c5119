package io.reemo.console.deploy;

import io.reemo.console.catalogue.UpdateTags;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code update}, and the plan of a tagged update.
 *
 * @param tags            the update tags (each once), from {@link #TAGS}; empty for the whole environment
 * @param versions        {@code DOCKER_VERSION_*} variable → version, set on the environment before the update
 * @param confirmDowntime the operator accepts that a {@code mysql} update interrupts the service
 * @param retryFailed     the operator knows that one of {@code versions} failed before on this environment and tries it again
 */
public record UpdateParameters(List<String> tags, Map<String, String> versions, boolean confirmDowntime, boolean retryFailed)
        implements JobParameters {

    /** The update tags a request may name, in the catalogue's order. */
    public static final List<String> TAGS = UpdateTags.ALL;

    public UpdateParameters {
        tags = tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
        versions = versions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }
}

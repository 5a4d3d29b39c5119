package io.reemo.console.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tags of several repositories of one registry, or in words why they could not be read. A repository's own
 * problem (it does not exist, no pull access) stays with it; a problem of the whole registry stops the reading,
 * since asking for the next repository would fail the same way, only slower.
 *
 * @param tags            by repository: every tag, oldest first
 * @param problems        by repository: why it could not be read
 * @param registryProblem why the registry itself could not be read (unreachable, login refused); {@code null} when read
 */
public record RepositoryTags(Map<String, List<String>> tags, Map<String, String> problems, String registryProblem) {

    private static final Set<RegistryException.Reason> REGISTRY_WIDE = Set.of(RegistryException.Reason.UNREACHABLE,
            RegistryException.Reason.BAD_CREDENTIALS, RegistryException.Reason.UNTRUSTED_CERTIFICATE,
            RegistryException.Reason.UNEXPECTED_ANSWER);

    public RepositoryTags {
        tags = Map.copyOf(tags);
        problems = Map.copyOf(problems);
    }

    static RepositoryTags read(RegistryClient registry, Collection<String> repositories) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String repository : repositories) {
            try {
                tags.put(repository, registry.tags(repository));
            } catch (RegistryException e) {
                if (REGISTRY_WIDE.contains(e.reason())) {
                    return new RepositoryTags(Map.of(), Map.of(), e.getMessage());
                }
                problems.put(repository, e.getMessage());
            } catch (IllegalArgumentException e) {
                problems.put(repository, e.getMessage());
            }
        }
        return new RepositoryTags(tags, problems, null);
    }

    /** The repository's tags, oldest first; none when they could not be read. */
    public List<String> of(String repository) {
        return tags.getOrDefault(repository, List.of());
    }

    /** Why the repository's tags are unknown, or {@code null} when they were read. */
    public String problem(String repository) {
        return registryProblem != null ? registryProblem : problems.get(repository);
    }
}

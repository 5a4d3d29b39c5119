package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.List;

/** The stored environments of a unit test: a list, no database, no encryption. */
public class InMemoryEnvironments implements Environments {

    private final List<Environment> stored = new ArrayList<>();

    @Override
    public Environment get(long id) {
        return stored.stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new EnvironmentNotFoundException("no environment " + id));
    }

    @Override
    public List<Environment> list() {
        return List.copyOf(stored);
    }

    @Override
    public Environment save(Environment environment) {
        Environment saved = environment.id() == null ? environment.withId((long) stored.size() + 1) : environment;
        stored.removeIf(e -> e.id().equals(saved.id()));
        stored.add(saved);
        return saved;
    }

    @Override
    public void delete(long id) {
        stored.removeIf(e -> e.id() == id);
    }

    @Override
    public Environment pinHostKey(long environmentId, String nodeName, String sha256, boolean replace) {
        throw new IllegalStateException("not used by unit tests");
    }

    @Override
    public Environment recordFacts(long environmentId, String nodeName, NodeFacts facts) {
        throw new IllegalStateException("not used by unit tests");
    }

    /** A validator over this store, as the application builds it. */
    public EnvironmentValidator validator() {
        return new EnvironmentValidator(new VariableCatalogue(), this, tools.jackson.databind.json.JsonMapper.shared());
    }
}

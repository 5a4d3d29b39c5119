package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What changed between two versions of an environment, and how to carry one person's changes over another's. */
@Component
public class EnvironmentDiffs {

    /**
     * A change made from an old revision, replayed on the current one.
     *
     * @param merged    the current environment with every change of yours that does not touch a field they changed too
     * @param yours     what you changed from the base
     * @param theirs    what changed from the base to the current environment meanwhile
     * @param conflicts fields you both changed: their value is kept; the change shows your value
     */
    public record Rebase(Environment merged, List<FieldChange> yours, List<FieldChange> theirs, List<FieldChange> conflicts) {
    }

    private final VariableCatalogue catalogue;
    private final JsonMapper json;

    public EnvironmentDiffs(VariableCatalogue catalogue, JsonMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    /** Every field that differs, in the order of {@code after} then of fields only {@code before} had. */
    public List<FieldChange> between(Environment before, Environment after) {
        Map<String, JsonNode> old = tree(before).leaves();
        Map<String, JsonNode> now = tree(after).leaves();
        Set<String> fields = new LinkedHashSet<>(now.keySet());
        fields.addAll(old.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = old.get(field);
            JsonNode is = now.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(field, EnvironmentTree.display(was, false), EnvironmentTree.display(is, true)));
            }
        }
        return changes;
    }

    public Rebase rebase(Environment base, Environment mine, Environment theirs) {
        Map<String, JsonNode> baseLeaves = tree(base).leaves();
        Map<String, JsonNode> mineLeaves = tree(mine).leaves();
        EnvironmentTree merged = tree(theirs);
        Map<String, JsonNode> theirLeaves = merged.leaves();
        List<FieldChange> conflicts = new ArrayList<>();
        for (FieldChange change : between(base, mine)) {
            String field = change.field();
            JsonNode wanted = mineLeaves.get(field);
            boolean theyChanged = !Objects.equals(baseLeaves.get(field), theirLeaves.get(field));
            if (!theyChanged) {
                merged.put(field, wanted);
            } else if (!Objects.equals(wanted, theirLeaves.get(field))) {
                conflicts.add(new FieldChange(field, EnvironmentTree.display(theirLeaves.get(field), false),
                        EnvironmentTree.display(wanted, true)));
            }
        }
        return new Rebase(merged.toEnvironment(theirs.id(), catalogue, json), between(base, mine), between(base, theirs), conflicts);
    }

    private EnvironmentTree tree(Environment environment) {
        return EnvironmentTree.of(environment, catalogue, json);
    }
}

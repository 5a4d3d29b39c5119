package io.reemo.console.inventory;

import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SourcePositions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML from strangers: the node tree (with line and column of everything) under hard limits, and plain
 * values from it. Nothing is ever instantiated from a tag; alias bombs, deep nesting, huge documents and
 * self-referencing aliases are refused with a problem, quickly.
 */
final class SafeYaml {

    static final int MAX_CODE_POINTS = 2 * 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    /** Values after aliases are expanded: far above any real inventory, far below what hurts. */
    static final int MAX_VALUE_NODES = 200_000;

    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL);
    private static final String ANSIBLE_UNSAFE = "!unsafe";
    private static final String ANSIBLE_VAULT = "!vault";

    /** The document cannot be read at all. */
    static final class Refused extends RuntimeException {
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /** One key of a mapping with where it was written. */
    record Entry(String key, Mark mark, Node value) {
    }

    private final LoaderOptions options = new LoaderOptions();
    private final Scalars scalars;
    private final List<Problem> problems = new ArrayList<>();
    private int valueNodes;

    SafeYaml() {
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(true);
        options.setProcessComments(false);
        options.setTagInspector(tag -> false);
        scalars = new Scalars(options);
    }

    /** Problems met while reading values and mappings (duplicate keys, forbidden tags). */
    List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** @return the root node, or {@code null} for an empty document */
    Node compose(String text) {
        // Refused before parsing: the parser would read all of it first.
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new Refused(Problem.error("YAML_LIMIT", "The file was refused: " + limit("code points")));
        }
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // Only the parser's own words and the position: its snippet of the line could show a secret.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            if (String.valueOf(e.getProblem()).startsWith("Global tag is not allowed")) {
                throw new Refused(at(Problem.error("YAML_TAG", "The file was refused: it names a class or type with a "
                        + "global tag (!!…); an inventory holds only plain text, numbers, booleans, lists and mappings."), mark));
            }
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new Refused(at(Problem.error("YAML_SYNTAX", "The file is not valid YAML: " + e.getProblem() + context
                    + ". Check the indentation of this line and the one above: every key of a mapping must start in the "
                    + "same column."), mark));
        } catch (YAMLException e) {
            throw new Refused(Problem.error("YAML_LIMIT", "The file was refused: " + limit(e.getMessage())));
        }
    }

    private static String limit(String message) {
        String text = message == null ? "" : message;
        if (text.contains("aliases")) {
            return "it uses more than " + MAX_ALIASES + " aliases of lists or mappings, as an alias bomb would.";
        }
        if (text.contains("Nesting Depth")) {
            return "it nests more than " + MAX_DEPTH + " levels deep.";
        }
        if (text.contains("code points")) {
            return "it is larger than " + MAX_CODE_POINTS / (1024 * 1024) + " MB.";
        }
        return "it cannot be read as YAML.";
    }

    /**
     * The keys of a mapping in document order (merge keys already applied); a key written twice is an error,
     * because Ansible silently keeps only the last one.
     */
    List<Entry> entries(MappingNode mapping) {
        checkTag(mapping, Tag.MAP);
        List<Entry> entries = new ArrayList<>();
        Map<String, Mark> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            count();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problems.add(at(Problem.error("YAML_KEY", "A key must be a plain name, not a list or mapping."),
                        keyNode.getStartMark()));
                continue;
            }
            String key = scalar.getValue();
            Mark previous = seen.putIfAbsent(key, keyNode.getStartMark());
            if (previous != null) {
                problems.add(at(Problem.error("DUPLICATE_KEY", "The key '" + key + "' appears twice in the same mapping "
                        + "(first on line " + (previous.getLine() + 1) + "); Ansible would silently keep only the last."),
                        keyNode.getStartMark()));
                continue;
            }
            entries.add(new Entry(key, keyNode.getStartMark(), tuple.getValueNode()));
        }
        return entries;
    }

    /** The plain value of a node: String, Boolean, Integer/Long/BigInteger, Double, null, List or Map. */
    Object value(Node node) {
        return value(node, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private Object value(Node node, Set<Node> path) {
        count();
        if (!path.add(node)) {
            throw new Refused(at(Problem.error("YAML_RECURSIVE", "An alias refers to the list or mapping that contains "
                    + "it; such a value never ends."), node.getStartMark()));
        }
        try {
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                checkTag(sequence, Tag.SEQ);
                List<Object> list = new ArrayList<>();
                sequence.getValue().forEach(item -> list.add(value(item, path)));
                return list;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Entry entry : entries((MappingNode) node)) {
                map.put(entry.key(), value(entry.value(), path));
            }
            return map;
        } finally {
            path.remove(node);
        }
    }

    private Object scalar(ScalarNode node) {
        Tag tag = node.getTag();
        if (SCALAR_TAGS.contains(tag)) {
            return scalars.construct(node);
        }
        if (tag.equals(Tag.TIMESTAMP) || tag.getValue().equals(ANSIBLE_UNSAFE)) {
            return node.getValue();
        }
        if (tag.getValue().equals(ANSIBLE_VAULT)) {
            problems.add(at(Problem.error("VAULT", "Vault-encrypted values cannot be imported: the console holds secrets "
                    + "itself. Decrypt the value (ansible-vault decrypt) before importing; the console encrypts it at rest."),
                    node.getStartMark()));
            return null;
        }
        forbidden(node);
        return null;
    }

    /** Lists and mappings carry no tag but their own: a tag naming a class is how YAML attacks start. */
    private void checkTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) {
            forbidden(node);
        }
    }

    private void forbidden(Node node) {
        problems.add(at(Problem.error("YAML_TAG", "The tag " + node.getTag().getValue() + " is not allowed; an inventory "
                + "holds only plain text, numbers, booleans, lists and mappings."), node.getStartMark()));
    }

    private void count() {
        if (++valueNodes > MAX_VALUE_NODES) {
            throw new Refused(Problem.error("YAML_LIMIT", "The file was refused: once its aliases are expanded it holds "
                    + "more than " + MAX_VALUE_NODES + " values, as an alias bomb would."));
        }
    }

    static Problem at(Problem problem, Mark mark) {
        return mark == null ? problem : problem.position(position(mark));
    }

    static SourcePositions.Position position(Mark mark) {
        return new SourcePositions.Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** YAML 1.1 scalars exactly as PyYAML (and so Ansible) reads them: yes/no, 0x1F, 1_000, .inf … */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}

package io.reemo.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module map honest: every module declares whom it may use (package-info.java), {@code verify()} fails on
 * any other arrow, a cycle or a reach into another module's internals, and the README's module map is this graph,
 * arrow for arrow.
 */
class ModuleStructureTests {

    private static final Path README = Path.of("README.md");
    /** One line per module in the README's map: {@code api ─► deploy, environment}; a leaf ends in {@code ─► –}. */
    private static final Pattern MAP_LINE = Pattern.compile("^\\s*([a-z]+)\\s+─►\\s+(.*)$", Pattern.MULTILINE);

    private final ApplicationModules modules = ApplicationModules.of(ConsoleApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhomItMayUse() {
        Set<String> open = new TreeSet<>();
        modules.stream().forEach(module -> {
            ApplicationModule declaration = declaration(module.getBasePackage().getName());
            if (declaration == null || Arrays.asList(declaration.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
                open.add(module.getName());
            }
        });
        assertThat(open).as("modules without @ApplicationModule(allowedDependencies = …) in their package-info.java").isEmpty();
    }

    @Test
    void everyDeclaredDependencyIsUsed() {
        assertThat(declaredGraph()).as("allowed dependencies no code uses: remove them from package-info.java")
                .isEqualTo(actualGraph());
    }

    @Test
    void readmeShowsTheVerifiedGraph() throws IOException {
        Map<String, Set<String>> actual = actualGraph();
        assertThat(readmeGraph()).as("README.md's module map; the graph as it is:%n%s", render(actual)).isEqualTo(actual);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }

    private Map<String, Set<String>> actualGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        modules.stream().forEach(module -> graph.put(module.getName(), module.getDirectDependencies(modules).uniqueModules()
                .map(org.springframework.modulith.core.ApplicationModule::getName).collect(Collectors.toCollection(TreeSet::new))));
        return graph;
    }

    private Map<String, Set<String>> declaredGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        modules.stream().forEach(module -> graph.put(module.getName(), module.getAllowedDependencies(modules).stream()
                .map(allowed -> allowed.getTargetModule().getName()).collect(Collectors.toCollection(TreeSet::new))));
        return graph;
    }

    private static Map<String, Set<String>> readmeGraph() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme.contains("<!-- module-map -->") && readme.contains("<!-- /module-map -->"))
                .as("README.md has its module map between <!-- module-map --> and <!-- /module-map -->").isTrue();
        String map = readme.substring(readme.indexOf("<!-- module-map -->"), readme.indexOf("<!-- /module-map -->"));
        Map<String, Set<String>> graph = new TreeMap<>();
        Matcher line = MAP_LINE.matcher(map);
        while (line.find()) {
            Set<String> uses = new TreeSet<>();
            for (String target : line.group(2).split(",")) {
                if (!target.isBlank() && !target.strip().equals("–")) {
                    uses.add(target.strip());
                }
            }
            graph.put(line.group(1), uses);
        }
        return graph;
    }

    private static String render(Map<String, Set<String>> graph) {
        return graph.entrySet().stream()
                .map(e -> String.format("  %-12s ─► %s", e.getKey(), e.getValue().isEmpty() ? "–" : String.join(", ", e.getValue())))
                .collect(Collectors.joining("\n"));
    }

    private static ApplicationModule declaration(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException none) {
            return null;
        }
    }
}

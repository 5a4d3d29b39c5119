package io.reemo.console.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The node module is the one road to a node: nothing else speaks SSH (sshj) or makes a Docker client. Everything
 * else asks {@link NodeSessions} for a session and works on the {@code DockerClient} it hands out.
 */
class OneRoadToANodeTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.reemo.console");

    @Test
    void onlyTheNodeModuleUsesSshj() {
        noClasses().that().resideOutsideOfPackage("io.reemo.console.node..")
                .should().dependOnClassesThat().resideInAPackage("net.schmizz..")
                .because("SSH goes through NodeSessions, with the pinned host keys and the timeouts of console.node.*")
                .check(CONSOLE);
    }

    @Test
    void onlyTheNodeModuleMakesDockerClients() {
        noClasses().that().resideOutsideOfPackage("io.reemo.console.node..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava.core..", "com.github.dockerjava.zerodep..",
                        "com.github.dockerjava.transport..")
                .because("a node's Docker is reached through its session's SSH bridge, with the Docker call timeout")
                .check(CONSOLE);
    }
}

package io.reemo.console;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the modules of architecture.md honest: no cycles, no reaching into another module's internals. */
class ModuleStructureTests {

    private final ApplicationModules modules = ApplicationModules.of(ConsoleApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}

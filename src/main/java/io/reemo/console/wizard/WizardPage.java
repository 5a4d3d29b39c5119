package io.reemo.console.wizard;

import static io.reemo.console.environment.Variable.Section.CERTIFICATES;
import static io.reemo.console.environment.Variable.Section.DATABASE;
import static io.reemo.console.environment.Variable.Section.INITIALISATION;
import static io.reemo.console.environment.Variable.Section.LDAP;
import static io.reemo.console.environment.Variable.Section.LICENSE;
import static io.reemo.console.environment.Variable.Section.MAIL;
import static io.reemo.console.environment.Variable.Section.OPERATION;
import static io.reemo.console.environment.Variable.Section.PORTAL;
import static io.reemo.console.environment.Variable.Section.REGISTRY;
import static io.reemo.console.environment.Variable.Section.RELAYS;
import static io.reemo.console.environment.Variable.Section.SYSLOG;
import static io.reemo.console.environment.Variable.Section.VERSIONS;

import io.reemo.console.environment.Problem;
import io.reemo.console.environment.Variable;
import io.reemo.console.environment.VariableCatalogue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The wizard's pages in order; the settings pages show the catalogue's variables of their sections. */
public enum WizardPage {
    TOPOLOGY("topology", "Topology"),
    NODES("nodes", "Nodes"),
    LICENSE_PAGE("license", "License", LICENSE),
    REGISTRY_PAGE("registry", "Registry and images", REGISTRY, VERSIONS),
    DATABASE_PAGE("database", "Database", DATABASE),
    PORTALS("portals", "Portals", PORTAL),
    CERTIFICATES_PAGE("certificates", "Certificates", CERTIFICATES),
    OPTIONS("options", "Options", MAIL, SYSLOG, OPERATION, LDAP, RELAYS, INITIALISATION),
    REVIEW("review", "Review and install");

    /** The step bar keeps to one row at laptop widths with the first word of each title. */
    public String shortTitle() {
        return title.split(" ")[0];
    }

    /** Shown on the Portals page (shared by both sides in dedicated mode), though the catalogue files it under the license. */
    static final String HMACSECRET = "HMACSECRET";
    /** Filled from the API nodes, never typed. */
    static final String API_IP = "API_IP";

    private final String slug;
    private final String title;
    private final Set<Variable.Section> sections;

    WizardPage(String slug, String title, Variable.Section... sections) {
        this.slug = slug;
        this.title = title;
        this.sections = Set.of(sections);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int number() {
        return ordinal() + 1;
    }

    public boolean settings() {
        return !sections.isEmpty();
    }

    List<Variable> variables(VariableCatalogue catalogue) {
        return catalogue.all().stream().filter(this::shows).toList();
    }

    private boolean shows(Variable variable) {
        if (variable.name().equals(API_IP)) {
            return false;
        }
        if (variable.name().equals(HMACSECRET)) {
            return this == PORTALS;
        }
        return sections.contains(variable.section());
    }

    public Optional<WizardPage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public Optional<WizardPage> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    static Optional<WizardPage> of(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }

    /** The page a problem belongs to: its variable's page, else the nodes page for a host, else the topology. */
    static WizardPage of(Problem problem, VariableCatalogue catalogue) {
        if (problem.variable() != null) {
            Optional<Variable> variable = catalogue.find(problem.variable());
            if (variable.isPresent()) {
                for (WizardPage page : values()) {
                    if (page.shows(variable.get())) {
                        return page;
                    }
                }
            }
            if (problem.variable().startsWith("ansible_") || problem.variable().equals(API_IP)) {
                return NODES;
            }
        }
        return problem.host() == null && "LAYOUT".equals(problem.code()) ? TOPOLOGY : NODES;
    }
}

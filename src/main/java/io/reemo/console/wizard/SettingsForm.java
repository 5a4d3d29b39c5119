package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.Variable;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.environment.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** A settings page's inputs from the catalogue, and the page's form applied back to the environment. */
@Component
class SettingsForm {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    private final VariableCatalogue catalogue;

    SettingsForm(VariableCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<WizardField> fields(WizardPage page, Environment environment, List<Problem> problems) {
        List<WizardField> fields = new ArrayList<>();
        for (Variable variable : page.variables(catalogue)) {
            List<Site> sites = Site.of(variable, environment);
            for (Site site : sites) {
                Object value = site.get(environment, variable.name());
                boolean several = sites.size() > 1;
                fields.add(new WizardField(variable, site.inputName(variable, several), site, several,
                        variable.secret() ? "" : FormValues.format(value), variable.secret() && value != null,
                        problems.stream().filter(p -> concerns(p, variable, site, several)).toList(),
                        defaultText(variable, environment, site)));
            }
        }
        return fields;
    }

    /** A default that refers to another variable ({@code {{SYSLOG_FACILITY}}}) is said in words, with the value it has now. */
    private String defaultText(Variable variable, Environment environment, Site site) {
        String value = variable.defaultValue();
        Matcher reference = value == null ? null : REFERENCE.matcher(value.strip());
        if (reference == null || !reference.matches()) {
            return value;
        }
        Cluster cluster = site.group() == null ? environment.clusters().get(0) : environment.cluster(site.group()).orElseThrow();
        String other = reference.group(1);
        return "same as " + other + catalogue.effective(environment, cluster).text(other).map(v -> " (" + v + ")").orElse("");
    }

    /**
     * The environment with the page's inputs applied. An input missing from the form leaves its variable alone;
     * an empty secret keeps the value it has (secrets are write-only).
     */
    Environment apply(WizardPage page, Environment environment, Map<String, String> form) {
        Environment result = environment;
        for (Variable variable : page.variables(catalogue)) {
            List<Site> sites = Site.of(variable, environment);
            for (Site site : sites) {
                String text = form.get(site.inputName(variable, sites.size() > 1));
                if (text == null || (variable.secret() && text.isBlank())) {
                    continue;
                }
                result = site.set(result, variable.name(), FormValues.parse(variable, text));
            }
        }
        return result;
    }

    private static boolean concerns(Problem problem, Variable variable, Site site, boolean several) {
        if (!variable.name().equals(problem.variable())) {
            return false;
        }
        return !several || problem.where() == null || problem.where().endsWith(" " + site.group());
    }
}

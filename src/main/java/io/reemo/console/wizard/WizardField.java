package io.reemo.console.wizard;

import io.reemo.console.environment.Problem;
import io.reemo.console.environment.Variable;
import java.util.List;

/**
 * One input of a settings page.
 *
 * @param value     what the input shows; always empty for a secret (write-only)
 * @param secretSet whether a secret already has a value, which an empty input keeps
 * @param problems  the validator's findings on this variable at this site
 * @param defaultText the default in words, null when there is none
 */
public record WizardField(Variable variable, String inputName, Site site, boolean severalSites, String value, boolean secretSet,
                          List<Problem> problems, String defaultText) {

    public boolean multiline() {
        return FormValues.multiline(variable);
    }

    public String hint() {
        return FormValues.listHint(variable);
    }

    public boolean hasError() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /**
     * The block of the page the field sits in: its section, and in dedicated mode one block per cluster for the
     * variables each cluster sets (the user portal's, the admin portal's).
     */
    public String block() {
        String section = variable.section().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        String title = Character.toUpperCase(section.charAt(0)) + section.substring(1);
        return severalSites ? title + " · " + site.group() : title;
    }

    /** An HTML id: input names may hold a dot. */
    public String id() {
        return "f-" + inputName.replace('.', '-');
    }
}

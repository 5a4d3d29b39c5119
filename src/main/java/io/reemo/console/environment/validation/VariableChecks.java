package io.reemo.console.environment.validation;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.LocalFiles;
import io.reemo.console.environment.Location;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.Scope;
import io.reemo.console.environment.SmtpLogin;
import io.reemo.console.environment.SourcePositions;
import io.reemo.console.environment.Variable;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.environment.VariableSite;
import io.reemo.console.environment.VariableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import tools.jackson.databind.json.JsonMapper;

/** The per-variable rules: known or not, scope, Jinja, then the value's type and format ({@link TypeChecks}). */
public final class VariableChecks {

    /**
     * A secret shorter than this is refused: easy to guess, and too much like ordinary words for the masker to hide it
     * in logs safely (it masks nothing under 4 characters). Lower than the console's own sign-in rule (12), because these
     * values come from existing platforms (a registry's, a mail relay's login).
     */
    static final int SHORTEST_SECRET = 8;

    private final VariableCatalogue catalogue;
    private final TypeChecks types;

    public VariableChecks(VariableCatalogue catalogue, JsonMapper json, LocalFiles files) {
        this.catalogue = catalogue;
        this.types = new TypeChecks(json, files);
    }

    public List<Problem> check(Environment environment, SourcePositions positions) {
        List<Problem> problems = new ArrayList<>();
        for (VariableSite site : VariableSite.of(environment)) {
            site.vars().forEach((name, value) -> {
                SourcePositions.Position position = positions.of(site.location(), name);
                for (Problem problem : check(site, name, value)) {
                    problems.add(problem.variable(name).at(site.location()).position(position));
                }
                shortSecret(name, value, positions != SourcePositions.NONE)
                        .ifPresent(problem -> problems.add(problem.variable(name).at(site.location()).position(position)));
            });
        }
        return problems;
    }

    private List<Problem> check(VariableSite site, String name, Object value) {
        if (VariableCatalogue.isAnsibleVariable(name)) {
            return List.of();
        }
        Optional<Variable> known = catalogue.find(name);
        if (known.isEmpty()) {
            String secret = catalogue.isSecret(name) ? " Its name says it holds a secret, so it is encrypted, masked and "
                    + "left out of exports like one." : "";
            return List.of(Problem.warning("UNKNOWN_VARIABLE", name + " is not a Reemo Infra variable the console knows "
                    + "(check its spelling); it is kept and passed through unchanged." + secret));
        }
        Variable variable = known.get();
        List<Problem> problems = new ArrayList<>();
        scope(site, variable).ifPresent(problems::add);
        if (value == null) {
            problems.add(Problem.warning("EMPTY_VALUE", name + " is set without a value; Ansible passes it as null. "
                    + "Remove it to use its default, or give it a value."));
        } else if (value instanceof String text && (text.contains("{{") || text.contains("{%"))) {
            jinja(variable, text).ifPresent(problems::add);
        } else {
            Optional<String> wrong = types.check(variable, value);
            wrong.ifPresent(message -> problems.add(Problem.error("TYPE", name + " " + message)));
            if (wrong.isEmpty() && variable.type() == VariableType.CERT_LIST) {
                types.missingFiles(name, (List<?>) value).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private Optional<Problem> scope(VariableSite site, Variable variable) {
        Location location = site.location();
        boolean allowed = switch (variable.scope()) {
            case ALL -> location.level() == Location.Level.ALL;
            case GROUP -> location.level() == Location.Level.GROUP;
            case API_GROUP -> location.level() != Location.Level.ALL && site.cluster().servesApi()
                    && !location.name().equals(Cluster.PORTAL);
            case ANYWHERE, OTHER_ROLE -> true;
            case CLI -> false;
        };
        if (variable.scope() == Scope.OTHER_ROLE) {
            return Optional.of(Problem.warning("OTHER_ROLE", variable.help()));
        }
        if (allowed) {
            return Optional.empty();
        }
        if (variable.scope() == Scope.CLI) {
            return Optional.of(Problem.error("SCOPE", variable.name() + " is a command-line switch, not an inventory "
                    + "variable (found in " + location.describe() + "). " + variable.help()));
        }
        return Optional.of(Problem.error("SCOPE", variable.name() + " belongs in " + variable.scope().description()
                + ", not in " + location.describe() + ". The vendor's scope rule: a variable meant for a group must "
                + "not be set in all, and the other way round."));
    }

    /**
     * An error in the console (a save, the wizard, a deployment); a warning for an import, so that a real inventory
     * still comes in and is refused only once it is saved or deployed unchanged.
     */
    private Optional<Problem> shortSecret(String name, Object value, boolean imported) {
        if (!catalogue.isSecretValue(name, value) || String.valueOf(value).contains("{{")) {
            return Optional.empty();
        }
        boolean smtpLogin = catalogue.find(name).map(v -> v.type() == VariableType.SMTP_CREDENTIALS).orElse(false);
        String secret = smtpLogin ? SmtpLogin.of(value).map(SmtpLogin::password).orElse("") : String.valueOf(value);
        if (secret.isEmpty() || secret.length() >= SHORTEST_SECRET) {
            return Optional.empty();
        }
        String what = smtpLogin ? "The password in " + name + " (<smtp server>:<user>:<password>)" : name;
        String message = what + " has " + secret.length() + " characters; a secret needs at least " + SHORTEST_SECRET
                + ": a shorter one is easy to guess and too much like ordinary text for the logs to hide it safely. "
                + "Change it where it is set (and on the service it logs in to) and give the longer value here.";
        return Optional.of(imported
                ? Problem.warning("SHORT_SECRET", message + " The import keeps it; saving or deploying refuses it.")
                : Problem.error("SHORT_SECRET", message));
    }

    private Optional<Problem> jinja(Variable variable, String text) {
        Matcher reference = EffectiveVariables.REFERENCE.matcher(text.strip());
        if (reference.matches() && catalogue.find(reference.group(1)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Problem.warning("JINJA", variable.name() + " holds a Jinja expression; the console does "
                + "not evaluate it, checks nothing about it and passes it on as written."));
    }
}

package io.reemo.console.wizard;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Scope;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the wizard sets a variable: {@code all.vars} ({@code group} null) or the vars of one cluster group.
 * A variable has one site, except the group variables of a dedicated platform, which get one per cluster.
 */
public record Site(String group) {

    static final Site ALL = new Site(null);

    /** The form input's name: the variable's name, prefixed by the group when the variable has several sites. */
    String inputName(Variable variable, boolean several) {
        return several ? group + "." + variable.name() : variable.name();
    }

    static List<Site> of(Variable variable, Environment environment) {
        if (variable.scope() == Scope.ALL || variable.scope() == Scope.ANYWHERE) {
            return List.of(ALL);
        }
        if (environment.topology() != Topology.DEDICATED) {
            return List.of(new Site(Cluster.INFRA));
        }
        if (variable.scope() == Scope.API_GROUP) {
            return List.of(new Site(Cluster.API));
        }
        return environment.clusters().stream()
                .filter(c -> variable.section() != Variable.Section.PORTAL || c.servesPortal())
                .map(c -> new Site(c.group())).toList();
    }

    Object get(Environment environment, String name) {
        if (group == null) {
            return environment.vars().get(name);
        }
        return environment.cluster(group).map(c -> c.vars().get(name)).orElse(null);
    }

    /** A copy with the value set, or removed when {@code null}. */
    Environment set(Environment environment, String name, Object value) {
        if (group == null) {
            Map<String, Object> vars = new LinkedHashMap<>(environment.vars());
            put(vars, name, value);
            return environment.withVars(vars);
        }
        return environment.withClusters(environment.clusters().stream().map(c -> {
            if (!c.group().equals(group)) {
                return c;
            }
            Map<String, Object> vars = new LinkedHashMap<>(c.vars());
            put(vars, name, value);
            return new Cluster(c.group(), c.parentGroup(), c.parentVars(), vars, c.nodes());
        }).toList());
    }

    private static void put(Map<String, Object> vars, String name, Object value) {
        if (value == null) {
            vars.remove(name);
        } else {
            vars.put(name, value);
        }
    }

    /** In words, for the page: {@code all clusters} or the group's name. */
    public String describe() {
        return group == null ? "all.vars" : "vars of " + group;
    }
}

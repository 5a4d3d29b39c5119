package io.reemo.console.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.EnvironmentDiffs.Rebase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EnvironmentDiffsTest {

    private final EnvironmentDiffs diffs = new EnvironmentDiffs(new VariableCatalogue(), JsonMapper.shared());

    private static Environment portal(Environment environment, String url) {
        return environment.withClusters(environment.clusters().stream()
                .map(c -> {
                    var vars = new LinkedHashMap<>(c.vars());
                    vars.put("PORTAL_URL", url);
                    return new Cluster(c.group(), c.parentGroup(), c.parentVars(), vars, c.nodes());
                }).toList());
    }

    @Test
    void fieldsAreNamedByClusterAndNodeAndSecretsOnlySayTheyChanged() {
        Environment before = Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "old-password");
        Environment after = portal(Fixtures.withAll(before, "REGISTRY_PASSWORD", "new-password"), "new.example.test");

        List<FieldChange> changes = diffs.between(before, after);

        assertThat(changes).extracting(FieldChange::field)
                .containsExactlyInAnyOrder("/vars/REGISTRY_PASSWORD", "/clusters/infra_manager/vars/PORTAL_URL");
        FieldChange secret = changes.stream().filter(c -> c.field().equals("/vars/REGISTRY_PASSWORD")).findFirst().orElseThrow();
        assertThat(secret).isEqualTo(new FieldChange("/vars/REGISTRY_PASSWORD", FieldChange.SECRET, FieldChange.SECRET_CHANGED));
        assertThat(changes.toString()).doesNotContain("old-password", "new-password");
        assertThat(changes).filteredOn(c -> c.field().endsWith("PORTAL_URL")).singleElement()
                .satisfies(c -> assertThat(c.label()).isEqualTo("clusters › infra_manager › vars › PORTAL_URL"))
                .satisfies(c -> assertThat(c.after()).isEqualTo("new.example.test"));
        assertThat(diffs.between(after, after)).isEmpty();
        assertThat(diffs.between(null, before)).as("a creation lists every field").hasSizeGreaterThan(10);
    }

    @Test
    void aRebaseKeepsTheirVersionAndCarriesMyOtherChangesOver() {
        Environment base = Fixtures.withAll(Fixtures.cluster(), "DOCKER_VERSION_DB", "2.13.10");
        Environment theirs = Fixtures.withAll(base, "DOCKER_VERSION_DB", "2.14.0");
        Environment mine = portal(Fixtures.withAll(base, "REGISTRY_PASSWORD", "mine"), "mine.example.test");

        Rebase rebase = diffs.rebase(base, mine, theirs);

        assertThat(rebase.merged().vars()).containsEntry("DOCKER_VERSION_DB", "2.14.0").containsEntry("REGISTRY_PASSWORD", "mine");
        assertThat(rebase.merged().cluster(Cluster.INFRA).orElseThrow().vars()).containsEntry("PORTAL_URL", "mine.example.test");
        assertThat(rebase.merged().nodes()).isEqualTo(theirs.nodes());
        assertThat(rebase.theirs()).extracting(FieldChange::field).containsExactly("/vars/DOCKER_VERSION_DB");
        assertThat(rebase.conflicts()).isEmpty();

        Environment mineToo = Fixtures.withAll(mine, "DOCKER_VERSION_DB", "2.13.11");
        Rebase both = diffs.rebase(base, mineToo, theirs);
        assertThat(both.merged().vars()).as("never silently reverts their version").containsEntry("DOCKER_VERSION_DB", "2.14.0");
        assertThat(both.conflicts()).containsExactly(new FieldChange("/vars/DOCKER_VERSION_DB", "2.14.0", "2.13.11"));
    }

    @Test
    void nodesAddedOrRemovedOnOneSideSurviveTheRebase() {
        Environment base = Fixtures.cluster();
        Cluster infra = base.cluster(Cluster.INFRA).orElseThrow();
        Node extra = new Node("infra9", "10.0.0.9", 22, "root", SshAuth.password("pw-9"), null, null, null);
        Environment mine = base.withClusters(List.of(infra.withNodes(
                Stream.concat(infra.nodes().stream(), Stream.of(extra)).toList())));
        Environment theirs = base.withClusters(List.of(infra.withNodes(infra.nodes().subList(0, infra.nodes().size() - 1))));

        Rebase rebase = diffs.rebase(base, mine, theirs);

        assertThat(rebase.merged().nodes()).extracting(Node::name)
                .containsExactlyElementsOf(Stream.concat(theirs.nodes().stream().map(Node::name), Stream.of("infra9")).toList());
        assertThat(rebase.merged().node("infra9").orElseThrow().auth()).isEqualTo(SshAuth.password("pw-9"));
    }
}

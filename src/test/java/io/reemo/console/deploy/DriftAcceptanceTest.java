package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.swarm.Difference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which differences the settings can express, and where accepting them writes. */
class DriftAcceptanceTest {

    private static final String INFRA = Cluster.INFRA;

    private final VariableCatalogue variables = new VariableCatalogue();
    private final Environment environment = Fixtures.cluster().withId(7L);
    private final DesiredState desired = new ServiceCatalogue(variables).desiredState(environment, CatalogueInput.withoutTls());

    @Test
    void aServicesImageTagBecomesItsVersionVariableInAllVars() {
        Difference portal = new Difference(INFRA, "reemo_portal", "image", "2.12.6", "2.13.11");

        DriftAcceptance.Outcome outcome = accept(portal);

        assertThat(outcome.recorded()).containsExactly(new DriftService.SettingChange("all", "DOCKER_VERSION_PORTAL", "2.12.6", "2.13.11"));
        assertThat(outcome.environment().vars()).containsEntry("DOCKER_VERSION_PORTAL", "2.13.11");
        assertThat(outcome.restoredByNextInstall()).isEmpty();
    }

    @Test
    void aVersionTheClusterOverridesIsSetInTheClusterWhereAValueInAllVarsWouldChangeNothing() {
        Environment overridden = Fixtures.withGroup(environment, INFRA, "DOCKER_VERSION_PORTAL", "2.12.6");
        DesiredState desiredThere = new ServiceCatalogue(variables).desiredState(overridden, CatalogueInput.withoutTls());
        Difference portal = new Difference(INFRA, "reemo_portal", "image", "2.12.6", "2.13.11");

        DriftAcceptance.Outcome outcome = DriftAcceptance.of(overridden, desiredThere, List.of(portal), variables);

        assertThat(outcome.recorded()).containsExactly(new DriftService.SettingChange(INFRA, "DOCKER_VERSION_PORTAL", "2.12.6", "2.13.11"));
        assertThat(outcome.environment().cluster(INFRA).orElseThrow().vars()).containsEntry("DOCKER_VERSION_PORTAL", "2.13.11");
        assertThat(variables.effective(outcome.environment(), outcome.environment().cluster(INFRA).orElseThrow())
                .version("portal")).isEqualTo("2.13.11");
    }

    @Test
    void aVersionIsTakenOnlyWhenEveryServiceOfTheComponentRunsIt() {
        Difference signal1 = new Difference(INFRA, "reemo_signal1", "image", "2.5.3", "2.6.0");

        DriftAcceptance.Outcome one = accept(signal1);
        assertThat(one.recorded()).isEmpty();
        assertThat(one.restoredByNextInstall()).containsExactly(signal1);

        DriftAcceptance.Outcome all = accept(signal1, new Difference(INFRA, "reemo_signal2", "image", "2.5.3", "2.6.0"),
                new Difference(INFRA, "reemo_signal3", "image", "2.5.3", "2.6.0"));
        assertThat(all.recorded()).extracting(DriftService.SettingChange::toString).containsExactly("DOCKER_VERSION_SIGNAL 2.5.3 → 2.6.0");
        assertThat(all.restoredByNextInstall()).isEmpty();
    }

    @Test
    void anImageFromAnotherRepositoryIsNoVersion() {
        Difference elsewhere = new Difference(INFRA, "reemo_api", "image", "registry.reemo.io/reemoinfraapi:2.13.10",
                "other.example/api:2.13.10");

        assertThat(accept(elsewhere).restoredByNextInstall()).containsExactly(elsewhere);
    }

    @Test
    void replicasBecomeTheServicesReplicasVariableInItsClusterOnly() {
        Difference api = new Difference(INFRA, "reemo_api", "replicas", "4", "2");
        Difference signal = new Difference(INFRA, "reemo_signal2", "replicas", "1", "0");

        DriftAcceptance.Outcome outcome = accept(api, signal);

        assertThat(outcome.recorded()).extracting(DriftService.SettingChange::toString).containsExactly("REPLICAS_API (infra_manager) 4 → 2");
        assertThat(outcome.environment().cluster(INFRA).orElseThrow().vars()).containsEntry("REPLICAS_API", 2)
                .containsEntry("OPT_REEMO_REPLICATED", "true");
        assertThat(outcome.environment().vars()).doesNotContainKey("REPLICAS_API");
        assertThat(outcome.restoredByNextInstall()).as("signals are one per node by design").containsExactly(signal);
    }

    @Test
    void anEndpointModeIsTakenWhenEveryServiceOfTheClusterRunsIt() {
        Difference api = new Difference(INFRA, "reemo_api", "endpoint mode", "vip", "dnsrr");

        assertThat(accept(api).recorded()).isEmpty();

        List<Difference> all = new ArrayList<>();
        desired.clusters().get(0).services().forEach(s -> all.add(new Difference(INFRA, s.name(), "endpoint mode", "vip", "dnsrr")));
        DriftAcceptance.Outcome outcome = accept(all.toArray(Difference[]::new));
        assertThat(outcome.recorded()).extracting(DriftService.SettingChange::toString)
                .containsExactly("SWARM_ENDPOINT_MODE (infra_manager) vip → dnsrr");
        assertThat(outcome.environment().cluster(INFRA).orElseThrow().vars()).containsEntry("SWARM_ENDPOINT_MODE", "dnsrr");
        assertThat(outcome.restoredByNextInstall()).isEmpty();
    }

    @Test
    void whatTheSettingsCannotSayIsLeftForTheNextInstall() {
        Difference env = new Difference(INFRA, "reemo_api", "env", "LOG_LEVEL=info", "LOG_LEVEL=debug");
        Difference missing = new Difference(INFRA, "reemo_apicron", "service", "present", "absent");
        Difference extra = new Difference(INFRA, "reemo_old", "service", "absent", "present");
        Difference label = new Difference(INFRA, "infra1", "label reemo.mysql", "true", "absent");

        DriftAcceptance.Outcome outcome = accept(env, missing, extra, label);

        assertThat(outcome.recorded()).isEmpty();
        assertThat(outcome.restoredByNextInstall()).containsExactly(env, missing, extra, label);
        assertThat(outcome.environment()).isEqualTo(environment);
    }

    private DriftAcceptance.Outcome accept(Difference... differences) {
        return DriftAcceptance.of(environment, desired, List.of(differences), variables);
    }
}

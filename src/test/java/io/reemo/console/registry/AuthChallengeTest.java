package io.reemo.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void readsABearerChallengeWhoseScopeHoldsCommas() {
        AuthChallenge challenge = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\"").orElseThrow();

        assertThat(challenge.scheme()).isEqualTo("bearer");
        assertThat(challenge.parameters()).containsExactly(
                entry("realm", "https://auth.docker.io/token"),
                entry("service", "registry.docker.io"),
                entry("scope", "repository:samalba/my-app:pull,push"));
    }

    @Test
    void readsBasicChallengesEscapesUnquotedValuesAndSpaces() {
        assertThat(AuthChallenge.parse("Basic realm=\"Registry \\\"Realm\\\"\"").orElseThrow())
                .isEqualTo(new AuthChallenge("basic", Map.of("realm", "Registry \"Realm\"")));
        assertThat(AuthChallenge.parse("BEARER  Realm=https://r.example/token , Error=insufficient_scope").orElseThrow())
                .isEqualTo(new AuthChallenge("bearer", Map.of("realm", "https://r.example/token", "error", "insufficient_scope")));
        assertThat(AuthChallenge.parse("Basic").orElseThrow()).isEqualTo(new AuthChallenge("basic", Map.of()));
        assertThat(AuthChallenge.parse("  ")).isEmpty();
    }

    @Test
    void prefersBearerWhenTheRegistryOffersBoth() {
        assertThat(AuthChallenge.preferred(List.of("Basic realm=\"r\"", "Bearer realm=\"https://a/token\"")).orElseThrow()
                .scheme()).isEqualTo("bearer");
        assertThat(AuthChallenge.preferred(List.of("Basic realm=\"r\"")).orElseThrow().scheme()).isEqualTo("basic");
        assertThat(AuthChallenge.preferred(List.of())).isEmpty();
    }
}

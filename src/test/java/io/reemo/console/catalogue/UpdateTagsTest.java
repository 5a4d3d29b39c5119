package io.reemo.console.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateTagsTest {

    @Test
    void runsDbThenApiThenOthersThenPortalWhateverTheAskedOrder() {
        assertThat(UpdateTags.ordered(List.of("portal", "signal", "db", "traefik", "api")))
                .containsExactly(List.of("db"), List.of("api"), List.of("signal", "traefik"), List.of("portal"));
    }

    @Test
    void leavesOutGroupsNobodyAskedFor() {
        assertThat(UpdateTags.ordered(List.of("portal"))).containsExactly(List.of("portal"));
        assertThat(UpdateTags.ordered(List.of())).isEmpty();
    }

    @Test
    void everyTagSelectsAtLeastOneComponent() {
        for (String tag : UpdateTags.ALL) {
            assertThat(java.util.Arrays.stream(Component.values()).anyMatch(c -> tag.equals(c.tag()))).as(tag).isTrue();
        }
    }
}

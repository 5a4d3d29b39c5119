package io.reemo.console.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void ordersTagsAsVersionsWithTheNewestLast() {
        List<String> expected = List.of("latest", "stable", "2.9", "v2.10", "2.11.1", "2.13", "2.13.2", "2.13.10",
                "2.13.10-1", "2.13.10-2", "2.13.10-10", "2.13.10-rc1", "2.14.0", "v2.14.1", "10.0.0");
        List<String> tags = new ArrayList<>(expected);
        Collections.shuffle(tags, new Random(42));

        tags.sort(VersionOrder.INSTANCE);

        assertThat(tags).containsExactlyElementsOf(expected);
    }

    @Test
    void newerVersionsAreTheVersionTagsAfterTheCurrentOne() {
        assertThat(VersionOrder.newer(List.of("latest", "2.9.1", "2.13.10", "2.13.10-1", "2.14.0"), "2.13.10"))
                .containsExactly("2.13.10-1", "2.14.0");
    }

    @Test
    void treatsMissingPartsAsZeroAndToleratesTheVPrefix() {
        assertThat(VersionOrder.INSTANCE.compare("2.13", "2.13.0.0")).isNotPositive();
        assertThat(VersionOrder.INSTANCE.compare("v2.11", "2.10.99")).isPositive();
        assertThat(VersionOrder.INSTANCE.compare("2.11", "v2.11")).isNotZero();
    }

    @Test
    void tellsVersionsFromOtherTags() {
        assertThat(VersionOrder.isVersion("2.13.10")).isTrue();
        assertThat(VersionOrder.isVersion("v2.11-hotfix")).isTrue();
        assertThat(VersionOrder.isVersion("latest")).isFalse();
        assertThat(VersionOrder.isVersion("release-2")).isFalse();
    }
}

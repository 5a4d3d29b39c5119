package io.reemo.console.deploy;

import io.reemo.console.environment.InMemoryEnvironments;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a Spring test to run the job engine against {@link InMemoryEnvironments}. */
@TestConfiguration
public class TestEnvironments {

    @Bean
    @Primary
    InMemoryEnvironments inMemoryEnvironments() {
        return new InMemoryEnvironments();
    }
}

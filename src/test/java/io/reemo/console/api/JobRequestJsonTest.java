package io.reemo.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.JobParameters;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobRequestJsonTest {

    @Test
    void everyJobParametersRecordHasItsReader() {
        Set<Class<?>> readers = Set.copyOf(JobRequestJson.READERS.keySet());
        assertThat(readers).isEqualTo(Set.of(JobParameters.class.getPermittedSubclasses()));
    }
}

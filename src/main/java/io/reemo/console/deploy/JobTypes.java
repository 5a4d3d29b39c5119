package io.reemo.console.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every {@link JobType} component, by name and by its parameters' record. */
@Component
public class JobTypes {

    private final Map<String, JobType<?>> byName = new TreeMap<>();
    private final Map<Class<?>, JobType<?>> byParameters = new HashMap<>();

    JobTypes(List<JobType<?>> types) {
        for (JobType<?> type : types) {
            JobType<?> clash = byName.put(type.name(), type);
            if (clash != null) {
                throw new IllegalStateException("Two job types are named '" + type.name() + "': " + clash.getClass() + " and " + type.getClass());
            }
            clash = byParameters.put(type.parametersType(), type);
            if (clash != null) {
                throw new IllegalStateException("Two job types take " + type.parametersType().getSimpleName() + ": " + clash.getClass()
                        + " and " + type.getClass());
            }
        }
    }

    public Optional<JobType<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The type these parameters are for; every member of {@link JobParameters} has one. */
    <P extends JobParameters> JobType<P> of(P parameters) {
        @SuppressWarnings("unchecked") // registered under its own parametersType() above
        JobType<P> type = (JobType<P>) byParameters.get(parameters.getClass());
        if (type == null) {
            throw new IllegalStateException("No job type takes " + parameters.getClass().getSimpleName());
        }
        return type;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}

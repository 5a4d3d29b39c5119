package io.reemo.console.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every {@link JobType} component, by name. */
@Component
public class JobTypes {

    private final Map<String, JobType> byName = new TreeMap<>();

    JobTypes(List<JobType> types) {
        for (JobType type : types) {
            JobType clash = byName.put(type.name(), type);
            if (clash != null) {
                throw new IllegalStateException("Two job types are named '" + type.name() + "': " + clash.getClass() + " and " + type.getClass());
            }
        }
    }

    public Optional<JobType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}

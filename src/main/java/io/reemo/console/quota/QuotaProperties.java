package io.reemo.console.quota;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code console.quotas.caps.<work>.per-user} and {@code .total} (set both), e.g.
 * {@code console.quotas.caps.live-log-view.per-user=8} with {@code ...total=40};
 * what is not set keeps {@link Work}'s default.
 */
@ConfigurationProperties("console.quotas")
public record QuotaProperties(Map<Work, Cap> caps) {

    public QuotaProperties {
        Map<Work, Cap> all = new EnumMap<>(Work.class);
        for (Work work : Work.values()) {
            all.put(work, caps != null && caps.containsKey(work) ? caps.get(work) : work.defaultCap());
        }
        caps = Map.copyOf(all);
    }

    Cap of(Work work) {
        return caps.get(work);
    }
}

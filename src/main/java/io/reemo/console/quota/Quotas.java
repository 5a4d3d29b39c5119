package io.reemo.console.quota;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Hands out {@link Permit}s within each {@link Work}'s caps (review M9): a user who opens tab after tab, or a script
 * in a loop, is refused with a message instead of taking SSH connections and threads from everyone else.
 */
@Component
@EnableConfigurationProperties(QuotaProperties.class)
public class Quotas {

    private final QuotaProperties properties;
    /** Guarded by {@code this}. */
    private final Map<Work, Map<String, Integer>> held = new EnumMap<>(Work.class);

    Quotas(QuotaProperties properties) {
        this.properties = properties;
        for (Work work : Work.values()) {
            held.put(work, new HashMap<>());
        }
    }

    /** @throws QuotaExceededException when the user, or the console, is at the cap */
    public synchronized Permit take(Work work, String user) {
        refusal(work, user).ifPresent(message -> {
            throw new QuotaExceededException(message);
        });
        held.get(work).merge(user, 1, Integer::sum);
        return new Permit(() -> release(work, user));
    }

    /** Why {@link #take} would refuse now, if it would: for a page that offers the work only when it can start. */
    public synchronized Optional<String> refusal(Work work, String user) {
        Cap cap = properties.of(work);
        Map<String, Integer> byUser = held.get(work);
        if (byUser.getOrDefault(user, 0) >= cap.perUser()) {
            return Optional.of("You have " + cap.perUser() + " " + work.what() + " open already, as many as one user may "
                    + "(in other tabs or windows, or a script): close one, then try again.");
        }
        if (byUser.values().stream().mapToInt(Integer::intValue).sum() >= cap.total()) {
            return Optional.of("The console serves " + cap.total() + " " + work.what() + " already, as many as it "
                    + "allows at once: try again when one has ended.");
        }
        return Optional.empty();
    }

    /** How many of the work are held now, by everyone. */
    public synchronized int inUse(Work work) {
        return held.get(work).values().stream().mapToInt(Integer::intValue).sum();
    }

    private synchronized void release(Work work, String user) {
        held.get(work).computeIfPresent(user, (k, n) -> n > 1 ? n - 1 : null);
    }
}

package io.reemo.console.admin.dashboard;

import io.reemo.console.deploy.DriftService;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The drift panel's readings, one per environment shared by every viewer: read again once older than
 * {@code console.dashboard.max-age}, or at once when the environment changed since (an accepted drift must not show
 * the differences it just recorded). Viewers who poll together wait for one read.
 */
@Component
class DriftReadings {

    /**
     * @param at       when the Swarms were read, or when reading them failed
     * @param revision the environment's revision the reading compared with
     * @param report   {@code null} when the Swarms could not be read
     * @param preview  what accepting would record, {@code null} when nothing differs or nothing was read
     * @param problem  why the Swarms could not be read, {@code null} when they were
     */
    record Reading(Instant at, int revision, DriftService.Report report, DriftService.Acceptance preview, String problem) {
    }

    private final DriftService drift;
    private final Environments environments;
    private final DashboardProperties properties;
    private final Map<Long, Reading> last = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    DriftReadings(DriftService drift, Environments environments, DashboardProperties properties) {
        this.drift = drift;
        this.environments = environments;
        this.properties = properties;
    }

    Reading current(long environmentId) {
        synchronized (locks.computeIfAbsent(environmentId, id -> new Object())) {
            int revision = environments.current(environmentId).revision();
            Reading reading = last.get(environmentId);
            if (reading == null || reading.revision() != revision || reading.at().plus(properties.maxAge()).isBefore(Instant.now())) {
                reading = read(environmentId, revision);
                last.put(environmentId, reading);
            }
            return reading;
        }
    }

    /** Whatever goes wrong becomes the panel's problem, in words: the dashboard never shows a stack trace. */
    private Reading read(long environmentId, int revision) {
        try {
            DriftService.Report report = drift.read(environmentId);
            return new Reading(report.readAt(), revision, report,
                    report.differences().isEmpty() ? null : drift.preview(environmentId, report), null);
        } catch (EnvironmentNotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Reading(Instant.now(), revision, null, null, e.getMessage());
        }
    }
}

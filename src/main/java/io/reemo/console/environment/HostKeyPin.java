package io.reemo.console.environment;

/**
 * What pinning a host key did, for the caller's audit record.
 *
 * @param changed  false when this very key was pinned already (nothing was saved)
 * @param replaced the key it replaced, or {@code null} when none was pinned
 */
public record HostKeyPin(Environment environment, boolean changed, String replaced) {
}

package io.reemo.console.environment;

/** Published when an environment leaves the console, so that modules can drop what they kept for it. */
public record EnvironmentDeleted(long id) {
}

package io.reemo.console.environment;

/** An environment and the revision it is at, read together (an {@code ETag} must describe exactly this body). */
public record CurrentEnvironment(Environment environment, int revision) {
}

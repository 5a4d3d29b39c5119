package io.reemo.console.environment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the controllers of {@code /api/v1/environments/**} (here and in the inventory module) whose errors
 * {@link EnvironmentApiAdvice} turns into clear JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EnvironmentApi {
}

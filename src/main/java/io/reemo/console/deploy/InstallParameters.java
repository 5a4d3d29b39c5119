package io.reemo.console.deploy;

/**
 * {@code install}.
 *
 * @param initDb        run the database initialisation (INIT_DB), once per environment ever
 * @param installDocker install Docker on nodes that lack it before anything else
 */
public record InstallParameters(boolean initDb, boolean installDocker) implements JobParameters {
}

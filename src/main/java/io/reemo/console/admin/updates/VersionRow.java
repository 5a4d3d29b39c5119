package io.reemo.console.admin.updates;

import java.util.List;

/**
 * One row of the versions table: an update tag, the Swarm services it selects, and its versions.
 *
 * @param repository the image repository in the registry, e.g. {@code reemoinfraapi}
 * @param variable   the version variable an update sets, e.g. {@code DOCKER_VERSION_API}
 * @param current    the version the environment is configured with (what the last update or install deployed)
 */
record VersionRow(String tag, List<String> services, String repository, String variable, String current,
                  String defaultVersion) {

    VersionRow {
        services = List.copyOf(services);
    }
}

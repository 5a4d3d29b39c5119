package io.reemo.console.deploy;

import java.util.List;

/**
 * {@code adopt}: take over a platform installed without the console (by the vendor's Ansible role).
 *
 * @param converge {@code false}: adopt as it runs (the running versions, replicas and database location are recorded,
 *                 the services only gain the console's labels, no task restarts); {@code true}: then update each service
 *                 in place to the console's desired state, db, api, the others, portal last
 * @param remove   what the Swarm holds that the console did not create and the operator wants gone, each as the plan
 *                 lists it ({@code secret reemo_mysql_root_password}); removed only after the platform verified
 */
public record AdoptParameters(boolean converge, List<String> remove) implements JobParameters {

    public AdoptParameters {
        remove = remove == null ? List.of() : List.copyOf(remove);
    }
}

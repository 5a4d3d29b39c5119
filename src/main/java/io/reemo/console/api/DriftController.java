package io.reemo.console.api;

import io.reemo.console.deploy.DriftService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/environments/{id}/drift")
@Tag(name = "Drift", description = "What runs, compared with what the console recorded")
class DriftController {

    private final DriftService drift;

    DriftController(DriftService drift) {
        this.drift = drift;
    }

    @GetMapping
    @Operation(summary = "Each cluster's Swarm read now and compared with the recorded configuration, with the planner's own"
            + " comparison: every field the console sets on a service (image, replicas, placement, env, secrets, configs,"
            + " networks, endpoint mode, ports, update and rollback config, labels, mounts, logging, args, restart), services"
            + " missing or no longer in the catalogue, and the network, secrets, configs and node labels the services need."
            + " {\"differences\": [{\"cluster\", \"object\", \"field\", \"recorded\", \"running\"}], \"readAt\": \"<ISO time>\"};"
            + " differences is empty when what runs is what was recorded. Secrets are named, never shown. 502 naming each"
            + " node when no node of a cluster answers.")
    DriftService.Report drift(@PathVariable long id) {
        return drift.read(id);
    }

    @PostMapping("/accept")
    @Operation(summary = "Accept what runs (admin): reads the Swarms now and records, as a revision caused by"
            + " 'running state accepted', what the settings can express: a service's image tag as its DOCKER_VERSION_*"
            + " variable, its replicas as REPLICAS_*, a cluster's endpoint mode as SWARM_ENDPOINT_MODE, each only when every"
            + " service it feeds runs that value. {\"recorded\": [{\"scope\", \"variable\", \"before\", \"after\"}],"
            + " \"restoredByNextInstall\": [differences the settings cannot express], \"revision\": n (null when nothing was"
            + " recorded)}. 403 for a viewer and 409 while a job changes the environment, before anything is read or saved;"
            + " 502 when a cluster cannot be read; 422 when what runs is no valid setting.")
    DriftService.Acceptance accept(@PathVariable long id, Authentication user) {
        return drift.accept(id, user);
    }
}

package io.reemo.console.deploy;

import io.reemo.console.catalogue.UpdateTags;
import io.reemo.console.environment.VariableCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/environments/{id}/plan")
@Tag(name = "Plan", description = "What an install, a full update or a tagged update would change, before anything changes")
class PlanController {

    private final PlanService plans;
    private final VariableCatalogue variables;

    PlanController(PlanService plans, VariableCatalogue variables) {
        this.plans = plans;
        this.variables = variables;
    }

    @GetMapping
    @Operation(summary = "Desired vs actual Swarm state: services to create, update (which fields) or remove; secrets and"
            + " configs to add. {\"changes\": []} when nothing would change.")
    PlanService.Plan plan(@PathVariable long id) {
        return plans.plan(id);
    }

    @PostMapping
    @Operation(summary = "What a tagged update would change: the body of an update job, {\"tags\": [\"api\"], \"versions\":"
            + " {\"DOCKER_VERSION_API\": \"2.14.0\"}}. Only the tagged services, with the versions set as the job would set"
            + " them; nothing is saved, nothing removed. {\"changes\": []} when nothing would change; 400 with every"
            + " problem for an unknown tag or version variable.")
    PlanService.Plan updatePlan(@PathVariable long id, @RequestBody Map<String, Object> body) {
        JobParameters parameters = new JobParameters("update", body, Set.of("tags", "versions"));
        List<String> tags = parameters.strings("tags", UpdateTags.ALL);
        if (tags.isEmpty()) {
            parameters.reject("'tags' is required: the update tags to plan, from " + UpdateTags.ALL);
        }
        Map<String, String> versions = UpdateJob.versions(parameters, variables);
        parameters.throwIfInvalid();
        return plans.updatePlan(id, tags, versions);
    }
}

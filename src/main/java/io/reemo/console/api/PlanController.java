package io.reemo.console.api;

import io.reemo.console.deploy.JobParametersException;
import io.reemo.console.deploy.PlanService;
import io.reemo.console.deploy.UpdateChecks;
import io.reemo.console.deploy.UpdateParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/environments/{id}/plan")
@Tag(name = "Plan", description = "What an install, a full update or a tagged update would change, before anything changes")
class PlanController {

    private final PlanService plans;
    private final UpdateChecks checks;

    PlanController(PlanService plans, UpdateChecks checks) {
        this.plans = plans;
        this.checks = checks;
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
            + " them; nothing is saved, nothing removed. {\"changes\": []} when nothing would change; 400 (a problem detail"
            + " whose problems name each field) for an unknown tag or version variable; 502 when a node cannot be reached.")
    PlanService.Plan updatePlan(@PathVariable long id, @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = "object", requiredProperties = "tags"),
            examples = @ExampleObject(value = "{\"tags\": [\"api\"], \"versions\": {\"DOCKER_VERSION_API\": \"2.14.0\"}}")))
            JsonNode body) {
        JobRequestJson.Read<UpdateParameters> request = JobRequestJson.updatePlan(body);
        UpdateParameters parameters = request.parameters();
        JobParametersException.throwIfAny(request.problems(), checks.forPlan(parameters));
        return plans.updatePlan(id, parameters.tags(), parameters.versions());
    }
}

package io.reemo.console.deploy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/environments/{id}/plan")
@Tag(name = "Plan", description = "What an install or full update would change, before anything changes")
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "Desired vs actual Swarm state: services to create, update (which fields) or remove; secrets and"
            + " configs to add. {\"changes\": []} when nothing would change.")
    PlanService.Plan plan(@PathVariable long id) {
        return plans.plan(id);
    }
}

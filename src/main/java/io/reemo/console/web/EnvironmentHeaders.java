package io.reemo.console.web;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts an environment's header into the model of any page of that environment (see templates/fragments/environment-frame.html). */
@Component
public class EnvironmentHeaders {

    private final Environments environments;
    private final DeploymentRecords records;

    EnvironmentHeaders(Environments environments, DeploymentRecords records) {
        this.environments = environments;
        this.records = records;
    }

    /** @throws io.reemo.console.environment.EnvironmentNotFoundException (404) */
    public EnvironmentHeader of(long environmentId) {
        Environment environment = environments.get(environmentId);
        return new EnvironmentHeader(environment.id(), environment.name(), environment.topology(),
                records.maintenance(environmentId));
    }

    /** Adds {@code header} and {@code tab} (which tab of the frame is current) to the page's model. */
    public EnvironmentHeader open(Model model, long environmentId, String tab) {
        EnvironmentHeader header = of(environmentId);
        model.addAttribute("header", header);
        model.addAttribute("tab", tab);
        return header;
    }
}

package io.reemo.console.admin.dashboard;

import io.reemo.console.admin.dashboard.DashboardSnapshots.Snapshot;
import io.reemo.console.admin.dashboard.DashboardViews.LastDeploy;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.web.EnvironmentHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard of one environment: its certificates with the page, and what the nodes run as a fragment the page
 * polls (every 5 s), served from the shared snapshot so that viewers never open SSH connections of their own.
 */
@Controller
class DashboardController {

    static final String PAGE = "admin/dashboard";
    static final String LIVE = "admin/dashboard :: live";

    private final EnvironmentHeaders headers;
    private final Environments environments;
    private final CertificateExpiries certificates;
    private final DashboardSnapshots snapshots;
    private final DashboardViews views;
    private final DashboardProperties properties;

    DashboardController(EnvironmentHeaders headers, Environments environments, CertificateExpiries certificates,
                        DashboardSnapshots snapshots, DashboardViews views, DashboardProperties properties) {
        this.headers = headers;
        this.environments = environments;
        this.certificates = certificates;
        this.snapshots = snapshots;
        this.views = views;
        this.properties = properties;
    }

    @GetMapping("/environments/{id}")
    String page(@PathVariable long id, Model model) {
        headers.open(model, id, "dashboard");
        model.addAttribute("certificates", certificates.of(environments.get(id)));
        model.addAttribute("openedAt", When.utc(Instant.now()));
        return PAGE;
    }

    @GetMapping("/environments/{id}/dashboard/live")
    String live(@PathVariable long id, Model model) {
        Environment environment = environments.get(id);
        Optional<Snapshot> snapshot = snapshots.current(id);
        model.addAttribute("environmentId", id);
        model.addAttribute("snapshot", snapshot.orElse(null));
        List<LastDeploy> lastDeploys = views.lastDeploys(id);
        model.addAttribute("lastDeploys", lastDeploys);
        snapshot.ifPresent(s -> {
            model.addAttribute("clusters", views.clusters(environment, s));
            model.addAttribute("takenAt", When.utc(s.takenAt()));
            model.addAttribute("freshness", Freshness.of(s.takenAt(), Instant.now(), properties,
                    lastDeploys.stream().map(LastDeploy::job).toList()));
        });
        return LIVE;
    }
}

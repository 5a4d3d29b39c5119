package io.reemo.console.admin.logs;

import io.reemo.console.web.EnvironmentHeader;
import io.reemo.console.web.EnvironmentHeaders;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every rendering of the Logs page needs: the frame, the services, both forms, the presets. */
@Component
class LogsPage {

    static final String VIEW = "admin/logs";
    static final String SEARCH = VIEW + " :: search";

    private final EnvironmentHeaders headers;
    private final LogServices logServices;

    LogsPage(EnvironmentHeaders headers, LogServices logServices) {
        this.headers = headers;
        this.logServices = logServices;
    }

    /** The services the environment runs; the model gets them with an empty live form and search form. */
    List<LogService> open(Model model, long environmentId) {
        EnvironmentHeader header = headers.open(model, environmentId, "logs");
        List<LogService> services = logServices.of(environmentId, header.maintenance());
        model.addAttribute("services", services);
        model.addAttribute("presets", SearchPreset.values());
        model.addAttribute("searchCap", LogSearch.CAP);
        model.addAttribute("live", LiveForm.none());
        model.addAttribute("search", SearchForm.empty());
        model.addAttribute("searchProblems", Map.of());
        return services;
    }

    /** For the stream and the download: the services without the page around them. */
    List<LogService> services(long environmentId) {
        return logServices.of(environmentId, headers.of(environmentId).maintenance());
    }
}

package io.reemo.console.admin.logs;

import io.reemo.console.servicelogs.LogSearch;
import io.reemo.console.servicelogs.LoggedService;
import io.reemo.console.servicelogs.LoggedServices;
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
    /** The problem shown when the user's cap refuses a live view or a search (review M9). */
    static final String BUSY = "busy";

    private final EnvironmentHeaders headers;
    private final LoggedServices loggedServices;

    LogsPage(EnvironmentHeaders headers, LoggedServices loggedServices) {
        this.headers = headers;
        this.loggedServices = loggedServices;
    }

    /** The services the environment runs; the model gets them with an empty live form and search form. */
    List<LoggedService> open(Model model, long environmentId) {
        EnvironmentHeader header = headers.open(model, environmentId, "logs");
        List<LoggedService> services = loggedServices.of(environmentId, header.maintenance());
        model.addAttribute("services", services);
        model.addAttribute("presets", SearchPreset.values());
        model.addAttribute("searchCap", LogSearch.CAP);
        model.addAttribute("live", LiveForm.none());
        model.addAttribute("search", SearchForm.empty());
        model.addAttribute("searchProblems", Map.of());
        return services;
    }

    /** For the stream and the download: the services without the page around them. */
    List<LoggedService> services(long environmentId) {
        return loggedServices.of(environmentId, headers.of(environmentId).maintenance());
    }
}

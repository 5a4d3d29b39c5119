package io.reemo.console.admin.logs;

import io.reemo.console.quota.Permit;
import io.reemo.console.quota.QuotaExceededException;
import io.reemo.console.quota.Quotas;
import io.reemo.console.quota.Work;
import io.reemo.console.servicelogs.LogSearch;
import io.reemo.console.servicelogs.LoggedService;
import io.reemo.console.servicelogs.NodeSearchResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The log search across nodes: a pattern in the chosen services' lines of a time range, per node, with the
 * vendor's two documented searches as presets. htmx gets the search panel alone; a plain request the page.
 */
@Controller
class LogSearchController {

    private final LogsPage page;
    private final LogSearch search;
    private final Quotas quotas;

    LogSearchController(LogsPage page, LogSearch search, Quotas quotas) {
        this.page = page;
        this.search = search;
        this.quotas = quotas;
    }

    /** With {@code preset}, the preset's search fills the form and runs; without, the form as typed. */
    @GetMapping("/environments/{id}/logs/search")
    String search(@PathVariable long id, SearchForm form, @RequestParam(required = false) String preset,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication user, Model model) {
        List<LoggedService> known = page.open(model, id);
        SearchForm asked = SearchPreset.byId(preset == null ? "" : preset).map(SearchPreset::form).orElse(form);
        LogSelection selection = LogSelection.of(known, asked.services(), true, asked.from(), asked.until(), Instant.now())
                .checking(asked.logPattern());
        model.addAttribute("search", asked);
        model.addAttribute("searchProblems", selection.problems());
        if (selection.valid()) {
            try (Permit permit = quotas.take(Work.LOG_SEARCH, user.getName())) {
                List<NodeSearchResult> results = search.search(selection.services(), asked.logPattern(), selection.from(), selection.until());
                model.addAttribute("results", results);
                model.addAttribute("matched", results.stream().mapToLong(NodeSearchResult::matched).sum());
            } catch (QuotaExceededException busy) {
                model.addAttribute("searchProblems", Map.of(LogsPage.BUSY, busy.getMessage()));
            }
        }
        return htmx != null ? LogsPage.SEARCH : LogsPage.VIEW;
    }
}

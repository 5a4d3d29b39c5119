package io.reemo.console.audit;

import io.reemo.console.environment.Environments;
import io.reemo.console.security.AuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The Audit page: the filter form, and the records it selects, which htmx reloads on their own. */
@Controller
class AuditPageController {

    static final String VIEW = "audit/audit";
    static final String RESULTS = VIEW + " :: results";

    private final AuditLog audit;
    private final Environments environments;

    AuditPageController(AuditLog audit, Environments environments) {
        this.audit = audit;
        this.environments = environments;
    }

    @GetMapping("/audit")
    String audit(AuditFilter filter, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<String, String> problems = filter.problems();
        model.addAttribute("filter", filter);
        model.addAttribute("filterProblems", problems);
        model.addAttribute("events", problems.isEmpty() ? audit.find(filter.query(environments)) : List.of());
        model.addAttribute("limit", filter.rows());
        model.addAttribute("exportCsv", filter.exportQuery("csv"));
        model.addAttribute("exportJson", filter.exportQuery("json"));
        if (htmx != null) {
            return RESULTS;
        }
        model.addAttribute("environments", environments.list());
        return VIEW;
    }
}

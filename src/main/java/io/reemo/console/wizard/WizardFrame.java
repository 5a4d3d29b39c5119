package io.reemo.console.wizard;

import io.reemo.console.environment.EnvironmentValidator;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.VariableCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every wizard page shows around its form: the steps with their error counts, and the draft's problems. */
@Component
class WizardFrame {

    private final EnvironmentValidator validator;
    private final VariableCatalogue catalogue;
    private final WizardDrafts drafts;

    WizardFrame(EnvironmentValidator validator, VariableCatalogue catalogue, WizardDrafts drafts) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.drafts = drafts;
    }

    /** The validator's findings, and the import's that the validator does not repeat (syntax, layout). */
    List<Problem> problems(Draft draft) {
        List<Problem> problems = new ArrayList<>(validator.validate(draft.environment()));
        draft.importProblems().stream().filter(p -> problems.stream().noneMatch(q -> q.message().equals(p.message())))
                .forEach(problems::add);
        return problems;
    }

    List<Problem> of(WizardPage page, List<Problem> problems) {
        return problems.stream().filter(p -> pageOf(p) == page).toList();
    }

    WizardPage pageOf(Problem problem) {
        return WizardPage.of(problem, catalogue);
    }

    /** Puts the frame into the model, and remembers the page as the one "Resume" returns to. */
    String render(Model model, Draft draft, WizardPage page, List<Problem> problems, String view) {
        drafts.visited(draft.id(), page);
        model.addAttribute("draft", draft);
        model.addAttribute("page", page);
        model.addAttribute("pages", WizardPage.values());
        Map<WizardPage, Long> errors = new LinkedHashMap<>();
        problems.stream().filter(Problem::isError).forEach(p -> errors.merge(pageOf(p), 1L, Long::sum));
        model.addAttribute("errorCounts", errors);
        return view;
    }
}

package io.reemo.console.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A job request the console cannot run as asked; the API answers 400 with every problem. */
public class JobParametersException extends RuntimeException {

    private final transient List<ParameterProblem> problems;

    public JobParametersException(List<ParameterProblem> problems) {
        super(String.join("; ", problems.stream().map(ParameterProblem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public JobParametersException(String field, String message) {
        this(List.of(new ParameterProblem(field, message)));
    }

    /**
     * Refuses a request when anything is wrong with it: first what was found reading it (a field sent as the wrong
     * JSON type), then the checks of its values, except on the fields that reading already named (a field is named
     * once, for the first thing wrong with it).
     */
    public static void throwIfAny(List<ParameterProblem> reading, List<ParameterProblem> checked) {
        List<ParameterProblem> all = new ArrayList<>(reading);
        checked.stream()
                .filter(c -> c.field() == null || reading.stream().noneMatch(r -> Objects.equals(r.field(), c.field())))
                .forEach(all::add);
        if (!all.isEmpty()) {
            throw new JobParametersException(all);
        }
    }

    public List<ParameterProblem> problems() {
        return problems;
    }
}

package io.reemo.console.environment;

import java.util.List;

/** An environment (or an inventory) with errors; the API answers 422 with every problem. */
public class InvalidEnvironmentException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidEnvironmentException(List<Problem> problems) {
        super(problems.stream().filter(Problem::isError).count() + " error(s)");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

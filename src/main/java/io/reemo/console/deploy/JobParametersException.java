package io.reemo.console.deploy;

import java.util.List;

/** A job request the console cannot run as asked; the API answers 400 with every problem. */
public class JobParametersException extends RuntimeException {

    private final List<String> problems;

    public JobParametersException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

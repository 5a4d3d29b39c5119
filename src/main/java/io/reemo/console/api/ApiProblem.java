package io.reemo.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The body of the REST API's error answers: an RFC 9457 problem detail and, when the request was refused for what it
 * holds, its {@code problems}, typed so that the API documentation shows their shape.
 */
class ApiProblem extends ProblemDetail {

    private final transient List<ProblemItem> problems;

    ApiProblem(HttpStatusCode status, String detail) {
        this(status, detail, List.of());
    }

    ApiProblem(HttpStatusCode status, String detail, List<ProblemItem> problems) {
        super(status.value());
        setDetail(detail);
        this.problems = List.copyOf(problems);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<ProblemItem> getProblems() {
        return problems;
    }
}

package io.reemo.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.environment.Problem;

/**
 * One item of a problem detail's {@code problems}: one thing wrong with the request, said with what to do.
 *
 * @param field    the request field concerned: a variable of an environment or inventory, a job parameter, a query
 *                 parameter, a JSON property; {@code null} when the problem is not one field's
 * @param line     1-based line in the request body (an imported inventory, unreadable JSON), or {@code null}
 * @param column   1-based column, as {@code line}
 * @param severity {@code ERROR} or {@code WARNING} for an environment's problems
 * @param code     the validator's code for an environment's problems ({@code SCOPE}, {@code HOST_KEY}, …)
 * @param host     the node concerned, or {@code null}
 * @param where    where in the environment the variable is set ({@code all.vars}, {@code vars of group infra_manager}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemItem(String field, Integer line, Integer column, String message, Problem.Severity severity, String code,
                   String host, String where) {

    static ProblemItem of(Problem problem) {
        return new ProblemItem(problem.variable(), problem.line(), problem.column(), problem.message(), problem.severity(),
                problem.code(), problem.host(), problem.where());
    }

    static ProblemItem of(ParameterProblem problem) {
        return field(problem.field(), problem.message());
    }

    static ProblemItem field(String field, String message) {
        return new ProblemItem(field, null, null, message, null, null, null, null);
    }
}

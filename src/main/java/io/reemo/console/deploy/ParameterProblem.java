package io.reemo.console.deploy;

/**
 * One thing wrong with a job request, said so that the sender knows what to send instead.
 *
 * @param field the request field concerned ({@code "nodes"}, {@code "type"}, …), or {@code null} when the problem is
 *              the environment's rather than a field's
 */
public record ParameterProblem(String field, String message) {
}

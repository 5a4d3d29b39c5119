package io.reemo.console.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error answer of the environments API: a message, and the problems when there are any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, List<Problem> problems) {

    public ApiError(int status, String error) {
        this(status, error, List.of());
    }
}

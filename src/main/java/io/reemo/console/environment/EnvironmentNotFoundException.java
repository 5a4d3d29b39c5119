package io.reemo.console.environment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Asked for an environment or node that does not exist; the API and the pages answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EnvironmentNotFoundException extends RuntimeException {

    public EnvironmentNotFoundException(String message) {
        super(message);
    }
}

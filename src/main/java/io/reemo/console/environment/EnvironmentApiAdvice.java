package io.reemo.console.environment;

import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.secrets.SecretUnavailableException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every error of the environments API as JSON ({@link ApiError}) with a message that says what to do; never a
 * stack trace, never a value from the request (it may be a secret).
 */
@RestControllerAdvice(annotations = EnvironmentApi.class)
class EnvironmentApiAdvice {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentApiAdvice.class);
    private final SecretMasker masker;

    EnvironmentApiAdvice(SecretMasker masker) {
        this.masker = masker;
    }

    @ExceptionHandler
    ResponseEntity<ApiError> invalid(InvalidEnvironmentException e) {
        long errors = e.problems().stream().filter(Problem::isError).count();
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, new ApiError(HttpStatus.UNPROCESSABLE_CONTENT.value(),
                errors + " error(s) to correct; every problem is listed with its line where it has one.", e.problems()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> notFound(EnvironmentNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({DuplicateEnvironmentNameException.class, HostKeyAlreadyPinnedException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> secretUnavailable(SecretUnavailableException e) {
        log.error("Stored secrets cannot be read: {}", e.getMessage());
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "Stored secrets cannot be read: " + e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        return answer(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String where = e.getMostSpecificCause() instanceof JacksonException jackson && jackson.getLocation() != null
                ? at(jackson.getLocation()) : "";
        return answer(HttpStatus.BAD_REQUEST, "The request body is not the expected JSON" + where + "; see the API "
                + "documentation (/swagger-ui.html) for its shape.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "The parameter '" + e.getParameterName() + "' is required.");
    }

    @ExceptionHandler
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' must be "
                + (e.getRequiredType() == null ? "another value" : "a " + e.getRequiredType().getSimpleName().toLowerCase()) + ".");
    }

    /** The last resort: logged without the exception's message unmasked, answered without any detail. */
    @ExceptionHandler
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected error in the environments API: {}\n\tat {}", masker.mask(e.toString()),
                Arrays.stream(e.getStackTrace()).limit(8).map(String::valueOf).collect(Collectors.joining("\n\tat ")));
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it is in the console's log.");
    }

    private static String at(TokenStreamLocation location) {
        return location.getLineNr() > 0 ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
        return answer(status, new ApiError(status.value(), message));
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).body(body);
    }
}

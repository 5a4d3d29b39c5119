package io.reemo.console.api;

import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.JobParametersException;
import io.reemo.console.environment.DuplicateEnvironmentNameException;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.HostKeyAlreadyPinnedException;
import io.reemo.console.environment.InvalidEnvironmentException;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.StaleRevisionException;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.JobNotFoundException;
import io.reemo.console.job.TooManyJobsException;
import io.reemo.console.node.NodeException;
import io.reemo.console.quota.QuotaExceededException;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.secrets.SecretUnavailableException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every error of the REST API as an RFC 9457 problem detail ({@code application/problem+json}, {@link ApiProblem}):
 * the status, a {@code detail} that says what to do and, when the request was refused for what it holds,
 * {@code problems}, one {@link ProblemItem} per finding with its field, line and column. Never a stack trace, never a value from the
 * request (it may be a secret). Only {@code @RestController}s: the pages keep their HTML error handling.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the pages' advice ({@code web.BusyAdvice}), which would answer in plain text
class ProblemDetailAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailAdvice.class);
    private static final String SHAPE = "see the API documentation (/swagger-ui.html) for its shape.";

    private final SecretMasker masker;

    ProblemDetailAdvice(SecretMasker masker) {
        this.masker = masker;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ApiProblem invalid(InvalidEnvironmentException e) {
        long errors = e.problems().stream().filter(Problem::isError).count();
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, errors + " error(s) to correct; every problem is listed with its line where it has one.",
                e.problems().stream().map(ProblemItem::of).toList());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiProblem badJobRequest(JobParametersException e) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "The job request cannot be run: " + e.getMessage(),
                e.problems().stream().map(ProblemItem::of).toList());
    }

    @ExceptionHandler({EnvironmentNotFoundException.class, JobNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ApiProblem notFound(RuntimeException e) {
        return new ApiProblem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({DuplicateEnvironmentNameException.class, HostKeyAlreadyPinnedException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    ApiProblem conflict(RuntimeException e) {
        return new ApiProblem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Another changing job holds the environment: {@code runningJobId} names it, to follow or wait for. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.CONFLICT)
    ApiProblem jobConflict(JobConflictException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, e.getMessage());
        if (e.blockingJobId() != null) {
            problem.setProperty("runningJobId", e.blockingJobId());
        }
        return problem;
    }

    /** A change made from an old revision: {@code changedSince} lists what changed after it, to redo the change on top. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.PRECONDITION_FAILED)
    ApiProblem stale(StaleRevisionException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        problem.setProperty("revision", e.current());
        problem.setProperty("changedSince", e.since());
        return problem;
    }

    /**
     * The user, or the console, holds as many streams, searches, downloads or unfinished jobs as its cap allows (review
     * M9): try again once some ended.
     */
    @ExceptionHandler({QuotaExceededException.class, TooManyJobsException.class})
    ResponseEntity<ApiProblem> busy(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, QuotaExceededException.RETRY_AFTER)
                .body(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ApiProblem forbidden(AccessDeniedException e) {
        return new ApiProblem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A plan reads the Swarm through a node: when that node cannot be reached, say which and why. */
    @ExceptionHandler({NodeException.class, DeployException.class})
    @ResponseStatus(HttpStatus.BAD_GATEWAY)
    ApiProblem unreachable(RuntimeException e) {
        return new ApiProblem(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ApiProblem secretUnavailable(SecretUnavailableException e) {
        log.error("Stored secrets cannot be read: {}", e.getMessage());
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Stored secrets cannot be read: " + e.getMessage());
    }

    /** The last resort: logged without the exception's message unmasked, answered without any detail. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ApiProblem unexpected(Exception e) {
        log.error("Unexpected error in the REST API: {}\n\tat {}", masker.mask(e.toString()),
                Arrays.stream(e.getStackTrace()).limit(8).map(String::valueOf).collect(Collectors.joining("\n\tat ")));
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it is in the console's log.");
    }

    /** Where the JSON went wrong, never what it held: Jackson's own message quotes the body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (!(e.getMostSpecificCause() instanceof JacksonException jackson) || jackson.getLocation() == null
                || jackson.getLocation().getLineNr() < 1) {
            return answer(new ApiProblem(HttpStatus.BAD_REQUEST, "The request body is not the expected JSON; " + SHAPE));
        }
        TokenStreamLocation at = jackson.getLocation();
        ProblemItem item = new ProblemItem(path(jackson.getPath()), at.getLineNr(), at.getColumnNr(),
                "not the expected JSON here", null, null, null, null);
        return answer(new ApiProblem(HttpStatus.BAD_REQUEST, "The request body is not the expected JSON (line " + at.getLineNr()
                + ", column " + at.getColumnNr() + "); " + SHAPE, List.of(item)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return badParameter(e.getParameterName(), "The parameter '" + e.getParameterName() + "' is required.");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        return badParameter(e.getPropertyName(), "'" + e.getPropertyName() + "' must be "
                + (e.getRequiredType() == null ? "another value" : "a " + e.getRequiredType().getSimpleName().toLowerCase()) + ".");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<ProblemItem> items = e.getFieldErrors().stream()
                .map(error -> ProblemItem.field(error.getField(), "'" + error.getField() + "' " + error.getDefaultMessage())).toList();
        return answer(new ApiProblem(HttpStatus.BAD_REQUEST, "The request cannot be taken: "
                + items.stream().map(ProblemItem::message).collect(Collectors.joining("; ")) + ".", items));
    }

    private static ResponseEntity<Object> badParameter(String name, String message) {
        return answer(new ApiProblem(HttpStatus.BAD_REQUEST, message, List.of(ProblemItem.field(name, message))));
    }

    private static ResponseEntity<Object> answer(ApiProblem problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** {@code clusters[0].nodes[1].sshPort}, or {@code null} at the top of the body. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}

package io.reemo.console.deploy;

import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.JobNotFoundException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The jobs and plan APIs' errors as RFC 9457 problem details with a message that says what to do. */
@RestControllerAdvice(assignableTypes = {JobApiController.class, PlanController.class})
class JobApiErrors {

    @ExceptionHandler(JobParametersException.class)
    ProblemDetail badRequest(JobParametersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The job request cannot be run: " + e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(JobConflictException.class)
    ProblemDetail conflict(JobConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        if (e.blockingJobId() != null) {
            problem.setProperty("runningJobId", e.blockingJobId());
        }
        return problem;
    }

    @ExceptionHandler({JobNotFoundException.class, EnvironmentNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The plan reads the Swarm through a node: when that node cannot be reached, say which and why. */
    @ExceptionHandler({io.reemo.console.node.NodeException.class,
            DeployException.class, io.reemo.console.swarm.SwarmStateException.class})
    ProblemDetail unreachable(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body must be a JSON object such as {\"type\": \"facts\"}.");
        problem.setProperty("problems", List.of("body is not a JSON object"));
        return problem;
    }
}

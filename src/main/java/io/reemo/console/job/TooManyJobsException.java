package io.reemo.console.job;

/**
 * Refused because the user, or the whole console, has as many jobs waiting or running as allowed (review M9): a
 * script starting job after job must not queue thousands ahead of an urgent install. The API answers 429.
 */
public class TooManyJobsException extends JobConflictException {

    TooManyJobsException(String message) {
        super(message, null);
    }
}

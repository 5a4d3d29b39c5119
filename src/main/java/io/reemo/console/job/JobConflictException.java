package io.reemo.console.job;

/** Refused because of another job or of the job's own state; the API answers 409 with the message. */
public class JobConflictException extends RuntimeException {

    private final Long blockingJobId;

    public JobConflictException(String message, Long blockingJobId) {
        super(message);
        this.blockingJobId = blockingJobId;
    }

    /** The running job that holds the environment, if that was the reason. */
    public Long blockingJobId() {
        return blockingJobId;
    }
}

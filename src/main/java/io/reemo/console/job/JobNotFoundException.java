package io.reemo.console.job;

/** No job with this id; the API answers 404. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(long id) {
        super("There is no job " + id + ".");
    }
}

package io.reemo.console.deploy.steps;

/** One check of the platform as the job log says it: what was checked, what came back, and whether that is right. */
record CheckLine(boolean passed, String text) {

    static CheckLine pass(String text) {
        return new CheckLine(true, text);
    }

    static CheckLine fail(String text) {
        return new CheckLine(false, text);
    }
}

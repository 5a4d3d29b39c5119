package io.reemo.console.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An environment's revision as an HTTP entity tag, and the {@code If-Match} that a change must carry. */
final class Revisions {

    private Revisions() {
    }

    static String etag(int revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The revision a change was made from: the number in {@code If-Match} ({@code "7"}, {@code W/"7"}), or the current
     * one for {@code *} (the client asks for no check).
     *
     * @throws ResponseStatusException 428 without the header, 400 when it is not a revision
     */
    static int requireIfMatch(String ifMatch, int current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED, "A change needs If-Match: read the "
                    + "environment with GET and send its ETag back, so that a change made meanwhile is not undone.");
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return current;
        }
        tag = tag.replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "If-Match must be the ETag that GET gave, "
                    + "e.g. \"7\"; a list of tags is not taken.");
        }
    }
}

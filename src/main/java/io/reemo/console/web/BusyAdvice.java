package io.reemo.console.web;

import io.reemo.console.quota.QuotaExceededException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page's stream or download refused by a cap (review M9): 429 with the sentence that says why and what to do, in
 * plain text, as the pages answer a link typed wrong. Pages that can say it in place (the Logs page) check first.
 */
@ControllerAdvice
class BusyAdvice {

    @ExceptionHandler
    ResponseEntity<String> busy(QuotaExceededException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, QuotaExceededException.RETRY_AFTER)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(e.getMessage());
    }
}

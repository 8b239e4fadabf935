package org.precisionaid.web;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A refusal that passes with time (429 too many requests, 503 busy): the answer carries {@code Retry-After}. */
public class RetryLaterException extends FieldRuleException {

    private final Duration retryAfter;

    public RetryLaterException(HttpStatus status, String type, String title, Map<String, String> errors,
            Duration retryAfter) {
        super(status, type, title, errors);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

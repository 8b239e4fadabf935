package org.precisionaid.procedure;

import java.time.Clock;
import java.time.Duration;
import org.precisionaid.web.AddressRateLimiter;
import org.springframework.stereotype.Component;

/**
 * Keeps one address from flooding the township with objections: at most {@code perWindow} (default 5) per
 * {@link #WINDOW}, then 429 with {@code Retry-After} ({@link AddressRateLimiter}).
 */
@Component
public class SubmissionLimiter extends AddressRateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(10);

    public SubmissionLimiter(Clock clock,
            @org.springframework.beans.factory.annotation.Value("${precision-aid.public.objections-per-window:5}") int perWindow) {
        super(clock, perWindow, WINDOW, "too-many-objections", "提交过于频繁 / Too many submissions", "reason",
                "objections");
    }
}

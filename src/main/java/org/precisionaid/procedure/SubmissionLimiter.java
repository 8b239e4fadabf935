package org.precisionaid.procedure;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Keeps one address from flooding the township with objections: at most {@code perWindow} (default 5) per
 * {@link #WINDOW}. In memory, per application instance: enough against a careless or angry sender.
 */
@Component
public class SubmissionLimiter {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final int perWindow;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public SubmissionLimiter(Clock clock,
            @org.springframework.beans.factory.annotation.Value("${precision-aid.public.objections-per-window:5}") int perWindow) {
        this.clock = clock;
        this.perWindow = perWindow;
    }

    public void check(String address) {
        long now = clock.millis();
        long[] window = windows.compute(address, (key, current) -> {
            if (current == null || now - current[0] >= WINDOW.toMillis()) {
                return new long[] {now, 1};
            }
            current[1]++;
            return current;
        });
        if (window[1] > perWindow) {
            throw new FieldRuleException(HttpStatus.TOO_MANY_REQUESTS, "too-many-objections",
                    "提交过于频繁 / Too many submissions", Map.of("reason", "at most " + perWindow
                            + " objections per " + WINDOW.toMinutes() + " minutes from one address; please try later"));
        }
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> now - e.getValue()[0] >= WINDOW.toMillis());
        }
    }
}

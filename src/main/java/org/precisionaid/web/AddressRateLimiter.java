package org.precisionaid.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;

/**
 * The one limiter of anonymous requests per client address: at most {@code perWindow} in a fixed window, then 429 with
 * a problem detail naming the field and the rule and {@code Retry-After} until the window ends. In memory, per
 * application instance: enough against a careless or angry sender, or a script. Each use (objections, public PDFs) is
 * a subclass with its own counts, limit and words.
 */
public class AddressRateLimiter {

    private static final int FORGET_ABOVE = 10_000;

    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    private final String type;
    private final String title;
    private final String field;
    private final String what;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    /**
     * @param type  the problem type's last segment, e.g. {@code too-many-objections}
     * @param title bilingual, Chinese first
     * @param field the field the problem names
     * @param what  what is counted, in plural, e.g. {@code objections}
     */
    protected AddressRateLimiter(Clock clock, int perWindow, Duration window, String type, String title, String field,
            String what) {
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
        this.type = type;
        this.title = title;
        this.field = field;
        this.what = what;
    }

    public void check(String address) {
        long now = clock.millis();
        long[] current = windows.compute(address, (key, counted) -> {
            if (counted == null || now - counted[0] >= window.toMillis()) {
                return new long[] {now, 1};
            }
            counted[1]++;
            return counted;
        });
        if (current[1] > perWindow) {
            Duration left = Duration.ofMillis(Math.max(0, current[0] + window.toMillis() - now));
            long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
            throw new RetryLaterException(HttpStatus.TOO_MANY_REQUESTS, type, title, Map.of(field, "at most "
                    + perWindow + " " + what + " per " + minutes(window) + " from one address; please try again in "
                    + seconds + " s"), left);
        }
        if (windows.size() > FORGET_ABOVE) {
            windows.entrySet().removeIf(e -> now - e.getValue()[0] >= window.toMillis());
        }
    }

    private static String minutes(Duration window) {
        return window.toSeconds() % 60 == 0 ? window.toMinutes() + " minutes" : window.toSeconds() + " seconds";
    }
}

package org.precisionaid.print;

import java.time.Clock;
import java.time.Duration;
import org.precisionaid.web.AddressRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Public PDFs (the village notice, the project disclosure) per client address: at most
 * {@code precision-aid.print.public-per-window} in {@code precision-aid.print.public-window}, then 429 with
 * {@code Retry-After}. With their own slots ({@link PrintFont.Lane#PUBLIC}) this keeps anyone without a login from
 * taking the server's cores from the officials.
 */
@Component
public class PublicPrintLimiter extends AddressRateLimiter {

    public PublicPrintLimiter(Clock clock, @Value("${precision-aid.print.public-per-window:30}") int perWindow,
            @Value("${precision-aid.print.public-window:PT10M}") Duration window) {
        super(clock, perWindow, window, "too-many-prints", "打印请求过于频繁 / Too many print requests", "print",
                "public PDFs");
    }
}

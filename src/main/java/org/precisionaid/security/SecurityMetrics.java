package org.precisionaid.security;

import io.micrometer.core.instrument.Metrics;
import java.util.Locale;

/**
 * Counters at the security log's points, for Prometheus: refused logins by a reason out of a fixed few and refused
 * requests. Never a user id, an address or anything else a caller typed as a label. Kept in Micrometer's global
 * registry, which Spring Boot joins to its own, because the identity provider is made by the engine, not by Spring.
 */
public final class SecurityMetrics {

    private SecurityMetrics() {
    }

    /** A login refused; {@code reason} as logged ("unknown user", "wrong password", "account locked …", …). */
    public static void loginRefused(String reason) {
        Metrics.counter("pa.logins.refused", "reason", reasonLabel(reason)).increment();
    }

    /** A request refused for want of permission (403), as {@link SecurityLog#refused} logs it. */
    static void requestRefused() {
        Metrics.counter("pa.requests.refused").increment();
    }

    static String reasonLabel(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.contains("address")) {
            return "address-locked";
        }
        if (text.contains("lock")) {
            return "account-locked";
        }
        if (text.contains("unknown")) {
            return "unknown-user";
        }
        if (text.contains("wrong")) {
            return "wrong-password";
        }
        return "other";
    }
}

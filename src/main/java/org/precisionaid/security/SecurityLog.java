package org.precisionaid.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logger for refused requests, so an operator can follow them (user, resource, why; the time is the log
 * line's). Logins are logged by {@code AuditedIdentityProvider} under {@code org.precisionaid.security.login}.
 * Never a password, ID number or phone: only ids the server itself chose or the user typed as his name.
 */
public final class SecurityLog {

    private static final Logger REFUSED = LoggerFactory.getLogger("org.precisionaid.security.refused");
    private static final Logger LOGIN = LoggerFactory.getLogger("org.precisionaid.security.login");

    private SecurityLog() {
    }

    public static void refused(String user, String resource, String reason) {
        REFUSED.warn("refused: user={} resource={} reason={}", user == null ? "(anonymous)" : user, resource, reason);
        SecurityMetrics.requestRefused();
    }

    /**
     * Logins locked after too many failures: {@code kind} is {@code user} (the account, whoever tried) or
     * {@code address} (the client address, whatever the accounts). The lock ends by itself at {@code until}.
     */
    public static void loginLocked(String kind, String who, java.time.Instant until, int failures) {
        LOGIN.warn("login locked: {}={} until={} after {} failed logins", kind, printable(who), until, failures);
    }

    /** A name as typed by anyone: no line breaks into the log, and not the whole of a long paste. */
    public static String printable(String typed) {
        if (typed == null) {
            return "(none)";
        }
        String clean = typed.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}

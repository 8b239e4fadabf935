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

    private SecurityLog() {
    }

    public static void refused(String user, String resource, String reason) {
        REFUSED.warn("refused: user={} resource={} reason={}", user == null ? "(anonymous)" : user, resource, reason);
        SecurityMetrics.requestRefused();
    }
}

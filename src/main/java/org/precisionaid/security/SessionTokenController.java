package org.precisionaid.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webapps' CSRF token of the caller's session, for our pages under {@code /reports/} to send back with their
 * writes ({@link WebappSessionAuthenticationFilter}). Read only with that session; over HTTP Basic there is none.
 */
@RestController
public class SessionTokenController {

    @GetMapping("/api/session-token")
    public Map<String, String> sessionToken(HttpServletRequest request) {
        return of(request);
    }

    /** The token as {@code {token}}, or a 404 problem when the caller has no webapp session. */
    public static Map<String, String> of(HttpServletRequest request) {
        String token = WebappSessionAuthenticationFilter.sessionToken(request);
        if (token == null) {
            throw new FieldRuleException(HttpStatus.NOT_FOUND, "no-webapp-session", "没有登录会话 / No webapp session",
                    Map.of("session", "log in to the Camunda webapps first; over HTTP Basic no token is needed"));
        }
        return Map.of("token", token);
    }
}

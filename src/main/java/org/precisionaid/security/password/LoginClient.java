package org.precisionaid.security.password;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine's password check which HTTP request it belongs to, if any: the client address (for the address
 * throttle) and whether the password came as HTTP Basic. A filter of its own, registered before Spring Security on
 * every path (the webapps' login, the engine REST API, our API): Spring's request context is bound only later, by
 * the Jersey configuration's filter. The address is the connection's, or the client's as a trusted proxy reports it
 * when forwarded headers are enabled (the tls profile; Tomcat trusts private and loopback proxies only).
 */
public final class LoginClient extends OncePerRequestFilter {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CURRENT.set(request);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }

    /** The client address, or null when the check does not come from an HTTP request (a test, a job). */
    static String address() {
        HttpServletRequest request = CURRENT.get();
        return request == null ? null : request.getRemoteAddr();
    }

    /** Whether the password came as HTTP Basic credentials (sent again with every REST call). */
    static boolean isHttpBasic() {
        HttpServletRequest request = CURRENT.get();
        String authorization = request == null ? null : request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ");
    }
}

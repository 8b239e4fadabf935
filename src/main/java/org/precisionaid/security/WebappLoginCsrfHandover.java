package org.precisionaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.camunda.bpm.spring.boot.starter.property.CsrfProperties;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Hands the new session's CSRF token out with the webapps' login answer itself.
 *
 * <p>Camunda's login opens a new session, which has no CSRF token until a later read fetches one. Tasklist fires its
 * first requests in parallel right after the login — some of them POSTs (filter lists, counts) — and one sent with the
 * old session's token before a read has brought the new one is refused, and Camunda's CSRF filter then invalidates
 * the session: the official, just logged in, is logged out again. With the token in the login answer (header and
 * cookie, as Camunda's filter would set them), every request after the login carries the right one. (Found while
 * looking for issue #22's spinner after a login, whose cause was another: see {@link WebappNoncePerRequest}.)
 */
class WebappLoginCsrfHandover extends OncePerRequestFilter {

    static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN"; // Camunda's CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME
    static final String HEADER = "X-XSRF-TOKEN";

    private final CsrfProperties csrf;
    private final SecureRandom random = new SecureRandom();

    WebappLoginCsrfHandover(CsrfProperties csrf) {
        this.csrf = csrf;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/api/admin/auth/user/")
                || !request.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        HttpSession session = request.getSession(false);
        if (answer.getStatus() == HttpServletResponse.SC_OK && session != null
                && session.getAttribute(SESSION_TOKEN) == null) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String token = HexFormat.of().withUpperCase().formatHex(bytes);
            session.setAttribute(SESSION_TOKEN, token);
            answer.setHeader(HEADER, token);
            answer.addHeader("Set-Cookie", cookie(request, token));
        }
        answer.copyBodyToResponse();
    }

    private String cookie(HttpServletRequest request, String token) {
        String name = csrf.getCookieName() == null ? "XSRF-TOKEN" : csrf.getCookieName();
        StringBuilder cookie = new StringBuilder(name).append('=').append(token)
                .append(";Path=").append(request.getContextPath()).append("/camunda");
        if (csrf.isEnableSecureCookie()) {
            cookie.append(";Secure");
        }
        if (csrf.isEnableSameSiteCookie()) {
            String sameSite = csrf.getSameSiteCookieValue() != null ? csrf.getSameSiteCookieValue()
                    : csrf.getSameSiteCookieOption() == null ? "Lax" : capitalized(csrf.getSameSiteCookieOption());
            cookie.append(";SameSite=").append(sameSite);
        }
        return cookie.toString();
    }

    private static String capitalized(String option) {
        return option.charAt(0) + option.substring(1).toLowerCase();
    }
}

package org.precisionaid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets our Cockpit plugin read {@code /api/audit}, and the report pages and the workbench ({@code /reports/},
 * {@code /api/reports/}, {@code /api/workbench}) be read, with the official's login to the Camunda webapps: a GET without HTTP Basic is
 * taken as the user the Camunda webapps' session holds, with the groups Camunda loaded for him. Only reads, and
 * only there: nothing a forged cross-site request could change (ADR 0002 keeps CSRF off for stateless Basic).
 *
 * <p>One exception writes: the administrators' migration page ({@code /admin/}, {@code /api/admin/migrations}, ADR
 * 0020) posts with the webapps' session too, but only with the session's CSRF token in {@code X-XSRF-TOKEN} — the
 * same token, checked the same way, as Camunda's own CSRF filter asks of the webapps. Without it the POST is
 * anonymous (401); a forged cross-site request cannot read the token. The county office's targets and funds pages
 * ({@code /reports/targets.html}, {@code /reports/funds.html}) read {@code /api/income-targets} and {@code /api/funds}
 * the same way as the reports, and save with a PUT under the same rule: only with the session's token, which a page
 * of ours reads from {@code GET /api/session-token}.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        if (migrationPage(path)) {
            return !"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod());
        }
        if (countyPage(path)) {
            return !"GET".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
        }
        return !"GET".equals(request.getMethod()) || !(path.startsWith("/api/audit/")
                || path.startsWith("/api/reports") || path.startsWith("/api/workbench") || path.startsWith("/reports/")
                || path.equals("/api/session-token"));
    }

    /** The targets and funds pages' API: read, and written with a PUT carrying the session's token. */
    private static boolean countyPage(String path) {
        return path.equals("/api/income-targets") || path.startsWith("/api/income-targets/")
                || path.equals("/api/funds") || path.startsWith("/api/funds/");
    }

    private static boolean migrationPage(String path) {
        return path.startsWith("/admin/") || path.startsWith("/api/admin/migrations");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !"GET".equals(request.getMethod()) && !sessionTokenSent(request, session)) {
            chain.doFilter(request, response); // a write without the session's CSRF token stays anonymous
            return;
        }
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE)
                instanceof UserAuthentication user && user.getName() != null) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (String group : user.getGroupIds() == null ? List.<String>of() : user.getGroupIds()) {
                authorities.add(new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + group));
                if (Groups.CAMUNDA_ADMIN.equals(group)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
                }
            }
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
        }
        chain.doFilter(request, response);
    }

    /**
     * The webapps' CSRF token of the caller's session, for our page to send back with its writes (Camunda hands it
     * out only once, in a cookie our pages outside {@code /camunda} cannot read). Only a same-origin page can read the
     * answer; a forged cross-site request gets nothing it could use.
     */
    public static String sessionToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(WebappLoginCsrfHandover.SESSION_TOKEN) instanceof String token
                ? token : null;
    }

    /** The session's CSRF token (Camunda's, {@link WebappLoginCsrfHandover#SESSION_TOKEN}) sent back as the header. */
    private static boolean sessionTokenSent(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(WebappLoginCsrfHandover.SESSION_TOKEN);
        String sent = request.getHeader(WebappLoginCsrfHandover.HEADER);
        return expected instanceof String token && sent != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}

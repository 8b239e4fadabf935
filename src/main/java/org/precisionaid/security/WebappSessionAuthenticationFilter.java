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
 * Lets our own pages ({@code /reports/}, {@code /admin/}, the Cockpit audit plugin) call our {@code /api} with the
 * official's login to the Camunda webapps: a request without HTTP Basic is taken as the user the Camunda webapps'
 * session holds, with the groups Camunda loaded for him.
 *
 * <p>One rule for every path under {@code /api/}, {@code /reports/} and {@code /admin/}, not a list of pages: a GET
 * reads with the session; a write (POST, PUT, PATCH, DELETE) counts only with the session's CSRF token in
 * {@code X-XSRF-TOKEN} — the same token, checked the same way, as Camunda's own CSRF filter asks of the webapps, and
 * which a page of ours reads from {@code GET /api/session-token}. Without it the write stays anonymous (401): a forged
 * cross-site request can neither read the token nor change anything (ADR 0002 keeps CSRF off for stateless Basic).
 * What each official may do is then decided by the endpoint, exactly as for a Basic login.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";

    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || !METHODS.contains(request.getMethod())
                || !(path.startsWith("/api/") || path.startsWith("/reports/") || path.startsWith("/admin/"));
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

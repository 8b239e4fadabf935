package org.precisionaid.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * A strict Content-Security-Policy for our own pages, {@code /reports/**}, {@code /public/**} and the administrators'
 * {@code /admin/**} (the migration page, with the public pages' policy: no inline style either), which share their
 * origin with the Camunda webapps: a script that got into one of them could act with the official's webapp session.
 * Camunda's webapps send their own policy and are left alone. Scripts and styles come from our own files only (no
 * inline script, no {@code eval}, nothing from another site), no plugin, no {@code <base>}, forms post only here, and no
 * other site may frame the pages ({@code frame-ancestors 'none'}, with the X-Frame-Options DENY and
 * X-Content-Type-Options nosniff that Spring Security sends on this chain already).
 *
 * <p>The report pages allow inline styles ({@code style-src 'unsafe-inline'}): ECharts writes style attributes into
 * its tooltip markup and into the SVG map, and the map breaks without them. A style cannot run a script, and every
 * value on the pages is set as text (reports.js), so no caller's markup, style or otherwise, reaches the page. The
 * public pages have no chart and allow no inline style at all.
 *
 * <p>PDFs under these paths (the printed notices) get no policy: a browser shows them in its own viewer, which a
 * document policy can only get in the way of.
 */
final class OwnPageHeaders implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    private static final String COMMON = "default-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String PUBLIC_POLICY = COMMON + "; style-src 'self'";
    static final String REPORTS_POLICY = COMMON + "; style-src 'self' 'unsafe-inline'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String policy = path.startsWith("/reports/") ? REPORTS_POLICY
                : path.startsWith("/public/") || path.startsWith("/admin/") ? PUBLIC_POLICY : null;
        String type = response.getContentType();
        if (policy == null || response.containsHeader(HEADER)
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/pdf"))) {
            return;
        }
        response.setHeader(HEADER, policy);
    }
}

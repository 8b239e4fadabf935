package org.precisionaid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session against Camunda's webapps: their own login, session cookie and CSRF token, so a test
 * can call the webapps' engine API ({@code /camunda/api/engine/...}) the way Tasklist and Cockpit do.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final String base;
    private String csrfToken;

    private WebappSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Opens Tasklist and logs in through the webapp's login endpoint. */
    public static WebappSession login(int port, String userId, String password) {
        return login(port, userId, password, "tasklist");
    }

    /** Opens one of the webapps (tasklist, cockpit, admin) and logs in there. */
    public static WebappSession login(int port, String userId, String password, String app) {
        return login(port, "default", userId, password, app);
    }

    /** As above, on the engine of that name (the PostgreSQL tests' engine is not the default one). */
    public static WebappSession login(int port, String engine, String userId, String password, String app) {
        WebappSession session = new WebappSession("http://localhost:" + port);
        session.send("GET", "/camunda/app/" + app + "/" + engine + "/", null, null);
        HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/" + engine + "/login/" + app,
                "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("webapp login of " + userId + " failed: " + login.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, true);
    }

    /** As a forged cross-site request would send it: the session's cookie, but not its CSRF token. */
    public HttpResponse<String> sendWithoutToken(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, false);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        // like the webapps' own script: the token of the current session is in the XSRF-TOKEN cookie
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .reduce((first, last) -> last).ifPresent(cookie -> csrfToken = cookie.getValue());
        if (withToken && csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's first requests after a login run in parallel, some are POSTs, and one sent with the token of the session
 * the login replaced was refused — and the refusal ended the new session, logging the official out again. The login's
 * own answer now carries the new session's token.
 */
@IntegrationTest
class WebappLoginTest {

    @LocalServerPort
    int port;

    @Test
    void thePostRightAfterTheLoginIsTakenAndTheOfficialStaysLoggedIn() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String before = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-XSRF-TOKEN", before).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=clerk.654224101201&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String handedOver = login.headers().firstValue("X-XSRF-TOKEN").orElse(null);
        assertThat(handedOver).as("the login answer carries the new session's token").isNotBlank().isNotEqualTo(before);
        assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName, HttpCookie::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("XSRF-TOKEN", handedOver));

        // Tasklist's first POST, with the token of the cookie it holds now, before any read
        HttpResponse<String> count = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/engine/engine/default/task/count"))
                .header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN")).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);

        HttpResponse<String> whoAmI = browser.send(HttpRequest.newBuilder(
                URI.create(base + "/camunda/api/admin/auth/user/default")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whoAmI.statusCode()).isEqualTo(200);
        assertThat(whoAmI.body()).contains("clerk.654224101201");
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .reduce((first, last) -> last).map(HttpCookie::getValue).orElseThrow();
    }
}

package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as an operator runs it behind TLS, without the demo: no demo accounts, an administrator from the
 * environment who is a member of camunda-admin, Camunda's setup page closed, no H2 console, Secure and
 * SameSite=Strict cookies, HSTS, 30 minutes idle timeout. The one test context besides the shared demo one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:precision-aid-production;DB_CLOSE_DELAY=-1",
        "precision-aid.demo=false",
        "precision-aid.admin.id=operator",
        "precision-aid.admin.password=Tacheng-Operations-2026!",
        "precision-aid.security.password-hash-iterations=1000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("tls")
class ProductionProfileTest {

    @Autowired
    IdentityService identity;
    @Autowired
    ServerProperties server;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAdministratorFromTheEnvironmentIsTheOnlyAccountAndAMemberOfCamundaAdmin() {
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
                .extracting(user -> user.getId()).containsExactly("operator");
        assertThat(identity.createUserQuery().count()).isEqualTo(1);
        assertThat(identity.checkPassword("operator", "Tacheng-Operations-2026!")).isTrue();
        assertThat(identity.checkPassword("admin", "demo")).isFalse();
    }

    @Test
    void theSetupPageAndTheH2ConsoleAreClosed() throws Exception {
        HttpResponse<String> setup = send(HttpRequest.newBuilder(uri("/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\"},"
                        + "\"credentials\":{\"password\":\"Intruder-2026-pw\"}}")));
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        assertThat(send(HttpRequest.newBuilder(uri("/h2-console/")).GET()).statusCode()).isIn(401, 404);
    }

    @Test
    void behindTlsTheCookiesAreSecureAndStrictAndHstsIsSent() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
        String csrfCookie = cookie(page.headers().allValues("Set-Cookie"), "XSRF-TOKEN");
        assertThat(csrfCookie).contains("Secure").containsIgnoringCase("SameSite=Strict");

        String session = cookie(page.headers().allValues("Set-Cookie"), "JSESSIONID");
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", session.split(";")[0] + "; " + csrfCookie.split(";")[0])
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=Tacheng-Operations-2026%21")));
        assertThat(login.statusCode()).isEqualTo(200);
        String loggedIn = cookie(login.headers().allValues("Set-Cookie"), "JSESSIONID");
        assertThat(loggedIn).contains("Secure").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly");
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

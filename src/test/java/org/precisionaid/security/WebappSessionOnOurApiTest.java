package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One rule for the webapps' login on our API, whatever the page: it reads every {@code /api} path the official may
 * read, writes only with the session's CSRF token, and opens nothing of the engine's own REST.
 */
@IntegrationTest
class WebappSessionOnOurApiTest {

    static final String OFFICE = "county.654224";

    @LocalServerPort int port;

    @Test
    void theSessionReadsAnyOfOurApiAndTheEndpointStillDecidesWhoMay() {
        WebappSession office = WebappSession.login(port, OFFICE, "demo");
        HttpResponse<String> cadres = office.get("/api/cadres?county=654224000000");
        assertThat(cadres.statusCode()).as(cadres.body()).isEqualTo(200);

        WebappSession clerk = WebappSession.login(port, "clerk.654224101201", "demo");
        HttpResponse<String> quotas = clerk.send("PUT", "/api/cadre-quotas/6542/county", "application/json",
                "{\"households\": 9, \"source\": \"x\"}");
        assertThat(quotas.statusCode()).as("a clerk is no city office, session or not: " + quotas.body())
                .isEqualTo(403);
    }

    @Test
    void aWriteCountsOnlyWithTheSessionsTokenAndNamesItsFieldsOnceItDoes() {
        WebappSession office = WebappSession.login(port, OFFICE, "demo");
        String badCadre = "{\"name\": \"\", \"rank\": \"county\", \"countyCode\": \"654224000000\"}";
        assertThat(office.sendWithoutToken("POST", "/api/cadres", "application/json", badCadre).statusCode())
                .as("a forged cross-site write carries the cookie but not the token").isEqualTo(401);
        HttpResponse<String> refused = office.send("POST", "/api/cadres", "application/json", badCadre);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"name\"");
    }

    @Test
    void theEnginesOwnRestIsNotOpenedByTheSession() {
        WebappSession office = WebappSession.login(port, OFFICE, "demo");
        assertThat(office.get("/engine-rest/task/count").statusCode()).isEqualTo(401);
        assertThat(office.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    }
}

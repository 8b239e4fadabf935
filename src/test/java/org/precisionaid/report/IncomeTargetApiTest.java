package org.precisionaid.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The county office sets its per-capita net income target of a year and the income-targets report shows it; its
 * townships read it but cannot change it, another county's office may neither; a bad amount is refused by name and
 * nothing is written.
 */
@IntegrationTest
class IncomeTargetApiTest {

    static final String COUNTY = "654224000000"; // 托里县 / Toli
    static final String OFFICE = "county.654224";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 6; // a year no other test sets (+1, +2 below)

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void theCountyOfficeSetsTheTargetTheReportShowsItAndItsTownshipReadsIt() {
        JsonNode before = read(OFFICE);
        assertThat(before.get("canEdit").asBoolean()).isTrue();

        ResponseEntity<JsonNode> saved = put(OFFICE, "{\"perCapitaNetYuan\": 6800.50,"
                + " \"source\": \"县政府工作报告 / County work report\"}");
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        assertThat(saved.getBody().get("perCapitaNetYuan").decimalValue()).isEqualByComparingTo("6800.50");
        assertThat(saved.getBody().get("updatedBy").asText()).isEqualTo(OFFICE);

        JsonNode report = ReportFixtures.get(rest, OFFICE, "/api/reports/income-targets?region=" + COUNTY
                + "&year=" + YEAR);
        JsonNode row = ReportFixtures.row(report, "years", "year", String.valueOf(YEAR));
        assertThat(row.get("target").decimalValue()).isEqualByComparingTo("6800.50");
        assertThat(row.get("targetSource").asText()).isEqualTo("县政府工作报告 / County work report");

        JsonNode township = read("township.654224101");
        assertThat(township.get("perCapitaNetYuan").decimalValue()).isEqualByComparingTo("6800.50");
        assertThat(township.get("canEdit").asBoolean()).isFalse();
        ResponseEntity<JsonNode> townshipWrite = put("township.654224101",
                "{\"perCapitaNetYuan\": 1, \"source\": \"乡镇 / township\"}");
        assertThat(townshipWrite.getStatusCode().value()).isEqualTo(403);
        assertThat(townshipWrite.getBody().at("/errors/countyCode").asText()).contains("county poverty-alleviation office");
        assertThat(read(OFFICE).get("perCapitaNetYuan").decimalValue()).isEqualByComparingTo("6800.50");
    }

    @Test
    void anotherCountysOfficeNeitherReadsNorWrites() {
        ResponseEntity<JsonNode> foreignRead = rest.withBasicAuth("county.654225", "demo")
                .getForEntity("/api/income-targets?county=" + COUNTY + "&year=" + YEAR, JsonNode.class);
        assertThat(foreignRead.getStatusCode().value()).isEqualTo(403);
        assertThat(foreignRead.getBody().at("/errors/county").asText()).contains("outside your region");
        ResponseEntity<JsonNode> foreignWrite = put("county.654225", "{\"perCapitaNetYuan\": 5000, \"source\": \"x\"}");
        assertThat(foreignWrite.getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/api/income-targets?county=" + COUNTY, JsonNode.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void aBadAmountOrAnUnknownFieldIsRefusedByNameAndNothingIsWritten() {
        int year = YEAR + 1;
        assertBad(year, "{\"perCapitaNetYuan\": -5, \"source\": \"s\"}", "perCapitaNetYuan", "positive");
        assertBad(year, "{\"perCapitaNetYuan\": 5000.123, \"source\": \"s\"}", "perCapitaNetYuan", "2 digits after");
        assertBad(year, "{\"perCapitaNetYuan\": 5000, \"source\": \"s\", \"updatedBy\": \"x\"}", "updatedBy",
                "not a field");
        assertBad(year, "{\"perCapitaNetYuan\": 5000, \"source\": \"  \"}", "source", "required");
        ResponseEntity<JsonNode> badCounty = exchange(OFFICE, "/api/income-targets/654224101000/" + year,
                "{\"perCapitaNetYuan\": 5000, \"source\": \"s\"}");
        assertThat(badCounty.getStatusCode().value()).isEqualTo(400);
        assertThat(badCounty.getBody().at("/errors/countyCode").asText()).contains("not a county code");
        assertThat(rest.withBasicAuth(OFFICE, "demo").getForEntity("/api/income-targets?county=" + COUNTY
                + "&year=20x6", JsonNode.class).getBody().at("/errors/year").asText()).contains("four digits");
    }

    /** The page's way in: the webapps' login reads, and writes only with the session's CSRF token. */
    @Test
    void thePageReadsWithTheWebappLoginAndWritesOnlyWithTheSessionsToken() throws Exception {
        int year = YEAR + 2;
        WebappSession office = WebappSession.login(port, OFFICE, "demo");
        HttpResponse<String> token = office.get("/api/session-token");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json.readTree(token.body()).path("token").asText()).isNotBlank();
        assertThat(office.get("/api/income-targets?county=" + COUNTY + "&year=" + year).statusCode()).isEqualTo(200);
        String body = "{\"perCapitaNetYuan\": 6100, \"source\": \"县扶贫办 / County office\"}";
        String path = "/api/income-targets/" + COUNTY + "/" + year;
        assertThat(office.sendWithoutToken("PUT", path, "application/json", body).statusCode())
                .as("a forged request carries the cookie but not the token").isEqualTo(401);
        assertThat(ReportFixtures.get(rest, OFFICE, "/api/income-targets?county=" + COUNTY + "&year=" + year)
                .hasNonNull("perCapitaNetYuan")).isFalse();
        HttpResponse<String> saved = office.send("PUT", path, "application/json", body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).get("perCapitaNetYuan").decimalValue()).isEqualByComparingTo("6100");
        assertThat(rest.withBasicAuth(OFFICE, "demo").getForEntity("/api/session-token", JsonNode.class)
                .getStatusCode().value()).as("over HTTP Basic there is no session token").isEqualTo(404);
    }

    private void assertBad(int year, String body, String field, String rule) {
        ResponseEntity<JsonNode> answer = exchange(OFFICE, "/api/income-targets/" + COUNTY + "/" + year, body);
        assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
        assertThat(answer.getBody().at("/errors/" + field).asText()).as(body).contains(rule);
        JsonNode after = ReportFixtures.get(rest, OFFICE, "/api/income-targets?county=" + COUNTY + "&year=" + year);
        assertThat(after.hasNonNull("perCapitaNetYuan")).as("nothing written for " + body).isFalse();
    }

    private JsonNode read(String user) {
        return ReportFixtures.get(rest, user, "/api/income-targets?county=" + COUNTY + "&year=" + YEAR);
    }

    private ResponseEntity<JsonNode> put(String user, String body) {
        return exchange(user, "/api/income-targets/" + COUNTY + "/" + YEAR, body);
    }

    private ResponseEntity<JsonNode> exchange(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}

package org.precisionaid.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The county finance bureau sets what the county may commit from a source in a year and the funds answer shows it;
 * a township and another county are refused; a bad amount or an unknown source is named and nothing changes.
 */
@IntegrationTest
class FundAvailabilityApiTest {

    static final String COUNTY = "654224000000"; // 托里县 / Toli
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 8; // no project draws on it

    @Autowired TestRestTemplate rest;

    @Test
    void theFinanceBureauSetsTheAvailableFundsAndOthersAreRefused() {
        ResponseEntity<JsonNode> set = put("finance.654224", "DONATION", "{\"available\": 250000.50}");
        assertThat(set.getStatusCode().value()).as(String.valueOf(set.getBody())).isEqualTo(200);
        assertThat(donation(read()).get("available").decimalValue()).isEqualByComparingTo("250000.50");
        assertThat(donation(read()).get("remaining").decimalValue()).isEqualByComparingTo("250000.50");

        assertThat(put("township.654224101", "DONATION", "{\"available\": 1}").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> foreign = put("finance.654225", "DONATION", "{\"available\": 1}");
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().at("/errors/county").asText()).contains("finance bureau");

        ResponseEntity<JsonNode> negative = put("county.654224", "DONATION", "{\"available\": -1}");
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getBody().at("/errors/available").asText()).contains("negative");
        ResponseEntity<JsonNode> fraction = put("county.654224", "DONATION", "{\"available\": 1.005}");
        assertThat(fraction.getBody().at("/errors/available").asText()).contains("2 digits after");
        ResponseEntity<JsonNode> unknown = put("county.654224", "LOTTERY", "{\"available\": 10}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().at("/errors/source").asText()).contains("DONATION");
        assertThat(donation(read()).get("available").decimalValue()).as("nothing changed")
                .isEqualByComparingTo("250000.50");
    }

    private JsonNode read() {
        return rest.withBasicAuth("county.654224", "demo")
                .getForEntity("/api/funds?county=" + COUNTY + "&year=" + YEAR, JsonNode.class).getBody();
    }

    private static JsonNode donation(JsonNode funds) {
        for (JsonNode row : funds) {
            if (row.get("fundSource").asText().equals("DONATION")) {
                return row;
            }
        }
        throw new AssertionError("no DONATION row in " + funds);
    }

    private ResponseEntity<JsonNode> put(String user, String source, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange("/api/funds/" + COUNTY + "/" + YEAR + "/" + source,
                HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }
}

package org.precisionaid.village;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/villages: the clerk or committee keeps the file, the region reads it, the poor population is counted. */
@IntegrationTest
class VillageApiTest {

    static final int YEAR = LocalDate.now().getYear();

    @Autowired TestRestTemplate rest;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired ObjectMapper json;

    @Test
    void theClerkEntersTheFileAndThePoorPopulationComesFromTheRegistry() {
        String village = Villages.fresh(regions, officials);
        ResponseEntity<JsonNode> saved = put("clerk." + village, village, body(Villages.file(400, 52_000)));
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().get("exitCheck").get("eligible").asBoolean()).isTrue();
        assertThat(saved.getBody().get("exitCheck").get("poorPopulation").asLong()).isZero();

        Household first = Villages.registered(households, village, YEAR);
        Villages.registered(households, village, YEAR);
        Villages.registered(households, village, YEAR);
        JsonNode file = get("township." + Villages.TOWNSHIP, "/api/villages/" + village + "/file").getBody();
        assertThat(file.get("exitCheck").get("poorPopulation").asLong()).as("3 households of 4").isEqualTo(12);
        assertThat(file.get("exitCheck").get("incidence").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(file.get("exitCheck").get("eligible").asBoolean()).isFalse();
        assertThat(file.get("exitCheck").get("shortfalls").get(0).get("criterion").asText()).isEqualTo("INCIDENCE");

        households.exit(first.getId(), YEAR, "人均纯收入稳定超过贫困线 / income stably above the line", "test");
        JsonNode after = get("county." + Villages.COUNTY, "/api/villages/" + village + "/file").getBody();
        assertThat(after.get("exitCheck").get("poorPopulation").asLong()).as("an exited household is not poor")
                .isEqualTo(8);
        assertThat(after.get("exitCheck").get("eligible").asBoolean()).isTrue();

        JsonNode list = get("township." + Villages.TOWNSHIP, "/api/villages?region=" + Villages.TOWNSHIP + "000").getBody();
        JsonNode row = null;
        for (JsonNode r : list) {
            if (village.equals(r.get("villageCode").asText())) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("poorPopulation").asLong()).isEqualTo(8);
        assertThat(row.get("collectiveIncomeYuan").asLong()).isEqualTo(52_000);
    }

    @Test
    void aPoorPopulationCannotBeTyped() {
        String village = Villages.fresh(regions, officials);
        ObjectNode body = body(Villages.file(400, 52_000));
        body.put("poorPopulation", 0);
        ResponseEntity<JsonNode> typed = put("village." + village, village, body);
        assertThat(typed.getStatusCode()).as("an unknown field is refused by name, never stored or silently dropped")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(typed.getBody().get("errors").get("poorPopulation").asText()).startsWith("is not a field of this body");
        body.remove("poorPopulation");
        assertThat(put("village." + village, village, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        Villages.registered(households, village, YEAR);
        assertThat(get("village." + village, "/api/villages/" + village + "/file").getBody().get("exitCheck")
                .get("poorPopulation").asLong()).isEqualTo(4);
    }

    @Test
    void badEntriesAreRefusedFieldByFieldAndNothingIsWritten() {
        String village = Villages.fresh(regions, officials);
        ObjectNode body = body(Villages.file(400, 52_000));
        body.put("agriculturalPopulation", 5_000);
        body.putNull("broadband");
        body.put("collectiveIncomeYuan", -1);
        body.put("collectiveIncomeYear", YEAR + 1);
        body.put("areaKm2", 12.345);
        body.put("leadingIndustries", " ");
        ResponseEntity<JsonNode> refused = put("clerk." + village, village, body);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().get("errors").properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(
                "agriculturalPopulation", "broadband", "collectiveIncomeYuan", "collectiveIncomeYear", "areaKm2",
                "leadingIndustries");
        assertThat(refused.getBody().get("errors").get("agriculturalPopulation").asText())
                .isEqualTo("must not exceed the population (420)");
        assertThat(get("clerk." + village, "/api/villages/" + village + "/file").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ObjectNode wrongType = body(Villages.file(400, 52_000));
        wrongType.put("households", "many");
        ResponseEntity<JsonNode> unreadable = put("clerk." + village, village, wrongType);
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getBody().get("errors").get("households").asText()).isEqualTo("must be a whole number");

        assertThat(put("clerk." + village, "65422410", body(Villages.file(400, 1))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> township = get("township." + Villages.TOWNSHIP,
                "/api/villages/" + Villages.TOWNSHIP + "000/file");
        assertThat(township.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(township.getBody().get("errors").get("villageCode").asText()).contains("not a village code");
    }

    @Test
    void aStaleVersionIsRefusedSoNoChangeIsLost() {
        String village = Villages.fresh(regions, officials);
        long version = put("clerk." + village, village, body(Villages.file(400, 52_000))).getBody().get("version").asLong();
        ObjectNode mine = body(Villages.file(400, 53_000));
        mine.put("version", version);
        assertThat(put("village." + village, village, mine).getStatusCode()).isEqualTo(HttpStatus.OK);
        ObjectNode stale = body(Villages.file(400, 99_000));
        stale.put("version", version);
        ResponseEntity<JsonNode> conflict = put("clerk." + village, village, stale);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(get("clerk." + village, "/api/villages/" + village + "/file").getBody()
                .get("collectiveIncomeYuan").asLong()).isEqualTo(53_000);
    }

    @Test
    void officialsSeeAndKeepOnlyTheirOwnRegion() {
        String village = Villages.fresh(regions, officials);
        String neighbour = Villages.fresh(regions, officials);
        put("clerk." + village, village, body(Villages.file(400, 52_000)));

        ResponseEntity<JsonNode> otherClerk = put("clerk." + neighbour, village, body(Villages.file(400, 1)));
        assertThat(otherClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherClerk.getBody().get("errors").get("villageCode").asText())
                .contains("only the clerk or the village committee of " + village);
        assertThat(put("township." + Villages.TOWNSHIP, village, body(Villages.file(400, 1))).getStatusCode())
                .as("the township reads, the village keeps").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("clerk." + neighbour, "/api/villages/" + village + "/file").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("township.654224102", "/api/villages/" + village + "/file").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("county.654225", "/api/villages?region=" + Villages.COUNTY + "000000").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("cadre.654224.02", "/api/villages/" + village + "/file").getStatusCode())
                .as("a cadre sees his households, not the village files").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("auditor.654224", "/api/villages/" + village + "/file").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/api/villages/" + village + "/file", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theCommitteeAppliesOverRestAndASecondApplicationWaits() {
        String village = Villages.fresh(regions, officials);
        put("clerk." + village, village, body(Villages.file(400, 52_000)));
        Map<String, Object> application = Map.of("exitYear", YEAR, "statement", "申请退出 / we apply");
        assertThat(post("clerk." + village, village, application).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> applied = post("village." + village, village, application);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String exitNo = applied.getBody().get("exitNo").asText();
        assertThat(applied.getHeaders().getLocation().getPath()).isEqualTo("/api/village-exits/" + exitNo);
        assertThat(applied.getBody().get("status").asText()).isEqualTo("APPLIED");
        assertThat(post("village." + village, village, application).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> noYear = post("village." + village, village, Map.of("statement", "x"));
        assertThat(noYear.getBody().get("errors").get("exitYear").asText()).startsWith("is required");

        assertThat(get("township." + Villages.TOWNSHIP, "/api/village-exits/" + exitNo).getBody()
                .get("decisions").get(0).get("level").asText()).isEqualTo("APPLICATION");
        assertThat(get("township.654224102", "/api/village-exits/" + exitNo).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode file = get("village." + village, "/api/villages/" + village + "/file").getBody();
        assertThat(file.get("exits").get(0).get("exitNo").asText()).isEqualTo(exitNo);
    }

    @Test
    void thePublicNoticeRefusesARegionAboveTheCounty() {
        ResponseEntity<JsonNode> city = rest.getForEntity("/public/village-exits?region=654200000000", JsonNode.class);
        assertThat(city.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(city.getBody().get("errors").get("region").asText()).contains("not a county, township or village");
        ResponseEntity<JsonNode> unknown = rest.postForEntity("/public/village-exit-objections",
                Map.of("exitNo", "CL-2026-000000000000-01", "reason", "这个村没有脱贫 / not out of poverty"), JsonNode.class);
        assertThat(unknown.getStatusCode()).as("the answer to a number not on notice, known or not")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(unknown.getBody().get("errors").get("exitNo").asText()).contains("not under public notice");
    }

    // ---- helpers

    private ObjectNode body(VillageFileForm form) {
        return json.valueToTree(form);
    }

    private ResponseEntity<JsonNode> put(String user, String village, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange("/api/villages/" + village + "/file", HttpMethod.PUT,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String village, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/villages/" + village + "/exit", body,
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}

package org.precisionaid.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Planning, reading and re-drawing rounds over /api: who may, and every bad input named by its field. */
@IntegrationTest
class InspectionApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired JdbcTemplate jdbc;

    private String village(int registered) {
        String village = Villages.fresh(regions, officials);
        for (int i = 0; i < registered; i++) {
            Villages.registered(households, village, LocalDate.now().getYear() + 1);
        }
        return village;
    }

    private ResponseEntity<JsonNode> post(String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/inspections", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private int rounds() {
        return jdbc.queryForObject("select count(*) from inspection_round", Integer.class);
    }

    private void refused(String user, Map<String, Object> body, int status, String field) {
        int before = rounds();
        ResponseEntity<JsonNode> answer = post(user, body);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getBody().path("errors").has(field)).as(field + " in " + answer.getBody()).isTrue();
        assertThat(rounds()).as("nothing written").isEqualTo(before);
    }

    private static Map<String, Object> with(String village, String field, Object value) {
        Map<String, Object> body = new HashMap<>(InspectionProcessTest.plan(village, 10, 1));
        body.put(field, value);
        return body;
    }

    @Test
    void everyBrokenRuleOfAPlanIsNamedAndNothingIsDrawn() {
        String village = village(2);
        String county = InspectionProcessTest.COUNTY;
        refused(county, with(village, "regionCode", null), 400, "regionCode");
        refused(county, with(village, "regionCode", "6542241012"), 400, "regionCode");
        refused(county, with(village, "regionCode", "650000000000"), 400, "regionCode");
        refused(county, with(village, "year", 2013), 400, "year");
        refused(county, with(village, "year", LocalDate.now().getYear() + 1), 400, "year");
        refused(county, with(village, "registers", List.of()), 400, "registers");
        refused(county, with(village, "registers", List.of("HOUSEHOLDS")), 400, "registers[0]");
        // the projects register is one (ADR 0030), but this village has no project funded this year
        refused(county, with(village, "registers", List.of("PROJECTS")), 400, "regionCode");
        refused(county, with(village, "minimumProjectsPerTownship", 1), 400, "minimumProjectsPerTownship");
        refused(county, with(village, "minimumProjectsPerTownship", "1"), 400, "minimumProjectsPerTownship");
        refused(county, with(village, "registers", List.of("EXITS", "EXITS")), 400, "registers[1]");
        refused(county, with(village, "percent", 0), 400, "percent");
        refused(county, with(village, "percent", 100.5), 400, "percent");
        refused(county, with(village, "percent", 1.005), 400, "percent");
        refused(county, with(village, "minimumPerVillage", -1), 400, "minimumPerVillage");
        refused(county, with(village, "minimumPerVillage", 1.5), 400, "minimumPerVillage");
        refused(county, with(village, "seed", 42), 400, "seed");
        // a village whose registers hold nobody: nothing to draw
        refused(county, with(Villages.fresh(regions, officials), "minimumPerVillage", 1), 400, "regionCode");
    }

    @Test
    void onlyTheOfficeOrTheAuditorsOfTheRegionPlanAndTheInspectedTownshipReadsNothing() {
        String village = village(2);
        Map<String, Object> body = InspectionProcessTest.plan(village, 50, 1);
        refused("township." + Villages.TOWNSHIP, body, 403, "regionCode");
        refused("clerk." + village, body, 403, "regionCode");
        refused("county.654225", body, 403, "regionCode");
        refused(InspectionProcessTest.INSPECTOR, body, 403, "regionCode");

        ResponseEntity<JsonNode> planned = post(InspectionProcessTest.AUDITOR, body);
        assertThat(planned.getStatusCode().value()).isEqualTo(201);
        String roundNo = planned.getBody().get("roundNo").asText();
        assertThat(planned.getHeaders().getLocation().getPath()).isEqualTo("/api/inspections/" + roundNo);
        assertThat(planned.getBody().get("seed").isTextual()).as("the seed as text, exact in a browser").isTrue();
        assertThat(planned.getBody().get("strata")).singleElement()
                .satisfies(s -> assertThat(s.get("drawn").asInt()).isEqualTo(1));

        for (String inspected : List.of("township." + Villages.TOWNSHIP, "clerk." + village, "village." + village,
                "finance.654224", "county.654225", "inspector.654225")) {
            ResponseEntity<JsonNode> read = get(inspected, "/api/inspections/" + roundNo);
            assertThat(read.getStatusCode().value()).as(inspected).isEqualTo(403);
            assertThat(read.getBody().path("errors").has("roundNo")).isTrue();
            assertThat(get(inspected, "/api/inspections/" + roundNo + "/redraw").getStatusCode().value())
                    .as(inspected).isEqualTo(403);
        }
        assertThat(get("township." + Villages.TOWNSHIP, "/api/inspections").getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> read = get(InspectionProcessTest.INSPECTOR, "/api/inspections/" + roundNo);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("sample")).singleElement().satisfies(s -> {
            assertThat(s.get("villageCode").asText()).isEqualTo(village);
            assertThat(s.toString()).doesNotContain("idNumber").doesNotContain("phone");
        });
        assertThat(get(InspectionProcessTest.COUNTY, "/api/inspections?region=" + village).getBody())
                .anySatisfy(r -> assertThat(r.get("roundNo").asText()).isEqualTo(roundNo));
        assertThat(get("county.654225", "/api/inspections?region=" + village).getStatusCode().value()).isEqualTo(403);
        assertThat(get(InspectionProcessTest.COUNTY, "/api/inspections/DC-2026-000000000000-1").getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void anAuditorReDrawsTheSameHouseholdsWithTheRecordedSeedAndSeesWhenTheRegistryChanged() {
        String village = village(6);
        ResponseEntity<JsonNode> planned = post(InspectionProcessTest.COUNTY,
                InspectionProcessTest.plan(village, 30, 1));
        String roundNo = planned.getBody().get("roundNo").asText();

        JsonNode redraw = get(InspectionProcessTest.AUDITOR, "/api/inspections/" + roundNo + "/redraw").getBody();
        assertThat(redraw.get("matches").asBoolean()).isTrue();
        assertThat(redraw.get("seed").asText()).isEqualTo(planned.getBody().get("seed").asText());
        assertThat(redraw.get("recorded")).hasSize(2).isEqualTo(redraw.get("redrawn"));

        // the registry grew afterwards: the re-draw says so instead of pretending
        Villages.registered(households, village, LocalDate.now().getYear() + 1);
        JsonNode after = get(InspectionProcessTest.AUDITOR, "/api/inspections/" + roundNo + "/redraw").getBody();
        assertThat(after.get("populationThen").asInt()).isEqualTo(6);
        assertThat(after.get("populationNow").asInt()).isEqualTo(7);
        assertThat(after.get("recorded")).isEqualTo(redraw.get("recorded"));
    }
}

package org.precisionaid.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A household that was never registered (a 边缘易致贫户) becomes a monitoring subject through its village clerk: checked
 * as an application, entered as MONITORED, its case at the household check; bad input and another village's clerk
 * write nothing.
 */
@IntegrationTest
class MonitoringNewHouseholdApiTest {

    static final String VILLAGE = Applications.VILLAGE;
    static final String CLERK = "clerk." + VILLAGE;

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdService households;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theClerkEntersANeverRegisteredHouseholdAndItsCaseWaitsForTheHouseholdCheck() {
        ApplicationForm family = Applications.eligible(VILLAGE, 930_001);
        ResponseEntity<JsonNode> opened = post(CLERK, Map.of("household", family,
                "report", "户主突发脑梗住院，医疗费约8万元 / the head had a stroke, about 80,000 yuan of medical costs"));
        assertThat(opened.getStatusCode().value()).as(String.valueOf(opened.getBody())).isEqualTo(201);
        String caseNo = opened.getBody().path("caseNo").asText();
        String applicationNo = opened.getBody().path("applicationNo").asText();
        assertThat(caseNo).startsWith("JC-");
        assertThat(households.get(applicationNo).getStatus().name()).isEqualTo("MONITORED");
        Task check = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("householdCheck");
        assertThat(jdbc.queryForObject("select channel from monitoring_case where case_no = ?", String.class, caseNo))
                .isEqualTo("CLERK");

        // its income account is kept like a registered household's: the lines the follow-up visits rest on
        ResponseEntity<JsonNode> line = rest.withBasicAuth(CLERK, "demo").postForEntity(
                "/api/households/" + applicationNo + "/account/entries", Map.of("date",
                        java.time.LocalDate.now().withDayOfMonth(1).toString(), "item", "WAGES", "amountFen", 150_000L,
                        "note", "公益岗位 / public-welfare job"), JsonNode.class);
        assertThat(line.getStatusCode().value()).as(String.valueOf(line.getBody())).isEqualTo(201);

        ResponseEntity<JsonNode> again = post(CLERK, Map.of("household", family, "report", "再次上报 / reported again"));
        assertThat(again.getStatusCode().is4xxClientError()).as("the same people in a second household").isTrue();
    }

    @Test
    void badInputAndAnotherVillagesClerkWriteNothing() {
        long households = count("household");
        long cases = count("monitoring_case");

        ResponseEntity<JsonNode> noReport = post(CLERK, Map.of("household", Applications.eligible(VILLAGE, 930_002)));
        assertThat(noReport.getStatusCode().value()).isEqualTo(400);
        assertThat(noReport.getBody().at("/errors/report").asText()).contains("is required");

        ResponseEntity<JsonNode> foreign = post("clerk.654225101202", Map.of("household",
                Applications.eligible(VILLAGE, 930_003), "report", "因灾 / flood"));
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().at("/errors").toString()).contains("household.regionCode");

        ResponseEntity<JsonNode> unknownField = post(CLERK, Map.of("household", Applications.eligible(VILLAGE, 930_004),
                "report", "因病 / illness", "channel", "DEPARTMENT"));
        assertThat(unknownField.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownField.getBody().toString()).contains("channel");

        assertThat(count("household")).isEqualTo(households);
        assertThat(count("monitoring_case")).isEqualTo(cases);
    }

    private ResponseEntity<JsonNode> post(String official, Map<String, ?> body) {
        return rest.withBasicAuth(official, "demo").postForEntity("/api/monitoring/households", body, JsonNode.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}

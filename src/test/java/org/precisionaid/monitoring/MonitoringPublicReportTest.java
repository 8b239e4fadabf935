package org.precisionaid.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.procedure.SubmissionLimiter;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The public report page's API: no login, a task for the village clerk, bad input named, the phone never shown. */
@IntegrationTest
class MonitoringPublicReportTest {

    static final String VILLAGE = Applications.VILLAGE;
    static final String PHONE = "13987654321";

    @Autowired TestRestTemplate rest;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired Clock clock;

    static Map<String, Object> report(String village) {
        Map<String, Object> body = new HashMap<>();
        body.put("village", village);
        body.put("name", "马秀兰");
        body.put("phone", PHONE);
        body.put("whatHappened", "丈夫三月车祸住院，医疗费花了八万元，家里没有收入了");
        body.put("consent", true);
        return body;
    }

    @Test
    void aVillagersReportBecomesATaskOfHisVillageClerkAndThePhoneIsNeverShownBack() {
        long before = Officials.as(identity, "clerk." + VILLAGE, () -> tasks.createTaskQuery()
                .taskDefinitionKey("identifyHousehold").count());
        ResponseEntity<String> response = rest.postForEntity("/public/monitoring-reports", report(VILLAGE), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).doesNotContain(PHONE).doesNotContain("马秀兰")
                .containsPattern("\"reportNo\":\"JB-\\d{4}-" + VILLAGE + "-\\d{6}\"").contains("2个工作日");
        Task task = Officials.as(identity, "clerk." + VILLAGE, () -> tasks.createTaskQuery()
                .taskDefinitionKey("identifyHousehold").orderByTaskCreateTime().desc().listPage(0, 1).get(0));
        assertThat(Officials.as(identity, "clerk." + VILLAGE, () -> tasks.createTaskQuery()
                .taskDefinitionKey("identifyHousehold").count())).isEqualTo(before + 1);
        String summary = (String) Officials.as(identity, "clerk." + VILLAGE,
                () -> tasks.getVariable(task.getId(), "reportSummary"));
        assertThat(summary).contains("马秀兰").contains("139****4321").doesNotContain(PHONE);
        // another village's clerk never sees it
        assertThat(Officials.as(identity, "clerk.654224100201", () -> tasks.createTaskQuery().taskId(task.getId())
                .count())).isZero();
    }

    @Test
    void theKindChosenOnThePageHeadsTheReportTheClerkReadsAndTheReportNumberFindsTheCase() {
        Map<String, Object> body = report(VILLAGE);
        body.put("kind", "ILLNESS");
        JsonNode receipt = rest.postForObject("/public/monitoring-reports", body, JsonNode.class);
        String reportNo = receipt.path("reportNo").asText();
        Task task = Officials.as(identity, "clerk." + VILLAGE, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(reportNo).singleResult());
        assertThat(task.getTaskDefinitionKey()).isEqualTo("identifyHousehold");
        assertThat((String) Officials.as(identity, "clerk." + VILLAGE,
                () -> tasks.getVariable(task.getId(), "reportSummary"))).contains("【因病 / Illness】丈夫三月车祸住院");

        body.put("kind", "<script>");
        body.put("whatHappened", "很".repeat(PublicMonitoringController.MAX_TEXT_WITH_KIND + 1));
        ResponseEntity<JsonNode> bad = rest.postForEntity("/public/monitoring-reports", body, JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("errors").path("kind").asText()).contains("ILLNESS");
        assertThat(bad.getBody().path("errors").path("whatHappened").asText()).contains("900");
    }

    @Test
    void theVillagePickerListsCountiesThenTownshipsThenVillagesWithoutLogin() {
        JsonNode counties = rest.getForObject("/public/regions", JsonNode.class);
        assertThat(counties.findValuesAsText("code")).contains("654224000000", "654225000000")
                .allMatch(code -> code.endsWith("000000"));
        JsonNode townships = rest.getForObject("/public/regions?parent=654224000000", JsonNode.class);
        assertThat(townships.findValuesAsText("code")).contains("654224101000");
        JsonNode villages = rest.getForObject("/public/regions?parent=654224101000", JsonNode.class);
        assertThat(villages.findValuesAsText("code")).contains(VILLAGE);
        assertThat(villages.toString()).doesNotContain("clerk").doesNotContain("group");
        ResponseEntity<JsonNode> belowAVillage = rest.getForEntity("/public/regions?parent=" + VILLAGE, JsonNode.class);
        assertThat(belowAVillage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(belowAVillage.getBody().path("errors").has("parent")).isTrue();
        assertThat(rest.getForEntity("/public/regions?parent=abc", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.getForEntity("/public/regions?parent=654299000000", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badInputIsRefusedNamingEachField() {
        Map<String, Object> body = report("6542241012");
        body.put("phone", "12345");
        body.put("whatHappened", "太难");
        body.put("consent", false);
        body.put("name", " ");
        JsonNode problem = rest.postForObject("/public/monitoring-reports", body, JsonNode.class);
        assertThat(problem.toString()).contains("village").contains("phone").contains("whatHappened").contains("consent")
                .contains("name");
        ResponseEntity<JsonNode> township = rest.postForEntity("/public/monitoring-reports", report("654224101000"),
                JsonNode.class);
        assertThat(township.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(township.getBody().toString()).contains("village");
    }

    @Test
    void oneAddressFloodingTheVillageIsStopped() {
        SubmissionLimiter limiter = new SubmissionLimiter(clock, 3);
        for (int i = 0; i < 3; i++) {
            limiter.check("10.0.0.9");
        }
        try {
            limiter.check("10.0.0.9");
            throw new AssertionError("the fourth report within the window must be refused");
        } catch (FieldRuleException e) {
            assertThat(e.status().value()).isEqualTo(429);
        }
    }
}

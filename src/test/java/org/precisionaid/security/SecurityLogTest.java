package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.precisionaid.announcement.ObjectionService;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Threats: an attack nobody can reconstruct afterwards, and personal data leaking into log files. Logins and
 * refusals are logged with user, resource and time; passwords, ID numbers and phones never.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityLogTest {

    static final String VILLAGE = "654224102203";
    static final String CLERK = "clerk." + VILLAGE;
    static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    static final Pattern PHONE = Pattern.compile("1\\d{10}");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    ObjectionService objections;
    @LocalServerPort
    int port;

    @Test
    void loginsSucceededAndRefusedAreLoggedWithTheUserButNeverThePassword(CapturedOutput log) {
        WebappSession.login(port, "township.654224102", "demo");
        rest.withBasicAuth("village.654225200204", "wrong-secret-typed").getForEntity("/api/regions", String.class);
        rest.withBasicAuth("auditor.654225", "demo").getForEntity("/api/regions", String.class);

        assertThat(log.getOut()).containsPattern("login succeeded: user=township\\.654224102")
                .containsPattern("login refused: user=village\\.654225200204 reason=wrong password")
                .containsPattern("login succeeded: user=auditor\\.654225")
                .doesNotContain("wrong-secret-typed");
    }

    @Test
    void refusedRequestsAreLoggedWithUserAndResource(CapturedOutput log) {
        rest.withBasicAuth("county.654225", "demo").getForEntity("/actuator/metrics", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        rest.withBasicAuth("township.654224102", "demo").postForEntity("/engine-rest/filter/create",
                new HttpEntity<>("{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}", headers), String.class);

        assertThat(log.getOut()).contains("refused: user=county.654225 resource=GET /actuator/metrics")
                .containsPattern("refused: user=township\\.654224102 resource=CREATE on Filter");
    }

    @Test
    void aWholeIdentificationCaseWritesNoIdNumberOrPhoneIntoTheLog(CapturedOutput log) {
        ApplicationForm form = Applications.eligible(VILLAGE, 7L);
        ResponseEntity<JsonNode> applied = rest.withBasicAuth(CLERK, "demo").postForEntity("/api/households",
                json(form), JsonNode.class);
        assertThat(applied.getStatusCode().value()).isEqualTo(201);
        String applicationNo = applied.getBody().get("applicationNo").asText();
        // a wrong ID number and a repeated application are refused: their messages must not echo the numbers
        rest.withBasicAuth(CLERK, "demo").postForEntity("/api/households", json(form), JsonNode.class);

        complete(CLERK, applicationNo, "groupEvaluation", Map.of("meetingDate", new java.util.Date(), "attendees", 30L,
                "votesFor", 25L, "groupMinutes", "第二村民小组会议"));
        complete("village." + VILLAGE, applicationNo, "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
        complete("township.654224102", applicationNo, "townshipReview",
                Map.of("townshipDecision", "approve", "householdVisited", true));
        complete("county.654224", applicationNo, "countyReview", Map.of("countyDecision", "approve"));
        assertThat(rest.getForEntity("/public/notices?village=" + VILLAGE, String.class).getStatusCode().value())
                .isEqualTo(200);
        objections.submit(applicationNo, "该户有营业执照 / has a business licence", "13912345678");
        complete("township.654224102", applicationNo, "investigateObjection",
                Map.of("objectionFinding", "dismissed", "objectionComment", "经核实无营业执照 / no licence found"));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getId();
        String noticeTimer = management.createJobQuery().processInstanceId(instanceId)
                .activityId("noticePeriodOver").singleResult().getId();
        management.executeJob(noticeTimer);

        String written = log.getAll();
        assertThat(ID_NUMBER.matcher(written).find()).as("an ID number in the log").isFalse();
        assertThat(PHONE.matcher(written).find()).as("a phone number in the log").isFalse();
        assertThat(form.members().get(0).idNumber()).matches(ID_NUMBER); // the case did carry them
    }

    private void complete(String official, String applicationNo, String taskKey, Map<String, Object> variables) {
        as(identity, official, () -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(taskKey)
                    .singleResult();
            assertThat(task).as(official + " sees " + taskKey).isNotNull();
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

package org.precisionaid.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionaid.support.Applications.VILLAGE;
import static org.precisionaid.support.Officials.as;
import static org.precisionaid.support.Officials.claimAndComplete;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.procedure.SubmissionLimiter;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.ResidentId;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class PublicNoticeTest {

    @Autowired TestRestTemplate rest;
    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;

    @Test
    void theNoticeListsAnnouncedHouseholdsWithMaskedIdsAndNoPhoneWithoutLogin() {
        ApplicationForm form = Applications.eligible(VILLAGE);
        String applicationNo = announced(form);
        ResponseEntity<String> raw = rest.getForEntity("/public/notices?village=" + VILLAGE, String.class);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(raw.getBody()).doesNotContain(form.phone()).doesNotContain(form.members().get(0).idNumber())
                .contains(ResidentId.mask(form.members().get(0).idNumber()));
        JsonNode notices = rest.getForObject("/public/notices?village=" + VILLAGE, JsonNode.class);
        assertThat(notices.get("village").asText()).isEqualTo("阿勒帕萨勒干村 / Alepasalegan Village");
        assertThat(notices.get("households")).anySatisfy(notice -> {
            assertThat(notice.get("applicationNo").asText()).isEqualTo(applicationNo);
            assertThat(notice.get("headName").asText()).isEqualTo("王建国");
            assertThat(notice.get("members").asInt()).isEqualTo(4);
        });
    }

    @Test
    void thePublicPageIsServedWithoutLogin() {
        ResponseEntity<String> page = rest.getForEntity("/public/notices.html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("贫困户识别公示 / Public notice of poor households");
    }

    @Test
    void anObjectionBecomesATaskForTheTownship() {
        String applicationNo = announced(Applications.eligible(VILLAGE));
        ResponseEntity<JsonNode> receipt = object(applicationNo, "该户长期在城里做生意，不在村居住", "");
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(receipt.getBody().get("message").asText()).contains("township will investigate");
        Task task = as(identity, "township.654224101", () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(applicationNo).taskDefinitionKey("investigateObjection").singleResult());
        assertThat(task).isNotNull();
        assertThat(tasks.getVariableLocal(task.getId(), "objectionText")).isEqualTo("该户长期在城里做生意，不在村居住");
    }

    @Test
    void badSubmissionsGetAClearErrorAndLeaveTheCaseAlone() {
        String applicationNo = announced(Applications.eligible(VILLAGE));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getId();

        ResponseEntity<JsonNode> tooShort = object(applicationNo, "不对", null);
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody().get("errors").get("reason").asText()).contains("at least 10");

        ResponseEntity<JsonNode> tooLong = object(applicationNo, "长".repeat(1001), "x".repeat(101));
        assertThat(tooLong.getBody().get("errors").get("reason").asText()).contains("at most 1000");
        assertThat(tooLong.getBody().get("errors").get("contact").asText()).contains("at most 100");

        ResponseEntity<JsonNode> unknown = object("SQ-2026-000000000000-999999", "这一户根本不存在于本村", null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unknown.getBody().get("errors").get("applicationNo").asText()).contains("not under public notice");

        assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).as("no task from bad input").isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
    }

    @Test
    void aHouseholdNotUnderNoticeTakesNoObjection() {
        String applicationNo = as(identity, "clerk.654224101201",
                () -> starter.apply(Applications.eligible(VILLAGE), "clerk.654224101201")).household().getApplicationNo();
        ResponseEntity<JsonNode> response = object(applicationNo, "评议还没开始就想提出异议", null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("not under public notice");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
                .taskDefinitionKey("investigateObjection").count()).isZero();
    }

    @Test
    void anUnknownApplicationNumberGetsTheSameAnswerAsOneThatIsNotOnNotice() {
        String existing = as(identity, "clerk.654224101201",
                () -> starter.apply(Applications.eligible(VILLAGE), "clerk.654224101201")).household().getApplicationNo();
        // an unknown number of the same shape: the last digits of the existing one changed
        String unknown = existing.substring(0, existing.length() - 6) + "999999";
        String reason = "这一户不符合条件，请核实 / please check this household";

        ResponseEntity<String> forExisting = objectRaw(existing, reason);
        ResponseEntity<String> forUnknown = objectRaw(unknown, reason);
        assertThat(forUnknown.getStatusCode()).isEqualTo(forExisting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(forUnknown.getHeaders().getContentType()).isEqualTo(forExisting.getHeaders().getContentType());
        assertThat(forUnknown.getBody()).isEqualTo(forExisting.getBody())
                .contains("applicationNo").contains("not under public notice")
                .doesNotContain(existing).doesNotContain(unknown);
    }

    @Test
    void aNonVillageCodeOnTheNoticePageIsAProblem() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/public/notices?village=654224101000", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get("village").asText()).contains("not a village");
    }

    @Test
    void oneAddressMayNotFloodTheTownship() {
        SubmissionLimiter limiter = new SubmissionLimiter(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"),
                ZoneOffset.UTC), 5);
        for (int i = 0; i < 5; i++) {
            limiter.check("203.0.113.7");
        }
        assertThatThrownBy(() -> limiter.check("203.0.113.7"))
                .isInstanceOfSatisfying(FieldRuleException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        limiter.check("203.0.113.8");
    }

    private ResponseEntity<String> objectRaw(String applicationNo, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity("/public/objections", new HttpEntity<>(Map.of("applicationNo", applicationNo,
                "reason", reason), headers), String.class);
    }

    private ResponseEntity<JsonNode> object(String applicationNo, String reason, String contact) {
        Map<String, String> body = new HashMap<>();
        body.put("applicationNo", applicationNo);
        body.put("reason", reason);
        body.put("contact", contact);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity("/public/objections", new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Takes a fresh application through all reviews to the public notice. */
    private String announced(ApplicationForm form) {
        String applicationNo = as(identity, "clerk.654224101201",
                () -> starter.apply(form, "clerk.654224101201")).household().getApplicationNo();
        Map<String, Object> vote = new HashMap<>(Map.of("meetingDate", new java.util.Date(), "attendees", 20L,
                "votesFor", 18L, "groupMinutes", "一致认为该户符合条件"));
        claimAndComplete(identity, tasks, "clerk.654224101201", applicationNo, vote);
        claimAndComplete(identity, tasks, "village.654224101201", applicationNo,
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
        claimAndComplete(identity, tasks, "township.654224101", applicationNo, Map.of("townshipDecision", "approve"));
        claimAndComplete(identity, tasks, "county.654224", applicationNo, Map.of("countyDecision", "approve"));
        return applicationNo;
    }

}

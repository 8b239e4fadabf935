package org.precisionaid.support;

import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.ApplicationForm;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A whole identification case as the demo officials of one village run it: the clerk applies over REST, each level
 * finds the task in his own view, claims and completes it. For tests that need a case at a given stage.
 */
public record CaseFlows(TestRestTemplate rest, IdentityService identity, TaskService tasks, RuntimeService runtime,
        ManagementService management, ObjectionService objections) {

    /** The flows over the test's application, for a test that needs nothing else of these services. */
    public static CaseFlows of(org.springframework.context.ApplicationContext context) {
        return new CaseFlows(context.getBean(TestRestTemplate.class), context.getBean(IdentityService.class),
                context.getBean(TaskService.class), context.getBean(RuntimeService.class),
                context.getBean(ManagementService.class), context.getBean(ObjectionService.class));
    }

    public String applyOverRest(String village, long seed) {
        ApplicationForm form = Applications.eligible(village, seed);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> applied = rest.withBasicAuth("clerk." + village, "demo")
                .postForEntity("/api/households", new HttpEntity<>(form, headers), JsonNode.class);
        if (applied.getStatusCode().value() != 201) {
            throw new AssertionError("application refused: " + applied.getBody());
        }
        return applied.getBody().get("applicationNo").asText();
    }

    /** Group vote, village, township and county approve: the household goes on public notice. */
    public void approveToAnnouncement(String village, String applicationNo) {
        String township = "township." + village.substring(0, 9);
        String county = "county." + village.substring(0, 6);
        complete("clerk." + village, applicationNo, "groupEvaluation", Map.of("meetingDate", new java.util.Date(),
                "attendees", 30L, "votesFor", 25L, "groupMinutes", "第二村民小组会议 / group meeting"));
        complete("village." + village, applicationNo, "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
        complete(township, applicationNo, "townshipReview", Map.of("townshipDecision", "approve", "householdVisited", true));
        complete(county, applicationNo, "countyReview", Map.of("countyDecision", "approve"));
    }

    /** Someone objects with his phone number; the township investigates and dismisses it. */
    public void objectionDismissed(String village, String applicationNo, String contact) {
        objections.submit(applicationNo, "该户有营业执照 / has a business licence", contact);
        complete("township." + village.substring(0, 9), applicationNo, "investigateObjection",
                Map.of("objectionFinding", "dismissed", "objectionComment", "经核实无营业执照 / no licence found"));
    }

    public void noticePeriodEnds(String applicationNo) {
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId).activityId("noticePeriodOver")
                .singleResult().getId());
    }

    /** The township registers the household with this responsible cadre: the case ends. */
    public void register(String village, String applicationNo, long cadreId) {
        complete("township." + village.substring(0, 9), applicationNo, "registration",
                Registrations.registration(cadreId));
    }

    public void complete(String official, String applicationNo, String taskKey, Map<String, Object> variables) {
        as(identity, official, () -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task == null) {
                throw new AssertionError(official + " sees no " + taskKey + " of " + applicationNo);
            }
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

}

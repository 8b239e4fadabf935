package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Projects;
import org.precisionaid.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Threat (issue #20): a logged-in official forges decisions — in another county, or beyond what his form asks — by
 * calling the engine directly. Each attack is tried through both doors the engine has, Camunda's REST API and the
 * webapps' own API that Tasklist uses (session login and XSRF token), and must be refused with nothing changed: the
 * households' status and decision history, the case and its open task stay as they were.
 */
@IntegrationTest
class CaseIntegrityTest {

    static final String CLERK = "clerk.654224101201";
    static final String VILLAGE = Applications.VILLAGE;
    static final String YUMIN_VILLAGE = Projects.OTHER_COUNTY_VILLAGE;

    enum Door {
        ENGINE_REST("/engine-rest"), TASKLIST_API("/camunda/api/engine/engine/default");

        final String prefix;

        Door(String prefix) {
            this.prefix = prefix;
        }
    }

    record Answer(int status, JsonNode body) {
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentificationStarter starter;
    @Autowired
    HouseholdService households;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private final Map<String, WebappSession> sessions = new ConcurrentHashMap<>();

    Household own;
    Household yumin;
    Task ownTask;

    @BeforeEach
    void aCaseInEachCounty() {
        own = starter.apply(Applications.eligible(VILLAGE), CLERK).household();
        yumin = starter.apply(Applications.eligible(YUMIN_VILLAGE), "clerk." + YUMIN_VILLAGE).household();
        ownTask = tasks.createTaskQuery().processInstanceBusinessKey(own.getApplicationNo()).singleResult();
        assertThat(ownTask.getTaskDefinitionKey()).isEqualTo("groupEvaluation");
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void aCaseCannotBeStartedAtTheRejectionWithAnotherCountysHousehold(Door door) {
        Snapshot before = snapshot();
        Answer answer = call(door, CLERK, HttpMethod.POST, "/process-definition/key/identification/start", """
                {"variables": {"householdId": {"value": %d, "type": "Long"},
                               "rejectionLevel": {"value": "COUNTY"}, "rejectedBy": {"value": "county.654225"}},
                 "startInstructions": [{"type": "startBeforeActivity", "activityId": "applyRejection"}]}"""
                .formatted(yumin.getId()));

        assertThat(answer.status()).as(answer.body().toString()).isIn(400, 403);
        before.assertUnchanged();
    }

    /**
     * Rounds, rectifications and re-checks are started by the server only (after it has drawn the sample or matched a
     * department's list): not even the county office that plans the rounds, nor an inspector, starts one himself.
     */
    @ParameterizedTest
    @EnumSource(Door.class)
    void inspectionsAndCrossChecksAreStartedByTheServerOnly(Door door) {
        for (String key : java.util.List.of("inspection", "inspectionRectification", "crossCheck")) {
            for (String official : java.util.List.of("county.654224", "inspector.654224")) {
                long running = runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
                Answer answer = call(door, official, HttpMethod.POST, "/process-definition/key/" + key + "/start",
                        "{\"variables\": {\"regionCode\": {\"value\": \"" + VILLAGE + "\"}}}");
                assertThat(answer.status()).as(key + " by " + official + ": " + answer.body()).isIn(400, 403);
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isEqualTo(running);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void fundingCannotBeStartedAtItsApprovalWithAChosenApprover(Door door) {
        long running = runtime.createProcessInstanceQuery().processDefinitionKey("funding").count();
        Answer answer = call(door, CLERK, HttpMethod.POST, "/process-definition/key/funding/start", """
                {"variables": {"approvalLevel": {"value": "clerk"}, "regionCode": {"value": "%s"}},
                 "startInstructions": [{"type": "startBeforeActivity", "activityId": "approval"}]}""".formatted(VILLAGE));

        assertThat(answer.status()).as(answer.body().toString()).isIn(400, 403);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("funding").count()).isEqualTo(running);
        assertThat(tasks.createTaskQuery().taskCandidateGroup("clerk-" + VILLAGE).taskDefinitionKey("approval").count())
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void aStartFormCarriesOnlyItsOwnFieldsAndNoChosenBusinessKey(Door door) throws Exception {
        Snapshot before = snapshot();
        Map<String, Object> form = Applications.startForm(Applications.eligible(VILLAGE));

        Answer extra = call(door, CLERK, HttpMethod.POST, "/process-definition/key/identification/submit-form",
                "{\"variables\": " + variables(form, Map.of("householdId", yumin.getId())) + "}");
        assertRefusedNaming(extra, "householdId");

        Answer chosenKey = call(door, CLERK, HttpMethod.POST, "/process-definition/key/identification/start",
                "{\"businessKey\": \"" + yumin.getApplicationNo() + "\", \"variables\": " + variables(form, Map.of()) + "}");
        assertRefusedNaming(chosenKey, "businessKey");

        before.assertUnchanged();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(yumin.getApplicationNo()).count())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void completingHisOwnTaskCannotRedirectItToAnotherHousehold(Door door) throws Exception {
        claim(door);
        Snapshot before = snapshot();
        Map<String, Object> failedVote = Map.of("meetingDate", "2026-11-30", "attendees", 10, "votesFor", 2,
                "groupMinutes", "未过半数 / failed");

        for (String operation : List.of("complete", "submit-form", "resolve")) {
            Answer answer = call(door, CLERK, HttpMethod.POST, "/task/" + ownTask.getId() + "/" + operation,
                    "{\"variables\": " + variables(failedVote, Map.of("householdId", yumin.getId())) + "}");
            assertRefusedNaming(answer, "householdId");
        }
        Answer wrongType = call(door, CLERK, HttpMethod.POST, "/task/" + ownTask.getId() + "/submit-form",
                "{\"variables\": " + variables(Map.of("attendees", "ten", "votesFor", 2), Map.of()) + "}");
        assertRefusedNaming(wrongType, "attendees");
        Answer controlCharacter = call(door, CLERK, HttpMethod.POST, "/task/" + ownTask.getId() + "/submit-form",
                "{\"variables\": " + variables(Map.of("meetingDate", "2026-11-30", "attendees", 10, "votesFor", 8,
                        "groupMinutes", "会议\u001b[2J记录"), Map.of()) + "}");
        assertRefusedNaming(controlCharacter, "groupMinutes");

        before.assertUnchanged();
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void noVariableIsWrittenOutsideACompletion(Door door) throws Exception {
        claim(door);
        Snapshot before = snapshot();
        String task = "/task/" + ownTask.getId();
        String instance = "/process-instance/" + ownTask.getProcessInstanceId();
        String forged = "{\"value\": " + yumin.getId() + ", \"type\": \"Long\"}";

        assertForbidden(call(door, CLERK, HttpMethod.PUT, task + "/variables/householdId", forged));
        assertForbidden(call(door, CLERK, HttpMethod.PUT, task + "/localVariables/householdId", forged));
        assertForbidden(call(door, CLERK, HttpMethod.POST, task + "/variables",
                "{\"modifications\": {\"householdId\": " + forged + "}}"));
        assertForbidden(call(door, CLERK, HttpMethod.DELETE, task + "/variables/householdId", null));
        assertForbidden(call(door, CLERK, HttpMethod.PUT, instance + "/variables/householdId", forged));
        assertForbidden(call(door, CLERK, HttpMethod.PUT, "/execution/" + ownTask.getExecutionId()
                + "/localVariables/householdId", forged));

        before.assertUnchanged();
        assertThat(runtime.getVariable(ownTask.getProcessInstanceId(), "householdId")).isEqualTo(own.getId());
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void theCaseMovesOnlyThroughTheForm(Door door) {
        claim(door);
        Snapshot before = snapshot();
        String task = "/task/" + ownTask.getId();
        String instance = "/process-instance/" + ownTask.getProcessInstanceId();

        assertForbidden(call(door, CLERK, HttpMethod.POST, task + "/bpmnError",
                "{\"errorCode\": \"objectionUpheld\", \"variables\": {\"rejectionLevel\": {\"value\": \"COUNTY\"}}}"));
        assertForbidden(call(door, CLERK, HttpMethod.POST, task + "/bpmnEscalation", "{\"escalationCode\": \"overdue\"}"));
        assertForbidden(call(door, CLERK, HttpMethod.POST, "/signal", "{\"name\": \"anything\"}"));
        assertForbidden(call(door, CLERK, HttpMethod.POST, "/message", "{\"messageName\": \"objectionRaised\", "
                + "\"businessKey\": \"" + own.getApplicationNo() + "\"}"));
        assertForbidden(call(door, CLERK, HttpMethod.POST, instance + "/modification", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "applyRejection"}]}"""));
        assertForbidden(call(door, CLERK, HttpMethod.POST, "/migration/execute", """
                {"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s", "instructions": []},
                 "processInstanceIds": ["%s"]}""".formatted(ownTask.getProcessDefinitionId(),
                ownTask.getProcessDefinitionId(), ownTask.getProcessInstanceId())));
        String timer = management.createJobQuery().processInstanceId(ownTask.getProcessInstanceId()).list().get(0).getId();
        assertForbidden(call(door, CLERK, HttpMethod.POST, "/job/" + timer + "/execute", null));
        assertForbidden(call(door, CLERK, HttpMethod.PUT, "/job/" + timer + "/duedate", "{\"duedate\": null}"));
        if (door == Door.ENGINE_REST) { // the webapps' engine API cannot fetch and lock at all (not an async servlet)
            assertForbidden(call(door, CLERK, HttpMethod.POST, "/external-task/fetchAndLock", """
                    {"workerId": "forger", "maxTasks": 1, "topics": [{"topicName": "any", "lockDuration": 60000}]}"""));
        }

        before.assertUnchanged();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(ownTask.getProcessInstanceId()).count()).isOne();
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void theTaskItselfStaysAsTheModelMadeIt(Door door) {
        claim(door);
        String task = "/task/" + ownTask.getId();

        assertForbidden(call(door, CLERK, HttpMethod.POST, task + "/identity-links",
                "{\"groupId\": \"county-654225\", \"type\": \"candidate\"}"));
        assertForbidden(call(door, CLERK, HttpMethod.PUT, task, """
                {"name": "已办结 / done", "due": "2030-01-01T00:00:00.000+0000", "owner": "county.654225"}"""));
        assertForbidden(call(door, CLERK, HttpMethod.POST, task + "/delegate", "{\"userId\": \"village." + VILLAGE + "\"}"));
        assertForbidden(call(door, CLERK, HttpMethod.POST, task + "/assignee", "{\"userId\": \"village." + VILLAGE + "\"}"));

        Task after = tasks.createTaskQuery().taskId(ownTask.getId()).singleResult();
        assertThat(after.getName()).isEqualTo(ownTask.getName());
        assertThat(after.getDueDate()).isEqualTo(ownTask.getDueDate());
        assertThat(after.getAssignee()).isEqualTo(CLERK);
        assertThat(after.getOwner()).isNull();
        assertThat(tasks.getIdentityLinksForTask(ownTask.getId())).extracting(IdentityLink::getGroupId)
                .doesNotContain("county-654225");
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void aTaskIsClaimedOnlyForOneselfAndGivenBackOnlyByItsHolder(Door door) {
        String task = "/task/" + ownTask.getId();
        assertForbidden(call(door, CLERK, HttpMethod.POST, task + "/claim", "{\"userId\": \"village." + VILLAGE + "\"}"));
        assertThat(tasks.createTaskQuery().taskId(ownTask.getId()).singleResult().getAssignee()).isNull();

        claim(door);
        Answer giveBack = call(door, CLERK, HttpMethod.POST, task + "/unclaim", null);
        assertThat(giveBack.status()).as(giveBack.body().toString()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(ownTask.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void attachmentsAreRefusedOnTheEnginesJavaApiToo() {
        Officials.as(identity, CLERK, () -> tasks.claim(ownTask.getId(), CLERK));
        assertThatThrownBy(() -> Officials.as(identity, CLERK, () -> tasks.createAttachment("application/pdf",
                ownTask.getId(), ownTask.getProcessInstanceId(), "x.pdf", "", new ByteArrayInputStream(new byte[10]))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(tasks.getTaskAttachments(ownTask.getId())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void anOfficialChangesHisPasswordButNotHisNameNorDeletesHimself(Door door) {
        String official = "clerk." + door.name().toLowerCase().replace('_', '-') + "." + System.nanoTime();
        identity.saveUser(newUser(official));
        identity.createMembership(official, "clerk-" + VILLAGE);
        try {
            assertForbidden(call(door, official, "Integrity-Pass-2026", HttpMethod.PUT, "/user/" + official + "/profile",
                    "{\"id\": \"" + official + "\", \"firstName\": \"县扶贫办\", \"lastName\": \"\"}"));
            assertForbidden(call(door, official, "Integrity-Pass-2026", HttpMethod.DELETE, "/user/" + official, null));
            assertThat(identity.createUserQuery().userId(official).singleResult().getFirstName()).isEqualTo("测试");

            Answer changed = call(door, official, "Integrity-Pass-2026", HttpMethod.PUT, "/user/" + official + "/credentials",
                    "{\"password\": \"Another-Pass-2026\", \"authenticatedUserPassword\": \"Integrity-Pass-2026\"}");
            assertThat(changed.status()).as(changed.body().toString()).isEqualTo(204);
            assertThat(identity.checkPassword(official, "Another-Pass-2026")).isTrue();
        } finally {
            identity.deleteUser(official);
        }
    }

    private User newUser(String id) {
        User user = identity.newUser(id);
        user.setFirstName("测试");
        user.setLastName("官员");
        user.setPassword("Integrity-Pass-2026");
        return user;
    }

    /** The two households, their decision histories and the clerk's open task as they are now. */
    private Snapshot snapshot() {
        return new Snapshot(households.get(own.getId()).getStatus(), households.history(own.getApplicationNo()).size(),
                households.get(yumin.getId()).getStatus(), households.history(yumin.getApplicationNo()).size());
    }

    private class Snapshot {
        final Status ownStatus;
        final int ownDecisions;
        final Status yuminStatus;
        final int yuminDecisions;

        Snapshot(Status ownStatus, int ownDecisions, Status yuminStatus, int yuminDecisions) {
            this.ownStatus = ownStatus;
            this.ownDecisions = ownDecisions;
            this.yuminStatus = yuminStatus;
            this.yuminDecisions = yuminDecisions;
        }

        void assertUnchanged() {
            assertThat(households.get(yumin.getId()).getStatus()).isEqualTo(yuminStatus).isEqualTo(Status.APPLIED);
            assertThat(households.history(yumin.getApplicationNo())).hasSize(yuminDecisions);
            assertThat(households.get(own.getId()).getStatus()).isEqualTo(ownStatus);
            assertThat(households.history(own.getApplicationNo())).hasSize(ownDecisions);
            assertThat(tasks.createTaskQuery().taskId(ownTask.getId()).count()).as("the clerk's task is still open").isOne();
        }
    }

    private void claim(Door door) {
        Answer claimed = call(door, CLERK, HttpMethod.POST, "/task/" + ownTask.getId() + "/claim",
                "{\"userId\": \"" + CLERK + "\"}");
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(204);
    }

    private static void assertForbidden(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(403);
    }

    private static void assertRefusedNaming(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("errors").has(field)).as(answer.body().toString()).isTrue();
    }

    /** Variables in the engine APIs' JSON shape ({@code {"name": {"value": …}}}), as Tasklist sends them. */
    private String variables(Map<String, Object> form, Map<String, Object> extra) throws Exception {
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        form.forEach((name, value) -> all.put(name, value instanceof java.util.Date date
                ? Map.of("value", new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date), "type", "Date")
                : Map.of("value", value)));
        extra.forEach((name, value) -> all.put(name, value instanceof Long ? Map.of("value", value, "type", "Long")
                : Map.of("value", value)));
        return json.writeValueAsString(all);
    }

    private Answer call(Door door, String user, HttpMethod method, String path, String body) {
        return call(door, user, "demo", method, path, body);
    }

    private Answer call(Door door, String user, String password, HttpMethod method, String path, String body) {
        try {
            if (door == Door.ENGINE_REST) {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                ResponseEntity<String> answer = rest.withBasicAuth(user, password).exchange(door.prefix + path, method,
                        new HttpEntity<>(body, headers), String.class);
                return new Answer(answer.getStatusCode().value(), parse(answer.getBody()));
            }
            WebappSession session = sessions.computeIfAbsent(user + ":" + password,
                    key -> WebappSession.login(port, user, password));
            HttpResponse<String> answer = session.send(method.name(), door.prefix + path,
                    body == null ? null : "application/json", body);
            return new Answer(answer.statusCode(), parse(answer.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) throws Exception {
        return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
    }
}

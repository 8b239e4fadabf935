package org.precisionaid.operations.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
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
 * Issue #25: after a new version of identification is deployed — one task renamed (补正申请 correctApplication becomes
 * amendApplication) and given a shorter time limit — the administrator moves the running cases over. Cases wait at
 * every wait state of the earlier version; each keeps its id, open task (assignee, due date), escalation timer,
 * variables, history and the registry's link, and goes on in the new version. A plan the engine refuses is refused
 * with its reasons, a case that cannot move stays as it was and is listed with the reason, and officials are refused
 * at our REST and at both doors of the engine.
 *
 * <p>The new version is deployed under the real key for this class only and deleted (with its cases) afterwards, so
 * the classpath's model is the latest again for the tests that share the context.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationApiTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String VILLAGE = Applications.VILLAGE;
    static final String CLERK = "clerk." + VILLAGE;
    static final String TOWNSHIP = "township." + VILLAGE.substring(0, 9);
    static final String COUNTY = "county." + VILLAGE.substring(0, 6);
    static final String API = "/api/admin/migrations";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    ObjectionService objections;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    CaseFlows flows;
    int sourceVersion;
    String deploymentId;
    ProcessDefinition target;
    /** One case at each wait state of the earlier version, by the activity it waits in. */
    final Map<String, String> atEveryWaitState = new LinkedHashMap<>();
    String unmovable;
    String untouched;
    final List<String> batches = new ArrayList<>();

    @BeforeAll
    void casesOnTheEarlierVersionThenTheNewVersion() throws IOException {
        flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        sourceVersion = latestIdentification().getVersion();
        long seed = 31_001; // people no other test applies for
        for (String waitState : List.of("groupEvaluation", "villageReview", "townshipReview", "correctApplication",
                "countyReview", "noticePeriodOver", "investigateObjection", "registration")) {
            atEveryWaitState.put(waitState, caseAt(waitState, seed++));
        }
        unmovable = caseAt("correctApplication", seed++);
        untouched = caseAt("villageReview", seed++);
        deploymentId = repository.createDeployment().name("migration-test-identification-v2")
                .addString("identification.bpmn", newVersion()).deploy().getId();
        target = latestIdentification();
        assertThat(target.getVersion()).isGreaterThan(sourceVersion);
    }

    @AfterAll
    void removeTheNewVersion() {
        for (String batch : batches) {
            if (management.createBatchQuery().batchId(batch).count() > 0) {
                management.deleteBatch(batch, true);
            }
        }
        if (deploymentId != null) {
            // its cases go with it, as they are: no listener or output mapping of theirs runs
            repository.deleteDeployment(deploymentId, true, true, true);
        }
        assertThat(latestIdentification().getVersion()).isEqualTo(sourceVersion);
    }

    @Test
    void theAdministratorSeesWhichVersionsHaveCasesAndWhere() {
        JsonNode processes = get(ADMIN, ADMIN_PASSWORD, API + "/processes").getBody();
        JsonNode identification = find(processes, "key", "identification");
        assertThat(identification.path("latestVersion").asInt()).isEqualTo(target.getVersion());
        assertThat(identification.path("name").asText()).startsWith("贫困户识别");
        JsonNode earlier = find(identification.path("versions"), "version", String.valueOf(sourceVersion));
        assertThat(earlier.path("latest").asBoolean()).isFalse();
        // whatever the other tests moved: these two stay on the earlier version
        assertThat(earlier.path("runningCases").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode correction = find(earlier.path("activities"), "activityId", "correctApplication");
        assertThat(correction.path("name").asText()).isEqualTo("补正申请 / Correct application");
        assertThat(correction.path("runningCases").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(find(earlier.path("activities"), "activityId", "villageReview").path("runningCases").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(identification.path("deployedVersions").toString()).contains(String.valueOf(target.getVersion()));
    }

    @Test
    void everyCaseOfTheEarlierVersionMovesKeepingTaskDueDateTimerVariablesHistoryAndRegistryLink() {
        List<String> keys = List.copyOf(atEveryWaitState.values());
        Map<String, Snapshot> before = new HashMap<>();
        keys.forEach(key -> before.put(key, snapshot(key)));
        Map<String, Object> request = request(List.of(Map.of("from", "correctApplication", "to", "amendApplication")),
                keys);

        JsonNode plan = post(ADMIN, ADMIN_PASSWORD, API + "/plan", request).getBody();
        assertThat(plan.path("valid").asBoolean()).as(plan.toString()).isTrue();
        assertThat(plan.path("selectedCases").asLong()).isEqualTo(keys.size());
        assertThat(plan.path("target").path("version").asInt()).isEqualTo(target.getVersion());
        JsonNode renamed = instruction(plan, "correctApplication");
        assertThat(renamed.path("targetActivityIds").get(0).asText()).isEqualTo("amendApplication");
        assertThat(renamed.path("explicit").asBoolean()).isTrue();
        // a timer keeps its due date (the engine would compute it again from now); a message takes the new definition
        assertThat(instruction(plan, "noticePeriodOver").path("updateEventTrigger").asBoolean()).isFalse();
        assertThat(instruction(plan, "groupEvaluation").path("updateEventTrigger").asBoolean()).isFalse();
        assertThat(instruction(plan, "objectionReceived").path("updateEventTrigger").asBoolean()).isTrue();
        assertThat(plan.path("unmappedActivities").findValuesAsText("activityId")).doesNotContain("correctApplication");

        ResponseEntity<JsonNode> started = post(ADMIN, ADMIN_PASSWORD, API + "/batches", request);
        assertThat(started.getStatusCode().value()).as(started.getBody().toString()).isEqualTo(202);
        assertThat(started.getBody().path("cases").asLong()).isEqualTo(keys.size());
        String batchId = started.getBody().path("batchId").asText();
        batches.add(batchId);
        JsonNode progress = get(ADMIN, ADMIN_PASSWORD, API + "/batches/" + batchId).getBody();
        assertThat(progress.path("finished").asBoolean()).isFalse();

        runBatch(batchId);

        JsonNode done = get(ADMIN, ADMIN_PASSWORD, API + "/batches/" + batchId).getBody();
        assertThat(done.path("finished").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.path("totalJobs").asInt()).isEqualTo(keys.size());
        for (String key : keys) {
            Snapshot after = snapshot(key);
            Snapshot earlier = before.get(key);
            assertThat(after.definitionId).as(key).isEqualTo(target.getId());
            assertThat(after.instanceId).as(key).isEqualTo(earlier.instanceId);
            assertThat(after.taskId).as(key).isEqualTo(earlier.taskId);
            assertThat(after.assignee).as(key).isEqualTo(earlier.assignee);
            assertThat(after.taskDue).as(key).isEqualTo(earlier.taskDue);
            assertThat(after.timers).as(key + ": timers (escalation, notice period) and their due dates")
                    .isEqualTo(earlier.timers);
            assertThat(after.variables).as(key).isEqualTo(earlier.variables);
            assertThat(after.historySteps).as(key).isEqualTo(earlier.historySteps);
            ResponseEntity<JsonNode> household = get(COUNTY, "demo", "/api/households/" + key);
            assertThat(household.getStatusCode().value()).as(key).isEqualTo(200);
        }
        String corrected = atEveryWaitState.get("correctApplication");
        assertThat(snapshot(corrected).taskKey).isEqualTo("amendApplication");
        // the open task is the same task: its name, like its due date, is the one it was created with (ADR 0020)
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(corrected).singleResult().getName())
                .isEqualTo("补正申请 / Correct application");

        // the cases go on in the new version: the clerk (who held the task before) resubmits, the village approves
        flows.complete(CLERK, corrected, "amendApplication", Map.of("correctionNote", "已补正收入 / income corrected"));
        assertThat(snapshot(corrected).taskKey).as("a resubmitted application is screened and evaluated again")
                .isEqualTo("groupEvaluation");
        flows.complete("village." + VILLAGE, atEveryWaitState.get("villageReview"), "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new Date()));
        assertThat(snapshot(atEveryWaitState.get("villageReview")).taskKey).isEqualTo("townshipReview");

        // the new time limit is for tasks the new version creates; a moved task keeps the one it was given
        String fresh = flows.applyOverRest(VILLAGE, 31_050);
        toCorrection(fresh);
        Date newDue = tasks.createTaskQuery().processInstanceBusinessKey(fresh).singleResult().getDueDate();
        Date movedDue = before.get(corrected).taskDue;
        assertThat(Duration.between(movedDue.toInstant(), newDue.toInstant()).toDays()).isLessThanOrEqualTo(-4);
    }

    @Test
    void aCaseThatCannotMoveStaysAsItWasAndIsListedWithTheReason() {
        Snapshot before = snapshot(unmovable);
        Map<String, Object> request = request(List.of(), List.of(unmovable));

        JsonNode plan = post(ADMIN, ADMIN_PASSWORD, API + "/plan", request).getBody();
        assertThat(plan.path("valid").asBoolean()).isTrue();
        assertThat(plan.path("unmappedActivities").findValuesAsText("activityId")).contains("correctApplication");

        String batchId = post(ADMIN, ADMIN_PASSWORD, API + "/batches", request).getBody().path("batchId").asText();
        batches.add(batchId);
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        Job migration = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).singleResult();
        assertThatThrownBy(() -> management.executeJob(migration.getId()))
                .hasMessageContaining("correctApplication");

        JsonNode progress = get(ADMIN, ADMIN_PASSWORD, API + "/batches/" + batchId).getBody();
        assertThat(progress.path("finished").asBoolean()).isFalse();
        JsonNode failure = progress.path("failures").get(0);
        assertThat(failure.path("businessKey").asText()).as(progress.toString()).isEqualTo(unmovable);
        assertThat(failure.path("processInstanceId").asText()).isEqualTo(before.instanceId);
        assertThat(failure.path("reason").asText()).contains("correctApplication");
        assertThat(get(ADMIN, ADMIN_PASSWORD, API + "/batches").getBody().findValuesAsText("batchId")).contains(batchId);
        Snapshot after = snapshot(unmovable);
        assertThat(after.definitionId).isEqualTo(before.definitionId);
        assertThat(after.taskId).isEqualTo(before.taskId);
        assertThat(after.timers).isEqualTo(before.timers);
        assertThat(after.variables).isEqualTo(before.variables);
    }

    @Test
    void aPlanTheEngineRefusesIsRefusedWithItsReasonsAndNothingMoves() {
        Snapshot before = snapshot(untouched);
        Map<String, Object> request = request(List.of(Map.of("from", "villageReview", "to", "prescreen")),
                List.of(untouched));

        JsonNode plan = post(ADMIN, ADMIN_PASSWORD, API + "/plan", request).getBody();
        assertThat(plan.path("valid").asBoolean()).isFalse();
        JsonNode refused = instruction(plan, "villageReview");
        assertThat(refused.path("targetActivityIds").get(0).asText()).isEqualTo("prescreen");
        assertThat(refused.path("failures").get(0).asText()).as(plan.toString()).contains("incompatible");

        long batchesBefore = management.createBatchQuery().count();
        ResponseEntity<JsonNode> start = post(ADMIN, ADMIN_PASSWORD, API + "/batches", request);
        assertThat(start.getStatusCode().value()).isEqualTo(400);
        assertThat(start.getBody().path("errors").path("mappings: villageReview → prescreen").asText())
                .contains("incompatible");
        assertThat(management.createBatchQuery().count()).isEqualTo(batchesBefore);
        assertThat(snapshot(untouched).definitionId).isEqualTo(before.definitionId);
    }

    @Test
    void badRequestsNameTheFieldAndTheRule() {
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/plan", Map.of("sourceVersion", 1)), 400, "processKey");
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/plan", Map.of("processKey", "identification",
                "sourceVersion", 999_999)), 400, "sourceVersion");
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/plan", Map.of("processKey", "noSuchProcess",
                "sourceVersion", 1)), 400, "processKey");
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/plan", Map.of("processKey", "identification",
                "sourceVersion", target.getVersion())), 400, "targetVersion");
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/plan", request(List.of(Map.of("from", "correctApplication",
                "to", "noSuchTask")), List.of())), 400, "mappings[0].to");
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/plan", request(List.of(), List.of("<script>"))), 400,
                "businessKeys[0]");
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/plan", Map.of("processKey", "identification",
                "sourceVersion", "one")), 400, "sourceVersion");
        assertProblem(post(ADMIN, ADMIN_PASSWORD, API + "/batches", request(List.of(), List.of("NO-SUCH-CASE"))), 400,
                "sourceVersion");
        assertProblem(get(ADMIN, ADMIN_PASSWORD, API + "/batches/no-such-batch"), 404, "batchId");
        assertProblem(get(ADMIN, ADMIN_PASSWORD, API + "/batches/not_a_batch"), 400, "batchId");
    }

    @Test
    void anOfficialIsRefusedAtOurRestAndAtBothDoorsOfTheEngine() throws Exception {
        Map<String, Object> request = request(List.of(), List.of(untouched));
        for (String official : List.of(CLERK, TOWNSHIP, COUNTY)) {
            assertThat(get(official, "demo", API + "/processes").getStatusCode().value()).isEqualTo(403);
            assertThat(post(official, "demo", API + "/plan", request).getStatusCode().value()).isEqualTo(403);
            assertThat(post(official, "demo", API + "/batches", request).getStatusCode().value()).isEqualTo(403);
            assertThat(get(official, "demo", API + "/batches").getStatusCode().value()).isEqualTo(403);
            assertThat(rest.withBasicAuth(official, "demo").getForEntity("/admin/migration/index.html", String.class)
                    .getStatusCode().value()).isEqualTo(403);
        }
        assertThat(rest.getForEntity(API + "/processes", String.class).getStatusCode().value()).isEqualTo(401);

        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(untouched).singleResult()
                .getId();
        String source = snapshot(untouched).definitionId;
        String plan = """
                {"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
                  "instructions": [{"sourceActivityIds": ["villageReview"], "targetActivityIds": ["villageReview"]}]},
                 "processInstanceIds": ["%s"]}""".formatted(source, target.getId(), instanceId);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String path : List.of("/migration/execute", "/migration/executeAsync")) {
            ResponseEntity<String> engineRest = rest.withBasicAuth(COUNTY, "demo").exchange("/engine-rest" + path,
                    HttpMethod.POST, new HttpEntity<>(plan, headers), String.class);
            assertThat(engineRest.getStatusCode().value()).as(path + " " + engineRest.getBody()).isEqualTo(403);
            HttpResponse<String> webapp = WebappSession.login(port, COUNTY, "demo")
                    .postJson("/camunda/api/engine/engine/default" + path, plan);
            assertThat(webapp.statusCode()).as(path + " " + webapp.body()).isEqualTo(403);
        }
        assertThat(snapshot(untouched).definitionId).isEqualTo(source);
        assertThat(management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list())
                .allMatch(batch -> batches.contains(batch.getId()));
    }

    /** The page works with the administrator's webapp login; a write needs the session's CSRF token. */
    @Test
    void thePageReadsAndValidatesWithTheWebappLoginOfAnAdministratorOnly() throws Exception {
        WebappSession admin = WebappSession.login(port, ADMIN, ADMIN_PASSWORD, "cockpit");
        HttpResponse<String> token = admin.get(API + "/session-token");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json.readTree(token.body()).path("token").asText()).isNotBlank();
        assertProblem(get(ADMIN, ADMIN_PASSWORD, API + "/session-token"), 404, "session");
        HttpResponse<String> page = admin.get("/admin/migration/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("执行迁移 / Run migration");
        assertThat(admin.get(API + "/processes").statusCode()).isEqualTo(200);
        HttpResponse<String> plan = admin.postJson(API + "/plan", json.writeValueAsString(
                request(List.of(), List.of(untouched))));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        assertThat(json.readTree(plan.body()).path("selectedCases").asLong()).isOne();

        WebappSession clerk = WebappSession.login(port, CLERK, "demo");
        assertThat(clerk.get(API + "/session-token").statusCode()).isEqualTo(403);
        assertThat(clerk.get(API + "/processes").statusCode()).isEqualTo(403);
        assertThat(clerk.postJson(API + "/plan", json.writeValueAsString(request(List.of(), List.of(untouched))))
                .statusCode()).isEqualTo(403);
        assertThat(clerk.get("/admin/migration/index.html").statusCode()).isEqualTo(403);
    }

    // ---- cases at each wait state, on the earlier version

    private String caseAt(String waitState, long seed) {
        String key = flows.applyOverRest(VILLAGE, seed);
        switch (waitState) {
            case "groupEvaluation" -> {
            }
            case "villageReview" -> groupVotes(key);
            case "townshipReview" -> {
                groupVotes(key);
                villageApproves(key);
            }
            case "correctApplication" -> {
                toCorrection(key);
                // the clerk holds the task when the new version comes: he keeps it
                Officials.as(identity, CLERK, () -> tasks.claim(task(key).getId(), CLERK));
            }
            case "countyReview" -> {
                groupVotes(key);
                villageApproves(key);
                flows.complete(TOWNSHIP, key, "townshipReview", Map.of("townshipDecision", "approve",
                        "householdVisited", true));
            }
            case "noticePeriodOver" -> flows.approveToAnnouncement(VILLAGE, key);
            case "investigateObjection" -> {
                flows.approveToAnnouncement(VILLAGE, key);
                objections.submit(key, "该户有营业执照 / has a business licence", "13900001111");
            }
            case "registration" -> {
                flows.approveToAnnouncement(VILLAGE, key);
                flows.noticePeriodEnds(key);
            }
            default -> throw new IllegalArgumentException(waitState);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).activityIdIn(waitState).count())
                .as(key + " waits in " + waitState).isOne();
        return key;
    }

    private void toCorrection(String key) {
        groupVotes(key);
        villageApproves(key);
        flows.complete(TOWNSHIP, key, "townshipReview", Map.of("townshipDecision", "return", "householdVisited", true,
                "townshipComment", "请补充工资收入证明 / please add proof of wages"));
    }

    private void groupVotes(String key) {
        flows.complete(CLERK, key, "groupEvaluation", Map.of("meetingDate", new Date(), "attendees", 30L,
                "votesFor", 25L, "groupMinutes", "第二村民小组会议 / group meeting"));
    }

    private void villageApproves(String key) {
        flows.complete("village." + VILLAGE, key, "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new Date()));
    }

    /** The classpath's identification with correctApplication renamed amendApplication and a 10-day limit, not 15. */
    private String newVersion() throws IOException {
        String model;
        try (InputStream in = getClass().getResourceAsStream("/bpmn/identification.bpmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String renamed = model.replace("\"correctApplication\"", "\"amendApplication\"")
                .replace("name=\"补正申请 / Correct application\"", "name=\"补正材料 / Amend application\"")
                .replace("camunda:dueDate=\"${deadlines.due(&#39;identification&#39;, &#39;correctApplication&#39;)}\"",
                        "camunda:dueDate=\"${deadlines.due(&#39;identification&#39;, &#39;countyReview&#39;)}\"");
        assertThat(renamed).contains("id=\"amendApplication\"", "Amend application",
                "formRef=\"identification-correction\" camunda:formRefBinding=\"latest\" camunda:candidateGroups="
                        + "\"${groups.of(regionCode, &#39;clerk&#39;)}\" camunda:dueDate=\"${deadlines.due("
                        + "&#39;identification&#39;, &#39;countyReview&#39;)}\"");
        return renamed;
    }

    // ---- what a case holds, before and after

    record Snapshot(String instanceId, String definitionId, String taskId, String taskKey, String assignee, Date taskDue,
            List<String> timers, Map<String, Object> variables, long historySteps) {
    }

    private Snapshot snapshot(String key) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        List<String> timers = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .map(job -> job.getId() + "@" + job.getDuedate().getTime()).sorted().toList();
        return new Snapshot(instance.getId(), instance.getProcessDefinitionId(), task == null ? null : task.getId(),
                task == null ? null : task.getTaskDefinitionKey(), task == null ? null : task.getAssignee(),
                task == null ? null : task.getDueDate(), timers, runtime.getVariables(instance.getId()),
                history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count());
    }

    private Task task(String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    }

    /** What the job executor does in production: the seed job, one job per case, then the monitor ends the batch. */
    private void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private ProcessDefinition latestIdentification() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("identification").latestVersion()
                .singleResult();
    }

    // ---- HTTP

    private Map<String, Object> request(List<Map<String, String>> mappings, List<String> businessKeys) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("processKey", "identification");
        request.put("sourceVersion", sourceVersion);
        request.put("mappings", mappings);
        request.put("businessKeys", businessKeys);
        return request;
    }

    private ResponseEntity<JsonNode> get(String user, String password, String path) {
        return rest.withBasicAuth(user, password).getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String password, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, int status, String field) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getBody().path("errors").has(field)).as(answer.getBody().toString()).isTrue();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static JsonNode instruction(JsonNode plan, String sourceActivity) {
        for (JsonNode instruction : plan.path("instructions")) {
            if (instruction.path("sourceActivityIds").get(0).asText().equals(sourceActivity)) {
                return instruction;
            }
        }
        throw new AssertionError("no instruction for " + sourceActivity + " in " + plan);
    }
}

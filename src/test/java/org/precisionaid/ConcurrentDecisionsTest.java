package org.precisionaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.Codes;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.Registrations;
import org.precisionaid.support.PostgresInitializer;
import org.precisionaid.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two officials act on the same thing at the same moment (threads released together by a barrier), on PostgreSQL:
 * exactly one succeeds, the other is told clearly (409 over REST), and the registry holds exactly one decision.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentDecisionsTest {

    static final String VILLAGE = "654225101202"; // 窝尔塔吉也克北村, Jiyeke town, Yumin county
    static final String TOWNSHIP = "township.654225101";
    static final String SECOND_TOWNSHIP = "deputy.township.654225101";
    static final String PASSWORD = "Deputy-Reviewer-2026";
    static final String ENGINE_REST = "/engine-rest/engine/" + PostgresInitializer.ENGINE;

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired HouseholdService households;
    @Autowired OfficialDirectory officials;
    @Autowired org.precisionaid.procedure.ObjectionRepository objectionRecords;
    @Autowired AssistanceService assistance;
    @Autowired org.precisionaid.procedure.OneActionPerTask taskLocks;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    final ExecutorService pool = Executors.newFixedThreadPool(2);
    CaseFlows flows;

    @BeforeAll
    void aSecondReviewerJoinsTheTownship() {
        flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        if (!officials.exists(SECOND_TOWNSHIP)) {
            officials.create(SECOND_TOWNSHIP, "副乡长", "Deputy", null, PASSWORD, "654225101000", "township");
        }
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoReviewersClaimTheSameTaskAtOnceOverTheJavaApi() throws Exception {
        String applicationNo = atTownshipReview(9101L);
        String taskId = taskId(applicationNo, "townshipReview");
        List<Object> outcomes = atOnce(
                () -> as(identity, TOWNSHIP, () -> { tasks.claim(taskId, TOWNSHIP); return "claimed"; }),
                () -> as(identity, SECOND_TOWNSHIP, () -> { tasks.claim(taskId, SECOND_TOWNSHIP); return "claimed"; }));
        assertThat(outcomes).filteredOn("claimed"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(Exception.class::isInstance).hasSize(1)
                .allSatisfy(failure -> assertThat(failure.getClass().getSimpleName())
                        .isIn("TaskAlreadyClaimedException", "OptimisticLockingException"));
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isIn(TOWNSHIP, SECOND_TOWNSHIP);
    }

    @Test
    void twoReviewersCompleteTheSameTaskAtOnceAndTheRegistryHoldsOneDecision() throws Exception {
        String applicationNo = atTownshipReview(9102L);
        String taskId = taskId(applicationNo, "townshipReview");
        Map<String, Object> approve = Map.of("townshipDecision", "approve", "householdVisited", true);
        List<Object> outcomes = atOnce(
                () -> as(identity, TOWNSHIP, () -> { tasks.complete(taskId, approve); return "completed"; }),
                () -> as(identity, SECOND_TOWNSHIP, () -> { tasks.complete(taskId, approve); return "completed"; }));
        assertThat(outcomes).filteredOn("completed"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(Exception.class::isInstance).hasSize(1);
        assertThat(households.history(applicationNo)).filteredOn(c -> c.getLevel() == Codes.Level.TOWNSHIP).hasSize(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey("countyReview")
                .count()).isEqualTo(1);
    }

    @Test
    void overRestTheSecondGets409WithAReadableMessage() throws Exception {
        String applicationNo = atTownshipReview(9103L);
        String taskId = taskId(applicationNo, "townshipReview");
        List<Object> claims = atOnce(() -> post(TOWNSHIP, "demo", "/task/" + taskId + "/claim", "{\"userId\":\"" + TOWNSHIP + "\"}"),
                () -> post(SECOND_TOWNSHIP, PASSWORD, "/task/" + taskId + "/claim", "{\"userId\":\"" + SECOND_TOWNSHIP + "\"}"));
        assertOneWinsOneConflicts(claims);

        String winner = tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
        String password = TOWNSHIP.equals(winner) ? "demo" : PASSWORD;
        String body = "{\"variables\":{\"townshipDecision\":{\"value\":\"approve\"},\"householdVisited\":{\"value\":true}}}";
        List<Object> completions = atOnce(() -> post(winner, password, "/task/" + taskId + "/complete", body),
                () -> post(winner, password, "/task/" + taskId + "/complete", body));
        assertOneWinsOneConflicts(completions);
        assertThat(households.history(applicationNo)).filteredOn(c -> c.getLevel() == Codes.Level.TOWNSHIP).hasSize(1);
    }

    /**
     * A double click on "complete", many times over: every time one completion and one conflict, never an engine
     * error from the second walking the case the first has just moved on (the race is rare, hence the rounds).
     */
    @Test
    void aDoubleClickedCompletionIsOneDecisionEveryTime() throws Exception {
        String body = "{\"variables\":{\"townshipDecision\":{\"value\":\"approve\"},\"householdVisited\":{\"value\":true}}}";
        for (long round = 0; round < 6; round++) {
            String applicationNo = atTownshipReview(9200L + round);
            String taskId = taskId(applicationNo, "townshipReview");
            as(identity, TOWNSHIP, () -> tasks.claim(taskId, TOWNSHIP));
            assertOneWinsOneConflicts(atOnce(() -> post(TOWNSHIP, "demo", "/task/" + taskId + "/complete", body),
                    () -> post(TOWNSHIP, "demo", "/task/" + taskId + "/complete", body)));
            assertThat(households.history(applicationNo)).filteredOn(c -> c.getLevel() == Codes.Level.TOWNSHIP)
                    .hasSize(1);
        }
    }

    /** A moment apart rather than at once: the later claim is refused as a conflict, not as a missing right. */
    @Test
    void claimingATaskAColleagueHasJustClaimedIsAConflict() {
        String applicationNo = atTownshipReview(9106L);
        String taskId = taskId(applicationNo, "townshipReview");
        ResponseEntity<JsonNode> first = post(TOWNSHIP, "demo", "/task/" + taskId + "/claim",
                "{\"userId\":\"" + TOWNSHIP + "\"}");
        ResponseEntity<JsonNode> second = post(SECOND_TOWNSHIP, PASSWORD, "/task/" + taskId + "/claim",
                "{\"userId\":\"" + SECOND_TOWNSHIP + "\"}");
        assertOneWinsOneConflicts(List.of(first, second));
        assertThat(first.getStatusCode().value()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(TOWNSHIP);
    }

    @Test
    void aCorrectionSubmittedTwiceAtOnceIsRecordedOnce() throws Exception {
        String applicationNo = atTownshipReview(9104L);
        flows.complete(TOWNSHIP, applicationNo, "townshipReview",
                Map.of("townshipDecision", "return", "townshipComment", "转移性收入应含低保金 / add the allowance"));
        String clerk = "clerk." + VILLAGE;
        String taskId = taskId(applicationNo, "correctApplication");
        as(identity, clerk, () -> tasks.claim(taskId, clerk));
        String body = "{\"variables\":{\"correctedTransferIncome\":{\"value\":2500.0},\"correctionNote\":{\"value\":\"补录低保金\"}}}";
        List<Object> submissions = atOnce(() -> post(clerk, "demo", "/task/" + taskId + "/complete", body),
                () -> post(clerk, "demo", "/task/" + taskId + "/complete", body));
        assertOneWinsOneConflicts(submissions);
        assertThat(households.history(applicationNo)).filteredOn(c -> "resubmitted".equals(c.getDecision())).hasSize(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey("groupEvaluation")
                .count()).isEqualTo(1);
    }

    @Test
    void anObjectionAnsweredByTwoReviewersAtOnceIsDecidedOnce() throws Exception {
        String applicationNo = atTownshipReview(9105L);
        flows.complete(TOWNSHIP, applicationNo, "townshipReview", Map.of("townshipDecision", "approve", "householdVisited", true));
        flows.complete("county.654225", applicationNo, "countyReview", Map.of("countyDecision", "approve"));
        objections.submit(applicationNo, "该户有小汽车 / owns a car", null);
        String taskId = taskId(applicationNo, "investigateObjection");
        Map<String, Object> dismissed = Map.of("objectionFinding", "dismissed", "objectionComment", "经核实无车 / no car");
        Map<String, Object> upheld = Map.of("objectionFinding", "upheld", "objectionComment", "确有小汽车 / has a car");
        List<Object> outcomes = atOnce(
                () -> as(identity, TOWNSHIP, () -> { tasks.complete(taskId, dismissed); return "dismissed"; }),
                () -> as(identity, SECOND_TOWNSHIP, () -> { tasks.complete(taskId, upheld); return "upheld"; }));
        assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Exception.class::isInstance).hasSize(1);
        String winner = (String) outcomes.stream().filter(String.class::isInstance).findFirst().orElseThrow();
        var decided = objectionRecords.findByHouseholdIdOrderById(households.get(applicationNo).getId());
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).getStatus().name()).isEqualTo(winner.toUpperCase());
        assertThat(households.history(applicationNo)).filteredOn(c -> c.getDecision().startsWith("objection")).hasSize(1);
    }

    /**
     * The county office adds a cadre (which refreshes the cadres every open registration task of the county offers)
     * while a township registers a household on one of those tasks. The registration holds its task when the cadre's
     * transaction reaches it: that transaction must wait for the task and then pass it by, not take the task's
     * variables first and deadlock with the completion that deletes them.
     */
    @Test
    void aCadreAddedWhileTheTownshipRegistersAHouseholdWaitsForTheRegistrationInsteadOfDeadlocking() throws Exception {
        String applicationNo = atTownshipReview(9107L);
        flows.complete(TOWNSHIP, applicationNo, "townshipReview", Map.of("townshipDecision", "approve", "householdVisited", true));
        flows.complete("county.654225", applicationNo, "countyReview", Map.of("countyDecision", "approve"));
        long cadre = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        flows.noticePeriodEnds(applicationNo);
        String taskId = taskId(applicationNo, "registration");
        as(identity, TOWNSHIP, () -> tasks.claim(taskId, TOWNSHIP));

        java.util.concurrent.Future<Long> added = transactions.execute(registration -> {
            // the registration has begun: its task is locked, as every completion locks it first
            assertThat(taskLocks.lock(taskId)).isTrue();
            java.util.concurrent.Future<Long> adding = pool.submit(() -> Cadres.fresh(assistance, "654225", CadreRank.STAFF));
            waitUntilABackendWaitsForALock(adding);
            as(identity, TOWNSHIP, () -> tasks.complete(taskId, Registrations.registration(cadre)));
            return adding;
        });
        assertThat(added.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("the cadre is added").isPositive();
        assertThat(households.get(applicationNo).getStatus()).isEqualTo(Codes.Status.REGISTERED);
    }

    /**
     * The same with the cadre himself: the county office corrects the cadre a township is registering a household
     * with (the cadres' screen, issue #22). The correction locks the county's registration tasks before the cadre's
     * row, as the registration does; the other way round one of the two would be chosen as a deadlock victim.
     */
    @Test
    void aCadreCorrectedWhileTheTownshipRegistersAHouseholdWithHimWaitsInsteadOfDeadlocking() throws Exception {
        String applicationNo = atTownshipReview(9108L);
        flows.complete(TOWNSHIP, applicationNo, "townshipReview", Map.of("townshipDecision", "approve", "householdVisited", true));
        flows.complete("county.654225", applicationNo, "countyReview", Map.of("countyDecision", "approve"));
        long cadre = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        long unit = assistance.cadre(cadre).getUnit().getId();
        flows.noticePeriodEnds(applicationNo);
        String taskId = taskId(applicationNo, "registration");
        as(identity, TOWNSHIP, () -> tasks.claim(taskId, TOWNSHIP));

        java.util.concurrent.Future<?> corrected = transactions.execute(registration -> {
            assertThat(taskLocks.lock(taskId)).isTrue();
            java.util.concurrent.Future<?> correcting = pool.submit(() -> assistance.updateCadre(cadre, "更正干部",
                    "Corrected Cadre", "STAFF", unit, "13900001111"));
            waitUntilABackendWaitsForALock(correcting);
            as(identity, TOWNSHIP, () -> tasks.complete(taskId, Registrations.registration(cadre)));
            return correcting;
        });
        corrected.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(assistance.cadre(cadre).getName()).isEqualTo("更正干部");
        assertThat(households.get(applicationNo).getStatus()).isEqualTo(Codes.Status.REGISTERED);
        assertThat(assistance.currentHouseholdIds(cadre)).containsExactly(households.get(applicationNo).getId());
    }

    /** Until the other transaction waits on a row lock (it holds nothing we need meanwhile) — or has failed. */
    private void waitUntilABackendWaitsForALock(java.util.concurrent.Future<?> other) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!other.isDone() && System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'",
                    Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        assertThat(other.isDone()).as("the cadre's transaction neither waited nor finished within 20 s").isTrue();
    }

    private void assertOneWinsOneConflicts(List<Object> answers) {
        List<Integer> statuses = new ArrayList<>();
        for (Object answer : answers) {
            statuses.add(((ResponseEntity<?>) answer).getStatusCode().value());
        }
        assertThat(statuses).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
        for (Object answer : answers) {
            ResponseEntity<?> response = (ResponseEntity<?>) answer;
            if (response.getStatusCode().value() == 409) {
                JsonNode problem = (JsonNode) response.getBody();
                assertThat(problem.get("title").asText()).isEqualTo("冲突 / Conflict");
                assertThat(problem.get("message").asText()).contains("reload it and try again");
                assertThat(problem.toString()).doesNotContain("ENGINE-").doesNotContain("Exception");
            }
        }
    }

    private String atTownshipReview(long seed) {
        String applicationNo = flows.applyOverRest(VILLAGE, seed);
        flows.complete("clerk." + VILLAGE, applicationNo, "groupEvaluation", Map.of("meetingDate", new java.util.Date(),
                "attendees", 30L, "votesFor", 25L, "groupMinutes", "会议 / meeting"));
        flows.complete("village." + VILLAGE, applicationNo, "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
        return applicationNo;
    }

    private String taskId(String applicationNo, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(key).singleResult();
        return task.getId();
    }

    private ResponseEntity<JsonNode> post(String user, String password, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password).postForEntity(ENGINE_REST + path, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    /** Runs both at the same moment; each outcome is its result or the exception it ended with. */
    private List<Object> atOnce(Callable<Object> first, Callable<Object> second) throws Exception {
        return org.precisionaid.support.AtOnce.run(pool, first, second);
    }
}

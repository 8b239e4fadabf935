package org.precisionaid.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county office starts the year's assessment in bulk (POST /api/assessments): chunk by chunk (3 a chunk in the
 * test profile, on 2 lanes), with progress, refused while going or done, and resumed after an interruption without starting a
 * household twice.
 */
@IntegrationTest
class AssessmentStartApiTest {

    static final String YUMIN = "654225000000";
    static final String YUMIN_VILLAGE = "654225101205";
    static final int YEAR = LocalDate.now().getYear() - 1;
    static final String EMIN = "654221000000";          // 额敏县: a county no other test starts
    static final String EMIN_VILLAGE = "654221101203";  // 铁列克特一村

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> start(String user, Object county, Object year) {
        Map<String, Object> body = new HashMap<>();
        body.put("countyCode", county);
        body.put("assessmentYear", year);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/assessments", body, JsonNode.class);
    }

    private JsonNode progress(String user) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/assessments/" + YUMIN + "/" + YEAR, JsonNode.class);
    }

    private ProcessInstance startCase() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("annualAssessmentStart")
                .processInstanceBusinessKey(AssessmentRuns.businessKey(YUMIN, YEAR)).singleResult();
    }

    private boolean runOneChunk() {
        ProcessInstance instance = startCase();
        if (instance == null) {
            return false;
        }
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
        management.executeJob(jobs.get(0).getId());
        return true;
    }

    @Test
    void theCountyStartsEveryDueHouseholdOnceInChunksAndCanResumeAfterAnInterruption() {
        List<String> registered = Projects.registered(households, assistance, YUMIN_VILLAGE, 7);
        ResponseEntity<JsonNode> started = start("county.654225", YUMIN, YEAR);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        int total = started.getBody().get("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(registered.size());
        assertThat(started.getBody().get("started").asInt()).isZero();
        assertThat(started.getBody().get("startedBy").asText()).isEqualTo("county.654225");

        assertThat(management.createJobQuery().processInstanceId(startCase().getId()).count())
                .as("one job a lane (2 in the test profile)").isEqualTo(2);
        runOneChunk();
        JsonNode going = progress("township.654225101");
        int afterOneChunk = going.get("started").asInt();
        assertThat(afterOneChunk).as("one chunk of at most 3").isBetween(1, 3);
        assertThat(going.get("running").asBoolean()).isTrue();
        assertThat(going.get("stopped").asBoolean()).isFalse();
        assertThat(going.get("remaining").asInt()).isEqualTo(total - afterOneChunk);
        assertThat(going.get("lanes").size()).as("the test profile's 2 lanes").isEqualTo(2);
        assertThat(going.get("lanes").findValues("started").stream().mapToInt(JsonNode::asInt).sum())
                .isEqualTo(afterOneChunk);
        assertThat(going.get("lanes").findValues("started").stream().filter(n -> n.asInt() > 0).count())
                .as("one chunk is one lane's work").isEqualTo(1);
        ResponseEntity<JsonNode> again = start("county.654225", YUMIN, YEAR);
        assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains(afterOneChunk + " of " + total);

        // an administrator cancels the start case half-way; the county starts again and it goes on where it stopped
        runtime.deleteProcessInstance(startCase().getId(), "test: interrupted");
        JsonNode stopped = progress("county.654225");
        assertThat(stopped.get("stopped").asBoolean()).as("stopped half-way: the screen offers to resume").isTrue();
        assertThat(stopped.get("running").asBoolean()).isFalse();
        assertThat(stopped.get("remaining").asInt()).isEqualTo(total - afterOneChunk);
        assertThat(start("county.654225", YUMIN, YEAR).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(progress("county.654225").get("stopped").asBoolean()).as("resumed").isFalse();
        while (runOneChunk()) {
            // chunk after chunk, each its own transaction
        }
        JsonNode done = progress("county.654225");
        assertThat(done.get("started").asInt()).isEqualTo(total);
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(done.get("outcomes").get("PENDING").asInt()).isEqualTo(total);
        assertThat(done.get("stopped").asBoolean()).isFalse();
        assertThat(done.get("remaining").asInt()).isZero();
        assertThat(done.get("lanes").findValues("started").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(total);
        for (String no : registered) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annualAssessment")
                    .processInstanceBusinessKey(no).variableValueEquals("assessmentYear", YEAR).count())
                    .as("cases of %s", no).isEqualTo(1);
        }
        Integer doubles = jdbc.queryForObject("select count(*) from (select household_id from household_assessment"
                + " where assessment_year = ? group by household_id having count(*) > 1) d", Integer.class, YEAR);
        assertThat(doubles).isZero();
        ResponseEntity<JsonNode> finished = start("county.654225", YUMIN, YEAR);
        assertThat(finished.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(finished.getBody().get("detail").asText()).contains("every household has its case");

        JsonNode pending = rest.withBasicAuth("village." + YUMIN_VILLAGE, "demo").getForObject(
                "/api/assessments/" + YUMIN + "/" + YEAR + "/households?outcome=PENDING&size=200", JsonNode.class);
        assertThat(pending.findValuesAsText("applicationNo")).containsAll(registered);
        assertThat(pending.findValuesAsText("villageCode")).containsOnly(YUMIN_VILLAGE);
    }

    @Test
    void badStartsAreRefusedWithTheFieldAndRule() {
        ResponseEntity<JsonNode> notCounty = start("county.654224", "654224101000", 2025);
        assertThat(notCounty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notCounty.getBody().get("errors").get("countyCode").asText()).contains("not a county");
        ResponseEntity<JsonNode> future = start("county.654224", "654224000000", LocalDate.now().getYear() + 1);
        assertThat(future.getBody().get("errors").get("assessmentYear").asText()).contains("between 2014");
        ResponseEntity<JsonNode> text = start("county.654224", "6542240", "last year");
        assertThat(text.getBody().get("errors").fieldNames()).toIterable().contains("countyCode", "assessmentYear");
        ResponseEntity<JsonNode> township = start("township.654224101", "654224000000", 2020);
        assertThat(township.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(start("county.654225", "654224000000", 2020).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("county.654224", "demo").getForEntity("/api/assessments/" + YUMIN + "/2020",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("county.654224", "demo").getForEntity("/api/assessments/654224000000/2019",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annualAssessmentStart")
                .processInstanceBusinessKey(AssessmentRuns.businessKey("654224000000", 2020)).count()).isZero();
    }

    /**
     * The run is finished by its last lane's end, in that same transaction: each lane ends in an exclusive job of its
     * own (the job executor never runs two exclusive jobs of one case at once), so two lanes ending together cannot
     * collide on the lanes' join and have the loser retried a minute later — the lag the 20,000-household benchmark
     * showed (all started at about 60 s, finished at 135 s) — and no job is left to pick up after the last end.
     */
    @Test
    void theLastLaneToEndRecordsTheRunFinishedInTheSameTransaction() {
        List<String> registered = Projects.registered(households, assistance, EMIN_VILLAGE, 4);
        runtime.startProcessInstanceByKey("annualAssessmentStart", org.camunda.bpm.engine.variable.Variables
                .createVariables().putValue("countyCode", EMIN).putValue("assessmentYear", YEAR));
        String run = runtime.createProcessInstanceQuery().processDefinitionKey("annualAssessmentStart")
                .processInstanceBusinessKey(AssessmentRuns.businessKey(EMIN, YEAR)).singleResult().getId();
        for (List<Job> chunks = chunkJobs(run); !chunks.isEmpty(); chunks = chunkJobs(run)) {
            management.executeJob(chunks.get(0).getId());
        }
        assertThat(jdbc.queryForObject("select count(*) from household_assessment where county_code = ?"
                + " and assessment_year = ?", Integer.class, EMIN, YEAR)).as("every household started").isEqualTo(4);

        List<Job> ends = management.createJobQuery().processInstanceId(run).activityId("laneDone").list();
        assertThat(management.createJobQuery().processInstanceId(run).count()).as("nothing left but the lanes' ends")
                .isEqualTo(ends.size());
        assertThat(ends).as("one end a lane, each an exclusive job").hasSize(2).allSatisfy(job -> assertThat(
                ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).isExclusive()).isTrue());
        management.executeJob(ends.get(0).getId());
        assertThat(finishedAt()).as("one lane still to end").isNull();
        management.executeJob(ends.get(1).getId());
        assertThat(finishedAt()).as("recorded by the last lane's end itself").isNotNull();
        assertThat(management.createJobQuery().processInstanceId(run).count()).as("no job left to wait for").isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).count()).as("the start case is over")
                .isZero();
        for (String no : registered) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annualAssessment")
                    .processInstanceBusinessKey(no).count()).as("cases of %s", no).isEqualTo(1);
        }
    }

    private List<Job> chunkJobs(String run) {
        return management.createJobQuery().processInstanceId(run).activityId("startChunk").list();
    }

    private java.sql.Timestamp finishedAt() {
        return jdbc.queryForObject("select finished_at from assessment_run where county_code = ? and assessment_year = ?",
                java.sql.Timestamp.class, EMIN, YEAR);
    }
}

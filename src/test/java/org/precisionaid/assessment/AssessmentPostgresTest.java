package org.precisionaid.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.claimAndComplete;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.HistoryRows;
import org.precisionaid.support.PostgresTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The assessment on a real PostgreSQL: migration, the bulk start's SQL, and one household through to EXITED. */
@PostgresTest
class AssessmentPostgresTest {

    static final String VILLAGE = "654224102203";   // 萨尔加克村, 庙尔沟镇, 托里县
    static final int YEAR = LocalDate.now().getYear();
    static final int ROWS_OF_A_STARTED_CASE = 3;
    static final int ROWS_OF_AN_EXITED_CASE = 57;

    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theCountysYearStartsOnceForEveryDueHouseholdAndOneOfThemLeavesPoverty() {
        List<String> registered = Projects.registered(households, assistance, VILLAGE, 4);
        runtime.startProcessInstanceByKey("annualAssessmentStart", Variables.createVariables()
                .putValue("countyCode", "654224000000").putValue("assessmentYear", YEAR));
        String key = AssessmentRuns.businessKey("654224000000", YEAR);
        for (var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
                instance != null; instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
                        .singleResult()) {
            Job job = management.createJobQuery().processInstanceId(instance.getId()).list().get(0);
            management.executeJob(job.getId());
        }
        Integer total = jdbc.queryForObject("select total from assessment_run where county_code = '654224000000'"
                + " and assessment_year = ?", Integer.class, YEAR);
        Integer started = jdbc.queryForObject("select count(*) from household_assessment where county_code ="
                + " '654224000000' and assessment_year = ?", Integer.class, YEAR);
        assertThat(started).isEqualTo(total).isGreaterThanOrEqualTo(4);
        for (String no : registered) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annualAssessment")
                    .processInstanceBusinessKey(no).count()).isEqualTo(1);
        }

        String no = registered.get(0);
        int members = households.view(no).members().size();
        for (int year : new int[] {YEAR - 1, YEAR}) {
            accounts.record(no, new IncomeAccounts.NewEntry(year == YEAR ? LocalDate.now().withDayOfMonth(1)
                    : LocalDate.of(year, 6, 30), "WAGES", 900_000L * members, null), "clerk." + VILLAGE);
        }
        String clerk = "clerk." + VILLAGE;
        claimAndComplete(identity, tasks, clerk, no, Map.of("foodAndClothing", true, "compulsoryEducation", true,
                "medicalInsurance", true, "safeHousing", true, "safeDrinkingWater", true, "accountConfirmed", true));
        claimAndComplete(identity, tasks, clerk, no, Map.of("exitMeetingDate", new java.util.Date(),
                "exitAttendees", 9L, "exitVotesFor", 9L, "exitMinutes", "一致通过 / unanimous"));
        claimAndComplete(identity, tasks, "village." + VILLAGE, no, Map.of("verificationDecision", "approve",
                "workTeam", "驻村工作队 / work team"));
        claimAndComplete(identity, tasks, clerk, no, Map.of("consentDecision", "agree",
                "consentDate", new java.util.Date()));
        String exit = runtime.createProcessInstanceQuery().processDefinitionKey("householdExit")
                .processInstanceBusinessKey(no).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(exit).activityId("exitNoticeOver")
                .singleResult().getId());
        claimAndComplete(identity, tasks, "township." + VILLAGE.substring(0, 9), no,
                Map.of("exitTownshipDecision", "approve"));
        claimAndComplete(identity, tasks, "county.654224", no, Map.of("exitCountyDecision", "approve"));
        assertThat(jdbc.queryForObject("select status || ':' || exit_year from household where application_no = ?",
                String.class, no)).isEqualTo("EXITED:" + YEAR);
        assertThat(jdbc.queryForObject("select outcome from household_assessment h join household x on x.id ="
                + " h.household_id where x.application_no = ? and h.assessment_year = ?", String.class, no, YEAR))
                .isEqualTo("EXITED");

        // what the history keeps of one assessment (docs/benchmarks.md H2): a case as the bulk start leaves it, and
        // one taken through the exit procedure (its called case counted with it)
        var waiting = HistoryRows.of(jdbc, caseOf(registered.get(1)), "an assessment case as started");
        var exited = HistoryRows.of(jdbc, caseOf(no), "an assessment case through the exit");
        assertThat(waiting.get("total").rows()).as("history rows of a started case").isLessThanOrEqualTo(
                ROWS_OF_A_STARTED_CASE);
        assertThat(exited.get("total").rows()).as("history rows of a case through the exit").isLessThanOrEqualTo(
                ROWS_OF_AN_EXITED_CASE);
        assertThat(waiting).as("nothing kept twice or for no reader (ADR 0028)")
                .doesNotContainKeys("act_hi_varinst", "act_hi_identitylink");
    }

    private String caseOf(String applicationNo) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("annualAssessment")
                .processInstanceBusinessKey(applicationNo).singleResult().getId();
    }
}

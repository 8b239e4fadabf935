package org.precisionaid.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.HouseholdView;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every path of annualAssessment and householdExit, as the demo officials of 阿勒帕萨勒干村 run them. */
@IntegrationTest
class AnnualAssessmentProcessTest {

    static final String VILLAGE = Projects.VILLAGE;
    static final String CLERK = "clerk." + VILLAGE;
    static final String COMMITTEE = "village." + VILLAGE;
    static final String TOWNSHIP = "township." + VILLAGE.substring(0, 9);
    static final String COUNTY = "county." + VILLAGE.substring(0, 6);
    static final int YEAR = LocalDate.now().getYear();
    /** The line of this year and last (bpmn/eligibility.dmn), yuan per person. */
    static final Map<Integer, Long> LINE = Map.of(2025, 7200L, 2026, 7500L, 2027, 7800L);

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired IncomeAccounts accounts;
    @Autowired ObjectionService objections;
    @Autowired org.precisionaid.monitoring.MonitoringService monitoring;

    private CaseFlows flows() {
        return new CaseFlows(rest, identity, tasks, runtime, management, objections);
    }

    /** A registered household whose account shows this per-capita income (yuan) in each of the given years. */
    private Household withIncome(long perCapitaYuan, int... years) {
        Household household = Projects.registered(households, assistance, VILLAGE);
        int members = households.view(household.getApplicationNo()).members().size();
        for (int year : years) {
            LocalDate date = year == YEAR ? LocalDate.now().withDayOfMonth(1) : LocalDate.of(year, 6, 30);
            accounts.record(household.getApplicationNo(),
                    new IncomeAccounts.NewEntry(date, "WAGES", perCapitaYuan * 100 * members, "务工 / wages"), CLERK);
            accounts.record(household.getApplicationNo(),
                    new IncomeAccounts.NewEntry(date, "MEDICAL", 20_000L, "药费 / medicine"), CLERK);
        }
        return household;
    }

    private ProcessInstance assess(Household household) {
        return runtime.startProcessInstanceByKey(AssessmentVariables.PROCESS_KEY, household.getApplicationNo(),
                Variables.createVariables().putValue("householdId", household.getId())
                        .putValue("regionCode", household.getVillageCode()).putValue("assessmentYear", YEAR));
    }

    private static Map<String, Object> allGuarantees(boolean safeHousing) {
        Map<String, Object> form = new HashMap<>();
        form.put("foodAndClothing", true);
        form.put("compulsoryEducation", true);
        form.put("medicalInsurance", true);
        form.put("safeHousing", safeHousing);
        form.put("safeDrinkingWater", true);
        form.put("accountConfirmed", true);
        return form;
    }

    private String outcome(ProcessInstance instance) {
        return (String) lastValue(instance.getId(), "outcome");
    }

    private String endOf(ProcessInstance instance) {
        HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult();
        return done.getEndActivityId();
    }

    private void exitNoticeEnds(String applicationNo) {
        ProcessInstance exit = runtime.createProcessInstanceQuery().processDefinitionKey("householdExit")
                .processInstanceBusinessKey(applicationNo).singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(exit.getId()).activityId("exitNoticeOver")
                .singleResult().getId());
    }

    private void throughConsent(String no) {
        CaseFlows flows = flows();
        flows.complete(CLERK, no, "exitEvaluation", Map.of("exitMeetingDate", new java.util.Date(), "exitAttendees", 21L,
                "exitVotesFor", 15L, "exitMinutes", "村民代表会议 / representatives' meeting"));
        flows.complete(COMMITTEE, no, "exitVerification", Map.of("verificationDecision", "approve",
                "workTeam", "村委会主任、驻村工作队队长 / committee head and team leader"));
        flows.complete(CLERK, no, "householdConsent", Map.of("consentDecision", "agree",
                "consentDate", new java.util.Date()));
    }

    private List<String> decisions(String applicationNo) {
        return households.view(applicationNo).history().stream()
                .map(change -> change.level() + ":" + change.decision()).toList();
    }

    @Test
    void aHouseholdStablyAboveTheLineLeavesPovertyThroughTheWholeExitProcedure() {
        Household household = withIncome(LINE.get(YEAR) + 500, YEAR - 1, YEAR);
        String no = household.getApplicationNo();
        ProcessInstance instance = assess(household);
        flows().complete(CLERK, no, "confirmAccount", allGuarantees(true));
        assertThat(outcome(instance)).isEqualTo("EXIT_PROPOSED");
        assertThat(accounts.confirmed(household.getId(), YEAR)).isTrue();

        throughConsent(no);
        HouseholdView onNotice = households.view(no);
        assertThat(onNotice.status()).isEqualTo("REGISTERED");
        JsonNode notice = rest.getForObject("/public/notices?village=" + VILLAGE, JsonNode.class);
        assertThat(notice.get("households").findValuesAsText("applicationNo")).contains(no);
        assertThat(notice.toString()).doesNotContain(households.view(no).members().get(0).idNumber());

        // an objection during the exit notice is investigated and dismissed; the exit goes on
        objections.submit(no, "该户收入不实，仍很困难 / the income is overstated", null);
        flows().complete(TOWNSHIP, no, "investigateObjection", Map.of("objectionFinding", "dismissed",
                "objectionComment", "入户核实收入属实 / income verified at home"));
        exitNoticeEnds(no);
        flows().complete(TOWNSHIP, no, "townshipVerification", Map.of("exitTownshipDecision", "approve"));
        flows().complete(COUNTY, no, "countyApproval", Map.of("exitCountyDecision", "approve"));

        HouseholdView exited = households.view(no);
        assertThat(exited.status()).isEqualTo("EXITED");
        assertThat(exited.exitYear()).isEqualTo(YEAR);
        assertThat(exited.exitReason()).contains("贫困线");
        assertThat(exited.fileCard().pairingEnds()).isAfter(LocalDate.now().plusYears(2));
        assertThat(exited.fileCard().responsibleCadreId()).isNotNull();
        assertThat(decisions(no)).contains("GROUP:exit evaluation passed 15/21", "VILLAGE:exit approved",
                "CONSENT:household agrees", "ANNOUNCEMENT:objection dismissed", "TOWNSHIP:exit approved",
                "COUNTY:exit approved", "EXIT:exited " + YEAR);
        assertThat(endOf(instance)).isEqualTo("householdExited");
        JsonNode announced = rest.getForObject("/public/notices?village=" + VILLAGE, JsonNode.class);
        assertThat(announced.get("exited").findValuesAsText("applicationNo")).contains(no);
        assertThat(announced.get("households").findValuesAsText("applicationNo")).doesNotContain(no);
        // the confirmed year takes no more entries
        ResponseEntity<JsonNode> late = rest.withBasicAuth(CLERK, "demo").postForEntity(
                "/api/households/" + no + "/account/entries",
                Map.of("date", LocalDate.now().withDayOfMonth(1).toString(), "item", "WAGES", "amountFen", 100),
                JsonNode.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void incomeExactlyAtTheLineIsNotAboveItAndTheTownshipUpdatesThePlan() {
        Household household = withIncome(LINE.get(YEAR), YEAR - 1, YEAR);
        String no = household.getApplicationNo();
        ProcessInstance instance = assess(household);
        flows().complete(CLERK, no, "confirmAccount", allGuarantees(true));
        assertThat(outcome(instance)).isEqualTo("REMAINS");
        flows().complete(TOWNSHIP, no, "updateSupportPlan", Map.of("supportMeasures", "养殖技术培训 / livestock training",
                "plannedExitYear", (long) YEAR + 1));
        HouseholdView after = households.view(no);
        assertThat(after.status()).isEqualTo("REGISTERED");
        assertThat(after.fileCard().supportMeasures()).isEqualTo("养殖技术培训 / livestock training");
        assertThat(after.fileCard().plannedExitYear()).isEqualTo(YEAR + 1);
        assertThat(endOf(instance)).isEqualTo("supportContinues");
    }

    @Test
    void onlyOneYearAboveTheLineOrAMissingGuaranteeKeepsTheHouseholdInSupport() {
        Household oneYear = withIncome(LINE.get(YEAR) + 1000, YEAR);
        ProcessInstance first = assess(oneYear);
        flows().complete(CLERK, oneYear.getApplicationNo(), "confirmAccount", allGuarantees(true));
        assertThat(outcome(first)).isEqualTo("REMAINS");

        Household unsafeHouse = withIncome(LINE.get(YEAR) + 1000, YEAR - 1, YEAR);
        ProcessInstance second = assess(unsafeHouse);
        flows().complete(CLERK, unsafeHouse.getApplicationNo(), "confirmAccount", allGuarantees(false));
        assertThat(outcome(second)).isEqualTo("REMAINS");
        assertThat(decisions(unsafeHouse.getApplicationNo()).toString()).contains("assessed " + YEAR + ": REMAINS");
    }

    @Test
    void anEmptyAccountCannotBeConfirmedAndTheTaskStaysOpen() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        assess(household);
        assertThatThrownBy(() -> flows().complete(CLERK, household.getApplicationNo(), "confirmAccount",
                allGuarantees(true))).hasMessageContaining("accountConfirmed").hasMessageContaining("no entries");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(household.getApplicationNo())
                .taskDefinitionKey("confirmAccount").count()).isEqualTo(1);
    }

    @Test
    void theExitStopsAtEveryLevelThatRefusesWithLevelReasonAndOfficial() {
        // the household does not agree
        Household disagrees = withIncome(LINE.get(YEAR) + 500, YEAR - 1, YEAR);
        String no = disagrees.getApplicationNo();
        ProcessInstance instance = assess(disagrees);
        flows().complete(CLERK, no, "confirmAccount", allGuarantees(true));
        flows().complete(CLERK, no, "exitEvaluation", Map.of("exitMeetingDate", new java.util.Date(), "exitAttendees", 20L,
                "exitVotesFor", 12L, "exitMinutes", "通过 / passed"));
        flows().complete(COMMITTEE, no, "exitVerification", Map.of("verificationDecision", "approve", "workTeam", "工作队"));
        flows().complete(CLERK, no, "householdConsent", Map.of("consentDecision", "disagree",
                "consentDate", new java.util.Date(), "consentComment", "担心失去低保 / fears losing assistance"));
        assertThat(households.view(no).status()).isEqualTo("REGISTERED");
        assertThat(decisions(no)).contains("CONSENT:exit refused");
        assertThat(households.view(no).history().get(households.view(no).history().size() - 1).reason())
                .contains("担心失去低保");
        // ... and the township updates the plan instead
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("updateSupportPlan")
                .count()).isEqualTo(1);

        // the county refuses after a clean notice
        Household refused = withIncome(LINE.get(YEAR) + 500, YEAR - 1, YEAR);
        String no2 = refused.getApplicationNo();
        assess(refused);
        flows().complete(CLERK, no2, "confirmAccount", allGuarantees(true));
        throughConsent(no2);
        exitNoticeEnds(no2);
        flows().complete(TOWNSHIP, no2, "townshipVerification", Map.of("exitTownshipDecision", "approve"));
        flows().complete(COUNTY, no2, "countyApproval", Map.of("exitCountyDecision", "reject",
                "exitCountyComment", "收入来源不稳定 / income not stable"));
        var last = households.view(no2).history().get(households.view(no2).history().size() - 1);
        assertThat(last.level()).isEqualTo("COUNTY");
        assertThat(last.decision()).isEqualTo("exit refused");
        assertThat(last.reason()).contains("收入来源不稳定");
        assertThat(last.actor()).isEqualTo(COUNTY);
        assertThat(households.view(no2).status()).isEqualTo("REGISTERED");

        // a refusal without a reason is refused and the task stays open
        Household noReason = withIncome(LINE.get(YEAR) + 500, YEAR - 1, YEAR);
        assess(noReason);
        flows().complete(CLERK, noReason.getApplicationNo(), "confirmAccount", allGuarantees(true));
        flows().complete(CLERK, noReason.getApplicationNo(), "exitEvaluation", Map.of("exitMeetingDate",
                new java.util.Date(), "exitAttendees", 20L, "exitVotesFor", 10L, "exitMinutes", "半数 / half"));
        assertThat(decisions(noReason.getApplicationNo())).contains("GROUP:exit refused");
    }

    @Test
    void anUpheldObjectionDuringTheExitNoticeStopsTheExit() {
        Household household = withIncome(LINE.get(YEAR) + 500, YEAR - 1, YEAR);
        String no = household.getApplicationNo();
        ProcessInstance instance = assess(household);
        flows().complete(CLERK, no, "confirmAccount", allGuarantees(true));
        throughConsent(no);
        objections.submit(no, "该户家中有人在外经商，收入未如实记录 / unreported business income", null);
        flows().complete(TOWNSHIP, no, "investigateObjection", Map.of("objectionFinding", "upheld",
                "objectionComment", "核实有未记入台账的收入 / unrecorded income found"));
        assertThat(households.view(no).status()).isEqualTo("REGISTERED");
        assertThat(decisions(no)).contains("ANNOUNCEMENT:objection upheld", "ANNOUNCEMENT:exit refused");
        JsonNode notice = rest.getForObject("/public/notices?village=" + VILLAGE, JsonNode.class);
        assertThat(notice.get("households").findValuesAsText("applicationNo")).doesNotContain(no);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("updateSupportPlan")
                .count()).isEqualTo(1);
    }

    /** A household that left poverty last year, paired for the transition period, with this year's income. */
    private Household exitedWithIncome(long perCapitaYuan) {
        Household household = withIncome(perCapitaYuan, YEAR);
        households.exit(household.getId(), YEAR - 1, "test: left poverty last year", "test");
        assistance.householdExited(household.getId(), LocalDate.now().minusMonths(6));
        return household;
    }

    @Test
    void anExitedHouseholdCloseToTheLineIsMonitoredAndLeavesMonitoringWhenStable() {
        Household household = exitedWithIncome(LINE.get(YEAR) + 100);
        String no = household.getApplicationNo();
        ProcessInstance instance = assess(household);
        flows().complete(CLERK, no, "confirmAccount", allGuarantees(true));
        assertThat(outcome(instance)).isEqualTo("MONITORED");
        assertThat(households.view(no).monitored()).isTrue();
        assertThat(endOf(instance)).isEqualTo("monitored");
        assertThat(decisions(no)).contains("ASSESSMENT:monitoring started");
        // the monitoring procedure takes the household on: identification, notice, support plan, visits (issue #21)
        var opened = monitoring.openCaseOf(household.getId()).orElseThrow();
        assertThat(opened.getChannel()).isEqualTo(org.precisionaid.monitoring.MonitoringCase.Channel.ASSESSMENT);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("monitoring")
                .processInstanceBusinessKey(opened.getCaseNo()).count()).isOne();

        Household stable = exitedWithIncome(LINE.get(YEAR) * 2);
        households.monitor(stable.getId(), true, "test: monitored earlier", "test");
        ProcessInstance second = assess(stable);
        flows().complete(CLERK, stable.getApplicationNo(), "confirmAccount", allGuarantees(true));
        assertThat(outcome(second)).isEqualTo("STABLE");
        assertThat(households.view(stable.getApplicationNo()).monitored()).isFalse();
        assertThat(endOf(second)).isEqualTo("stable");
    }

    @Test
    void anExitedHouseholdBelowTheLineIsIdentifiedAgainThroughTheFiveSteps() {
        Household household = exitedWithIncome(LINE.get(YEAR) - 1000);
        String no = household.getApplicationNo();
        ProcessInstance instance = assess(household);
        flows().complete(CLERK, no, "confirmAccount", allGuarantees(true));
        assertThat(outcome(instance)).isEqualTo("REENTRY");
        String newNo = (String) lastValue(instance.getId(), "reidentificationNo");
        HouseholdView again = households.view(newNo);
        assertThat(again.incomeYear()).isEqualTo(YEAR);
        assertThat(again.members()).extracting(HouseholdView.MemberView::idNumber)
                .containsExactlyElementsOf(households.view(no).members().stream()
                        .map(HouseholdView.MemberView::idNumber).toList());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(newNo).taskDefinitionKey("groupEvaluation")
                .count()).isEqualTo(1);
        assertThat(households.view(no).status()).isEqualTo("EXITED");
        assertThat(decisions(no).toString()).contains("re-identification " + YEAR);
    }

    @Test
    void anOverdueAccountEscalatesToTheTownship() {
        Household household = withIncome(LINE.get(YEAR), YEAR);
        ProcessInstance instance = assess(household);
        var timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        management.executeJob(timer.getId());
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(tasks.getVariableLocal(task.getId(), "escalatedTo")).isEqualTo("township-654224101");
        assertThat(org.precisionaid.support.Officials.as(identity, TOWNSHIP, () -> tasks.createTaskQuery()
                .taskId(task.getId()).taskCandidateGroup("township-654224101").count())).isEqualTo(1);
    }

    /** The value a variable last had in a finished case: its last update in the history (values are kept as updates). */
    private Object lastValue(String processInstanceId, String name) {
        return history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().orderByTime()
                .asc().list().stream().map(org.camunda.bpm.engine.history.HistoricVariableUpdate.class::cast)
                .filter(update -> name.equals(update.getVariableName())).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError(name + " was never set")).getValue();
    }
}

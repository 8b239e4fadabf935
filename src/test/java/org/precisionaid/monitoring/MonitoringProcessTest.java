package org.precisionaid.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.monitoring.MonitoringCase.State;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Projects;
import org.precisionaid.web.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Every path of the monitoring model, as the demo officials of 阿勒帕萨勒干村 (Xinjiang: line 7,800 from 2024) run it. */
@IntegrationTest
class MonitoringProcessTest {

    static final String VILLAGE = Applications.VILLAGE;
    static final String CLERK = "clerk." + VILLAGE;
    static final String TOWNSHIP = "township." + VILLAGE.substring(0, 9);
    static final String COUNTY = "county." + VILLAGE.substring(0, 6);

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired FormService forms;
    @Autowired RepositoryService repository;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired ObjectionService objections;
    @Autowired MonitoringStarter starter;
    @Autowired MonitoringService monitoring;

    private CaseFlows flows() {
        return new CaseFlows(rest, identity, tasks, runtime, management, objections);
    }

    private MonitoringStarter.Started reported(Household household) {
        return Officials.as(identity, CLERK, () -> starter.open(household.getId(), Channel.CLERK,
                "户主住院，医疗费用高 / the head is in hospital, high medical costs", CLERK));
    }

    /** A check of a household with this year's net income in yuan, every guarantee secure, consent given. */
    static Map<String, Object> check(double householdIncome, boolean consent) {
        Map<String, Object> form = new HashMap<>();
        form.put("consentSigned", consent);
        form.put("householdIncomeYuan", householdIncome);
        form.put("medicalExpenseYuan", 0L);
        form.put("educationExpenseYuan", 0L);
        form.put("disasterLossYuan", 0L);
        form.put("incomeCollapse", false);
        form.put("schoolingSecure", true);
        form.put("medicalSecure", true);
        form.put("housingSecure", true);
        form.put("waterSecure", true);
        form.put("checkFindings", "入户核实 / checked at home");
        return form;
    }

    static Map<String, Object> vote(String prefix, long attendees, long votesFor) {
        return Map.of(prefix + "Attendees", attendees, prefix + "VotesFor", votesFor, prefix + "Minutes", "村民代表会议 / meeting",
                "eliminationAttendees".startsWith(prefix) ? "eliminationMeetingDate" : "assessmentDate",
                LocalDate.now().toString());
    }

    private void job(String caseNo, String activityId) {
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId).activityId(activityId)
                .singleResult().getId());
    }

    private void toTownship(String caseNo, int members) {
        CaseFlows flows = flows();
        flows.complete(CLERK, caseNo, "householdCheck", check(5000.0 * members, true));
        flows.complete(CLERK, caseNo, "villageAssessment", vote("assessment", 21, 15));
        job(caseNo, "noticeOver");
    }

    private static Map<String, Object> visit(LocalDate date, boolean aboveLine) {
        return Map.of("visitDate", date.toString(), "incomeAboveLine", aboveLine, "rigidExpensesResolved", true,
                "guaranteesSecure", true, "waterSecure", true, "visitNotes", "回访 / visited");
    }

    /** Four people nobody else in the run has (not from the shared ID sequence), none able to work. */
    private static org.precisionaid.registry.ApplicationForm withoutLabour(org.precisionaid.registry.ApplicationForm form) {
        return new org.precisionaid.registry.ApplicationForm(form.regionCode(), form.villageGroup(), form.phone(),
                form.incomeYear(), form.wages(), form.operatingNet(), form.propertyIncome(), form.transferIncome(),
                form.expenditure(), form.housingSafety(), form.drinkingWater(), form.causes(), form.ownsCar(),
                form.registeredBusiness(), form.commercialHousing(), form.civilServant(), form.members().stream()
                        .map(m -> new org.precisionaid.registry.ApplicationForm.MemberForm(m.name(), m.idNumber(),
                                m.relation(), m.health(), m.education(), "NONE")).toList());
    }

    private int members(Household household) {
        return households.view(household.getApplicationNo()).members().size();
    }

    private MonitoringCase caseOf(String caseNo) {
        return monitoring.find(caseNo).orElseThrow();
    }

    @Test
    void aHouseholdIsDecidedSupportedVisitedAndItsRiskEliminated() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        int members = members(household);
        String caseNo = reported(household).monitoringCase().getCaseNo();
        assertThat(caseNo).startsWith("JC-" + LocalDate.now().getYear() + "-" + VILLAGE + "-");

        CaseFlows flows = flows();
        flows.complete(CLERK, caseNo, "householdCheck", check(5000.0 * members, true));
        assertThat(caseOf(caseNo).getCategory()).isEqualTo("UNSTABLE");
        flows.complete(CLERK, caseNo, "villageAssessment", vote("assessment", 21, 15));
        assertThat(caseOf(caseNo).getNoticeEnds()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(4)));

        // an objection on the village notice, dismissed by the township
        objections.submit(Objection.Subject.MONITORING, caseNo, "这户收入不低，不应纳入 / this household earns well", null);
        flows.complete(TOWNSHIP, caseNo, "investigateObjection", Map.of("objectionFinding", "dismissed",
                "objectionComment", "核实收入确实低 / income checked, it is low"));
        job(caseNo, "noticeOver");
        flows.complete(TOWNSHIP, caseNo, "townshipReview", Map.of("townshipDecision", "approve"));
        flows.complete(COUNTY, caseNo, "countyApproval", Map.of("countyDecision", "approve"));
        assertThat(caseOf(caseNo).getStatus()).isEqualTo(State.MONITORED);
        assertThat(households.get(household.getId()).isMonitored()).isTrue();

        flows.complete(TOWNSHIP, caseNo, "supportPlan", Map.of("measureKind", "HEALTH", "secondMeasureKind", "EMPLOYMENT",
                "supportMeasures", "大病救助和公益岗位 / serious-illness aid and a public-welfare job"));
        // the paired cadre visits monthly; six months above the line are needed, five are not enough
        job(caseNo, "followUpDue");
        Task visitTask = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        // the test's cadres have no login: the village clerk, a candidate of every visit, records it
        assertThat(visitTask.getAssignee()).isNull();
        String cadre = CLERK;
        flows.complete(cadre, caseNo, "followUpVisit", visit(LocalDate.now().minusMonths(5), true));
        job(caseNo, "followUpDue");
        // the next visit's form starts empty: nothing of the last visit to send again unseen
        Task nextVisit = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(tasks.getVariables(nextVisit.getId())).doesNotContainKeys("visitDate", "incomeAboveLine",
                "rigidExpensesResolved", "guaranteesSecure", "waterSecure", "visitNotes");
        flows.complete(cadre, caseNo, "followUpVisit", visit(LocalDate.now(), true));
        assertThat(runtime.getVariable(instance(caseNo), "eliminationProposed")).isEqualTo(false);
        assertThat(caseOf(caseNo).getStableSince()).isEqualTo(LocalDate.now().minusMonths(5));
        assertThat(caseOf(caseNo).getStatus()).isEqualTo(State.MONITORED);

        // exactly six months above the line: proposed
        job(caseNo, "followUpDue");
        monitoringStableSince(caseNo, LocalDate.now().minusMonths(6));
        flows.complete(cadre, caseNo, "followUpVisit", visit(LocalDate.now(), true));
        assertThat(caseOf(caseNo).getStatus()).isEqualTo(State.ELIMINATION);

        flows.complete(CLERK, caseNo, "eliminationAssessment", vote("elimination", 20, 11));
        job(caseNo, "eliminationNoticeOver");
        flows.complete(TOWNSHIP, caseNo, "eliminationTownship", Map.of("eliminationTownshipDecision", "approve"));
        flows.complete(COUNTY, caseNo, "eliminationCounty", Map.of("eliminationCountyDecision", "approve"));
        MonitoringCase done = caseOf(caseNo);
        assertThat(done.getStatus()).isEqualTo(State.ELIMINATED);
        assertThat(done.getEliminatedBy()).isEqualTo(COUNTY);
        assertThat(households.get(household.getId()).isMonitored()).isFalse();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
                .getEndActivityId()).isEqualTo("riskEliminated");
        // the record is kept; a later report opens a new case
        assertThat(reported(household).monitoringCase().getCaseNo()).isNotEqualTo(caseNo);
    }

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Moves the start of the stable period back, as six months of visits would have. */
    private void monitoringStableSince(String caseNo, LocalDate since) {
        jdbc.update("update monitoring_case set stable_since = ? where case_no = ?", java.sql.Date.valueOf(since), caseNo);
    }

    private String instance(String caseNo) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    }

    @Test
    void oneOpenCaseAHouseholdAtATime() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        reported(household);
        assertThatThrownBy(() -> reported(household)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("applicationNo").hasMessageContaining("already has the open monitoring case");
    }

    @Test
    void aHouseholdNotAtRiskIsNotMonitoredAndMayBeReportedAgain() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String caseNo = reported(household).monitoringCase().getCaseNo();
        // exactly the line (7,800 a person in Xinjiang) is not below it
        flows().complete(CLERK, caseNo, "householdCheck", check(7800.0 * members(household), true));
        MonitoringCase closed = caseOf(caseNo);
        assertThat(closed.getStatus()).isEqualTo(State.REJECTED);
        assertThat(closed.getClosedLevel()).isEqualTo("CHECK");
        assertThat(closed.getClosedReason()).contains("Not a monitoring subject");
        assertThat(reported(household).monitoringCase().getStatus()).isEqualTo(State.REPORTED);
    }

    @Test
    void withoutConsentThereIsNoCase() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String caseNo = reported(household).monitoringCase().getCaseNo();
        flows().complete(CLERK, caseNo, "householdCheck", check(1000, false));
        assertThat(caseOf(caseNo).getStatus()).isEqualTo(State.REJECTED);
        assertThat(caseOf(caseNo).getClosedReason()).contains("did not consent");
    }

    @Test
    void theTownshipReturnsForAnotherCheckAndTheCountyRejectsWithAReason() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        int members = members(household);
        String caseNo = reported(household).monitoringCase().getCaseNo();
        toTownship(caseNo, members);
        assertThatThrownBy(() -> flows().complete(TOWNSHIP, caseNo, "townshipReview", Map.of("townshipDecision", "return")))
                .hasMessageContaining("townshipComment");
        flows().complete(TOWNSHIP, caseNo, "townshipReview", Map.of("townshipDecision", "return",
                "townshipComment", "补充核实务工收入 / check the wages again"));
        toTownship(caseNo, members);
        flows().complete(TOWNSHIP, caseNo, "townshipReview", Map.of("townshipDecision", "approve"));
        flows().complete(COUNTY, caseNo, "countyApproval", Map.of("countyDecision", "return",
                "countyComment", "核实医疗费用 / check the medical bills"));
        flows().complete(TOWNSHIP, caseNo, "townshipReview", Map.of("townshipDecision", "approve"));
        flows().complete(COUNTY, caseNo, "countyApproval", Map.of("countyDecision", "reject",
                "countyComment", "家庭有稳定务工收入 / the household has steady wages"));
        MonitoringCase closed = caseOf(caseNo);
        assertThat(closed.getStatus()).isEqualTo(State.REJECTED);
        assertThat(closed.getClosedLevel()).isEqualTo("COUNTY");
        assertThat(closed.getClosedBy()).isEqualTo(COUNTY);
    }

    @Test
    void anUpheldObjectionOrAFailedVoteEndsTheCase() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String caseNo = reported(household).monitoringCase().getCaseNo();
        flows().complete(CLERK, caseNo, "householdCheck", check(3000, true));
        flows().complete(CLERK, caseNo, "villageAssessment", vote("assessment", 20, 11));
        objections.submit(Objection.Subject.MONITORING, caseNo, "该户隐瞒了经营收入 / the household hides its business income",
                null);
        flows().complete(TOWNSHIP, caseNo, "investigateObjection", Map.of("objectionFinding", "upheld",
                "objectionComment", "查实有经营收入 / business income confirmed"));
        assertThat(caseOf(caseNo).getClosedLevel()).isEqualTo("ANNOUNCEMENT");

        Household other = Projects.registered(households, assistance, VILLAGE);
        String second = reported(other).monitoringCase().getCaseNo();
        flows().complete(CLERK, second, "householdCheck", check(3000, true));
        flows().complete(CLERK, second, "villageAssessment", vote("assessment", 20, 10));
        assertThat(caseOf(second).getClosedLevel()).isEqualTo("VILLAGE");
    }

    @Test
    void theClerkStartsInTasklistAndPicksAHouseholdOfHisVillage() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("monitoring").latestVersion()
                .singleResult().getId();
        ProcessInstance instance = Officials.as(identity, CLERK, () -> forms.submitStartForm(definition,
                Map.of("reportText", "家中遭受冰雹灾害 / hail destroyed the crop")));
        Task identify = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(identify.getTaskDefinitionKey()).isEqualTo("identifyHousehold");
        assertThatThrownBy(() -> Officials.as(identity, CLERK, () -> tasks.complete(identify.getId(),
                Map.of("intakeDecision", "open", "applicationNo", "SQ-2026-654224100201-000001"))))
                .hasMessageContaining("applicationNo");
        Officials.as(identity, CLERK, () -> tasks.complete(identify.getId(),
                Map.of("intakeDecision", "open", "applicationNo", household.getApplicationNo())));
        String caseNo = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
        MonitoringCase opened = caseOf(caseNo);
        assertThat(opened.getChannel()).isEqualTo(Channel.CLERK);
        assertThat(opened.getReport()).contains("冰雹");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("householdCheck");
    }

    /** "Two working days" for the household check: reported on a Friday morning, due and escalated Tuesday morning. */
    @Test
    void theHouseholdCheckIsDueInTwoWorkingDays() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        java.util.Date friday = java.util.Date.from(java.time.ZonedDateTime.of(2026, 12, 4, 10, 0, 0, 0,
                java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        java.util.Date tuesday = java.util.Date.from(java.time.ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0,
                java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(friday);
        try {
            String caseNo = reported(household).monitoringCase().getCaseNo();
            Task check = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
            assertThat(check.getTaskDefinitionKey()).isEqualTo("householdCheck");
            assertThat(check.getDueDate()).isEqualTo(tuesday);
            assertThat(management.createJobQuery().processInstanceId(check.getProcessInstanceId())
                    .activityId("householdCheck").singleResult().getDuedate()).as("its escalation").isEqualTo(tuesday);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void anUndecidedCaseIsFlaggedOverdueToTownshipAndCounty() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String caseNo = reported(household).monitoringCase().getCaseNo();
        job(caseNo, "decisionOverdueStarted");
        assertThat(caseOf(caseNo).isOverdue()).isTrue();
        Task open = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(tasks.getIdentityLinksForTask(open.getId()).stream().map(IdentityLink::getGroupId))
                .contains("township-" + VILLAGE.substring(0, 9), "county-" + VILLAGE.substring(0, 6));
        assertThat(open.getPriority()).isEqualTo(90);
    }

    @Test
    void aHouseholdWithoutLabourIsReferredToSocialAssistanceAndNeverProposedForElimination() {
        String caseNo = Officials.as(identity, CLERK, () -> starter.openForNewHousehold(
                withoutLabour(Applications.eligible(VILLAGE, 777_777)),
                Channel.CLERK, "老人独居无劳力 / elderly, alone, cannot work", CLERK)).monitoringCase().getCaseNo();
        Household household = households.get(caseOf(caseNo).getHouseholdId());
        assertThat(household.getApplicationNo()).startsWith("JH-");
        assertThat(household.getStatus().name()).isEqualTo("MONITORED");
        toTownship(caseNo, members(household));
        flows().complete(TOWNSHIP, caseNo, "townshipReview", Map.of("townshipDecision", "approve"));
        flows().complete(COUNTY, caseNo, "countyApproval", Map.of("countyDecision", "approve"));
        assertThat(caseOf(caseNo).getCategory()).isEqualTo("MARGINAL");
        assertThatThrownBy(() -> flows().complete(TOWNSHIP, caseNo, "supportPlan", Map.of("measureKind", "INDUSTRY",
                "supportMeasures", "养羊 / sheep"))).hasMessageContaining("measureKind");
        flows().complete(TOWNSHIP, caseNo, "supportPlan", Map.of("measureKind", "SOCIAL_ASSISTANCE",
                "supportMeasures", "纳入低保 / subsistence allowance"));
        job(caseNo, "followUpDue");
        monitoringStableSince(caseNo, LocalDate.now().minusYears(1));
        flows().complete(CLERK, caseNo, "followUpVisit", visit(LocalDate.now(), true));
        assertThat(caseOf(caseNo).getStatus()).isEqualTo(State.MONITORED);
        assertThat((String) runtime.getVariable(instance(caseNo), "eliminationReason")).contains("No labour capacity");
    }

    @Test
    void anEliminationRefusedByTheCountyKeepsTheHouseholdSupported() {
        Household household = Projects.registered(households, assistance, VILLAGE);
        String caseNo = reported(household).monitoringCase().getCaseNo();
        toTownship(caseNo, members(household));
        flows().complete(TOWNSHIP, caseNo, "townshipReview", Map.of("townshipDecision", "approve"));
        flows().complete(COUNTY, caseNo, "countyApproval", Map.of("countyDecision", "approve"));
        flows().complete(TOWNSHIP, caseNo, "supportPlan", Map.of("measureKind", "EMPLOYMENT",
                "supportMeasures", "公益岗位 / public-welfare job"));
        job(caseNo, "followUpDue");
        String cadre = CLERK;
        monitoringStableSince(caseNo, LocalDate.now().minusMonths(6));
        flows().complete(cadre, caseNo, "followUpVisit", visit(LocalDate.now(), true));
        flows().complete(CLERK, caseNo, "eliminationAssessment", vote("elimination", 20, 11));
        job(caseNo, "eliminationNoticeOver");
        flows().complete(TOWNSHIP, caseNo, "eliminationTownship", Map.of("eliminationTownshipDecision", "approve"));
        flows().complete(COUNTY, caseNo, "eliminationCounty", Map.of("eliminationCountyDecision", "reject",
                "eliminationCountyComment", "收入依赖临时补助 / income rests on a one-off grant"));
        MonitoringCase kept = caseOf(caseNo);
        assertThat(kept.getStatus()).isEqualTo(State.MONITORED);
        assertThat(kept.getClosedLevel()).isEqualTo("ELIMINATION_COUNTY");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(instance(caseNo)).activityId("followUpDue").count())
                .isOne();
    }
}

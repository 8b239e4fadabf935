package org.precisionaid.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.precisionaid.support.Applications.VILLAGE;
import static org.precisionaid.support.Officials.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.procedure.Escalation;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdRepository;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.registry.StatusChange;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.support.Applications;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/identification.bpmn, walked by the officials of Alepasalegan village's region. */
@IntegrationTest
class IdentificationProcessTest {

    static final String CLERK = "clerk.654224101201";
    static final String VILLAGE_COMMITTEE = "village.654224101201";
    static final String TOWNSHIP = "township.654224101";
    static final String COUNTY = "county.654224";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentificationStarter starter;
    @Autowired HouseholdService households;
    @Autowired HouseholdRepository repository;
    @Autowired ObjectionService objections;
    @Autowired AssistanceService assistance;

    @BeforeEach
    void engine() {
        AbstractAssertions.init(engine);
    }

    // ---- happy path and the start form

    @Test
    void happyPath_fromTheTasklistStartFormToTheFileCard() {
        ApplicationForm form = Applications.eligible(VILLAGE);
        ProcessInstance instance = as(identity, CLERK,
                () -> runtime.startProcessInstanceByKey("identification", Applications.startForm(form)));
        String applicationNo = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
        assertThat(applicationNo).startsWith("SQ-").contains(VILLAGE);
        assertThat(instance).isWaitingAt("groupEvaluation");
        assertThat(runtime.getVariables(instance.getId())).as("the start form's fields live in the registry, not the case")
                .doesNotContainKeys("headIdNumber", "wages", "m2Name")
                .containsKeys("householdId", "regionCode", "classification", "householdSummary");
        assertThat(runtime.getVariable(instance.getId(), "perCapitaIncome")).isEqualTo(2000.0);
        assertThat((String) runtime.getVariable(instance.getId(), "householdSummary")).contains("王建国").contains("2,000.00");

        approveUpToAnnouncement(applicationNo);
        assertThat(instance).isWaitingAt("noticePeriodOver");
        assertThat(households.get(applicationNo).getStatus()).isEqualTo(Status.ANNOUNCED);

        fireNoticeTimer(instance);
        assertThat(instance).isWaitingAt("registration");
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        complete(TOWNSHIP, applicationNo, "registration", Map.of("cadreId", String.valueOf(cadre), "supportMeasures", "发展养殖：30只羊；技能培训 / Sheep farming and skills training",
                "plannedExitYear", 2027L));

        assertThat(instance).isEnded().hasPassed("registerHousehold").hasNotPassed("applyRejection");
        Household household = households.get(applicationNo);
        assertThat(household.getStatus()).isEqualTo(Status.REGISTERED);
        assertThat(households.fileCard(household.getId()).orElseThrow().getCardNo()).startsWith("JDLK-" + VILLAGE);
        assertThat(households.fileCard(household.getId()).orElseThrow().getCadreId()).as("the card names the cadre by reference")
                .isEqualTo(cadre);
        assertThat(households.history(applicationNo)).extracting(StatusChange::getLevel).containsExactly(Level.APPLICATION,
                Level.GROUP, Level.VILLAGE, Level.TOWNSHIP, Level.COUNTY, Level.ANNOUNCEMENT, Level.REGISTRATION);
        assertThat(households.history(applicationNo)).extracting(StatusChange::getActor)
                .containsExactly(CLERK, CLERK, VILLAGE_COMMITTEE, TOWNSHIP, COUNTY, COUNTY, TOWNSHIP);
    }

    @Test
    void aBadStartFormStartsNothingAndSaysWhichFieldIsWrong() {
        ApplicationForm form = Applications.eligible(VILLAGE);
        Map<String, Object> variables = Applications.startForm(form);
        variables.put("headIdNumber", "654224198003120011");
        long households = repository.count();
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("identification").count();

        assertThatThrownBy(() -> as(identity, CLERK, () -> runtime.startProcessInstanceByKey("identification", variables)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("户主 / Head: idNumber")
                .hasMessageContaining("check character");
        assertThat(repository.count()).isEqualTo(households);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("identification").count()).isEqualTo(instances);
    }

    @Test
    void onlyTheClerkOfTheVillageMayApplyForIt() {
        Map<String, Object> variables = Applications.startForm(Applications.eligible(VILLAGE));
        assertThatThrownBy(() -> as(identity, "clerk.654224101200",
                () -> runtime.startProcessInstanceByKey("identification", variables)))
                .hasMessageContaining("only the clerk of village " + VILLAGE);
    }

    @Test
    void everyUserTaskHasADueDateFromTheTimeLimits() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        Task task = task(applicationNo);
        assertThat(task.getDueDate()).isCloseTo(
                new java.util.Date(System.currentTimeMillis() + Duration.ofDays(10).toMillis()), 60_000);
    }

    // ---- rejections, one per level

    @Test
    void notEligibleAtPrescreen_endsRejectedWithTheDmnReason() {
        ApplicationForm withCar = Applications.form(VILLAGE, new BigDecimal("3000"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, true, Applications.members(true));
        String applicationNo = apply(withCar);
        assertThat(instance(applicationNo)).isEnded().hasPassed("applyRejection").hasNotPassed("groupEvaluation");
        assertRejected(applicationNo, Level.PRESCREEN, "owns a car", "system");
    }

    @Test
    void failedGroupVote_endsRejected() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        complete(CLERK, applicationNo, "groupEvaluation", vote(30, 15));   // exactly half is not more than half
        assertThat(instance(applicationNo)).isEnded().hasPassed("applyRejection");
        assertRejected(applicationNo, Level.GROUP, "15/30", CLERK);
    }

    @Test
    void impossibleVotesKeepTheTaskOpenAndNameTheField() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        assertThatThrownBy(() -> complete(CLERK, applicationNo, "groupEvaluation", vote(20, 25)))
                .hasMessageContaining("votesFor").hasMessageContaining("between 0 and the 20 attendees");
        assertThat(instance(applicationNo)).isWaitingAt("groupEvaluation");
    }

    @Test
    void villageRejection_endsRejectedWithItsReason() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        complete(CLERK, applicationNo, "groupEvaluation", vote(30, 16));
        assertThatThrownBy(() -> complete(VILLAGE_COMMITTEE, applicationNo, "villageReview",
                Map.of("villageDecision", "reject"))).hasMessageContaining("villageComment: is required");
        complete(VILLAGE_COMMITTEE, applicationNo, "villageReview",
                Map.of("villageDecision", "reject", "villageComment", "家中有大型农机，收入未如实申报"));
        assertThat(instance(applicationNo)).isEnded().hasPassed("applyRejection");
        assertRejected(applicationNo, Level.VILLAGE, "大型农机", VILLAGE_COMMITTEE);
    }

    @Test
    void townshipRejection_endsRejected() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveThroughVillage(applicationNo);
        complete(TOWNSHIP, applicationNo, "townshipReview",
                Map.of("townshipDecision", "reject", "townshipComment", "入户核实：家庭有稳定务工收入"));
        assertThat(instance(applicationNo)).isEnded().hasPassed("applyRejection");
        assertRejected(applicationNo, Level.TOWNSHIP, "稳定务工收入", TOWNSHIP);
    }

    @Test
    void countyRejection_endsRejected() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveThroughVillage(applicationNo);
        complete(TOWNSHIP, applicationNo, "townshipReview", Map.of("townshipDecision", "approve"));
        complete(COUNTY, applicationNo, "countyReview",
                Map.of("countyDecision", "reject", "countyComment", "与财政供养人员信息比对不符"));
        assertThat(instance(applicationNo)).isEnded().hasPassed("applyRejection");
        assertRejected(applicationNo, Level.COUNTY, "财政供养", COUNTY);
    }

    // ---- return for correction

    @Test
    void returnedForCorrection_theClerkCorrectsAndTheCaseIsScreenedAgain() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveThroughVillage(applicationNo);
        complete(TOWNSHIP, applicationNo, "townshipReview",
                Map.of("townshipDecision", "return", "townshipComment", "工资性收入漏报外出务工收入"));
        assertThat(instance(applicationNo)).isWaitingAt("correctApplication");
        assertThat(households.get(applicationNo).getStatus()).isEqualTo(Status.RETURNED);

        // corrected wages lift per-capita income to (36000 + 1500 + 1500) / 4 = 9750: above the line
        complete(CLERK, applicationNo, "correctApplication",
                Map.of("correctedWages", 36000.0, "correctionNote", "补录外出务工收入"));
        assertThat(instance(applicationNo)).isEnded().hasPassed("prescreen", "applyRejection");
        assertThat(households.get(applicationNo).getPerCapitaIncome()).isEqualByComparingTo("9750.00");
        assertRejected(applicationNo, Level.PRESCREEN, "not below the poverty line", "system");
    }

    @Test
    void returnedForCorrection_aStillEligibleHouseholdGoesThroughTheReviewsAgain() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveThroughVillage(applicationNo);
        complete(TOWNSHIP, applicationNo, "townshipReview",
                Map.of("townshipDecision", "return", "townshipComment", "转移性收入应含低保金"));
        complete(CLERK, applicationNo, "correctApplication",
                Map.of("correctedTransferIncome", 2500.0, "correctionNote", "补录低保金"));
        assertThat(instance(applicationNo)).isWaitingAt("groupEvaluation");
        Household household = households.get(applicationNo);
        assertThat(household.getStatus()).isEqualTo(Status.APPLIED);
        assertThat(household.getPerCapitaIncome()).isEqualByComparingTo("2250.00");
    }

    // ---- announcement, objections, timer

    @Test
    void objectionDismissed_theHouseholdIsRegisteredAfterTheNotice() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveUpToAnnouncement(applicationNo);
        objections.submit(applicationNo, "该户在县城有门面房出租，收入不实", "13800001111");
        Task investigation = task(applicationNo);
        assertThat(investigation.getTaskDefinitionKey()).isEqualTo("investigateObjection");
        assertThat(tasks.getVariableLocal(investigation.getId(), "objectionText")).isEqualTo("该户在县城有门面房出租，收入不实");

        fireNoticeTimer(instance(applicationNo));
        assertThat(instance(applicationNo)).as("registration waits for every objection's answer")
                .isWaitingAt("investigateObjection").isNotWaitingAt("registration");

        complete(TOWNSHIP, applicationNo, "investigateObjection",
                Map.of("objectionFinding", "dismissed", "objectionComment", "经核实门面房为亲属所有"));
        assertThat(instance(applicationNo)).isWaitingAt("registration");
    }

    @Test
    void objectionUpheld_endsRejectedEvenWithAnotherObjectionDismissed() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveUpToAnnouncement(applicationNo);
        objections.submit(applicationNo, "户主之子为乡镇公务员，应属负面清单", null);
        objections.submit(applicationNo, "该户家中有小汽车一辆，停在邻村", null);
        List<Task> investigations = as(identity, TOWNSHIP, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(applicationNo).taskDefinitionKey("investigateObjection").listPage(0, 50));
        assertThat(investigations).hasSize(2);

        completeTask(TOWNSHIP, investigations.get(0).getId(),
                Map.of("objectionFinding", "dismissed", "objectionComment", "查无此事"));
        completeTask(TOWNSHIP, investigations.get(1).getId(),
                Map.of("objectionFinding", "upheld", "objectionComment", "经核实确有小汽车"));
        assertThat(instance(applicationNo)).isEnded().hasPassed("applyRejection").hasNotPassed("registration");
        assertRejected(applicationNo, Level.ANNOUNCEMENT, "Objection upheld", TOWNSHIP);
    }

    @Test
    void noticeTimer_withoutObjectionsLeadsToRegistration() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveUpToAnnouncement(applicationNo);
        Job timer = noticeTimer(instance(applicationNo));
        assertThat(timer.getDuedate()).isCloseTo(
                new java.util.Date(System.currentTimeMillis() + Duration.ofDays(7).toMillis()), 60_000);
        management.executeJob(timer.getId());
        assertThat(instance(applicationNo)).isWaitingAt("registration");
    }

    // ---- overdue escalation

    @Test
    void anOverdueTaskEscalatesToTheLevelAbove() {
        String applicationNo = apply(Applications.eligible(VILLAGE));
        approveThroughVillage(applicationNo);
        assertThat(as(identity, COUNTY, () -> tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).count()))
                .as("before it is overdue the county does not see the township's task").isZero();

        Job overdue = management.createJobQuery().processInstanceId(instance(applicationNo).getId())
                .activityId("townshipReview").singleResult();
        management.executeJob(overdue.getId());

        Task task = as(identity, COUNTY, () -> tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
                .singleResult());
        assertThat(task).isNotNull();
        assertThat(task.getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("township-654224101", "county-654224");
    }

    // ---- helpers

    private final Map<String, ProcessInstance> started = new HashMap<>();

    private String apply(ApplicationForm form) {
        IdentificationStarter.Started start = as(identity, CLERK, () -> starter.apply(form, CLERK));
        started.put(start.household().getApplicationNo(), start.instance());
        return start.household().getApplicationNo();
    }

    private void approveThroughVillage(String applicationNo) {
        complete(CLERK, applicationNo, "groupEvaluation", vote(30, 22));
        complete(VILLAGE_COMMITTEE, applicationNo, "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
    }

    private void approveUpToAnnouncement(String applicationNo) {
        approveThroughVillage(applicationNo);
        complete(TOWNSHIP, applicationNo, "townshipReview", Map.of("townshipDecision", "approve", "householdVisited", true));
        complete(COUNTY, applicationNo, "countyReview", Map.of("countyDecision", "approve"));
    }

    private static Map<String, Object> vote(long attendees, long votesFor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("meetingDate", new java.util.Date());
        variables.put("attendees", attendees);
        variables.put("votesFor", votesFor);
        variables.put("groupMinutes", "第三村民小组会议 / meeting of group 3");
        return variables;
    }

    /** Finds the task as the official sees it (so candidate groups are checked), claims and completes it. */
    private void complete(String official, String applicationNo, String taskKey, Map<String, Object> variables) {
        Task task = as(identity, official, () -> tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
                .taskDefinitionKey(taskKey).singleResult());
        assertThat(task).as(official + " sees " + taskKey).isNotNull();
        completeTask(official, task.getId(), variables);
    }

    private void completeTask(String official, String taskId, Map<String, Object> variables) {
        as(identity, official, () -> {
            if (tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee() == null) {
                tasks.claim(taskId, official);
            }
            tasks.complete(taskId, variables);
        });
    }

    private Task task(String applicationNo) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
    }

    private ProcessInstance instance(String applicationNo) {
        return started.get(applicationNo);
    }

    private Job noticeTimer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId("noticePeriodOver")
                .singleResult();
    }

    private void fireNoticeTimer(ProcessInstance instance) {
        management.executeJob(noticeTimer(instance).getId());
    }

    private void assertRejected(String applicationNo, Level level, String reason, String official) {
        Household household = households.get(applicationNo);
        assertThat(household.getStatus()).isEqualTo(Status.REJECTED);
        List<StatusChange> decisions = households.history(applicationNo);
        StatusChange last = decisions.get(decisions.size() - 1);
        assertThat(last.getLevel()).isEqualTo(level);
        assertThat(last.getReason()).contains(reason);
        assertThat(last.getActor()).isEqualTo(official);
    }
}

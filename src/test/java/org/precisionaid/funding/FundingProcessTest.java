package org.precisionaid.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.precisionaid.support.Officials.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.project.FundBook;
import org.precisionaid.project.Ledger;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.project.ProjectDecision;
import org.precisionaid.project.ProjectForm;
import org.precisionaid.project.ProjectService;
import org.precisionaid.project.ProjectView;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Projects;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/funding.bpmn, walked by the officials of Alepasalegan village's township and Toli county. */
@IntegrationTest
class FundingProcessTest {

    static final String CLERK = "clerk.654224101201";
    static final String TOWNSHIP = "township.654224101";
    static final String COUNTY = "county.654224";
    static final String AGRICULTURE = "agriculture.654224";
    static final String TRANSPORT = "transport.654224";
    static final String LEADING_GROUP = "leading_group.654224";
    static final String FINANCE = "finance.654224";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired FundingStarter starter;
    @Autowired ProjectService projects;
    @Autowired HouseholdService households;
    @Autowired
    org.precisionaid.assistance.AssistanceService assistance;
    @Autowired ObjectionService objections;
    @Autowired FundBook funds;
    @Autowired Ledger ledger;

    @BeforeEach
    void engine() {
        AbstractAssertions.init(engine);
    }

    // ---- the whole way

    @Test
    void happyPath_fromTheTasklistStartFormToTheResultsAnnouncement() {
        List<String> households = Projects.registered(this.households, assistance, Projects.VILLAGE, 3);
        ProjectForm form = Projects.sheep(Projects.VILLAGE, households);
        ProcessInstance instance = as(identity, CLERK,
                () -> runtime.startProcessInstanceByKey("funding", Projects.startForm(form)));
        String projectNo = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
        assertThat(projectNo).matches("XM-" + LocalDate.now().getYear() + "-654224-\\d{4}");
        assertThat(instance).isWaitingAt("townshipReview");
        assertThat(runtime.getVariables(instance.getId())).as("the start form lives in the registry, not the case")
                .doesNotContainKeys("b1No", "line1Amount", "name")
                .containsEntry("leadUnit", "agriculture").containsEntry("approvalLevel", "county")
                .containsEntry("applicantRole", "clerk");
        assertThat((String) runtime.getVariable(instance.getId(), "projectSummary")).contains("120,000.00")
                .as("ID numbers masked (asterisks escaped for Markdown)").contains("654224\\*\\*\\*\\*\\*\\*\\*\\*")
                .doesNotContain(this.households.view(households.get(0)).members().get(0).idNumber());

        complete(TOWNSHIP, projectNo, "townshipReview", Map.of("townshipDecision", "approve"));
        complete(COUNTY, projectNo, "countyReview", Map.of("countyDecision", "approve"));
        assertThat(as(identity, "water.654224", () -> tasks.createTaskQuery().processInstanceBusinessKey(projectNo)
                .count())).as("another bureau does not see the lead-unit review").isZero();
        complete(AGRICULTURE, projectNo, "leadUnitReview", Map.of("leadUnitDecision", "approve"));
        complete(COUNTY, projectNo, "approval", Map.of("approvalDecision", "approve"));

        assertThat(instance).isWaitingAt("disclosurePeriodOver");
        ProjectView disclosed = projects.view(projectNo);
        assertThat(disclosed.status()).isEqualTo("DISCLOSED");
        assertThat(disclosed.disclosureEnds()).isAfter(java.time.Instant.now().plus(Duration.ofDays(10))
                .minusSeconds(120));
        fireDisclosureTimer(instance);

        complete(FINANCE, projectNo, "allocateFunds", Map.of("voucherNo", "TL-CZ-2026-0815"));
        assertThat(projects.view(projectNo).status()).isEqualTo("IMPLEMENTING");
        complete(CLERK, projectNo, "reportProgress", Map.of("progressPercent", 40L, "progressNote", "已购母羊12只"));
        assertThat(instance).isWaitingAt("reportProgress");
        complete(CLERK, projectNo, "reportProgress", Map.of("progressPercent", 100L, "progressNote", "30只母羊全部到户"));
        complete(COUNTY, projectNo, "acceptance", Map.of("acceptanceDecision", "accept", "acceptanceComment", "入户核验"));

        complete(FINANCE, projectNo, "disburse", tranche("CENTRAL", 80000, "TL-CZ-0901"));
        assertThat(instance).isWaitingAt("disburse");
        complete(FINANCE, projectNo, "disburse", tranche("COUNTY", 15000, "TL-CZ-0902"));
        complete(FINANCE, projectNo, "disburse", tranche("COUNTY", 25000, "TL-CZ-0903"));

        assertThat(instance).isEnded().hasPassed("closeProject").hasNotPassed("recordRejection");
        ProjectView closed = projects.view(projectNo);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.budget()).hasSize(2).allSatisfy(b -> {
            assertThat(b.allocated()).isEqualByComparingTo(b.budget());
            assertThat(b.disbursed()).isEqualByComparingTo(b.budget());
        });
        assertThat(closed.ledger()).hasSize(5).extracting(ProjectView.EntryView::voucherNo)
                .containsExactly("TL-CZ-2026-0815", "TL-CZ-2026-0815", "TL-CZ-0901", "TL-CZ-0902", "TL-CZ-0903");
        assertThat(closed.decisions()).extracting(ProjectView.DecisionView::level).containsSubsequence("APPLICATION",
                "TOWNSHIP", "COUNTY", "LEAD_UNIT", "APPROVAL", "DISCLOSURE", "ALLOCATION", "ACCEPTANCE",
                "DISBURSEMENT", "CLOSURE");
        assertThat(closed.decisions()).extracting(ProjectView.DecisionView::actor).contains(CLERK, TOWNSHIP, COUNTY,
                AGRICULTURE, FINANCE);
        assertThat(closed.progress()).extracting(ProjectView.ProgressView::percent).containsExactly(40, 100);
    }

    @Test
    void aCountyProjectSkipsTheTownshipAndALargeOneGoesToTheLeadingGroup() {
        List<String> households = Projects.registered(this.households, assistance, Projects.VILLAGE, 2);
        ProjectForm road = Projects.form(Projects.COUNTY, "ROADS", new BigDecimal("800000"),
                List.of(new ProjectForm.BudgetLineForm("INTEGRATED", new BigDecimal("800000"))), households, null);
        String projectNo = start(COUNTY, road);
        assertThat(instance(projectNo)).isWaitingAt("countyReview").hasNotPassed("townshipReview");
        complete(COUNTY, projectNo, "countyReview", Map.of("countyDecision", "approve"));
        complete(TRANSPORT, projectNo, "leadUnitReview", Map.of("leadUnitDecision", "approve"));
        assertThat(as(identity, COUNTY, () -> tasks.createTaskQuery().processInstanceBusinessKey(projectNo).count()))
                .as("800,000 yuan is above the county office's threshold").isZero();
        complete(LEADING_GROUP, projectNo, "approval", Map.of("approvalDecision", "approve"));
        assertThat(instance(projectNo)).isWaitingAt("disclosurePeriodOver");
        assertThat(projects.view(projectNo).approvalLevel()).isEqualTo("leading_group");
    }

    @Test
    void aBadStartFormStartsNothingAndSaysWhichFieldIsWrong() {
        Map<String, Object> variables = Projects.startForm(Projects.sheep(Projects.VILLAGE,
                Projects.registered(households, assistance, Projects.VILLAGE, 1)));
        variables.put("line2Amount", 30000.0);
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("funding").count();
        assertThatThrownBy(() -> as(identity, CLERK, () -> runtime.startProcessInstanceByKey("funding", variables)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("budgetLines").hasMessageContaining("not to the total 120,000.00");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("funding").count()).isEqualTo(instances);
    }

    @Test
    void onlyTheClerkOfTheVillageMayApplyForItsProject() {
        Map<String, Object> variables = Projects.startForm(Projects.sheep(Projects.VILLAGE,
                Projects.registered(households, assistance, Projects.VILLAGE, 1)));
        assertThatThrownBy(() -> as(identity, "clerk.654224101200",
                () -> runtime.startProcessInstanceByKey("funding", variables)))
                .hasMessageContaining("only the clerk of " + Projects.VILLAGE);
    }

    // ---- rejection at every review, with level, reason and official

    @Test
    void townshipRejection_endsRejected() {
        String projectNo = apply();
        complete(TOWNSHIP, projectNo, "townshipReview", Map.of("townshipDecision", "reject",
                "townshipComment", "与村规划重复"));
        assertRejected(projectNo, Level.TOWNSHIP, "村规划", TOWNSHIP);
    }

    @Test
    void countyRejection_endsRejected() {
        String projectNo = apply();
        complete(TOWNSHIP, projectNo, "townshipReview", Map.of("townshipDecision", "approve"));
        assertThatThrownBy(() -> complete(COUNTY, projectNo, "countyReview", Map.of("countyDecision", "reject")))
                .hasMessageContaining("countyComment: is required");
        complete(COUNTY, projectNo, "countyReview", Map.of("countyDecision", "reject", "countyComment", "受益户重复申报"));
        assertRejected(projectNo, Level.COUNTY, "重复", COUNTY);
    }

    @Test
    void leadUnitRejection_endsRejected() {
        String projectNo = apply();
        approveUpTo(projectNo, "leadUnitReview");
        complete(AGRICULTURE, projectNo, "leadUnitReview", Map.of("leadUnitDecision", "reject",
                "leadUnitComment", "草场承载力不足"));
        assertRejected(projectNo, Level.LEAD_UNIT, "草场", AGRICULTURE);
    }

    @Test
    void approvalRejection_endsRejectedAndCommitsNoFunds() {
        String projectNo = apply();
        approveUpTo(projectNo, "approval");
        complete(COUNTY, projectNo, "approval", Map.of("approvalDecision", "reject", "approvalComment", "资金另有安排"));
        assertRejected(projectNo, Level.APPROVAL, "另有安排", COUNTY);
        assertThat(Status.REJECTED.commitsFunds()).isFalse();
    }

    // ---- return for correction

    @Test
    void returnedForCorrection_theClerkCorrectsAndTheProjectIsReviewedAgain() {
        String projectNo = apply();
        approveUpTo(projectNo, "countyReview");
        complete(COUNTY, projectNo, "countyReview", Map.of("countyDecision", "return",
                "countyComment", "县级配套应为3万元"));
        assertThat(projects.view(projectNo).status()).isEqualTo("RETURNED");
        Map<String, Object> correction = new HashMap<>();
        correction.put("correctedTotal", 110000.0);
        correction.put("correctedLine2Amount", 30000.0);
        correction.put("correctionNote", "县级配套改为3万元");
        complete(CLERK, projectNo, "correctProject", correction);

        assertThat(instance(projectNo)).isWaitingAt("townshipReview");
        ProjectView corrected = projects.view(projectNo);
        assertThat(corrected.total()).isEqualByComparingTo("110000");
        assertThat(corrected.budget()).extracting(ProjectView.BalanceView::budget)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("80000"), new BigDecimal("30000"));
        assertThat(corrected.status()).isEqualTo("APPLIED");
        assertThat(runtime.getVariable(instance(projectNo).getId(), "countyDecision"))
                .as("the earlier decision is not pre-filled in the next review").isNull();
        assertThat(runtime.getVariable(instance(projectNo).getId(), "totalYuan")).isEqualTo(110000.0);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"townshipReview, township, township.654224101",
            "leadUnitReview, leadUnit, agriculture.654224", "approval, approval, county.654224"})
    void everyReviewCanReturnTheProjectToTheApplicant(String step, String prefix, String official) {
        String projectNo = apply();
        approveUpTo(projectNo, step);
        complete(official, projectNo, step, Map.of(prefix + "Decision", "return", prefix + "Comment", "请补充受益户名单"));
        assertThat(instance(projectNo)).isWaitingAt("correctProject");
        ProjectView returned = projects.view(projectNo);
        assertThat(returned.status()).isEqualTo("RETURNED");
        ProjectView.DecisionView last = returned.decisions().get(returned.decisions().size() - 1);
        assertThat(last.level()).isEqualTo(step.equals("leadUnitReview") ? "LEAD_UNIT"
                : step.equals("approval") ? "APPROVAL" : "TOWNSHIP");
        assertThat(last.reason()).isEqualTo("请补充受益户名单");
        assertThat(last.actor()).isEqualTo(official);
    }

    @Test
    void aCorrectionThatBreaksARuleKeepsTheTaskOpen() {
        String projectNo = apply();
        complete(TOWNSHIP, projectNo, "townshipReview", Map.of("townshipDecision", "return",
                "townshipComment", "请核实金额"));
        assertThatThrownBy(() -> complete(CLERK, projectNo, "correctProject",
                Map.of("correctedTotal", 99000.0, "correctionNote", "改总额")))
                .hasMessageContaining("Please correct").hasMessageContaining("not to the total 99,000.00");
        assertThat(instance(projectNo)).isWaitingAt("correctProject");
    }

    // ---- the county's funds

    @Test
    void approvalIsRefusedWhenTheCountysFundsNoLongerSuffice() {
        int year = 2031;
        funds.setAvailable(Projects.COUNTY, "DONATION", year, 5_000_000L);  // 50,000 yuan
        List<String> households = Projects.registered(this.households, assistance, Projects.VILLAGE, 1);
        ProjectForm first = withYear(Projects.form(Projects.VILLAGE, "EDUCATION", new BigDecimal("30000"),
                List.of(new ProjectForm.BudgetLineForm("DONATION", new BigDecimal("30000"))), households, null), year);
        ProjectForm second = withYear(Projects.form(Projects.VILLAGE, "EDUCATION", new BigDecimal("30000"),
                List.of(new ProjectForm.BudgetLineForm("DONATION", new BigDecimal("30000"))), households, null), year);
        String a = start(CLERK, first);
        String b = start(CLERK, second);
        approveUpTo(a, "approval", "education.654224");
        approveUpTo(b, "approval", "education.654224");
        complete(COUNTY, a, "approval", Map.of("approvalDecision", "approve"));
        assertThatThrownBy(() -> complete(COUNTY, b, "approval", Map.of("approvalDecision", "approve")))
                .hasMessageContaining("approvalDecision").hasMessageContaining("20,000.00 yuan remain");
        assertThat(instance(b)).isWaitingAt("approval");
        assertThat(funds.remaining(Projects.COUNTY, "DONATION", year, 0)).isEqualTo(2_000_000L);
    }

    // ---- public disclosure and objections

    @Test
    void anObjectionMustBeAnsweredBeforeFundsAreAllocated() {
        String projectNo = apply();
        approveUpTo(projectNo, "disclosure");
        objections.submit(Objection.Subject.PROJECT, projectNo, "受益户中有一户已在县城买房居住", null);
        fireDisclosureTimer(instance(projectNo));
        assertThat(instance(projectNo)).as("the period is over but the objection is open").isWaitingAt("answerObjection");
        complete(COUNTY, projectNo, "answerObjection", Map.of("objectionFinding", "dismissed",
                "objectionComment", "经核实该户仍在村居住"));
        assertThat(instance(projectNo)).isWaitingAt("allocateFunds");
        assertThat(objections.of(Objection.Subject.PROJECT, projectId(projectNo)))
                .extracting(Objection::getStatus).containsExactly(Objection.State.DISMISSED);
    }

    @Test
    void anUpheldObjectionRejectsTheProject() {
        String projectNo = apply();
        approveUpTo(projectNo, "disclosure");
        objections.submit(Objection.Subject.PROJECT, projectNo, "实施单位与村干部存在利益关系", "13900000000");
        complete(COUNTY, projectNo, "answerObjection", Map.of("objectionFinding", "upheld",
                "objectionComment", "经查属实，项目重新招标"));
        assertRejected(projectNo, Level.DISCLOSURE, "Objection upheld", COUNTY);
        assertThat(projects.view(projectNo).ledger()).as("no yuan moved").isEmpty();
    }

    // ---- implementation and acceptance

    @Test
    void rectificationRequired_sendsTheProjectBackToImplementation() {
        String projectNo = apply();
        approveUpTo(projectNo, "acceptance");
        complete(COUNTY, projectNo, "acceptance", Map.of("acceptanceDecision", "rectify",
                "acceptanceComment", "羊舍未按标准建设"));
        assertThat(instance(projectNo)).isWaitingAt("reportProgress");
        assertThatThrownBy(() -> complete(CLERK, projectNo, "reportProgress",
                Map.of("progressPercent", 90L, "progressNote", "整改中")))
                .hasMessageContaining("progress cannot go back");
        complete(CLERK, projectNo, "reportProgress", Map.of("progressPercent", 100L, "progressNote", "羊舍已整改"));
        assertThat(instance(projectNo)).isWaitingAt("acceptance");
    }

    @Test
    void theImplementerIsRemindedEveryMonth() {
        String projectNo = apply();
        approveUpTo(projectNo, "reportProgress");
        Job reminder = management.createJobQuery().processInstanceId(instance(projectNo).getId())
                .activityId("progressReminderTimer").singleResult();
        assertThat(reminder.getDuedate()).isCloseTo(
                new java.util.Date(System.currentTimeMillis() + Duration.ofDays(30).toMillis()), 120_000);
        management.executeJob(reminder.getId());
        Task report = as(identity, CLERK, () -> tasks.createTaskQuery().processInstanceBusinessKey(projectNo)
                .taskDefinitionKey("reportProgress").singleResult());
        assertThat(report.getPriority()).isEqualTo(RemindImplementer.REMINDED_PRIORITY);
        assertThat(projects.view(projectNo).decisions()).extracting(ProjectView.DecisionView::decision).contains("reminded");
        assertThat(management.createJobQuery().processInstanceId(instance(projectNo).getId())
                .activityId("progressReminderTimer").count()).as("next month's reminder is set").isEqualTo(1);
    }

    @Test
    void disbursementsAboveTheAllocationAreRefused() {
        String projectNo = apply();
        approveUpTo(projectNo, "disburse");
        assertThatThrownBy(() -> complete(FINANCE, projectNo, "disburse", tranche("CENTRAL", 80000.01, "V-1")))
                .hasMessageContaining("trancheAmount").hasMessageContaining("above the 80,000.00 allocated");
        assertThatThrownBy(() -> complete(FINANCE, projectNo, "disburse", tranche("PROVINCIAL", 100, "V-1")))
                .hasMessageContaining("trancheSource");
        assertThat(projects.view(projectNo).ledger()).extracting(ProjectView.EntryView::type).containsOnly("ALLOCATION");
    }

    // ---- time limits

    @Test
    void anOverdueLeadUnitReviewEscalatesToTheCountyOffice() {
        String projectNo = apply();
        approveUpTo(projectNo, "leadUnitReview");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(projectNo).singleResult();
        assertThat(task.getDueDate()).isCloseTo(
                new java.util.Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()), 120_000);
        Job overdue = management.createJobQuery().processInstanceId(instance(projectNo).getId())
                .activityId("leadUnitReview").singleResult();
        management.executeJob(overdue.getId());
        Task escalated = as(identity, COUNTY, () -> tasks.createTaskQuery().processInstanceBusinessKey(projectNo)
                .singleResult());
        assertThat(escalated.getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(tasks.getIdentityLinksForTask(escalated.getId())).extracting(IdentityLink::getGroupId)
                .contains("agriculture-654224", "county-654224");
    }

    // ---- helpers

    private String apply() {
        ProjectForm form = Projects.sheep(Projects.VILLAGE, Projects.registered(households, assistance, Projects.VILLAGE, 2));
        return start(CLERK, form);
    }

    /** Walks a village project with approving officials until the given step is reached. */
    private void approveUpTo(String projectNo, String step) {
        approveUpTo(projectNo, step, AGRICULTURE);
    }

    private void approveUpTo(String projectNo, String step, String leadUnit) {
        List<String> steps = List.of("townshipReview", "countyReview", "leadUnitReview", "approval", "disclosure",
                "allocateFunds", "reportProgress", "acceptance", "disburse");
        for (String current : steps.subList(0, steps.indexOf(step))) {
            switch (current) {
                case "townshipReview" -> complete(TOWNSHIP, projectNo, current, Map.of("townshipDecision", "approve"));
                case "countyReview" -> complete(COUNTY, projectNo, current, Map.of("countyDecision", "approve"));
                case "leadUnitReview" -> complete(leadUnit, projectNo, current, Map.of("leadUnitDecision", "approve"));
                case "approval" -> complete(COUNTY, projectNo, current, Map.of("approvalDecision", "approve"));
                case "disclosure" -> fireDisclosureTimer(instance(projectNo));
                case "allocateFunds" -> complete(FINANCE, projectNo, current, Map.of("voucherNo", "V-" + projectNo));
                case "reportProgress" -> complete(CLERK, projectNo, current,
                        Map.of("progressPercent", 100L, "progressNote", "完工"));
                case "acceptance" -> complete(COUNTY, projectNo, current, Map.of("acceptanceDecision", "accept"));
                default -> throw new IllegalArgumentException(current);
            }
        }
    }

    private static Map<String, Object> tranche(String source, double yuan, String voucher) {
        return Map.of("trancheSource", source, "trancheAmount", yuan, "trancheVoucher", voucher);
    }

    private static ProjectForm withYear(ProjectForm form, int year) {
        return new ProjectForm(form.name(), form.type(), form.regionCode(), form.implementingUnit(),
                LocalDate.of(year, 3, 1), LocalDate.of(year, 10, 31), form.latitude(), form.longitude(), form.total(),
                form.loanTermMonths(), form.secured(), form.outputs(), form.budgetLines(), form.beneficiaries());
    }

    /** Finds the task as the official sees it (so candidate groups are checked), claims and completes it. */
    private void complete(String official, String projectNo, String taskKey, Map<String, Object> variables) {
        Task task = as(identity, official, () -> tasks.createTaskQuery().processInstanceBusinessKey(projectNo)
                .taskDefinitionKey(taskKey).singleResult());
        assertThat(task).as(official + " sees " + taskKey).isNotNull();
        as(identity, official, () -> {
            if (tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
                tasks.claim(task.getId(), official);
            }
            tasks.complete(task.getId(), variables);
        });
    }

    private final Map<String, ProcessInstance> started = new HashMap<>();

    private String start(String official, ProjectForm form) {
        FundingStarter.Started start = as(identity, official, () -> starter.apply(form, official));
        started.put(start.projectNo(), start.instance());
        return start.projectNo();
    }

    private ProcessInstance instance(String projectNo) {
        return started.get(projectNo);
    }

    private long projectId(String projectNo) {
        return ((Number) runtime.getVariable(instance(projectNo).getId(), "projectId")).longValue();
    }

    private void fireDisclosureTimer(ProcessInstance instance) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId("disclosurePeriodOver")
                .singleResult();
        management.executeJob(timer.getId());
    }

    private void assertRejected(String projectNo, Level level, String reason, String official) {
        assertThat(instance(projectNo)).isEnded().hasPassed("recordRejection");
        ProjectView project = projects.view(projectNo);
        assertThat(project.status()).isEqualTo("REJECTED");
        ProjectView.DecisionView last = project.decisions().get(project.decisions().size() - 1);
        assertThat(last.level()).isEqualTo(level.name());
        assertThat(last.reason()).contains(reason);
        assertThat(last.actor()).isEqualTo(official);
    }
}

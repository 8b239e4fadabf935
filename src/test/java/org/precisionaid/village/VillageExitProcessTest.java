package org.precisionaid.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.precisionaid.support.Officials.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Villages;
import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Every path of bpmn/village-exit.bpmn, walked by the officials of a test village, its township, Toli and Tacheng. */
@IntegrationTest
class VillageExitProcessTest {

    static final String TOWNSHIP = "township." + Villages.TOWNSHIP;
    static final String OTHER_TOWNSHIP = "township.654224102";
    static final String COUNTY = "county." + Villages.COUNTY;
    static final String CITY = "city." + Villages.COUNTY.substring(0, 4);
    static final int YEAR = LocalDate.now().getYear();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired VillageFileService files;
    @Autowired VillageExitService exits;
    @Autowired HouseholdService households;
    @Autowired ObjectionService objections;
    @Autowired TestRestTemplate rest;

    @BeforeEach
    void engine() {
        AbstractAssertions.init(engine);
    }

    // ---- the whole way

    @Test
    void happyPath_fromTheCommitteesStartFormToTheVillageMarkedExited() {
        String village = eligibleVillage();
        ProcessInstance instance = start(village);
        String exitNo = businessKey(instance);
        assertThat(exitNo).isEqualTo("CL-" + YEAR + "-" + village + "-01");
        assertThat(instance).isWaitingAt("townshipReview");
        assertThat(runtime.getVariables(instance.getId())).as("the statement lives in the registry, not the case")
                .doesNotContainKey("statement").containsEntry("regionCode", village);
        assertThat((String) runtime.getVariable(instance.getId(), "villageExitSummary"))
                .contains("**贫困人口（建档立卡未脱贫） / Poor population (registered, not exited):** 8")
                .contains("2 %（须低于 / must be below 3 %）").contains("符合退出条件");
        assertThat(as(identity, OTHER_TOWNSHIP, () -> tasks.createTaskQuery().processInstanceBusinessKey(exitNo).count()))
                .as("another township does not see the review").isZero();

        complete(TOWNSHIP, exitNo, "townshipReview", Map.of("townshipDecision", "approve"));
        complete(COUNTY, exitNo, "countyReview", Map.of("countyDecision", "approve", "countyComment", "入村核查"));
        assertThat(instance).isWaitingAt("noticePeriodOver");
        VillageExit announced = exits.find(exitNo).orElseThrow();
        assertThat(announced.getStatus()).isEqualTo(VillageExit.Status.ANNOUNCED);
        assertThat(announced.getNoticeEnds()).isAfter(java.time.Instant.now().plus(Duration.ofDays(7)).minusSeconds(120));

        JsonNode notice = rest.getForObject("/public/village-exits?region=" + Villages.COUNTY + "000000", JsonNode.class);
        JsonNode listed = find(notice.get("villages"), exitNo);
        assertThat(listed.get("incidence").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(listed.get("takesObjections").asBoolean()).isTrue();
        assertThat(notice.toString()).as("aggregates only, nobody named").doesNotContain("王建国").doesNotContain("654224196");

        fireNoticeTimer(instance);
        assertThat(instance).isWaitingAt("cityApproval");
        complete(CITY, exitNo, "cityApproval", Map.of("cityDecision", "approve"));

        assertThat(instance).isEnded().hasPassed("markVillageExited").hasNotPassed("recordRejection");
        assertThat(files.get(village).getExitYear()).isEqualTo(YEAR);
        VillageExit exited = exits.find(exitNo).orElseThrow();
        assertThat(exited.getStatus()).isEqualTo(VillageExit.Status.EXITED);
        assertThat(exited.getDecisions()).extracting(d -> d.getLevel() + ":" + d.getDecision() + ":" + d.getActor())
                .containsExactly("APPLICATION:applied:village." + village, "TOWNSHIP:approved:" + TOWNSHIP,
                        "COUNTY:approved:" + COUNTY, "COUNTY:announced:" + COUNTY, "CITY:approved:" + CITY,
                        "CITY:exited:" + CITY);

        assertThatThrownBy(() -> start(village)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("already left poverty in " + YEAR);
    }

    // ---- the start

    @Test
    void aVillageAtExactlyThreePercentCannotApplyAndIsToldWhy() {
        String village = Villages.fresh(regions, officials);
        files.save(village, Villages.file(400, 60_000), "test");
        for (int i = 0; i < 3; i++) {
            Villages.registered(households, village, YEAR);   // 12 poor people of 400: 3 %
        }
        assertThatThrownBy(() -> start(village)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("请更正 / Please correct")
                .hasMessageContaining("poorPopulation: 贫困发生率未低于门槛")
                .hasMessageContaining("12 ÷ 400 = 3 %, must be below 3 %");
        assertThat(exits.ofVillage(village)).as("nothing is recorded").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("villageExit")
                .variableValueEquals("regionCode", village).count()).isZero();
    }

    @Test
    void onlyTheVillageCommitteeAppliesAndOnlyWithAVillageFile() {
        String village = eligibleVillage();
        assertThatThrownBy(() -> as(identity, "clerk." + village, () -> runtime.startProcessInstanceByKey(
                "villageExit", startForm(village)))).as("the engine lets no clerk start it")
                .hasMessageContaining("CREATE_INSTANCE");
        String neighbour = Villages.fresh(regions, officials);
        assertThatThrownBy(() -> as(identity, "village." + neighbour, () -> runtime.startProcessInstanceByKey(
                "villageExit", startForm(village)))).hasMessageContaining("only the village committee of " + village);
        String noFile = Villages.fresh(regions, officials);
        assertThatThrownBy(() -> start(noFile)).hasMessageContaining("villageCode: village " + noFile
                + " has no village file yet");
        Map<String, Object> badYear = startForm(village);
        badYear.put("exitYear", (long) YEAR - 3);
        assertThatThrownBy(() -> as(identity, "village." + village, () -> runtime.startProcessInstanceByKey(
                "villageExit", badYear))).hasMessageContaining("exitYear: must be " + (YEAR - 1) + " or " + YEAR);
    }

    // ---- rejections at each level

    @Test
    void theTownshipRejectsWithAReasonAndTheRejectionIsKept() {
        String exitNo = applied();
        assertThatThrownBy(() -> complete(TOWNSHIP, exitNo, "townshipReview", Map.of("townshipDecision", "reject")))
                .hasMessageContaining("townshipComment: is required");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(exitNo).taskDefinitionKey("townshipReview")
                .count()).as("the task stays open").isOne();
        complete(TOWNSHIP, exitNo, "townshipReview", Map.of("townshipDecision", "reject",
                "townshipComment", "农业人口数与户籍不符 / agricultural population does not match the records"));
        assertRejected(exitNo, VillageExit.Level.TOWNSHIP, "农业人口数与户籍不符", TOWNSHIP);
    }

    @Test
    void theCountyRejects() {
        String exitNo = applied();
        complete(TOWNSHIP, exitNo, "townshipReview", Map.of("townshipDecision", "approve"));
        complete(COUNTY, exitNo, "countyReview", Map.of("countyDecision", "reject", "countyComment", "集体收入未入账"));
        assertRejected(exitNo, VillageExit.Level.COUNTY, "集体收入未入账", COUNTY);
    }

    @Test
    void theCityRejects() {
        String exitNo = applied();
        toCityApproval(exitNo);
        complete(CITY, exitNo, "cityApproval", Map.of("cityDecision", "reject", "cityComment", "抽查发现漏评户"));
        assertRejected(exitNo, VillageExit.Level.CITY, "抽查发现漏评户", CITY);
        assertThat(files.get(exits.find(exitNo).orElseThrow().getVillageCode()).getExitYear()).isNull();
    }

    @Test
    void theCityApprovalChecksTheConditionsAgainstTheRegistryOnceMore() {
        String exitNo = applied();
        String village = exits.find(exitNo).orElseThrow().getVillageCode();
        toCityApproval(exitNo);
        Villages.registered(households, village, YEAR + 1);   // 12 poor of 400 now: 3 %
        assertThatThrownBy(() -> complete(CITY, exitNo, "cityApproval", Map.of("cityDecision", "approve")))
                .hasMessageContaining("cityDecision: the village no longer meets the exit conditions")
                .hasMessageContaining("12 ÷ 400 = 3 %");
        assertThat(files.get(village).getExitYear()).isNull();
        complete(CITY, exitNo, "cityApproval", Map.of("cityDecision", "reject", "cityComment", "贫困发生率回升"));
        assertRejected(exitNo, VillageExit.Level.CITY, "贫困发生率回升", CITY);
    }

    // ---- the public notice

    @Test
    void aDismissedObjectionIsAnsweredAndTheCaseGoesOnToTheCity() {
        String exitNo = applied();
        toNotice(exitNo);
        objections.submit(Objection.Subject.VILLAGE_EXIT, exitNo, "该村还有漏评的贫困户 / poor households were left out", null);
        Task answer = as(identity, COUNTY, () -> tasks.createTaskQuery().processInstanceBusinessKey(exitNo)
                .taskDefinitionKey("answerObjection").singleResult());
        assertThat(tasks.getVariableLocal(answer.getId(), "objectionText")).asString().contains("漏评");
        complete(COUNTY, exitNo, "answerObjection", Map.of("objectionFinding", "dismissed",
                "objectionComment", "逐户核查，无漏评 / every household checked"));
        assertThat(objections.of(Objection.Subject.VILLAGE_EXIT, exits.find(exitNo).orElseThrow().getId()))
                .extracting(Objection::getStatus).containsExactly(Objection.State.DISMISSED);
        fireNoticeTimer(instance(exitNo));
        complete(CITY, exitNo, "cityApproval", Map.of("cityDecision", "approve"));
        assertThat(exits.find(exitNo).orElseThrow().getStatus()).isEqualTo(VillageExit.Status.EXITED);
    }

    @Test
    void anUpheldObjectionEndsTheApplication() {
        String exitNo = applied();
        toNotice(exitNo);
        objections.submit(Objection.Subject.VILLAGE_EXIT, exitNo, "村集体收入是借款，不是经营收入 / the income is a loan", "13900001111");
        complete(COUNTY, exitNo, "answerObjection", Map.of("objectionFinding", "upheld",
                "objectionComment", "属实：5万元为借款 / true: the 50,000 yuan are a loan"));
        assertRejected(exitNo, VillageExit.Level.NOTICE, "5万元为借款", COUNTY);
        assertThatThrownBy(() -> objections.submit(Objection.Subject.VILLAGE_EXIT, exitNo,
                "再提一条异议 / one more objection", null)).isInstanceOf(FieldRuleException.class)
                .hasMessageContaining("not under public notice");
    }

    // ---- time limits

    @Test
    void anOverdueTownshipReviewEscalatesToTheCounty() {
        String exitNo = applied();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(exitNo).singleResult();
        assertThat(task.getDueDate()).isCloseTo(
                new java.util.Date(System.currentTimeMillis() + Duration.ofDays(15).toMillis()), 120_000);
        Job overdue = management.createJobQuery().processInstanceId(instance(exitNo).getId())
                .activityId("townshipReview").singleResult();
        management.executeJob(overdue.getId());
        Task escalated = as(identity, COUNTY, () -> tasks.createTaskQuery().processInstanceBusinessKey(exitNo)
                .singleResult());
        assertThat(escalated.getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(tasks.getIdentityLinksForTask(escalated.getId())).extracting(IdentityLink::getGroupId)
                .contains("township-" + Villages.TOWNSHIP, "county-" + Villages.COUNTY);
    }

    // ---- helpers

    /** A fresh village: file with 400 farmers and 60,000 yuan, two registered households (8 poor people: 2 %). */
    private String eligibleVillage() {
        String village = Villages.fresh(regions, officials);
        files.save(village, Villages.file(400, 60_000), "test");
        Villages.registered(households, village, YEAR);
        Villages.registered(households, village, YEAR);
        return village;
    }

    private String applied() {
        return businessKey(start(eligibleVillage()));
    }

    private void toNotice(String exitNo) {
        complete(TOWNSHIP, exitNo, "townshipReview", Map.of("townshipDecision", "approve"));
        complete(COUNTY, exitNo, "countyReview", Map.of("countyDecision", "approve"));
    }

    private void toCityApproval(String exitNo) {
        toNotice(exitNo);
        fireNoticeTimer(instance(exitNo));
    }

    private static Map<String, Object> startForm(String village) {
        Map<String, Object> form = new HashMap<>();
        form.put("regionCode", village);
        form.put("exitYear", (long) YEAR);
        form.put("statement", "经村民代表会议讨论，申请本村退出 / the villagers' representatives ask for the exit");
        return form;
    }

    private ProcessInstance start(String village) {
        return as(identity, "village." + village, () -> runtime.startProcessInstanceByKey("villageExit",
                startForm(village)));
    }

    private String businessKey(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey();
    }

    private ProcessInstance instance(String exitNo) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(exitNo).singleResult();
    }

    private void fireNoticeTimer(ProcessInstance instance) {
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("noticePeriodOver").singleResult().getId());
    }

    private static JsonNode find(JsonNode villages, String exitNo) {
        for (JsonNode village : villages) {
            if (exitNo.equals(village.get("exitNo").asText())) {
                return village;
            }
        }
        throw new AssertionError(exitNo + " is not on the public notice: " + villages);
    }

    /** Finds the task as the official sees it (so candidate groups are checked), claims and completes it. */
    private void complete(String official, String exitNo, String taskKey, Map<String, Object> variables) {
        Task task = as(identity, official, () -> tasks.createTaskQuery().processInstanceBusinessKey(exitNo)
                .taskDefinitionKey(taskKey).singleResult());
        assertThat(task).as(official + " sees " + taskKey).isNotNull();
        as(identity, official, () -> {
            if (tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
                tasks.claim(task.getId(), official);
            }
            tasks.complete(task.getId(), variables);
        });
    }

    private void assertRejected(String exitNo, VillageExit.Level level, String reason, String official) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(exitNo).count()).isZero();
        VillageExit exit = exits.find(exitNo).orElseThrow();
        assertThat(exit.getStatus()).isEqualTo(VillageExit.Status.REJECTED);
        assertThat(exit.getRejectionLevel()).isEqualTo(level);
        assertThat(exit.getRejectionReason()).contains(reason);
        assertThat(exit.getRejectedBy()).isEqualTo(official);
        VillageExitDecision last = exit.getDecisions().get(exit.getDecisions().size() - 1);
        assertThat(last.getDecision()).isEqualTo("rejected");
        assertThat(last.getLevel()).isEqualTo(level);
    }
}

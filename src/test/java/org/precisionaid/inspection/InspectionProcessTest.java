package org.precisionaid.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.procedure.Escalation;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Every path of the inspection round and of a finding's rectification, as the demo officials of 托里县 (654224) run
 * them: the county office plans, the county's inspector checks, the township of 铁厂沟镇 rectifies.
 */
@IntegrationTest
class InspectionProcessTest {

    static final String COUNTY = "county.654224";
    static final String INSPECTOR = "inspector.654224";
    static final String AUDITOR = "auditor.654224";
    static final String TOWNSHIP = "township." + Villages.TOWNSHIP;

    @Autowired TestRestTemplate rest;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired HouseholdService households;
    @Autowired AssistanceService assistance;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired InspectionService inspections;

    /** A village of its own with this many registered households (no other test's households in it). */
    private String village(int registered) {
        String village = Villages.fresh(regions, officials);
        for (int i = 0; i < registered; i++) {
            Villages.registered(households, village, LocalDate.now().getYear() + 1);
        }
        return village;
    }

    static Map<String, Object> plan(String region, Object percent, Object minimum) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("year", LocalDate.now().getYear());
        body.put("registers", List.of("IDENTIFICATION"));
        body.put("percent", percent);
        body.put("minimumPerVillage", minimum);
        return body;
    }

    private String planned(String region, Object percent, Object minimum) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(COUNTY, "demo").postForEntity("/api/inspections",
                plan(region, percent, minimum), JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        return answer.getBody().get("roundNo").asText();
    }

    private List<Task> visible(String official, String businessKey, String taskKey) {
        return Officials.as(identity, official, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).listPage(0, 100));
    }

    private void complete(String official, Task task, Map<String, Object> variables) {
        Officials.as(identity, official, () -> {
            tasks.claim(task.getId(), official);
            tasks.complete(task.getId(), variables);
        });
    }

    static Map<String, Object> clean() {
        return Map.of("incomeAccountChecked", true, "guaranteesChecked", true, "visitsChecked", true,
                "projectOutputsChecked", false, "inspectionOutcome", "clean", "inspectionNotes", "与档案一致 / as filed");
    }

    static Map<String, Object> finding(String responsible) {
        return Map.of("incomeAccountChecked", true, "guaranteesChecked", true, "visitsChecked", true,
                "inspectionOutcome", "finding", "findingKind", "INCOME_ACCOUNT", "findingSeverity", "SERIOUS",
                "findingResponsible", responsible, "findingDescription",
                "台账缺少三至六月的务工收入 / wages of March to June missing from the account");
    }

    private InspectionFinding onlyFinding(String roundNo) {
        List<InspectionFinding> found = inspections.findings(inspections.round(roundNo).getId());
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void theSampleGoesToTheCountysInspectorsAloneAndTheInspectedTownshipSeesNothing() {
        String village = village(5);
        String roundNo = planned(village, 40, 1);
        InspectionRound round = inspections.round(roundNo);
        assertThat(round.getPopulation()).isEqualTo(5);
        assertThat(round.getSampleSize()).as("ceil(40 %% of 5)").isEqualTo(2);

        List<Task> inspectorsTasks = visible(INSPECTOR, roundNo, "inspectCase");
        assertThat(inspectorsTasks).hasSize(2);
        assertThat(inspectorsTasks).allSatisfy(task -> {
            assertThat(task.getDueDate()).isAfter(new java.util.Date());
            assertThat(task.getDescription()).startsWith("户 / Household ").contains("测试村");
        });
        assertThat(visible(TOWNSHIP, roundNo, "inspectCase")).as("unannounced: the township").isEmpty();
        assertThat(visible("clerk." + village, roundNo, "inspectCase")).as("unannounced: the village").isEmpty();
        assertThat(visible("inspector.654225", roundNo, "inspectCase")).as("another county's inspector").isEmpty();

        // each case's form shows its own household, never a sibling's answers
        Object summary = tasks.getVariable(inspectorsTasks.get(0).getId(), "caseSummary");
        assertThat(String.valueOf(summary)).contains("户号 / Household:").doesNotContain("身份证");
    }

    @Test
    void aCaseInOrderNeedsItsChecksAndTheRoundClosesWhenEveryCaseIsDone() {
        String roundNo = planned(village(1), 5, 1);
        Task task = visible(INSPECTOR, roundNo, "inspectCase").get(0);
        Map<String, Object> unchecked = new HashMap<>(clean());
        unchecked.put("visitsChecked", false);
        assertThatThrownBy(() -> complete(INSPECTOR, task, unchecked)).hasMessageContaining("visitsChecked");
        assertThat(visible(INSPECTOR, roundNo, "inspectCase")).as("still open after the refusal").hasSize(1);

        complete(INSPECTOR, task, clean());
        InspectionRound round = inspections.round(roundNo);
        assertThat(round.getStatus()).isEqualTo(InspectionRound.Status.CLOSED);
        assertThat(inspections.samples(round.getId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.getStatus()).isEqualTo(InspectionSample.Status.CLEAN);
                    assertThat(s.getCheckedBy()).isEqualTo(INSPECTOR);
                });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(roundNo).count()).isZero();
    }

    @Test
    void aFindingIsRectifiedByTheTownshipReturnedOnceAndClosedByTheInspector() {
        String roundNo = planned(village(1), 5, 1);
        Task inspect = visible(INSPECTOR, roundNo, "inspectCase").get(0);
        Map<String, Object> noDescription = new HashMap<>(finding("TOWNSHIP"));
        noDescription.remove("findingDescription");
        assertThatThrownBy(() -> complete(INSPECTOR, inspect, noDescription)).hasMessageContaining("findingDescription");
        complete(INSPECTOR, inspect, finding("TOWNSHIP"));

        InspectionFinding finding = onlyFinding(roundNo);
        assertThat(finding.getFindingNo()).isEqualTo(roundNo + "-1");
        assertThat(finding.getStatus()).isEqualTo(InspectionFinding.Status.OPEN);
        assertThat(finding.getDueAt()).as("the rectification's due date").isNotNull();

        String findingNo = finding.getFindingNo();
        assertThat(visible(INSPECTOR, findingNo, "rectify")).as("the inspector does not rectify").isEmpty();
        Task rectify = visible(TOWNSHIP, findingNo, "rectify").get(0);
        assertThat(String.valueOf(tasks.getVariable(rectify.getId(), "caseSummary"))).contains("wages of March to June");
        assertThatThrownBy(() -> complete(TOWNSHIP, rectify, Map.of("rectificationReport", " ")))
                .hasMessageContaining("rectificationReport");
        complete(TOWNSHIP, rectify, Map.of("rectificationReport", "已补记务工收入 / wages entered"));
        assertThat(onlyFinding(roundNo).getStatus()).isEqualTo(InspectionFinding.Status.RECTIFIED);

        Task verify = visible(INSPECTOR, findingNo, "verifyRectification").get(0);
        assertThat(visible(TOWNSHIP, findingNo, "verifyRectification")).isEmpty();
        assertThatThrownBy(() -> complete(INSPECTOR, verify, Map.of("verifyDecision", "return")))
                .hasMessageContaining("verifyComment");
        complete(INSPECTOR, verify, Map.of("verifyDecision", "return", "verifyComment", "缺少工资单 / payslips missing"));
        assertThat(onlyFinding(roundNo).getStatus()).isEqualTo(InspectionFinding.Status.OPEN);
        assertThat(onlyFinding(roundNo).getReturns()).isEqualTo(1);

        Task again = visible(TOWNSHIP, findingNo, "rectify").get(0);
        assertThat(String.valueOf(tasks.getVariable(again.getId(), "caseSummary"))).contains("payslips missing");
        complete(TOWNSHIP, again, Map.of("rectificationReport", "工资单已归档 / payslips filed"));
        complete(INSPECTOR, visible(INSPECTOR, findingNo, "verifyRectification").get(0),
                Map.of("verifyDecision", "close"));

        InspectionFinding closed = onlyFinding(roundNo);
        assertThat(closed.getStatus()).isEqualTo(InspectionFinding.Status.CLOSED);
        assertThat(closed.getClosedBy()).isEqualTo(INSPECTOR);
        assertThat(closed.getRectifiedBy()).isEqualTo(TOWNSHIP);
        assertThat(inspections.round(roundNo).getStatus()).isEqualTo(InspectionRound.Status.CLOSED);
    }

    @Test
    void aWithdrawnFindingEndsWithoutCountingAndNeedsAReason() {
        String roundNo = planned(village(1), 5, 1);
        complete(INSPECTOR, visible(INSPECTOR, roundNo, "inspectCase").get(0), finding("TOWNSHIP"));
        String findingNo = onlyFinding(roundNo).getFindingNo();
        complete(TOWNSHIP, visible(TOWNSHIP, findingNo, "rectify").get(0),
                Map.of("rectificationReport", "台账与工资单一致 / the account matches the payslips"));
        Task verify = visible(INSPECTOR, findingNo, "verifyRectification").get(0);
        assertThatThrownBy(() -> complete(INSPECTOR, verify, Map.of("verifyDecision", "withdraw")))
                .hasMessageContaining("verifyComment");
        complete(INSPECTOR, verify, Map.of("verifyDecision", "withdraw", "verifyComment", "收入已如实记录 / as filed"));
        assertThat(onlyFinding(roundNo).getStatus()).isEqualTo(InspectionFinding.Status.WITHDRAWN);
        assertThat(inspections.round(roundNo).getStatus()).isEqualTo(InspectionRound.Status.CLOSED);
    }

    @Test
    void overdueTasksAreEscalatedToTheCountyOffice() {
        String roundNo = planned(village(1), 5, 1);
        Task inspect = visible(INSPECTOR, roundNo, "inspectCase").get(0);
        management.executeJob(management.createJobQuery().processInstanceId(inspect.getProcessInstanceId())
                .activityId("inspectCase").singleResult().getId());
        assertThat(tasks.createTaskQuery().taskId(inspect.getId()).singleResult().getPriority())
                .isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(visible(COUNTY, roundNo, "inspectCase")).hasSize(1);

        complete(INSPECTOR, inspect, finding("TOWNSHIP"));
        String findingNo = onlyFinding(roundNo).getFindingNo();
        Task rectify = visible(TOWNSHIP, findingNo, "rectify").get(0);
        assertThat(visible(COUNTY, findingNo, "rectify")).as("not before it is overdue").isEmpty();
        management.executeJob(management.createJobQuery().processInstanceId(rectify.getProcessInstanceId())
                .activityId("rectify").singleResult().getId());
        assertThat(visible(COUNTY, findingNo, "rectify")).hasSize(1);
        assertThat(tasks.getIdentityLinksForTask(rectify.getId())).extracting(IdentityLink::getGroupId)
                .contains("township-" + Villages.TOWNSHIP, "county-654224");
    }

    @Test
    void aFindingAgainstTheCadreNamesHisPairingAndOneWithoutAPairingGoesToTheTownship() {
        String village = Villages.fresh(regions, officials);
        long cadreId = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        Household paired = Villages.paired(households, assistance, village, LocalDate.now().getYear() + 1, cadreId);
        String roundNo = planned(village, 100, 0);
        complete(INSPECTOR, visible(INSPECTOR, roundNo, "inspectCase").get(0), finding("CADRE"));
        InspectionFinding finding = onlyFinding(roundNo);
        assertThat(finding.getHouseholdId()).isEqualTo(paired.getId());
        assertThat(finding.getCadreId()).isEqualTo(cadreId);
        assertThat(finding.getUnitId()).isEqualTo(assistance.cadre(cadreId).getUnit().getId());

        String unpaired = planned(village(1), 5, 1);
        Task inspect = visible(INSPECTOR, unpaired, "inspectCase").get(0);
        assertThatThrownBy(() -> complete(INSPECTOR, inspect, finding("CADRE")))
                .hasMessageContaining("findingResponsible");
        assertThat(inspections.findings(inspections.round(unpaired).getId())).isEmpty();
    }
}

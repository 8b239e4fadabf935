package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.precisionaid.security.engine.FormContractViolation;
import org.precisionaid.inspection.InspectionService;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Walks every user task and every start form of every deployed model — so the next model cannot reopen issue #20 —
 * and has an official who may do the step send one variable his form does not declare: the subject's id, the region,
 * a routing value, an actor's name. Each must be refused, naming the variable, with the task still open and the case's
 * own value unchanged.
 */
@IntegrationTest
class EveryFormKeepsToItsFieldsTest {

    /** What a forger would reach for: the case's subject, its region, its routing, the actor of a decision. */
    static final List<String> FORGED = List.of("householdId", "projectId", "exitId", "regionCode", "approvalLevel",
            "leadUnit", "rejectedBy");

    /** What the models' candidate groups and assignees need to be evaluated for a task started in the middle. */
    static final Map<String, Object> CONTEXT = Map.of("regionCode", Applications.VILLAGE, "applicantRole", "clerk",
            "approvalLevel", "county", "leadUnit", "agriculture", "initiator", "cadre.654224.02");

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RegionService regions;
    @Autowired
    OfficialDirectory officials;
    @Autowired
    HouseholdService households;
    @Autowired
    InspectionService inspections;
    private Long findingId;

    @TestFactory
    Stream<DynamicTest> everyUserTaskRefusesAVariableItsFormDoesNotDeclare() {
        List<DynamicTest> checks = new ArrayList<>();
        for (ProcessDefinition definition : productModels()) {
            for (UserTask userTask : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                checks.add(DynamicTest.dynamicTest(definition.getKey() + " / " + userTask.getId(),
                        () -> refusesForgedVariables(definition, userTask.getId())));
            }
        }
        assertThat(checks).as("user tasks of the product's models").hasSizeGreaterThan(30);
        return checks.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyStartFormRefusesAVariableItDoesNotDeclare() {
        return productModels().stream().filter(definition -> repository.getBpmnModelInstance(definition.getId())
                .getModelElementsByType(StartEvent.class).stream().anyMatch(start -> start.getCamundaFormRef() != null))
                .map(definition -> DynamicTest.dynamicTest(definition.getKey(), () -> {
                    String starter = starterOf(definition);
                    long before = runtime.createProcessInstanceQuery().processDefinitionKey(definition.getKey()).count();
                    for (String forged : FORGED) {
                        if (declaredOnStartForm(definition, forged)) {
                            continue; // e.g. the village an application is for: checked against the clerk's own groups
                        }
                        assertThatThrownBy(() -> Officials.as(identity, starter,
                                () -> forms.submitStartForm(definition.getId(), Map.of(forged, 1L))))
                                .isInstanceOf(FormContractViolation.class).hasMessageContaining(forged + ":");
                    }
                    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(definition.getKey()).count())
                            .isEqualTo(before);
                }));
    }

    private void refusesForgedVariables(ProcessDefinition definition, String taskKey) {
        // the task as the model makes it, without running the steps before it
        ProcessInstance instance = runtime.createProcessInstanceById(definition.getId()).startBeforeActivity(taskKey)
                .setVariables(contextOf(definition)).execute(true, true);
        try {
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
            String official = mayDo(task);
            for (String forged : FORGED) {
                assertThatThrownBy(() -> Officials.as(identity, official, () -> tasks.complete(task.getId(),
                        Map.of(forged, 99_999L)))).isInstanceOf(FormContractViolation.class)
                        .hasMessageContaining(forged + ":");
                assertThatThrownBy(() -> Officials.as(identity, official, () -> forms.submitTaskForm(task.getId(),
                        Map.of(forged, 99_999L)))).isInstanceOf(FormContractViolation.class)
                        .hasMessageContaining(forged + ":");
            }
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
            assertThat(runtime.getVariable(instance.getId(), "regionCode")).isEqualTo(Applications.VILLAGE);
        } finally {
            runtime.deleteProcessInstance(instance.getId(), "test of the form contract", true, true, true);
        }
    }

    /** CONTEXT, and for a finding's rectification the finding it is about (its candidates are read from it). */
    private Map<String, Object> contextOf(ProcessDefinition definition) {
        if (!definition.getKey().equals(InspectionService.RECTIFICATION_KEY)) {
            return CONTEXT;
        }
        Map<String, Object> context = new java.util.HashMap<>(CONTEXT);
        context.put("findingId", finding());
        return context;
    }

    /** A real finding: a round over a village of one household, whose inspector records a finding. */
    private synchronized long finding() {
        if (findingId == null) {
            String village = Villages.fresh(regions, officials);
            Villages.registered(households, village, java.time.LocalDate.now().getYear() + 1);
            ResponseEntity<com.fasterxml.jackson.databind.JsonNode> planned = rest.withBasicAuth("county.654224", "demo")
                    .postForEntity("/api/inspections", Map.of("regionCode", village, "year",
                            java.time.LocalDate.now().getYear(), "registers", List.of("IDENTIFICATION"), "percent", 100,
                            "minimumPerVillage", 1), com.fasterxml.jackson.databind.JsonNode.class);
            assertThat(planned.getStatusCode().value()).as(String.valueOf(planned.getBody())).isEqualTo(201);
            String roundNo = planned.getBody().get("roundNo").asText();
            String inspector = "inspector.654224";
            Officials.as(identity, inspector, () -> {
                Task inspect = tasks.createTaskQuery().processInstanceBusinessKey(roundNo)
                        .taskDefinitionKey("inspectCase").singleResult();
                tasks.claim(inspect.getId(), inspector);
                tasks.complete(inspect.getId(), Map.of("incomeAccountChecked", true, "guaranteesChecked", true,
                        "visitsChecked", true, "inspectionOutcome", "finding", "findingKind", "INCOME_ACCOUNT",
                        "findingSeverity", "SERIOUS", "findingResponsible", "TOWNSHIP",
                        "findingDescription", "台账缺少务工收入 / wages missing from the account"));
            });
            findingId = inspections.findings(inspections.round(roundNo).getId()).get(0).getId();
        }
        return findingId;
    }

    /** An official the model lets do this task: its assignee, or a member of a candidate group. */
    private String mayDo(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
                .map(User::getId).min(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("nobody may do " + task.getTaskDefinitionKey()));
    }

    /** An official of the demo who may start this process (Camunda's CREATE_INSTANCE grant). */
    private String starterOf(ProcessDefinition definition) {
        for (String candidate : List.of("clerk." + Applications.VILLAGE, "village." + Applications.VILLAGE,
                "county.654224", "cadre.654224.02", "township.654224101")) {
            boolean may = Officials.as(identity, candidate, () -> repository.createProcessDefinitionQuery()
                    .processDefinitionId(definition.getId()).startablePermissionCheck().count() > 0);
            if (may) {
                return candidate;
            }
        }
        throw new AssertionError("no demo official may start " + definition.getKey());
    }

    private boolean declaredOnStartForm(ProcessDefinition definition, String field) {
        try (var form = forms.getDeployedStartForm(definition.getId())) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).findValuesAsText("key").contains(field);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<ProcessDefinition> productModels() {
        // the test-only model (src/test/resources/bpmn) has no forms on purpose
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> !definition.getKey().equals("regionTestCase")).toList();
    }
}

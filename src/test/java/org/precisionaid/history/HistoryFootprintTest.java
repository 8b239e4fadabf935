package org.precisionaid.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.procedure.ObjectionService;
import org.precisionaid.support.CaseFlows;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one household's identification leaves in the engine's history (docs/benchmarks.md, issue #26): what an auditor
 * reads is all there — each task with its official, each value an official submitted with its time, claims and
 * completions, the path of tasks and events, the decisions' evaluations, the job log — and nothing is kept twice or
 * kept for no reader: no identity-link log, no variable-instance rows, no gateways, no display-only or derived values.
 */
@IntegrationTest
class HistoryFootprintTest {

    static final String VILLAGE = "654224200200"; // 多拉特村, 托里县: a village no other test reads
    static final String OTHER_VILLAGE = "654224200201"; // nor this one
    /**
     * 6 activities besides the tasks, 12 submitted values, 5 claims, 1 job-log row (the notice timer fired), 5 tasks,
     * 3 decisions with 14 inputs and outputs, the case: 47 (125 at history FULL, 73 after the first cut; ADR 0028).
     */
    static final int ROWS_OF_ONE_CASE = 47;

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectionService objections;
    @Autowired AssistanceService assistance;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    @Test
    void oneHouseholdsIdentificationKeepsWhatTheAuditorReadsInAtMost47Rows() {
        CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        String applicationNo = flows.applyOverRest(VILLAGE, 9817L);
        flows.approveToAnnouncement(VILLAGE, applicationNo);
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        flows.noticePeriodEnds(applicationNo);
        flows.register(VILLAGE, applicationNo, cadre);
        String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getId();

        List<String> submitted = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list()
                .stream().map(detail -> ((HistoricVariableUpdate) detail).getVariableName()).toList();
        assertThat(submitted).containsExactlyInAnyOrder("meetingDate", "attendees", "votesFor", "groupMinutes",
                "villageDecision", "villageNoticeDate", "townshipDecision", "householdVisited", "countyDecision",
                "cadreId", "plannedExitYear", "supportMeasures");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id).taskAssigned().count()).isEqualTo(5);
        assertThat(history.createUserOperationLogQuery().processInstanceId(id)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).count()).as("claims").isEqualTo(5);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().list())
                .as("each task's official and end: the completions the operation log no longer repeats")
                .extracting(task -> task.getAssignee()).doesNotContainNull().hasSize(5);
        assertThat(history.createUserOperationLogQuery().processInstanceId(id)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count()).as("completions by the holder").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
                .extracting(activity -> activity.getActivityType())
                .as("user tasks are kept as tasks, gateways and plain start and end events not at all")
                .doesNotContain("exclusiveGateway", "startEvent", "noneEndEvent", "userTask")
                .contains("serviceTask", "intermediateTimer", "subProcess");
        var theCase = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(theCase.getStartActivityId()).as("the case's row keeps its start").isEqualTo("applicationSubmitted");
        assertThat(theCase.getEndActivityId()).as("and which end it reached").isEqualTo("householdRegistered");
        assertThat(theCase.getStartUserId()).as("and who opened it").isEqualTo("clerk." + VILLAGE);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(id).list())
                .as("the job log keeps the firing of the notice timer, not the creation or deletion of timers")
                .singleElement().satisfies(job -> {
                    assertThat(job.isSuccessLog()).isTrue();
                    assertThat(job.getActivityId()).isEqualTo("noticePeriodOver");
                    assertThat(job.getHostname()).isNotBlank();
                });
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(id).count()).isEqualTo(3);

        assertThat(count("ACT_HI_VARINST", "PROC_INST_ID_", id)).as("values are kept once, as updates").isZero();
        assertThat(count("ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_", id)).isZero();
        long rows = 0;
        for (Map.Entry<String, String> table : Map.of("ACT_HI_PROCINST", "PROC_INST_ID_", "ACT_HI_ACTINST",
                "PROC_INST_ID_", "ACT_HI_TASKINST", "PROC_INST_ID_", "ACT_HI_DETAIL", "PROC_INST_ID_", "ACT_HI_OP_LOG",
                "PROC_INST_ID_", "ACT_HI_DECINST", "PROC_INST_ID_", "ACT_HI_INCIDENT", "PROC_INST_ID_", "ACT_HI_JOB_LOG",
                "PROCESS_INSTANCE_ID_").entrySet()) {
            rows += count(table.getKey(), table.getValue(), id);
        }
        rows += jdbc.queryForObject("select count(*) from ACT_HI_DEC_IN i join ACT_HI_DECINST d on d.ID_ = i.DEC_INST_ID_"
                + " where d.PROC_INST_ID_ = ?", Long.class, id);
        rows += jdbc.queryForObject("select count(*) from ACT_HI_DEC_OUT o join ACT_HI_DECINST d on d.ID_ = o.DEC_INST_ID_"
                + " where d.PROC_INST_ID_ = ?", Long.class, id);
        assertThat(rows).as("history rows of one household's identification (125 before)").isLessThanOrEqualTo(
                ROWS_OF_ONE_CASE);
    }

    @Test
    void aTaskCompletedBySomeoneElseThanItsHolderKeepsItsOperationLogEntry() {
        CaseFlows flows = new CaseFlows(rest, identity, tasks, runtime, management, objections);
        String applicationNo = flows.applyOverRest(OTHER_VILLAGE, 9818L);
        String clerk = "clerk." + OTHER_VILLAGE;
        var task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey("groupEvaluation")
                .singleResult();
        org.precisionaid.support.Officials.as(identity, clerk, () -> tasks.claim(task.getId(), clerk));
        identity.setAuthentication("admin", List.of(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN));
        try {
            tasks.complete(task.getId(), Map.of("meetingDate", new java.util.Date(), "attendees", 30L, "votesFor", 25L,
                    "groupMinutes", "第二村民小组会议 / group meeting"));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .as("the task's row says the clerk held it; only the log says the administrator completed it")
                .singleElement().extracting(UserOperationLogEntry::getUserId).isEqualTo("admin");
    }

    private long count(String table, String column, String id) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Long.class, id);
    }
}

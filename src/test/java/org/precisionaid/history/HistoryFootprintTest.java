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
    /**
     * 15 activities, 12 submitted values, 11 operations, 12 job-log rows (each timer made, fired or deleted), 5 tasks,
     * 3 decisions with 14 inputs and outputs, the case.
     */
    static final int ROWS_OF_ONE_CASE = 73;

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
    void oneHouseholdsIdentificationKeepsWhatTheAuditorReadsInAtMost73Rows() {
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
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
                .extracting(activity -> activity.getActivityType()).doesNotContain("exclusiveGateway")
                .contains("userTask", "serviceTask", "intermediateTimer", "startEvent", "noneEndEvent");
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(id).count()).isEqualTo(3);

        assertThat(count("ACT_HI_VARINST", "PROC_INST_ID_", id)).as("values are kept once, as updates").isZero();
        assertThat(count("ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_", id)).isZero();
        assertThat(jdbc.queryForList("select ACT_ID_ from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and JOB_STATE_ = 2",
                String.class, id)).as("the job log keeps each run: the notice timer fired, once").containsOnlyOnce(
                "noticePeriodOver");
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?"
                + " and JOB_STATE_ in (0, 3)", Long.class, id)).as("no rows for timers made or deleted").isZero();
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
        System.out.println("History rows of one household's identification: " + rows);
        assertThat(rows).as("history rows of one household's identification (125 before)").isLessThanOrEqualTo(
                ROWS_OF_ONE_CASE);
    }

    private long count(String table, String column, String id) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Long.class, id);
    }
}

package org.precisionaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;
import static org.precisionaid.support.Officials.claimAndComplete;

import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.security.engine.ServerChosenValues;
import org.precisionaid.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class PostgresIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;

    @Test
    void theApplicationRunsOnARealPostgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void flywayTablesAndDemoRegionsExistBesideCamundasOwn() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // the divisions Flyway loads; tests sharing this database add villages of their own (named 测试村n)
        assertThat(jdbc.queryForObject("select count(*) from region where name_zh not like '测试村%'", Integer.class))
                .isEqualTo(1481);
        for (String table : new String[] {"household", "household_member", "household_status_change", "file_card",
                "objection"}) {
            assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = ?",
                    Integer.class, table)).as(table).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name = 'act_ru_task'", Integer.class))
                .isEqualTo(1);
    }

    @Autowired
    org.precisionaid.identification.IdentificationStarter starter;
    @Autowired
    org.precisionaid.registry.HouseholdService households;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.precisionaid.assistance.AssistanceService assistance;

    @Test
    void theWholeIdentificationFlowRunsOnPostgresql() {
        String village = "654225101209";
        String applicationNo = as(identity, "clerk." + village, () -> starter.apply(
                org.precisionaid.support.Applications.eligible(village), "clerk." + village)).household().getApplicationNo();
        claimAndComplete(identity, tasks, "clerk." + village, applicationNo, Map.of("meetingDate", new java.util.Date(), "attendees", 12L,
                "votesFor", 10L, "groupMinutes", "通过"));
        claimAndComplete(identity, tasks, "village." + village, applicationNo,
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
        claimAndComplete(identity, tasks, "township.654225101", applicationNo, Map.of("townshipDecision", "approve"));
        claimAndComplete(identity, tasks, "county.654225", applicationNo, Map.of("countyDecision", "approve"));
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instanceId).activityId("noticePeriodOver")
                .singleResult().getId());
        claimAndComplete(identity, tasks, "township.654225101", applicationNo, Map.of("cadreId",
                String.valueOf(org.precisionaid.support.Cadres.fresh(assistance, "654225",
                        org.precisionaid.assistance.CadreRank.STAFF)), "supportMeasures", "劳务输出与技能培训", "plannedExitYear", 2027L));
        assertThat(households.get(applicationNo).getStatus())
                .isEqualTo(org.precisionaid.registry.Codes.Status.REGISTERED);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getState()).isEqualTo("COMPLETED");
    }


    @Test
    void aCaseGoesFromStartToEnd() {
        var instance = ServerChosenValues.apply(() -> as(identity, "clerk.654225101209",
                () -> runtime.startProcessInstanceByKey("regionTestCase", "PG-ROUND-TRIP",
                        Map.of("regionCode", "654225101209"))));
        Task task = as(identity, "township.654225101",
                () -> tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult());
        assertThat(task).isNotNull();
        as(identity, "township.654225101", () -> tasks.complete(task.getId()));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("PG-ROUND-TRIP")
                .singleResult().getState()).isEqualTo("COMPLETED");
    }
}

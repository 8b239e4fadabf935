package org.precisionaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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
        assertThat(jdbc.queryForObject("select count(*) from region", Integer.class)).isEqualTo(33);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name = 'act_ru_task'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aCaseGoesFromStartToEnd() {
        var instance = as(identity, "clerk.654225200201", () -> runtime.startProcessInstanceByKey("regionTestCase",
                "PG-ROUND-TRIP", Map.of("regionCode", "654225200201")));
        Task task = as(identity, "township.654225200",
                () -> tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult());
        assertThat(task).isNotNull();
        as(identity, "township.654225200", () -> tasks.complete(task.getId()));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("PG-ROUND-TRIP")
                .singleResult().getState()).isEqualTo("COMPLETED");
    }
}

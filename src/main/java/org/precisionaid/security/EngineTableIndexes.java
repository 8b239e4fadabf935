package org.precisionaid.security;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Our indexes on the engine's tables (ADR 0034): created on PostgreSQL once the engine has created or updated its
 * own schema, by name and only if missing, so every start leaves them in place and an engine upgrade finds them.
 *
 * <p>They live here, not in Flyway: our migrations run before the engine's schema exists, and the engine's tables
 * follow the engine's version, not ours. Each name starts with {@code PA_} so that nobody takes it for one of
 * Camunda's. An index that cannot be created (an upgrade renamed a column) is logged and skipped: the queries it
 * serves then run slower, never differently. Switch off with {@code precision-aid.engine.table-indexes=false}.
 */
@Component
@ConditionalOnProperty(name = "precision-aid.engine.table-indexes", havingValue = "true", matchIfMissing = true)
public class EngineTableIndexes extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EngineTableIndexes.class);

    /**
     * First: a group's grants on one resource type, read from the index alone (no visit to the table, once VACUUM
     * has set the visibility map): what the count reads for the check of each task (ADR 0031). Partial on grants
     * ({@code TYPE_ = 1}): revokes and global grants are few and keep the engine's unique indexes.
     */
    static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS PA_IDX_AUTH_GROUP_GRANTS ON ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_TYPE_) "
                    + "INCLUDE (RESOURCE_ID_, PERMS_) WHERE TYPE_ = 1",
            // the group filter's order (due date, oldest first) and Tasklist's extension of it (then created, newest
            // first): walked until the page is full (TaskListSemiJoin); the engine indexes neither
            "CREATE INDEX IF NOT EXISTS PA_IDX_TASK_DUE_CREATED ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC)");

    private String databaseType;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        databaseType = configuration.getDatabaseType();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!"postgres".equals(databaseType)) {
            return; // measured on PostgreSQL; H2 (the demo) plans these queries its own way
        }
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        for (String ddl : INDEXES) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(true);
                try {
                    statement.execute(ddl);
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (Exception e) {
                LOG.warn("Engine table index not created, its queries run slower: {} ({})", ddl, e.getMessage());
            }
        }
    }
}

package org.precisionaid.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Rewrites the SQL that the engine's MyBatis mapping builds for a few named statements, after the mapping has built it
 * and before it is sent (ADR 0031, ADR 0034). The rewrite sits in the statement's own {@link SqlSource}, so every other
 * statement runs exactly as the engine wrote it and pays nothing: the MyBatis interceptors used before wrapped every
 * statement of every command in proxies and read its handler by reflection, about a fifth of the CPU of
 * identification's steps (docs/benchmarks.md B3, issue #26).
 */
final class EngineStatementRewrites {

    /** The task list (Tasklist's filters, the task REST and Java queries) and its count, as the engine maps them. */
    static final String TASK_LIST = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
    static final String TASK_COUNT =
            "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria";
    static final Set<String> TASK_LIST_AND_COUNT = Set.of(TASK_LIST, TASK_COUNT);

    /** The order in which the rewrites apply to a statement, whichever installs first. */
    enum Stage {
        /** {@link TaskListSemiJoin}: it must see the engine's own SQL. */
        SEMI_JOIN,
        /** {@link TaskListGrantLookups}: on what the semi-join left. */
        GRANT_LOOKUPS
    }

    @FunctionalInterface
    interface Rewrite {
        /** The SQL to send instead of {@code sql} for the statement {@code statementId}; {@code sql} if none. */
        String apply(String statementId, String sql);
    }

    private EngineStatementRewrites() {
    }

    /** Adds {@code rewrite} at {@code stage} to each of the engine's statements named (full MyBatis ids). */
    static void install(ProcessEngineConfigurationImpl engine, Set<String> statementIds, Stage stage, Rewrite rewrite) {
        install(engine.getSqlSessionFactory().getConfiguration(), statementIds, stage, rewrite);
    }

    static void install(Configuration mybatis, Set<String> statementIds, Stage stage, Rewrite rewrite) {
        for (String id : statementIds) {
            MappedStatement statement = mybatis.getMappedStatement(id);
            if (!(statement.getSqlSource() instanceof Rewritten)) {
                SystemMetaObject.forObject(statement).setValue("sqlSource",
                        new Rewritten(id, statement.getSqlSource(), mybatis));
            }
            ((Rewritten) statement.getSqlSource()).rewrites.put(stage, rewrite);
        }
    }

    /** The engine's SQL source of one statement, and the rewrites applied to what it builds, in their stages' order. */
    static final class Rewritten implements SqlSource {

        private final String statementId;
        private final SqlSource engine;
        private final Configuration mybatis;
        /** Filled while the engine starts, read only afterwards. */
        private final Map<Stage, Rewrite> rewrites = new EnumMap<>(Stage.class);

        Rewritten(String statementId, SqlSource engine, Configuration mybatis) {
            this.statementId = statementId;
            this.engine = engine;
            this.mybatis = mybatis;
        }

        @Override
        public BoundSql getBoundSql(Object parameter) {
            BoundSql built = engine.getBoundSql(parameter);
            String sql = built.getSql();
            for (Rewrite rewrite : rewrites.values()) {
                sql = rewrite.apply(statementId, sql);
            }
            if (sql.equals(built.getSql())) {
                return built;
            }
            // the rewrites move text around the placeholders and keep their order: the same parameters, including
            // those the mapping's loops bound (the official's groups)
            BoundSql rewritten = new BoundSql(mybatis, sql, built.getParameterMappings(), built.getParameterObject());
            built.getAdditionalParameters().forEach(rewritten::setAdditionalParameter);
            return rewritten;
        }
    }
}

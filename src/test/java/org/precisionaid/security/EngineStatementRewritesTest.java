package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;
import org.precisionaid.security.EngineStatementRewrites.Stage;

/** The rewrites of the engine's task list statements: in their stages' order, on the named statements only. */
class EngineStatementRewritesTest {

    private static final String TASK_LIST = "engine.selectTaskByQueryCriteria";
    private static final String OTHER = "engine.selectJobsByQueryCriteria";

    private final Configuration mybatis = new Configuration();

    @Test
    void theSemiJoinSeesTheEnginesSqlWhicheverInstallsFirst() {
        statement(TASK_LIST, "select * from ACT_RU_TASK where ID_ = ?");
        List<String> seen = new ArrayList<>();
        // installed in the opposite order of their stages, as two engine plugins might be ordered
        EngineStatementRewrites.install(mybatis, Set.of(TASK_LIST), Stage.GRANT_LOOKUPS, (id, sql) -> {
            seen.add("grant lookups saw: " + sql);
            return sql + " /* lookups */";
        });
        EngineStatementRewrites.install(mybatis, Set.of(TASK_LIST), Stage.SEMI_JOIN, (id, sql) -> {
            seen.add("semi-join saw: " + sql);
            return sql + " /* semi-join */";
        });

        BoundSql sent = mybatis.getMappedStatement(TASK_LIST).getBoundSql(Map.of("id", "42"));

        assertThat(seen).containsExactly("semi-join saw: select * from ACT_RU_TASK where ID_ = ?",
                "grant lookups saw: select * from ACT_RU_TASK where ID_ = ? /* semi-join */");
        assertThat(sent.getSql()).isEqualTo("select * from ACT_RU_TASK where ID_ = ? /* semi-join */ /* lookups */");
    }

    @Test
    void theRewrittenSqlKeepsTheParametersTheMappingBound() {
        SqlSource engine = parameter -> {
            BoundSql built = new BoundSql(mybatis, "select * from ACT_RU_TASK where I.GROUP_ID_ IN ( ? )",
                    List.of(new ParameterMapping.Builder(mybatis, "__frch_group_0", String.class).build()), parameter);
            built.setAdditionalParameter("__frch_group_0", "township-654224100"); // as a <foreach> binds it
            return built;
        };
        statement(TASK_LIST, engine);
        EngineStatementRewrites.install(mybatis, Set.of(TASK_LIST), Stage.SEMI_JOIN,
                (id, sql) -> sql.replace("select *", "select RES.ID_"));

        BoundSql sent = mybatis.getMappedStatement(TASK_LIST).getBoundSql(Map.of());

        assertThat(sent.getSql()).isEqualTo("select RES.ID_ from ACT_RU_TASK where I.GROUP_ID_ IN ( ? )");
        assertThat(sent.getParameterMappings()).extracting(ParameterMapping::getProperty)
                .containsExactly("__frch_group_0");
        assertThat(sent.getAdditionalParameter("__frch_group_0")).isEqualTo("township-654224100");
    }

    @Test
    void otherStatementsKeepTheEnginesSqlSource() {
        SqlSource jobs = new StaticSqlSource(mybatis, "select * from ACT_RU_JOB");
        statement(OTHER, jobs);
        statement(TASK_LIST, "select * from ACT_RU_TASK");
        EngineStatementRewrites.install(mybatis, Set.of(TASK_LIST), Stage.SEMI_JOIN, (id, sql) -> sql + " changed");

        assertThat(mybatis.getMappedStatement(OTHER).getSqlSource()).isSameAs(jobs);
        assertThat(mybatis.getMappedStatement(TASK_LIST).getBoundSql(Map.of()).getSql())
                .isEqualTo("select * from ACT_RU_TASK changed");
    }

    private void statement(String id, String sql) {
        statement(id, new StaticSqlSource(mybatis, sql));
    }

    private void statement(String id, SqlSource source) {
        mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, id, source, SqlCommandType.SELECT).build());
    }
}

package org.precisionaid.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Lets the database answer the authorization check of the task list and its count from one read of the
 * official's grants instead of several index look-ups per open task (ADR 0031, docs/benchmarks.md S2, issue #26).
 *
 * <p>With {@code authorization-check-revokes: always} (ADR 0004) the engine asks, for each task,
 * {@code RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE <grant> AND A.RESOURCE_ID_ = RES.ID_)}
 * inside {@code (SELECT CASE WHEN ... END)}. The last condition repeats what {@code IN} already says, but makes
 * the look-up correlated, so PostgreSQL runs it once per task: the count Tasklist shows beside each filter paid
 * three look-ups for each of a township's 16,700 open tasks. Without it each look-up is the same set for every
 * row and PostgreSQL reads it once into a hash table; without the {@code SELECT} around the {@code CASE} (a
 * select of one expression without a table is that expression) the planner also costs those hash tables once,
 * not once per row (with the wrapper, that estimate hid every difference between join orders and it chose to
 * probe the identity links for all open tasks of the county). The answer is the same for every row:
 * {@code x IN (SELECT r WHERE p AND r = x)} and {@code x IN (SELECT r WHERE p)} are both true exactly when a row
 * with {@code p} and {@code r = x} exists, and neither is true for a null {@code x}. Grants, revokes, their order
 * in the engine's CASE, the user, groups and permissions checked stay as the engine wrote them.
 *
 * <p>Only the task list and its count by candidate group (Tasklist's group filter, the task REST and Java
 * queries with {@code candidateGroup(s)}): they check every open task of the group before they sort, count or
 * cut a page, so reading the group's grants once is cheaper than looking up each task. A query that names its
 * task some other way (by business key, by process instance) keeps the per-row look-ups, which cost it a few
 * index reads instead of the group's grants. Only on PostgreSQL, where it was measured (H2, the demo database,
 * plans subqueries its own way; there the engine's SQL runs). Other statements keep the engine's SQL.
 * {@code precision-aid.engine.uncorrelated-task-grants=false} leaves the engine's SQL as it is (to compare, in
 * the benchmark's {@code bench.args}).
 */
@Component
@ConditionalOnProperty(name = "precision-aid.engine.uncorrelated-task-grants", havingValue = "true", matchIfMissing = true)
public class TaskListGrantLookups extends AbstractCamundaConfiguration {

    /**
     * {@code X IN (SELECT A.RESOURCE_ID_ FROM ... AND A.RESOURCE_ID_ = X)} within one subquery (no nested SELECT
     * between the two), X a column such as {@code RES.ID_} or {@code D.KEY_}.
     */
    private static final Pattern CORRELATED_GRANT = Pattern.compile(
            "(\\b[A-Z][A-Z0-9_]*\\.[A-Z][A-Z0-9_]*)(\\s+IN\\s*\\(\\s*SELECT\\s+A\\.RESOURCE_ID_\\b"
                    + "(?:(?!SELECT)[\\s\\S])*?)\\s+AND\\s+A\\.RESOURCE_ID_\\s*=\\s*\\1\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    /** The column of the engine's candidate-group condition, as its mapping writes it. */
    static final String CANDIDATE_GROUP_COLUMN = "I.GROUP_ID_";
    /** The engine's candidate-group condition: the query reads a whole group's tasks. */
    private static final Pattern BY_CANDIDATE_GROUP = Pattern.compile("\\bI\\.GROUP_ID_\\s+IN\\b", Pattern.CASE_INSENSITIVE);
    /** {@code (SELECT CASE}: a select of one expression and no table, as the engine wraps each check. */
    private static final Pattern SELECT_CASE = Pattern.compile("\\(\\s*SELECT\\s+CASE\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if ("postgres".equals(configuration.getDatabaseType())) {
            // the session factory and its statements exist after init
            EngineStatementRewrites.install(configuration, EngineStatementRewrites.TASK_LIST_AND_COUNT,
                    EngineStatementRewrites.Stage.GRANT_LOOKUPS, TaskListGrantLookups::rewritten);
        }
    }

    /**
     * A page that stops after its first rows ({@link TaskListSemiJoin}, ADR 0034) checks only the tasks it walks: a
     * few per-row look-ups each, cheaper than reading all of the group's grants. It keeps them.
     */
    private static String rewritten(String statementId, String sql) {
        return EngineStatementRewrites.TASK_LIST.equals(statementId) && TaskListSemiJoin.stopsAfterItsPage(sql)
                ? sql : uncorrelated(sql);
    }

    /**
     * A query by candidate group with each grant look-up made uncorrelated and the CASE unwrapped; other SQL
     * unchanged.
     */
    static String uncorrelated(String sql) {
        // a plain search first: the pattern over every task query's text (the officials' own look-ups by business
        // key, dozens per case) cost more than the queries' own mapping (issue #26)
        if (!sql.contains(CANDIDATE_GROUP_COLUMN) || !BY_CANDIDATE_GROUP.matcher(sql).find()) {
            return sql;
        }
        Matcher matcher = CORRELATED_GRANT.matcher(sql);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        while (matcher.find()) {
            found = true;
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + ")"));
        }
        if (!found) {
            return sql;
        }
        matcher.appendTail(out);
        return SELECT_CASE.matcher(out).replaceAll("( CASE");
    }
}

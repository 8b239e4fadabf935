package org.precisionaid.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL stop after the first page of a group's task list instead of reading, checking and sorting all of
 * the group's open tasks (ADR 0034, docs/benchmarks.md S2, issue #26).
 *
 * <p>For a query by candidate group the engine joins the identity links ({@code left join ACT_RU_IDENTITYLINK I})
 * and, because a task with two matching links would appear twice, lists {@code select distinct} over all 23 task
 * columns. That {@code DISTINCT} makes PostgreSQL build every row of the group before it can cut 50: it sorts on all
 * columns. When the candidate-group condition is the only thing that reads {@code I}, and it is one of the
 * conditions joined by {@code and} (one query, no {@code or} branches), the join becomes
 * {@code EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND <the same condition>)} and the
 * {@code DISTINCT} goes. Same rows: a task is listed by the engine's SQL exactly when one of its links satisfies the
 * condition (a task without links meets it with a row of nulls, for which {@code I.TYPE_ = 'candidate'} is not
 * true) and everything else in the where clause holds, which is what the {@code EXISTS} form says; the only other
 * join, the process definition, is on its primary key, so without the links each task is one row and
 * {@code DISTINCT} had nothing left to remove. The order is the engine's {@code order by}, untouched (among equal
 * sort keys SQL leaves the order open in both). The authorization check, the tenant check, the parameters and
 * their order stay as the engine wrote them.
 *
 * <p>Installed on the two statements alone ({@link EngineStatementRewrites}), before ADR 0031's rewrite.
 *
 * <p>Any other shape (an {@code or} query, a candidate user, {@code involvedUser}, a sort by variable, which joins
 * more tables) keeps the engine's SQL. Only on PostgreSQL, where it was measured. Switch off with
 * {@code precision-aid.engine.task-list-semi-join=false} (to compare, in the benchmark's {@code bench.args}).
 */
@Component
@ConditionalOnProperty(name = "precision-aid.engine.task-list-semi-join", havingValue = "true", matchIfMissing = true)
public class TaskListSemiJoin extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TaskListSemiJoin.class);

    private static final String I_JOIN = "\\s+left\\s+join\\s+((?:\\w+\\.)?)ACT_RU_IDENTITYLINK\\s+I\\s+on\\s+"
            + "I\\.TASK_ID_\\s*=\\s*RES\\.ID_(?=\\s)";
    private static final Pattern IDENTITY_JOIN = Pattern.compile(I_JOIN, Pattern.CASE_INSENSITIVE);
    /** As Task.xml writes a candidate-group condition: {@code I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ?, ? ) )}. */
    private static final Pattern CANDIDATE_GROUP = Pattern.compile(
            "I\\.TYPE_\\s*=\\s*'candidate'\\s+and\\s*\\(\\s*I\\.GROUP_ID_\\s+IN\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    /** Each query (the first and each {@code or} branch) opens with {@code 1 = 1 and}. */
    private static final Pattern QUERY_BLOCK = Pattern.compile("\\b1\\s*=\\s*1\\s+and\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_I_COLUMN = Pattern.compile("\\bI\\.", Pattern.CASE_INSENSITIVE);
    /** Without the links only the task and (for the authorization check) its definition, on its primary key. */
    private static final Pattern TASK_AND_DEFINITION_ONLY = Pattern.compile(
            "\\bfrom\\s+(?:\\w+\\.)?ACT_RU_TASK\\s+RES\\s+(?:(?:left\\s+|inner\\s+)?join\\s+(?:\\w+\\.)?ACT_RE_PROCDEF\\s+D"
                    + "\\s+on\\s+RES\\.PROC_DEF_ID_\\s*=\\s*D\\.ID_\\s+)?WHERE\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM_CLAUSES = Pattern.compile("\\bfrom\\s+(?:\\w+\\.)?ACT_RU_TASK\\s+RES\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISTINCT_TASK = Pattern.compile("\\b(select)\\s+distinct\\s+(RES\\.)",
            Pattern.CASE_INSENSITIVE);
    /** How the revoke-aware check closes: {@code ( CASE WHEN RES.CASE_EXECUTION_ID_ is not null THEN 1 ELSE (...) END ) = 1}. */
    private static final Pattern CHECK_IS_ONE = Pattern.compile("\\bEND\\s*\\)\\s*=\\s*1\\b", Pattern.CASE_INSENSITIVE);
    /** A branch of a CASE that yields anything but 1, 0 or null (possessive: all the line breaks the engine writes). */
    private static final Pattern OTHER_THAN_ONE_OR_ZERO = Pattern.compile(
            "\\bTHEN\\s++(?!(?:0|1)\\b)|\\bELSE\\s++(?!(?:0|1|null)\\b|\\(|CASE\\b|COALESCE\\b)", Pattern.CASE_INSENSITIVE);
    static final String SEMI_JOIN = "EXISTS (SELECT 1 FROM ";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if ("postgres".equals(configuration.getDatabaseType())) {
            EngineStatementRewrites.install(configuration, EngineStatementRewrites.TASK_LIST_AND_COUNT,
                    EngineStatementRewrites.Stage.SEMI_JOIN, (statement, sql) -> logged(sql, semiJoin(sql)));
        }
    }

    private static String logged(String engine, String rewritten) {
        if (!rewritten.equals(engine)) {
            LOG.debug("engine's SQL: {}", engine); // beside MyBatis's log of what was sent
        }
        return rewritten;
    }

    /** The group's task list or count with the links as a semi-join and without DISTINCT; other SQL unchanged. */
    static String semiJoin(String sql) {
        if (!sql.contains(TaskListGrantLookups.CANDIDATE_GROUP_COLUMN) // a plain search before the patterns
                || count(QUERY_BLOCK, sql) != 1 || count(FROM_CLAUSES, sql) != 1 || count(IDENTITY_JOIN, sql) != 1
                || count(CANDIDATE_GROUP, sql) != 1 || count(DISTINCT_TASK, sql) != 1) {
            return sql;
        }
        Matcher join = IDENTITY_JOIN.matcher(sql);
        join.find();
        String prefix = join.group(1);
        String withoutJoin = sql.substring(0, join.start()) + sql.substring(join.end());
        Matcher candidate = CANDIDATE_GROUP.matcher(withoutJoin);
        candidate.find();
        String rest = withoutJoin.substring(0, candidate.start()) + withoutJoin.substring(candidate.end());
        if (ANY_I_COLUMN.matcher(rest).find() || !TASK_AND_DEFINITION_ONLY.matcher(rest).find()) {
            return sql; // the links are read elsewhere too, or another table joins: keep the engine's SQL
        }
        String exists = SEMI_JOIN + prefix + "ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND "
                + candidate.group() + ")";
        String semi = withoutJoin.substring(0, candidate.start()) + exists + withoutJoin.substring(candidate.end());
        return checkAtLeastOne(DISTINCT_TASK.matcher(semi).replaceFirst("$1 $2"));
    }

    /**
     * {@code (CASE ... END) = 1} as {@code >= 1}: the same rows, as every branch of the check yields 1, 0 or null,
     * but PostgreSQL's planner guesses that a third of the tasks pass instead of one in two hundred (its default
     * for "an expression equals a constant"). With the lower guess it expected to walk the whole group before it
     * found 50 readable tasks and sorted them all; with the higher one it walks the sort order's index and stops.
     */
    private static String checkAtLeastOne(String sql) {
        if (count(CHECK_IS_ONE, sql) != 1 || OTHER_THAN_ONE_OR_ZERO.matcher(sql).find()) {
            return sql;
        }
        return CHECK_IS_ONE.matcher(sql).replaceFirst("END ) >= 1");
    }

    /** A task list this rewrite made able to stop after its page: it checks only the tasks it walks. */
    static boolean stopsAfterItsPage(String sql) {
        return sql.contains(SEMI_JOIN) && !DISTINCT_TASK.matcher(sql).find();
    }

    private static int count(Pattern pattern, String sql) {
        return (int) pattern.matcher(sql).results().count();
    }
}

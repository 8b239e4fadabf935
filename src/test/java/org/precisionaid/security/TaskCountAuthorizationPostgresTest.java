package org.precisionaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionaid.support.Officials.as;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.precisionaid.support.PostgresTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link TaskCountAuthorization} on PostgreSQL, where the count's reshaped SQL matters most (ADR 0031); and the
 * SQL PostgreSQL really receives for the group filter (ADR 0031's and ADR 0034's rewrites) answers exactly what
 * the engine's own SQL answers, run side by side on the same data.
 */
@PostgresTest
class TaskCountAuthorizationPostgresTest extends TaskCountAuthorization {

    private static final String TASK_MAPPER = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
    private static final Pattern PARAMETER = Pattern.compile("(.*)\\((\\w+)\\)");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRewrittenListAndCountAnswerWhatTheEnginesSqlAnswersInTheSameOrder() {
        String filterId = filters.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult().getId();
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String task = taskOf(open(OWN_VILLAGE));
            own.add(task);
            if (i < 3) { // due dates in the reverse of creation, so the two orders differ
                Task entity = tasks.createTaskQuery().taskId(task).singleResult();
                entity.setDueDate(Timestamp.from(Instant.parse("2031-01-01T00:00:00Z").minusSeconds(86_400L * i)));
                tasks.saveTask(entity);
            }
        }
        String neighbours = taskOf(open(OTHER_VILLAGE));
        // the filter includes assigned tasks and does not ask for active ones: both forms must agree on these too
        String assigned = taskOf(open(OWN_VILLAGE));
        tasks.setAssignee(assigned, OWN_TOWNSHIP);
        String suspended = taskOf(open(OWN_VILLAGE));
        String suspendedCase = tasks.createTaskQuery().taskId(suspended).singleResult().getProcessInstanceId();
        runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(suspendedCase).suspend();
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(OWN_TOWNSHIP);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(own.get(1));
        revoke.removePermission(Permissions.READ);
        authorizations.saveAuthorization(revoke);
        try {
            // the filter's order (due date, oldest first) and Tasklist's default (created, newest first)
            Sent byDueDate = sent("selectTaskByQueryCriteria", () -> filters.listPage(filterId, 0, 2000));
            Sent byCreated = sent("selectTaskByQueryCriteria", () -> filters.listPage(filterId,
                    tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 2000));
            Sent count = sent("selectTaskCountByQueryCriteria", () -> filters.count(filterId));

            for (Sent page : List.of(byDueDate, byCreated)) {
                assertThat(page.rewritten).doesNotContainIgnoringCase("select distinct")
                        .containsIgnoringCase("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I").contains("END ) >= 1");
                List<Map<String, Object>> engine = jdbc.queryForList(page.engine, page.parameters.toArray());
                List<Map<String, Object>> rewritten = jdbc.queryForList(page.rewritten, page.parameters.toArray());
                List<String> listed = rewritten.stream().map(row -> (String) row.get("id_")).toList();
                assertThat(listed).contains(own.get(0), own.get(2), own.get(3), assigned, suspended)
                        .doesNotContain(own.get(1), neighbours).doesNotHaveDuplicates();
                String key = page == byDueDate ? "due_date_" : "create_time_";
                // the same tasks in the same order; among equal sort keys SQL leaves the order open in both
                assertThat(runs(rewritten, key)).isEqualTo(runs(engine, key));
            }
            List<String> byDue = jdbc.queryForList(byDueDate.rewritten, byDueDate.parameters.toArray()).stream()
                    .map(row -> (String) row.get("id_")).filter(own::contains).toList();
            assertThat(byDue).containsExactly(own.get(2), own.get(0), own.get(3)); // nulls last, as the engine sorts

            assertThat(count.rewritten).containsIgnoringCase("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I");
            Long engineCount = jdbc.queryForObject(count.engine, Long.class, count.parameters.toArray());
            Long rewrittenCount = jdbc.queryForObject(count.rewritten, Long.class, count.parameters.toArray());
            assertThat(rewrittenCount).isEqualTo(engineCount)
                    .isEqualTo((long) jdbc.queryForList(byCreated.rewritten, byCreated.parameters.toArray()).size());
        } finally {
            authorizations.deleteAuthorization(revoke.getId());
            runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(suspendedCase).activate();
        }
    }

    /** Consecutive rows with the same sort key, as (key, set of task ids). */
    private static List<Map.Entry<Object, Set<String>>> runs(List<Map<String, Object>> rows, String key) {
        List<Map.Entry<Object, Set<String>>> runs = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object value = row.get(key) == null ? "null" : row.get(key); // tasks without a due date are one run too
            if (runs.isEmpty() || !Objects.equals(runs.get(runs.size() - 1).getKey(), value)) {
                runs.add(Map.entry(value, new LinkedHashSet<>()));
            }
            runs.get(runs.size() - 1).getValue().add((String) row.get("id_"));
        }
        return runs;
    }

    /** The engine's SQL (as TaskListSemiJoin logs it before rewriting), the SQL sent, and its parameters. */
    private record Sent(String engine, String rewritten, List<Object> parameters) {
    }

    private Sent sent(String statement, Supplier<?> call) {
        Logger rewriter = (Logger) LoggerFactory.getLogger(TaskListSemiJoin.class);
        Logger mapper = (Logger) LoggerFactory.getLogger(TASK_MAPPER + statement);
        Level rewriterLevel = rewriter.getLevel();
        Level mapperLevel = mapper.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        rewriter.addAppender(captured);
        mapper.addAppender(captured);
        rewriter.setLevel(Level.DEBUG);
        mapper.setLevel(Level.DEBUG);
        try {
            as(identity, OWN_TOWNSHIP, call);
        } finally {
            rewriter.setLevel(rewriterLevel);
            mapper.setLevel(mapperLevel);
            rewriter.detachAppender(captured);
            mapper.detachAppender(captured);
        }
        String engine = null;
        String rewritten = null;
        List<Object> parameters = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            String message = event.getFormattedMessage();
            if (message.startsWith("engine's SQL: ")) {
                engine = message.substring("engine's SQL: ".length());
            } else if (message.startsWith("==>  Preparing: ")) {
                rewritten = message.substring("==>  Preparing: ".length());
            } else if (message.startsWith("==> Parameters: ")) {
                for (String part : message.substring("==> Parameters: ".length()).split(", ")) {
                    Matcher typed = PARAMETER.matcher(part);
                    assertThat(part.equals("null") || typed.matches()).as(part).isTrue();
                    if (part.equals("null")) {
                        parameters.add(null);
                    } else if (typed.group(2).equals("Integer")) {
                        parameters.add(Integer.valueOf(typed.group(1)));
                    } else if (typed.group(2).equals("Long")) {
                        parameters.add(Long.valueOf(typed.group(1)));
                    } else {
                        parameters.add(typed.group(1));
                    }
                }
            }
        }
        assertThat(engine).as("the rewrite applied to " + statement).isNotNull();
        assertThat(rewritten).isNotNull().isNotEqualTo(engine);
        return new Sent(engine, rewritten, parameters);
    }
}

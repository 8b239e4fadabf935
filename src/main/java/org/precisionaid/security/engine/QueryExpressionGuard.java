package org.precisionaid.security.engine;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import static org.precisionaid.security.engine.EngineInternals.field;
import static org.precisionaid.security.engine.EngineInternals.read;

/**
 * Checks every query before the engine runs it, whoever built it (engine REST, the webapps' API, Java code):
 * a query sent by a caller (ad hoc, or extending a saved filter) carries no expression at any depth, including
 * its {@code or} branches, which Camunda 7.24 CE does not check itself (CVE-2026-109432); a filter is saved
 * only with the expressions {@link QueryExpressions} allows. See docs/adr/0006-query-expressions.md.
 */
public class QueryExpressionGuard extends CommandInterceptor {

    static final String AD_HOC_RULE = "expressions are not accepted in a query; a saved filter may use "
            + "${currentUser()} or ${currentUserGroups()}";

    private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery",
            QueryExpressionGuard.class);
    private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter", QueryExpressionGuard.class);

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            refuseAnyExpression(query);
        } else if (command instanceof AbstractExecuteFilterCmd filterCommand) {
            Object extending = read(EXTENDING_QUERY, filterCommand);
            if (extending instanceof AbstractQuery<?, ?> query) {
                refuseAnyExpression(query);
            }
        } else if (command instanceof SaveFilterCmd save) {
            Object filter = read(SAVED_FILTER, save);
            if (filter instanceof Filter saved && saved.getQuery() instanceof AbstractQuery<?, ?> query) {
                allowOnlyStoredQueryFunctions(query);
            }
        }
        return next.execute(command);
    }

    static void refuseAnyExpression(AbstractQuery<?, ?> query) {
        forEachExpression(query, (field, expression) -> {
            throw new QueryExpressionRefusedException(field, AD_HOC_RULE);
        });
    }

    static void allowOnlyStoredQueryFunctions(AbstractQuery<?, ?> query) {
        forEachExpression(query, (field, expression) -> {
            if (!QueryExpressions.isAllowedInStoredQuery(expression)) {
                throw new QueryExpressionRefusedException("query." + field, QueryExpressions.RULE);
            }
        });
    }

    /** Every expression of the query and of its or-branches, named as the REST field that carries it. */
    private static void forEachExpression(AbstractQuery<?, ?> query, java.util.function.BiConsumer<String, String> visit) {
        visitExpressions("", query.getExpressions(), visit);
        if (query instanceof TaskQueryImpl taskQuery) {
            List<TaskQueryImpl> branches = taskQuery.getQueries();
            for (int i = 1; i < branches.size(); i++) { // the first entry is the query itself
                visitExpressions("orQueries[" + (i - 1) + "].", branches.get(i).getExpressions(), visit);
            }
        }
    }

    private static void visitExpressions(String prefix, Map<String, String> expressions,
            java.util.function.BiConsumer<String, String> visit) {
        if (expressions != null) {
            expressions.forEach((method, expression) -> visit.accept(prefix + QueryExpressions.restField(method), expression));
        }
    }
}

package org.precisionaid.security.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression language with three limits: expressions reach only {@link ProcessBeans}; nothing
 * reaches reflection ({@link ReflectionGuardELResolver}); and an expression evaluated without a process
 * (that is, a task query's) runs only when it is one of the {@link QueryExpressions} allowed in saved filters,
 * whatever path brought it to the engine.
 */
public class GuardedExpressionManager extends SpringExpressionManager {

    public GuardedExpressionManager(ApplicationContext applicationContext) {
        super(applicationContext, new ProcessBeans(applicationContext));
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new ReflectionGuardELResolver());
        resolver.add(super.createElResolver());
        return resolver;
    }

    @Override
    public Expression createExpression(String expression) {
        ensureInitialized();
        ValueExpression valueExpression = createValueExpression(expression);
        return new QueryCheckedExpression(valueExpression, this, expression);
    }

    static class QueryCheckedExpression extends JuelExpression {

        QueryCheckedExpression(ValueExpression valueExpression, GuardedExpressionManager manager, String text) {
            super(valueExpression, manager, text);
        }

        @Override
        public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
            if (variableScope == null && contextExecution == null && !isLiteralText()
                    && !QueryExpressions.isAllowedInStoredQuery(expressionText) && evaluatedByAQuery()) {
                throw new ProcessEngineException("Expression refused in a query: " + QueryExpressions.RULE);
            }
            return super.getValue(variableScope, contextExecution);
        }

        /**
         * Whether the engine's query code is evaluating this expression, whatever command or path brought the query
         * here. Only asked for an expression without a process around it, which is rare outside queries (a task
         * listener of a task whose case is already gone), so walking the stack costs nothing noticeable.
         */
        private static boolean evaluatedByAQuery() {
            return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                    "evaluateExpressions".equals(frame.getMethodName())
                            && frame.getClassName().startsWith("org.camunda.bpm.engine.impl.")
                            && frame.getClassName().endsWith("Query" + "Impl")
                            || "org.camunda.bpm.engine.impl.AbstractQuery".equals(frame.getClassName())
                            && "evaluateExpressions".equals(frame.getMethodName())));
        }
    }
}

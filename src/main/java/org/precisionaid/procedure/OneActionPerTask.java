package org.precisionaid.procedure;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two officials (or one official's double click) acting on one task at the same moment act one after the other.
 * Without this, both commands read the task, the first completes it and ends its execution, and the second walks a
 * case that is no longer there: the engine answers with whichever NullPointerException it trips over first. Here a
 * claim or completion first locks the task's row ({@code select … for update}) in the transaction the engine then
 * joins, so the second waits for the first to commit and then finds the task gone (or claimed): a plain conflict.
 *
 * <p>Setting or removing a task's variables takes the same lock first. A completion locks the task, then deletes the
 * task's variables; a variable write without the lock would update the variable, then the task — the opposite order,
 * and two such transactions deadlock (seen on PostgreSQL when a cadre added refreshed the open registration tasks'
 * lists while a township registered a household). One order, task before its variables, for every writer.
 *
 * <p>First of the engine's command interceptors, so every door goes through it: both REST APIs, Tasklist and our code.
 */
@Component
public class OneActionPerTask extends AbstractCamundaConfiguration {

    private static final Map<Class<?>, Field> TASK_ID = Map.of(
            CompleteTaskCmd.class, field(CompleteTaskCmd.class, "taskId"),
            SubmitTaskFormCmd.class, field(SubmitTaskFormCmd.class, "taskId"),
            ClaimTaskCmd.class, field(ClaimTaskCmd.class, "taskId"),
            SetTaskVariablesCmd.class, field(AbstractVariableCmd.class, "entityId"),
            RemoveTaskVariablesCmd.class, field(AbstractVariableCmd.class, "entityId"));

    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public OneActionPerTask(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.transaction = new TransactionTemplate(transactions); // joins the caller's transaction where there is one
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new TaskLock());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    private final class TaskLock extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            String taskId = Context.getCommandContext() == null ? taskId(command) : null;
            if (taskId == null) {
                return next.execute(command);
            }
            return transaction.execute(status -> {
                lock(taskId); // an unknown id locks nothing: the engine then answers for it as it always does
                return next.execute(command);
            });
        }
    }

    /**
     * Locks an open task's row in the caller's transaction, as every action on the task does first; false when the
     * task is gone (completed meanwhile). For our own code that walks many tasks in one transaction and must skip
     * those another official has just completed rather than fail on them.
     */
    public boolean lock(String taskId) {
        return !jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ = ? for update", String.class, taskId).isEmpty();
    }

    private static String taskId(Command<?> command) {
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            Field field = TASK_ID.get(type);
            if (field != null) {
                try {
                    return (String) field.get(command);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda changed " + type.getName() + "." + name + "; review OneActionPerTask", e);
        }
    }
}

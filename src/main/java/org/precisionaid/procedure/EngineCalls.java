package org.precisionaid.procedure;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Engine calls made by a procedure on behalf of an official who may not make them himself (e.g. a DMN call). */
public final class EngineCalls {

    private EngineCalls() {
    }

    /** Inside a delegate or listener (a command is running): the call skips the official's authorization checks. */
    public static <T> T withoutAuthorization(Callable<T> call) {
        CommandContext context = Context.getCommandContext();
        try {
            return context == null ? call.call() : context.runWithoutAuthorization(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Also outside a command (a REST request, where the official's authentication is set on the engine): the call runs
     * in a command of its own without authorization checks, e.g. a rule shown to an official who may not evaluate it.
     */
    public static <T> T withoutAuthorization(CommandExecutor executor, Callable<T> call) {
        if (Context.getCommandContext() != null) {
            return withoutAuthorization(call);
        }
        return executor.execute(context -> context.runWithoutAuthorization(call));
    }
}

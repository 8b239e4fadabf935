package org.precisionaid.identification;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Engine calls made by the procedure on behalf of an official who may not make them himself. */
final class EngineCalls {

    private EngineCalls() {
    }

    static <T> T withoutAuthorization(Callable<T> call) {
        CommandContext context = Context.getCommandContext();
        try {
            return context == null ? call.call() : context.runWithoutAuthorization(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

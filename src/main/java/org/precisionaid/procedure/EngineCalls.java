package org.precisionaid.procedure;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Engine calls made by a procedure on behalf of an official who may not make them himself (e.g. a DMN call). */
public final class EngineCalls {

    private EngineCalls() {
    }

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
     * As {@link #withoutAuthorization(Callable)}, also outside the engine (a controller): the official's engine
     * authentication is set aside for the call and restored after it.
     */
    public static <T> T withoutAuthorization(org.camunda.bpm.engine.IdentityService identity, Callable<T> call) {
        org.camunda.bpm.engine.impl.identity.Authentication official = identity.getCurrentAuthentication();
        if (official == null || Context.getCommandContext() != null) {
            return withoutAuthorization(call);
        }
        identity.clearAuthentication();
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            identity.setAuthentication(official);
        }
    }
}

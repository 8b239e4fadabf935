package org.precisionaid.procedure;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A rejection is noted on the case by whoever decides it (level, reason, official); the procedure's own
 * "record rejection" delegate then writes it to its registry and the model closes the case.
 */
public final class Rejections {

    public static final String REJECTION_LEVEL = "rejectionLevel";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REJECTED_BY = "rejectedBy";

    private Rejections() {
    }

    public static void reject(VariableScope processScope, Enum<?> level, String reason, String official) {
        processScope.setVariable(REJECTION_LEVEL, level.name());
        processScope.setVariable(REJECTION_REASON, reason);
        processScope.setVariable(REJECTED_BY, official);
    }

    public static String level(VariableScope scope) {
        return (String) scope.getVariable(REJECTION_LEVEL);
    }

    public static String reason(VariableScope scope) {
        return (String) scope.getVariable(REJECTION_REASON);
    }

    public static String official(VariableScope scope) {
        return (String) scope.getVariable(REJECTED_BY);
    }
}

package org.precisionaid.identification;

import static org.precisionaid.identification.ProcessVariables.REJECTED_BY;
import static org.precisionaid.identification.ProcessVariables.REJECTION_LEVEL;
import static org.precisionaid.identification.ProcessVariables.REJECTION_REASON;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.registry.Codes.Level;

/** A rejection is noted on the case by whoever decides it; {@link ApplyRejection} then closes the case. */
final class Rejections {

    private Rejections() {
    }

    static void reject(VariableScope processScope, Level level, String reason, String official) {
        processScope.setVariable(REJECTION_LEVEL, level.name());
        processScope.setVariable(REJECTION_REASON, reason);
        processScope.setVariable(REJECTED_BY, official);
    }
}

package org.precisionaid.identification;

import org.precisionaid.procedure.ProcessBean;
import static org.precisionaid.identification.ProcessVariables.REJECTED_BY;
import static org.precisionaid.identification.ProcessVariables.REJECTION_LEVEL;
import static org.precisionaid.identification.ProcessVariables.REJECTION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** Ends a case as rejected, keeping level, reason and official in the registry. */
@Component("applyRejection")
@ProcessBean
public class ApplyRejection implements JavaDelegate {

    private final HouseholdService households;

    public ApplyRejection(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        Level level = Level.valueOf((String) execution.getVariable(REJECTION_LEVEL));
        households.decide(householdId, Status.REJECTED, level, "rejected",
                (String) execution.getVariable(REJECTION_REASON), (String) execution.getVariable(REJECTED_BY));
    }
}

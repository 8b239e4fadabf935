package org.precisionaid.identification;

import org.precisionaid.procedure.ProcessBean;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Rejections;
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
        Level level = Level.valueOf(Rejections.level(execution));
        households.decide(householdId, Status.REJECTED, level, "rejected", Rejections.reason(execution),
                Rejections.official(execution));
    }
}

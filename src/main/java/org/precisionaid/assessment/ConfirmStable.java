package org.precisionaid.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** confirmStable: a household stably out of poverty leaves monitoring if it was monitored. */
@Component("confirmStable")
@ProcessBean
public class ConfirmStable implements JavaDelegate {

    private final HouseholdService households;

    public ConfirmStable(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Household household = households.get(ProcessVariables.householdId(execution));
        if (household.isMonitored()) {
            households.monitor(household.getId(), false, "稳定脱贫 / stable in " + AssessmentVariables.year(execution),
                    Officials.actor(execution));
        }
    }
}

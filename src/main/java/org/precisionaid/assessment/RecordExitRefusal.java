package org.precisionaid.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** recordExitRefusal: the exit is not approved (level, reason, official); the household stays registered. */
@Component("recordExitRefusal")
@ProcessBean
public class RecordExitRefusal implements JavaDelegate {

    private final HouseholdService households;

    public RecordExitRefusal(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void execute(DelegateExecution execution) {
        households.exitRefused(ProcessVariables.householdId(execution), Level.valueOf(Rejections.level(execution)),
                Rejections.reason(execution), Rejections.official(execution));
        execution.setVariable(AssessmentVariables.EXIT_APPROVED, false);
    }
}

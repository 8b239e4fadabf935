package org.precisionaid.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** startMonitoring: the household that left poverty is watched for falling back (防止返贫监测). */
@Component("startMonitoring")
@ProcessBean
public class StartMonitoring implements JavaDelegate {

    private final HouseholdService households;

    public StartMonitoring(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void execute(DelegateExecution execution) {
        households.monitor(ProcessVariables.householdId(execution), true,
                "年度考核 / assessment " + AssessmentVariables.year(execution), Officials.actor(execution));
    }
}

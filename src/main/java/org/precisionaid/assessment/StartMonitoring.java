package org.precisionaid.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.monitoring.MonitoringStarter;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/**
 * startMonitoring: the assessment found the household at risk of falling (back) into poverty (防止返贫监测). It is marked
 * monitored and a case of the monitoring procedure opens for it (channel ASSESSMENT): identification, notice, support
 * plan and follow-up visits are that procedure's, not the assessment's (issue #21).
 */
@Component("startMonitoring")
@ProcessBean
public class StartMonitoring implements JavaDelegate {

    private final HouseholdService households;
    private final MonitoringStarter monitoring;

    public StartMonitoring(HouseholdService households, MonitoringStarter monitoring) {
        this.households = households;
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        String finding = "年度考核 / assessment " + AssessmentVariables.year(execution);
        households.monitor(householdId, true, finding, Officials.actor(execution));
        monitoring.openUnlessOpen(householdId, Channel.ASSESSMENT, finding, Officials.actor(execution));
    }
}

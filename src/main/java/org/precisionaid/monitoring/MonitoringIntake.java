package org.precisionaid.monitoring;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.security.RegionAccessGrants;
import org.springframework.stereotype.Component;

/**
 * openCase: how the case came in. Started over {@code /api}, by the annual assessment or by a department alert, the
 * server wrote the case and its household already; from the public page it wrote the village and the report; from
 * Tasklist the starting clerk's own village is the case's region (and its auditors get their read grants then). The
 * household still to be named is chosen by the clerk among the village's households the server offers.
 */
@Component("monitoringIntake")
@ProcessBean
public class MonitoringIntake implements JavaDelegate {

    private final MonitoringSummaries summaries;
    private final RegionAccessGrants auditorGrants;

    public MonitoringIntake(MonitoringSummaries summaries, CandidateGroups groups) {
        this.summaries = summaries;
        this.auditorGrants = new RegionAccessGrants(groups);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = MonitoringVariables.caseId(execution);
        if (caseId != null) {
            execution.setVariable(MonitoringVariables.SUBJECT_KNOWN, true);
            return;
        }
        execution.setVariable(MonitoringVariables.SUBJECT_KNOWN, false);
        String village;
        String summary;
        Object reportId = execution.getVariable(MonitoringVariables.REPORT_ID);
        if (reportId != null) {
            village = (String) execution.getVariable(MonitoringVariables.REGION_CODE);
            execution.setVariable(MonitoringVariables.CHANNEL, Channel.PUBLIC.name());
            summary = summaries.ofReport(((Number) reportId).longValue());
        } else {
            village = clerkVillage();
            execution.setVariable(MonitoringVariables.REGION_CODE, village);
            // the start had no region yet, so the auditors' grants given at every start did not reach this case
            auditorGrants.notify(execution.getProcessInstance());
            execution.setVariable(MonitoringVariables.CHANNEL, Channel.CLERK.name());
            Object text = execution.getVariable("reportText");
            summary = "**村文书发现 / Found by the clerk:** " + (text == null ? "" : text.toString().trim());
        }
        execution.setVariable("reportSummary", summary);
        execution.setVariable(MonitoringVariables.OPTIONS, summaries.options(village));
    }

    private static String clerkVillage() {
        Authentication official = Officials.current();
        String prefix = OfficialRole.CLERK.key() + "-";
        return official == null || official.getGroupIds() == null ? failNotAClerk(official)
                : official.getGroupIds().stream().filter(group -> group.startsWith(prefix))
                        .map(group -> group.substring(prefix.length())).findFirst()
                        .orElseGet(() -> failNotAClerk(official));
    }

    private static String failNotAClerk(Authentication official) {
        throw new ProcessEngineException("只有村文书可以在任务列表中发起防返贫监测 / Only a village clerk starts a monitoring case "
                + "in Tasklist; " + (official == null ? "nobody" : official.getUserId()) + " is none");
    }
}

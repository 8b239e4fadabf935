package org.precisionaid.monitoring;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.precisionaid.procedure.Deadlines;
import org.precisionaid.procedure.Escalation;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.region.CandidateGroups;
import org.springframework.stereotype.Component;

/** The engine's steps of a monitoring case, each one registry call: notices, entry, refusal, elimination, overdue. */
@Component("monitoringRecords")
@ProcessBean
public class MonitoringRecords implements JavaDelegate {

    private final MonitoringService monitoring;
    private final Deadlines deadlines;
    private final CandidateGroups groups;

    public MonitoringRecords(MonitoringService monitoring, Deadlines deadlines, CandidateGroups groups) {
        this.monitoring = monitoring;
        this.deadlines = deadlines;
        this.groups = groups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = MonitoringVariables.caseId(execution);
        String actor = Officials.actor(execution);
        switch (execution.getCurrentActivityId()) {
            case "publishNotice", "publishEliminationNotice" -> {
                Date ends = deadlines.noticeEnds(MonitoringService.PROCESS_KEY);
                monitoring.publishNotice(caseId, ends.toInstant(), actor);
                execution.setVariable(MonitoringVariables.NOTICE_ENDS, ends);
            }
            case "recordMonitored" -> monitoring.identified(caseId, actor);
            case "recordRejection" -> {
                if (caseId != null) {
                    monitoring.rejected(caseId, Rejections.level(execution), Rejections.reason(execution),
                            Rejections.official(execution));
                }
            }
            case "recordElimination" -> monitoring.eliminated(caseId, actor);
            case "recordEliminationRefusal" -> {
                monitoring.eliminationRefused(caseId, Rejections.level(execution), Rejections.reason(execution),
                        Rejections.official(execution));
                execution.removeVariable(Rejections.REJECTION_LEVEL);
                execution.removeVariable(Rejections.REJECTION_REASON);
                execution.removeVariable(Rejections.REJECTED_BY);
            }
            case "flagOverdue" -> flagOverdue(execution, caseId);
            default -> throw new IllegalStateException("no monitoring step " + execution.getCurrentActivityId());
        }
    }

    /** Not decided within 15 days of the first report: flagged, and township and county see the open task. */
    private void flagOverdue(DelegateExecution execution, Long caseId) {
        if (caseId != null && !monitoring.flagOverdue(caseId)) {
            return;
        }
        execution.setVariable("decisionOverdue", true);
        String region = (String) execution.getVariable(MonitoringVariables.REGION_CODE);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            tasks.addCandidateGroup(task.getId(), groups.of(region, "township"));
            tasks.addCandidateGroup(task.getId(), groups.of(region, "county"));
            tasks.setPriority(task.getId(), Escalation.ESCALATED_PRIORITY);
        }
    }
}

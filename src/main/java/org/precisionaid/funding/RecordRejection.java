package org.precisionaid.funding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.project.ProjectService;
import org.springframework.stereotype.Component;

/** Ends a project as rejected, keeping level, reason and official in the registry. */
@Component("fundingRecordRejection")
@ProcessBean
public class RecordRejection implements JavaDelegate {

    private final ProjectService projects;

    public RecordRejection(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        projects.decide(FundingVariables.projectId(execution), Status.REJECTED, Level.valueOf(Rejections.level(execution)),
                "rejected", Rejections.reason(execution), Rejections.official(execution));
    }
}

package org.precisionaid.funding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.ProjectService;
import org.springframework.stereotype.Component;

/** Writes what the DMN rules decided (lead unit, approval level) to the registry and refreshes the summary. */
@Component("fundingRecordRouting")
@ProcessBean
public class RecordRouting implements JavaDelegate {

    private final ProjectService projects;
    private final ProjectSummary summary;

    public RecordRouting(ProjectService projects, ProjectSummary summary) {
        this.projects = projects;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        projects.route(FundingVariables.projectId(execution), (String) execution.getVariable(FundingVariables.LEAD_UNIT),
                (String) execution.getVariable(FundingVariables.APPROVAL_LEVEL));
        summary.refresh(execution);
    }
}

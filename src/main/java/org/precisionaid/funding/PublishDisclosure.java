package org.precisionaid.funding;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Deadlines;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.ProjectService;
import org.springframework.stereotype.Component;

/** Puts the project on the public disclosure for the configured period; the model's timer waits for its end. */
@Component("fundingPublishDisclosure")
@ProcessBean
public class PublishDisclosure implements JavaDelegate {

    private final ProjectService projects;
    private final Deadlines deadlines;
    private final ProjectSummary summary;

    public PublishDisclosure(ProjectService projects, Deadlines deadlines, ProjectSummary summary) {
        this.projects = projects;
        this.deadlines = deadlines;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date ends = deadlines.noticeEnds(FundingVariables.PROCESS_KEY);
        projects.disclose(FundingVariables.projectId(execution), ends.toInstant(), Officials.actor(execution));
        execution.setVariable(FundingVariables.DISCLOSURE_ENDS, ends);
        summary.refresh(execution);
    }
}

package org.precisionaid.funding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.Money;
import org.precisionaid.project.Project;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.project.ProjectService;
import org.springframework.stereotype.Component;

/** Closes the project; the public page then shows its results (funds disbursed, outputs, households). */
@Component("fundingCloseProject")
@ProcessBean
public class CloseProject implements JavaDelegate {

    private final ProjectService projects;

    public CloseProject(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = FundingVariables.projectId(execution);
        Project project = projects.get(projectId);
        projects.decide(projectId, Status.CLOSED, Level.CLOSURE, "results announced",
                Money.format(project.getTotalFen()) + " 元 / yuan, " + project.getBeneficiaries().size()
                        + " 户 / households", Officials.actor(execution));
    }
}

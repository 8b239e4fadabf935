package org.precisionaid.funding;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionAnswers;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.project.ProjectCodes.Level;
import org.precisionaid.project.ProjectCodes.Status;
import org.precisionaid.project.ProjectService;
import org.springframework.stereotype.Component;

/**
 * Each objection to a project under disclosure becomes a task of the county office ({@link ObjectionAnswers});
 * the answer is kept with the project's decisions and, if upheld, the project is noted for rejection.
 */
@Component("fundingObjectionAnswer")
@ProcessBean
public class ObjectionAnswer implements TaskListener {

    private final ObjectionAnswers answers;
    private final ProjectService projects;

    public ObjectionAnswer(ObjectionAnswers answers, ProjectService projects) {
        this.answers = answers;
        this.projects = projects;
    }

    @Override
    public void notify(DelegateTask task) {
        long projectId = FundingVariables.projectId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            answers.attach(task, Objection.Subject.PROJECT, projectId);
            return;
        }
        ObjectionAnswers.Answer answer = answers.answer(task, FundingStartForm::describe);
        projects.decide(projectId, Status.DISCLOSED, Level.DISCLOSURE,
                answer.upheld() ? "objection upheld" : "objection dismissed", answer.finding(), answer.official());
        if (answer.upheld()) {
            Rejections.reject(task.getExecution().getProcessInstance(), Level.DISCLOSURE,
                    "异议成立 / Objection upheld: " + answer.finding(), answer.official());
        }
    }
}

package org.precisionaid.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.monitoring.MonitoringVariables.Step;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionAnswers;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.springframework.stereotype.Component;

/**
 * Each objection to a case on its village notice (entering monitoring, or risk elimination) is its own township task
 * ({@link ObjectionAnswers}); the finding is kept with the household's decisions and, if upheld, the case is noted for
 * refusal.
 */
@Component("monitoringObjections")
@ProcessBean
public class MonitoringObjections implements TaskListener {

    private final ObjectionAnswers answers;
    private final MonitoringService monitoring;

    public MonitoringObjections(ObjectionAnswers answers, MonitoringService monitoring) {
        this.answers = answers;
        this.monitoring = monitoring;
    }

    @Override
    public void notify(DelegateTask task) {
        long caseId = MonitoringVariables.caseId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            answers.attach(task, Objection.Subject.MONITORING, caseId);
            return;
        }
        ObjectionAnswers.Answer answer = answers.answer(task, message -> message);
        monitoring.note(caseId, answer.upheld() ? "objection upheld" : "objection dismissed", answer.finding(),
                answer.official());
        if (answer.upheld()) {
            Step step = "investigateEliminationObjection".equals(task.getTaskDefinitionKey()) ? Step.ELIMINATION_NOTICE
                    : Step.ANNOUNCEMENT;
            Rejections.reject(task.getExecution().getProcessInstance(), step,
                    "异议成立 / Objection upheld: " + answer.finding(), answer.official());
        }
    }
}

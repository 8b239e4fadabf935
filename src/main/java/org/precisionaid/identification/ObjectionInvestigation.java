package org.precisionaid.identification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionAnswers;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/**
 * Each objection to a household on notice (identification, and exit in householdExit) gets its own investigation task
 * of the township ({@link ObjectionAnswers}); the finding is kept with the household's decisions and, if upheld, the
 * case is noted for rejection.
 */
@Component("objectionInvestigation")
@ProcessBean
public class ObjectionInvestigation implements TaskListener {

    private final ObjectionAnswers answers;
    private final HouseholdService households;

    public ObjectionInvestigation(ObjectionAnswers answers, HouseholdService households) {
        this.answers = answers;
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ProcessVariables.householdId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            answers.attach(task, Objection.Subject.HOUSEHOLD, householdId);
            return;
        }
        ObjectionAnswers.Answer answer = answers.answer(task, StartForm::describe);
        // the household keeps its status: ANNOUNCED on the identification notice, REGISTERED on the exit notice
        households.note(householdId, Level.ANNOUNCEMENT,
                answer.upheld() ? "objection upheld" : "objection dismissed", answer.finding(), answer.official());
        if (answer.upheld()) {
            Rejections.reject(task.getExecution().getProcessInstance(), Level.ANNOUNCEMENT,
                    "异议成立 / Objection upheld: " + answer.finding(), answer.official());
        }
    }
}

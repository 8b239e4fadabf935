package org.precisionaid.village;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.procedure.Objection;
import org.precisionaid.procedure.ObjectionAnswers;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.village.VillageExit.Level;
import org.springframework.stereotype.Component;

/**
 * Each objection to a village's exit on notice becomes a task of the county office ({@link ObjectionAnswers}); the
 * answer is kept with the application's decisions and, if upheld, the application is noted for rejection.
 */
@Component("villageExitObjectionAnswer")
@ProcessBean
public class VillageExitObjectionAnswer implements TaskListener {

    private final ObjectionAnswers answers;
    private final VillageExitService exits;

    public VillageExitObjectionAnswer(ObjectionAnswers answers, VillageExitService exits) {
        this.answers = answers;
        this.exits = exits;
    }

    @Override
    public void notify(DelegateTask task) {
        long exitId = VillageExitVariables.exitId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            answers.attach(task, Objection.Subject.VILLAGE_EXIT, exitId);
            return;
        }
        ObjectionAnswers.Answer answer = answers.answer(task, message -> message);
        exits.decide(exitId, Level.NOTICE, answer.upheld() ? "objection upheld" : "objection dismissed",
                answer.finding(), answer.official());
        if (answer.upheld()) {
            Rejections.reject(task.getExecution().getProcessInstance(), Level.NOTICE,
                    "异议成立 / Objection upheld: " + answer.finding(), answer.official());
        }
    }
}

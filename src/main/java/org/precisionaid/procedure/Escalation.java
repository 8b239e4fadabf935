package org.precisionaid.procedure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.precisionaid.region.CandidateGroups;
import org.springframework.stereotype.Component;

/**
 * An overdue task is escalated to the level above: that level's group becomes a candidate too (it can
 * act or push), and the task moves to the top of everyone's list. Called from each task's timeout listener
 * as {@code ${escalation.escalate(task, 'county')}}, in every procedure.
 */
@Component("escalation")
@ProcessBean
public class Escalation {

    public static final int ESCALATED_PRIORITY = 90;

    private final CandidateGroups groups;

    public Escalation(CandidateGroups groups) {
        this.groups = groups;
    }

    public void escalate(DelegateTask task, String levelAbove) {
        String regionCode = (String) task.getVariable("regionCode");
        task.addCandidateGroup(groups.of(regionCode, levelAbove));
        task.setPriority(ESCALATED_PRIORITY);
        task.setVariableLocal("escalatedTo", groups.of(regionCode, levelAbove));
    }
}

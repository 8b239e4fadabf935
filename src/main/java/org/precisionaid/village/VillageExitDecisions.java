package org.precisionaid.village;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.village.VillageExit.Level;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * On completion of each review of a village exit: checks the official's entries (a broken rule keeps the task open
 * and names the field), keeps the decision with the application, notes a rejection for the model, and refreshes
 * the figures the next reviewer reads. The city's approval checks the exit conditions once more.
 */
@Component("villageExitDecisions")
@ProcessBean
public class VillageExitDecisions implements TaskListener {

    static final Set<String> REVIEW = Set.of("approve", "reject");

    private final VillageExitService exits;
    private final VillageExitSummary summary;

    public VillageExitDecisions(VillageExitService exits, VillageExitSummary summary) {
        this.exits = exits;
        this.summary = summary;
    }

    @Override
    public void notify(DelegateTask task) {
        VariableScope process = task.getExecution().getProcessInstance();
        long exitId = VillageExitVariables.exitId(task);
        String actor = Officials.actor(task);
        try {
            switch (task.getTaskDefinitionKey()) {
                case "townshipReview" -> review(task, process, exitId, actor, "township", Level.TOWNSHIP);
                case "countyReview" -> review(task, process, exitId, actor, "county", Level.COUNTY);
                case "cityApproval" -> review(task, process, exitId, actor, "city", Level.CITY);
                default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
        summary.refresh(process);
    }

    private void review(DelegateTask task, VariableScope process, long exitId, String actor, String prefix,
            Level level) {
        Map<String, String> errors = new LinkedHashMap<>();
        String decision = FormInput.choice(task, prefix + "Decision", REVIEW, errors);
        String comment = FormInput.text(task, prefix + "Comment", "reject".equals(decision), errors);
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
        if ("reject".equals(decision)) {
            Rejections.reject(process, level, comment, actor);
        } else if (level == Level.CITY) {
            exits.approveAtCity(exitId, comment, actor, prefix + "Decision");
        } else {
            exits.decide(exitId, level, "approved", comment, actor);
        }
    }
}

package org.precisionaid.crosscheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The cross-check in identification (issue #23 item 2). As an execution listener (pre-screen, so at the case's start
 * and after each correction) it matches the household with the county's current snapshots; on the township and county
 * review it matches again when the task is created, shows the hits, and on completion records their resolutions and
 * refuses an approval while one is open or confirmed. Runs before {@code taskDecisions}, in the same transaction.
 */
@Component("crossCheckReview")
@ProcessBean
public class CrossCheckReview implements TaskListener, ExecutionListener {

    private final CrossCheckHits hits;
    private final HitResolutions resolutions;

    public CrossCheckReview(CrossCheckHits hits, HitResolutions resolutions) {
        this.hits = hits;
        this.resolutions = resolutions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        hits.matchHousehold(ProcessVariables.householdId(execution));
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ProcessVariables.householdId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            hits.matchHousehold(householdId);
            resolutions.show(task, householdId);
            return;
        }
        String prefix = switch (task.getTaskDefinitionKey()) {
            case "townshipReview" -> "township";
            case "countyReview" -> "county";
            default -> throw new IllegalStateException("no cross-check on task " + task.getTaskDefinitionKey());
        };
        Level level = "township".equals(prefix) ? Level.TOWNSHIP : Level.COUNTY;
        try {
            resolutions.record(task, householdId, level, Officials.actor(task));
            Object decision = task.getVariable(prefix + "Decision");
            if ("approve".equals(decision)) {
                resolutions.requireClear(task, householdId, prefix + "Decision");
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
    }
}

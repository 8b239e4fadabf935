package org.precisionaid.village;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.procedure.Rejections;
import org.springframework.stereotype.Component;

/** Ends a village's application as rejected, keeping level, reason and official with the application. */
@Component("villageExitRecordRejection")
@ProcessBean
public class RecordVillageExitRejection implements JavaDelegate {

    private final VillageExitService exits;

    public RecordVillageExitRejection(VillageExitService exits) {
        this.exits = exits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exits.reject(VillageExitVariables.exitId(execution), VillageExit.Level.valueOf(Rejections.level(execution)),
                Rejections.reason(execution), Rejections.official(execution));
    }
}

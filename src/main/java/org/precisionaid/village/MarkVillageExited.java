package org.precisionaid.village;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.springframework.stereotype.Component;

/** The village leaves poverty: the year goes into its file and the application is closed as EXITED. */
@Component("villageExitMarkExited")
@ProcessBean
public class MarkVillageExited implements JavaDelegate {

    private final VillageExitService exits;

    public MarkVillageExited(VillageExitService exits) {
        this.exits = exits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exits.markExited(VillageExitVariables.exitId(execution), Officials.actor(execution));
    }
}

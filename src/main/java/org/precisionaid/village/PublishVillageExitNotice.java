package org.precisionaid.village;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Deadlines;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.springframework.stereotype.Component;

/** Puts the village's exit on public notice for the configured period; the model's timer waits for its end. */
@Component("villageExitPublishNotice")
@ProcessBean
public class PublishVillageExitNotice implements JavaDelegate {

    private final VillageExitService exits;
    private final Deadlines deadlines;

    public PublishVillageExitNotice(VillageExitService exits, Deadlines deadlines) {
        this.exits = exits;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date ends = deadlines.noticeEnds(VillageExitVariables.PROCESS_KEY);
        exits.announce(VillageExitVariables.exitId(execution), ends.toInstant(), Officials.actor(execution));
        execution.setVariable(VillageExitVariables.NOTICE_ENDS, ends);
    }
}

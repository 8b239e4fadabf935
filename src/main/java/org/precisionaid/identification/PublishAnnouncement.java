package org.precisionaid.identification;

import org.precisionaid.procedure.ProcessBean;
import static org.precisionaid.identification.ProcessVariables.NOTICE_ENDS;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Deadlines;
import org.precisionaid.procedure.Officials;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** Puts the household on the public notice for the configured period; the model's timer waits for its end. */
@Component("publishAnnouncement")
@ProcessBean
public class PublishAnnouncement implements JavaDelegate {

    private final HouseholdService households;
    private final Deadlines deadlines;

    public PublishAnnouncement(HouseholdService households, Deadlines deadlines) {
        this.households = households;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        Date ends = deadlines.noticeEnds(ProcessVariables.PROCESS_KEY);
        households.announce(householdId, ends.toInstant(), Officials.actor(execution));
        execution.setVariable(NOTICE_ENDS, ends);
    }
}

package org.precisionaid.assessment;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.Deadlines;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** publishExitNotice: the proposed exit goes on the village's public notice; the model's timer waits for its end. */
@Component("publishExitNotice")
@ProcessBean
public class PublishExitNotice implements JavaDelegate {

    private final HouseholdService households;
    private final Deadlines deadlines;

    public PublishExitNotice(HouseholdService households, Deadlines deadlines) {
        this.households = households;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date ends = deadlines.noticeEnds(AssessmentVariables.EXIT_KEY);
        households.publishExitNotice(ProcessVariables.householdId(execution), ends.toInstant(),
                Officials.actor(execution));
        execution.setVariable(AssessmentVariables.EXIT_NOTICE_ENDS, ends);
    }
}

package org.precisionaid.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * monitoringMeasures of the annual assessment's earlier versions: what the township does for a monitored household is
 * kept with its decisions. The current model opens a monitoring case instead (issue #21); this listener stays for the
 * assessment cases still running on an earlier version, until they end or are migrated.
 */
@Component("assessmentMonitoring")
@ProcessBean
public class AssessmentMonitoring implements TaskListener {

    private final HouseholdService households;

    public AssessmentMonitoring(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String measures = FormInput.text(task, "monitoringMeasures", true, errors);
        if (!errors.isEmpty()) {
            throw Officials.pleaseCorrect(FieldRuleException.invalid(errors));
        }
        households.note(ProcessVariables.householdId(task), Level.ASSESSMENT, "monitoring measures", measures,
                Officials.actor(task));
    }
}

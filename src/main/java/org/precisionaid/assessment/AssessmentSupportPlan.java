package org.precisionaid.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/** updateSupportPlan: the township's new measures and planned exit year go onto the file card. */
@Component("assessmentSupportPlan")
@ProcessBean
public class AssessmentSupportPlan implements TaskListener {

    private final HouseholdService households;

    public AssessmentSupportPlan(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ProcessVariables.householdId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            FileCard card = households.fileCard(householdId).orElse(null);
            task.setVariableLocal("currentPlan", card == null ? "" : "**现有措施 / Current measures:** "
                    + card.getSupportMeasures() + " · **计划脱贫年度 / Planned exit:** " + card.getPlannedExitYear());
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String measures = FormInput.text(task, "supportMeasures", true, errors);
        Long exitYear = FormInput.whole(task.getVariable("plannedExitYear"), "plannedExitYear", errors);
        int thisYear = LocalDate.now().getYear();
        if (exitYear != null && (exitYear <= AssessmentVariables.year(task) || exitYear > thisYear + 5)) {
            errors.put("plannedExitYear", "must be after " + AssessmentVariables.year(task) + " and at most "
                    + (thisYear + 5));
        }
        if (!errors.isEmpty()) {
            throw Officials.pleaseCorrect(FieldRuleException.invalid(errors));
        }
        households.updatePlan(householdId, measures, exitYear.intValue(), Officials.actor(task));
    }
}

package org.precisionaid.identification;

import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import static org.precisionaid.identification.ProcessVariables.HOUSEHOLD_ID;
import static org.precisionaid.identification.ProcessVariables.REGION_CODE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.region.CandidateGroups;
import org.precisionaid.region.InvalidRegionCodeException;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * Takes the start form into the registry. A broken rule stops the start altogether: nothing is written,
 * no case exists, and the clerk reads which field is wrong above his form.
 * Applications made over REST arrive already recorded and pass through.
 */
@Component("recordApplication")
@ProcessBean
public class RecordApplication implements JavaDelegate {

    private final HouseholdService households;
    private final CandidateGroups groups;

    public RecordApplication(HouseholdService households, CandidateGroups groups) {
        this.households = households;
        this.groups = groups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(HOUSEHOLD_ID)) {
            return;
        }
        ApplicationForm form = StartForm.read(execution::getVariable);
        try {
            if (form.regionCode() != null && !Officials.mayActAs(List.of(groups.of(form.regionCode(), "clerk")))) {
                throw FieldRuleException.invalid(Map.of("regionCode",
                        "only the clerk of village " + form.regionCode() + " may apply for its households"));
            }
            Household household = households.submit(form, Officials.actor(execution));
            execution.removeVariables(StartForm.allFields());
            execution.setVariable(HOUSEHOLD_ID, household.getId());
            execution.setVariable(REGION_CODE, household.getVillageCode());
            execution.setProcessBusinessKey(household.getApplicationNo());
        } catch (FieldRuleException | InvalidRegionCodeException e) {
            throw Officials.pleaseCorrect(e, StartForm::describe);
        }
    }
}

package org.precisionaid.identification;

import org.precisionaid.procedure.ProcessBean;
import static org.precisionaid.identification.ProcessVariables.CLASSIFICATION;
import static org.precisionaid.identification.ProcessVariables.CLASSIFICATION_REASON;
import static org.precisionaid.identification.ProcessVariables.PER_CAPITA_INCOME;
import static org.precisionaid.identification.ProcessVariables.POVERTY_LINE;
import static org.precisionaid.identification.ProcessVariables.SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.Rejections;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** Classifies the household by the DMN rules and leaves the facts each official needs on the case. */
@Component("prescreen")
@ProcessBean
public class Prescreen implements JavaDelegate {

    private final HouseholdService households;
    private final Eligibility eligibility;
    private final HouseholdSummary summary;

    public Prescreen(HouseholdService households, Eligibility eligibility, HouseholdSummary summary) {
        this.households = households;
        this.eligibility = eligibility;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        Household household = households.get(householdId);
        Eligibility.Assessment assessment = eligibility.assess(household);
        households.classify(householdId, assessment.classification(), assessment.reason());
        execution.setVariable(CLASSIFICATION, assessment.classification());
        execution.setVariable(CLASSIFICATION_REASON, assessment.reason());
        execution.setVariable(PER_CAPITA_INCOME, household.getPerCapitaIncome().doubleValue());
        execution.setVariable(POVERTY_LINE, assessment.povertyLine().doubleValue());
        execution.setVariable(SUMMARY, summary.of(household, assessment));
        if (!assessment.eligible()) {
            Rejections.reject(execution, Level.PRESCREEN, assessment.reason(), Officials.SYSTEM);
        }
    }
}

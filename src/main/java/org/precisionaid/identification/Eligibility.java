package org.precisionaid.identification;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.registry.Codes.LabourCapacity;
import org.precisionaid.registry.Household;
import org.springframework.stereotype.Service;

/** Asks the DMN rules (bpmn/eligibility.dmn) how a household is classified. The rules are data, not code. */
@Service
public class Eligibility {

    public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

    private final DecisionService decisions;

    public Eligibility(DecisionService decisions) {
        this.decisions = decisions;
    }

    public record Assessment(String classification, String reason, BigDecimal povertyLine) {
        public boolean eligible() {
            return !NOT_ELIGIBLE.equals(classification);
        }
    }

    public Assessment assess(Household household) {
        boolean hasLabour = household.getMembers().stream()
                .anyMatch(member -> member.getLabourCapacity() != LabourCapacity.NONE);
        return assess(household.getIncomeYear(), household.getPerCapitaIncome(), hasLabour, household.isOwnsCar(),
                household.isRegisteredBusiness(), household.isCommercialHousing(), household.isCivilServant());
    }

    public Assessment assess(int incomeYear, BigDecimal perCapitaIncome, boolean hasLabour, boolean ownsCar,
            boolean registeredBusiness, boolean commercialHousing, boolean civilServant) {
        Map<String, Object> inputs = Variables.createVariables()
                .putValue("incomeYear", incomeYear)
                .putValue("perCapitaIncome", perCapitaIncome.doubleValue())
                .putValue("hasLabour", hasLabour)
                .putValue("ownsCar", ownsCar)
                .putValue("registeredBusiness", registeredBusiness)
                .putValue("commercialHousing", commercialHousing)
                .putValue("civilServant", civilServant);
        DmnDecisionResult result = EngineCalls.withoutAuthorization(
                () -> decisions.evaluateDecisionByKey("classification").variables(inputs).evaluate());
        if (result.isEmpty() || result.getFirstResult().getEntry("line") == null) {
            // a missing line must stop the case, never let it pass: the engine raises an incident for the administrator
            throw new IllegalStateException("The DMN table povertyLine has no line for income year " + incomeYear
                    + ": an administrator must add it to bpmn/eligibility.dmn and deploy");
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        return new Assessment((String) row.get("classification"), (String) row.get("reason"),
                BigDecimal.valueOf(((Number) row.get("line")).doubleValue()));
    }

    /** The poverty line of an income year (yuan per person and year), from the DMN table povertyLine. */
    public BigDecimal povertyLine(int incomeYear) {
        DmnDecisionResult result = EngineCalls.withoutAuthorization(() -> decisions.evaluateDecisionByKey("povertyLine")
                .variables(Variables.createVariables().putValue("incomeYear", incomeYear)).evaluate());
        if (result.isEmpty() || result.getFirstResult().getEntry("povertyLine") == null) {
            throw new IllegalStateException("The DMN table povertyLine has no line for income year " + incomeYear
                    + ": an administrator must add it to bpmn/eligibility.dmn and deploy");
        }
        return BigDecimal.valueOf(((Number) result.getFirstResult().getEntry("povertyLine")).doubleValue());
    }
}

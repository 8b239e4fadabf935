package org.precisionaid.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.identification.Eligibility;
import org.precisionaid.procedure.EngineCalls;
import org.precisionaid.project.Money;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/**
 * Asks the DMN table householdAssessment (bpmn/assessment-rules.dmn) about a household's year. The inputs are
 * computed here from the registry and the income account; the thresholds (years above the line, the monitoring
 * multiple) are policy and stay in the table.
 */
@Component
public class ExitRule {

    /** How far back "years in a row above the line" looks; the table asks for fewer. */
    static final int LOOK_BACK = 5;

    private final DecisionService decisions;
    private final IncomeAccounts accounts;
    private final Eligibility eligibility;
    private final HouseholdService households;
    private final Clock clock;

    public ExitRule(DecisionService decisions, IncomeAccounts accounts, Eligibility eligibility,
            HouseholdService households, Clock clock) {
        this.decisions = decisions;
        this.accounts = accounts;
        this.eligibility = eligibility;
        this.households = households;
        this.clock = clock;
    }

    public record Finding(String outcome, String reason, long perCapitaNetFen, BigDecimal povertyLine,
                          int yearsAboveLine, boolean inTransition) {
    }

    public Finding assess(long householdId, int year, boolean guaranteesMet) {
        Household household = households.get(householdId);
        long perCapitaFen = accounts.perCapitaNetFen(householdId, year);
        BigDecimal line = eligibility.povertyLine(year);
        int yearsAbove = yearsAboveLine(household, year);
        FileCard card = households.fileCard(householdId).orElse(null);
        boolean inTransition = card != null && card.getPairingEnds() != null
                && card.getPairingEnds().isAfter(LocalDate.now(clock));
        Map<String, Object> inputs = Variables.createVariables()
                .putValue("status", household.getStatus().name())
                .putValue("perCapitaNet", Money.yuan(perCapitaFen).doubleValue())
                .putValue("povertyLine", line.doubleValue())
                .putValue("yearsAboveLine", yearsAbove)
                .putValue("guaranteesMet", guaranteesMet)
                .putValue("inTransition", inTransition);
        DmnDecisionResult result = EngineCalls.withoutAuthorization(
                () -> decisions.evaluateDecisionByKey("householdAssessment").variables(inputs).evaluate());
        if (result.isEmpty()) {
            throw new IllegalStateException("The DMN table householdAssessment has no rule for a " + household.getStatus()
                    + " household: an administrator must complete bpmn/assessment-rules.dmn and deploy");
        }
        return new Finding(result.getFirstResult().getEntry("outcome"), result.getFirstResult().getEntry("reason"),
                perCapitaFen, line, yearsAbove, inTransition);
    }

    /**
     * Years in a row, back from {@code year}, whose per-capita net income was strictly above that year's line: from
     * the account, or for the year of the application from the income declared then.
     */
    int yearsAboveLine(Household household, int year) {
        int count = 0;
        for (int y = year; y > year - LOOK_BACK; y--) {
            OptionalLong fen = accounts.perCapitaNetFenIfAny(household.getId(), y);
            BigDecimal income;
            if (fen.isPresent()) {
                income = Money.yuan(fen.getAsLong());
            } else if (household.getIncomeYear() == y) {
                income = household.getPerCapitaIncome();
            } else {
                break;
            }
            if (income.compareTo(eligibility.povertyLine(y)) <= 0) {
                break;
            }
            count++;
        }
        return count;
    }
}

package org.precisionaid.monitoring;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.EngineCalls;
import org.springframework.stereotype.Component;

/** Evaluates bpmn/monitoring-rules.dmn for the procedure (on behalf of the official, who may not call the DMN). */
@Component
public class MonitoringRules {

    private final DecisionService decisions;

    public MonitoringRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    public record Category(String category, String reason, double line) {
    }

    public record Elimination(boolean propose, String reason) {
    }

    /** A year without a monitoring line stops the case (an incident) instead of letting it pass. */
    public Category category(String villageCode, int year, String registryStatus, double perCapitaIncome,
            double rigidExpensesPerCapita, boolean incomeCollapse, boolean guaranteesSecure, boolean waterSecure) {
        var variables = Variables.createVariables().putValue("province", villageCode.substring(0, 2))
                .putValue("year", year);
        var line = EngineCalls.withoutAuthorization(() -> decisions.evaluateDecisionByKey("monitoringLine")
                .variables(variables).evaluate());
        if (line.isEmpty()) {
            throw new ProcessEngineException("monitoring-rules.dmn has no monitoring line for province "
                    + villageCode.substring(0, 2) + " in " + year + " (monitoringLine): add the row");
        }
        variables.putValue("registryStatus", registryStatus).putValue("perCapitaIncome", perCapitaIncome)
                .putValue("rigidExpensesPerCapita", rigidExpensesPerCapita).putValue("incomeCollapse", incomeCollapse)
                .putValue("guaranteesSecure", guaranteesSecure).putValue("waterSecure", waterSecure);
        DmnDecisionResultEntries result = EngineCalls.withoutAuthorization(() -> decisions
                .evaluateDecisionByKey("monitoringCategory").variables(variables).evaluate()).getFirstResult();
        return new Category(result.getEntry("category"), result.getEntry("reason"),
                ((Number) result.getEntry("line")).doubleValue());
    }

    public Elimination elimination(boolean noLabourCapacity, long monthsAboveLine, boolean rigidExpensesResolved,
            boolean guaranteesSecure, boolean waterSecure) {
        DmnDecisionResultEntries result = EngineCalls.withoutAuthorization(() -> decisions
                .evaluateDecisionByKey("riskElimination").variables(Variables.createVariables()
                        .putValue("noLabourCapacity", noLabourCapacity).putValue("monthsAboveLine", (int) monthsAboveLine)
                        .putValue("rigidExpensesResolved", rigidExpensesResolved)
                        .putValue("guaranteesSecure", guaranteesSecure).putValue("waterSecure", waterSecure))
                .evaluate()).getFirstResult();
        return new Elimination(Boolean.TRUE.equals(result.getEntry("propose")), result.getEntry("reason"));
    }
}

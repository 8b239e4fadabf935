package org.precisionaid.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/monitoring-rules.dmn at its boundaries: the line itself is not below it; six months are enough. */
@IntegrationTest
class MonitoringRulesTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "province {0}, {1} → {2}")
    @CsvSource({
            "65, 2021, 6000",
            "65, 2023, 6000",
            "65, 2024, 7800",
            "53, 2024, 6000",
            "53, 2025, 8700",
            "11, 2026, 6000",
    })
    void theLineOfAProvinceAndYear(String province, int year, double line) {
        var result = decisions.evaluateDecisionByKey("monitoringLine")
                .variables(Variables.createVariables().putValue("province", province).putValue("year", year)).evaluate();
        assertThat((Double) result.getSingleResult().getEntry("monitoringLine")).isEqualTo(line);
    }

    @Test
    void aYearBeforeMonitoringHasNoLine() {
        assertThat(decisions.evaluateDecisionByKey("monitoringLine")
                .variables(Variables.createVariables().putValue("province", "65").putValue("year", 2020)).evaluate())
                .as("no line: the case's risk assessment stops with an incident (MonitoringRules) instead of passing")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}, income {2} after rigid {3}, collapse {4}, guarantees {5}, water {6} → {7}")
    @CsvSource({
            // Xinjiang 2026: line 7,800 — exactly at the line is not below it
            "EXITED,     2026, 7799.99, 0,    false, true,  true,  UNSTABLE",
            "EXITED,     2026, 7800.00, 0,    false, true,  true,  NOT_AT_RISK",
            "REGISTERED, 2026, 5000.00, 0,    false, true,  true,  UNSTABLE",
            "MONITORED,  2026, 7799.99, 0,    false, true,  true,  MARGINAL",
            "MONITORED,  2026, 7800.00, 0,    false, true,  true,  NOT_AT_RISK",
            // above the line, but rigid expenses bring it below: exactly at the line after expenses is not below
            "MONITORED,  2026, 12000,   4200.01, false, true, true, SUDDEN_HARDSHIP",
            "MONITORED,  2026, 12000,   4200.00, false, true, true, NOT_AT_RISK",
            "EXITED,     2026, 20000,   0,    true,  true,  true,  SUDDEN_HARDSHIP",
            "EXITED,     2026, 20000,   0,    false, false, true,  SUDDEN_HARDSHIP",
            "EXITED,     2026, 20000,   0,    false, true,  false, SUDDEN_HARDSHIP",
            // 2021 floor everywhere
            "EXITED,     2021, 5999.99, 0,    false, true,  true,  UNSTABLE",
            "EXITED,     2021, 6000.00, 0,    false, true,  true,  NOT_AT_RISK",
    })
    void theCategory(String status, int year, double income, double rigid, boolean collapse, boolean guarantees,
            boolean water, String category) {
        var result = category(status, year, income, rigid, collapse, guarantees, water);
        assertThat((String) result.getEntry("category")).isEqualTo(category);
        assertThat((String) result.getEntry("reason")).contains(" / ");
    }

    private org.camunda.bpm.dmn.engine.DmnDecisionResultEntries category(String status, int year, double income,
            double rigid, boolean collapse, boolean guarantees, boolean water) {
        VariableMap variables = Variables.createVariables().putValue("province", "65").putValue("year", year)
                .putValue("registryStatus", status).putValue("perCapitaIncome", income)
                .putValue("rigidExpensesPerCapita", rigid).putValue("incomeCollapse", collapse)
                .putValue("guaranteesSecure", guarantees).putValue("waterSecure", water);
        return decisions.evaluateDecisionByKey("monitoringCategory").variables(variables).evaluate().getFirstResult();
    }

    @ParameterizedTest(name = "no labour {0}, {1} months, rigid resolved {2}, guarantees {3}, water {4} → {5}")
    @CsvSource({
            "false, 6,  true,  true,  true,  true",
            "false, 5,  true,  true,  true,  false",
            "false, 12, true,  true,  true,  true",
            "false, 0,  true,  true,  true,  false",
            "false, 8,  false, true,  true,  false",
            "false, 8,  true,  false, true,  false",
            "false, 8,  true,  true,  false, false",
            "true,  24, true,  true,  true,  false",
    })
    void riskElimination(boolean noLabour, int months, boolean rigid, boolean guarantees, boolean water,
            boolean propose) {
        var result = decisions.evaluateDecisionByKey("riskElimination").variables(Variables.createVariables()
                .putValue("noLabourCapacity", noLabour).putValue("monthsAboveLine", months)
                .putValue("rigidExpensesResolved", rigid).putValue("guaranteesSecure", guarantees)
                .putValue("waterSecure", water)).evaluate().getFirstResult();
        assertThat((Boolean) result.getEntry("propose")).isEqualTo(propose);
        assertThat((String) result.getEntry("reason")).contains(" / ");
    }
}

package org.precisionaid.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN table householdAssessment at its boundaries: the line itself is not above it; 1.5 times is not below. */
@IntegrationTest
class AssessmentRulesTest {

    @Autowired DecisionService decisions;

    @ParameterizedTest(name = "{0} income {1} (line 7500), {2} years above, guarantees {3}, transition {4} → {5}")
    @CsvSource({
            "REGISTERED, 7500.01, 2, true,  false, EXIT_PROPOSED",
            "REGISTERED, 7500.00, 2, true,  false, REMAINS",
            "REGISTERED, 9000.00, 1, true,  false, REMAINS",
            "REGISTERED, 9000.00, 3, false, false, REMAINS",
            "REGISTERED, 3000.00, 0, true,  false, REMAINS",
            "EXITED,     7499.99, 0, true,  true,  REENTRY",
            "EXITED,     7500.00, 0, true,  true,  MONITORED",
            "EXITED,     11249.99, 2, true, true,  MONITORED",
            "EXITED,     11250.00, 2, true, true,  STABLE",
            "EXITED,     20000.00, 2, false, true, MONITORED",
            "EXITED,     3000.00, 0, true,  false, STABLE",
    })
    void decides(String status, double perCapitaNet, int yearsAboveLine, boolean guaranteesMet, boolean inTransition,
            String outcome) {
        var result = decisions.evaluateDecisionByKey("householdAssessment").variables(Variables.createVariables()
                .putValue("status", status).putValue("perCapitaNet", perCapitaNet).putValue("povertyLine", 7500.0)
                .putValue("yearsAboveLine", yearsAboveLine).putValue("guaranteesMet", guaranteesMet)
                .putValue("inTransition", inTransition)).evaluate();
        assertThat((String) result.getFirstResult().getEntry("outcome")).isEqualTo(outcome);
        assertThat((String) result.getFirstResult().getEntry("reason")).contains(" / ");
    }
}

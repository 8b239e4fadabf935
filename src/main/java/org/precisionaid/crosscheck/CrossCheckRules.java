package org.precisionaid.crosscheck;

import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.EngineCalls;
import org.springframework.stereotype.Component;

/** Evaluates bpmn/crosscheck-rules.dmn: whether a department's record about a member matters, and which rule. */
@Component
public class CrossCheckRules {

    private final DecisionService decisions;

    public CrossCheckRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** What the table says about a record; {@code rule} is empty when it does not matter. */
    public record Verdict(boolean matters, String rule, String ruleLabel) {
    }

    public Verdict judge(DepartmentKind kind, String category, BigDecimal amount) {
        var variables = Variables.createVariables().putValue("kind", kind.name()).putValue("category", category)
                .putValue("amount", amount == null ? null : amount.doubleValue());
        // the server judges on the official's behalf; officials have no right to evaluate decisions themselves
        DmnDecisionResultEntries result = EngineCalls.withoutAuthorization(() -> decisions
                .evaluateDecisionByKey("crossCheckHit").variables(variables).evaluate()).getFirstResult();
        if (result == null) {
            return new Verdict(false, "", "");
        }
        return new Verdict(Boolean.TRUE.equals(result.getEntry("matters")), result.getEntry("rule"),
                result.getEntry("ruleLabel"));
    }
}

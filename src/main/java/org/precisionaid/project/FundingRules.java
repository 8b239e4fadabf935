package org.precisionaid.project;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.EngineCalls;
import org.springframework.stereotype.Component;

/**
 * Asks the DMN rules of bpmn/funding-rules.dmn, for code that runs outside the model (validation of an
 * application over REST). The model itself calls the same decisions in its business-rule tasks.
 */
@Component
public class FundingRules {

    private final DecisionService decisions;
    private final IdentityService identity;

    public FundingRules(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    /** Broken micro-credit rules (§12) as field → rule; empty when the loan qualifies. */
    public Map<String, String> microCreditViolations(double loanYuan, int termMonths, boolean secured) {
        DmnDecisionResult result = evaluate("microCredit", Variables.createVariables()
                .putValue("loanYuan", loanYuan).putValue("termMonths", termMonths).putValue("secured", secured));
        Map<String, String> violations = new LinkedHashMap<>();
        result.forEach(row -> violations.put((String) row.get("field"), (String) row.get("rule")));
        return violations;
    }

    /** The longest implementation period of a project type in months (DMN {@code longestPeriod}): policy, not code. */
    public int longestPeriodMonths(String projectType) {
        Object months = evaluate("longestPeriod", Variables.createVariables().putValue("projectType", projectType))
                .getSingleResult().getSingleEntry();
        return ((Number) months).intValue();
    }

    public String leadUnit(String projectType) {
        return evaluate("leadUnit", Variables.createVariables().putValue("projectType", projectType))
                .getSingleResult().getSingleEntry();
    }

    public String approvalLevel(double totalYuan) {
        return evaluate("approvalLevel", Variables.createVariables().putValue("totalYuan", totalYuan))
                .getSingleResult().getSingleEntry();
    }

    /** The rules are the county's policy, not an official's permission: evaluated without his authorizations. */
    private DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
        return EngineCalls.withoutAuthorization(identity,
                () -> decisions.evaluateDecisionByKey(key).variables(inputs).evaluate());
    }
}

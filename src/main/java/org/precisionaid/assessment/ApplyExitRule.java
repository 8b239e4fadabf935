package org.precisionaid.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.Money;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** applyExitRule: the DMN decides the household's year; the finding is kept in the registry and the run. */
@Component("applyExitRule")
@ProcessBean
public class ApplyExitRule implements JavaDelegate {

    private final ExitRule rule;
    private final AssessmentRecords records;
    private final HouseholdService households;

    public ApplyExitRule(ExitRule rule, AssessmentRecords records, HouseholdService households) {
        this.rule = rule;
        this.records = records;
        this.households = households;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        int year = AssessmentVariables.year(execution);
        ExitRule.Finding finding = rule.assess(householdId, year, AssessmentAccount.guaranteesMet(execution));
        records.outcome(householdId, year, finding.outcome());
        households.note(householdId, Level.ASSESSMENT, "assessed " + year + ": " + finding.outcome(),
                finding.reason(), Officials.actor(execution));
        execution.setVariable(AssessmentVariables.OUTCOME, finding.outcome());
        execution.setVariable("assessmentSummary", """
                **%d 年人均纯收入 / Per-capita net income %d:** %s 元 · **贫困线 / Poverty line:** %s 元 · **连续高于贫困线 / Years above the line:** %d
                **判定 / Finding:** %s — %s""".formatted(year, year, Money.format(finding.perCapitaNetFen()),
                finding.povertyLine().toPlainString(), finding.yearsAboveLine(), finding.outcome(), finding.reason()));
    }
}

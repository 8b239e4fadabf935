package org.precisionaid.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.Money;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * confirmAccount: shows the clerk the year's account (task-local summary, refreshed when he claims) and, on completion,
 * confirms it — the
 * per-capita net income is computed from the account and kept, and the year takes no more entries.
 */
@Component("assessmentAccount")
@ProcessBean
public class AssessmentAccount implements TaskListener {

    /** The "two no-worries, three guarantees" and safe drinking water, as the form asks them. */
    static final List<String> GUARANTEES = List.of("foodAndClothing", "compulsoryEducation", "medicalInsurance",
            "safeHousing", "safeDrinkingWater");

    private final IncomeAccounts accounts;
    private final HouseholdService households;
    private final AssessmentRecords records;

    public AssessmentAccount(IncomeAccounts accounts, HouseholdService households, AssessmentRecords records) {
        this.accounts = accounts;
        this.households = households;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ProcessVariables.householdId(task);
        int year = AssessmentVariables.year(task);
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            // on create (tens of thousands at once in the bulk start: one aggregate query) and again on claim
            task.setVariableLocal("accountSummary", accounts.summaryText(householdId, year));
            return;
        }
        Household household = households.get(householdId);
        IncomeAccounts.Summary account = accounts.summary(household.getApplicationNo(), year);
        Map<String, String> errors = new LinkedHashMap<>();
        if (account.entries().isEmpty()) {
            errors.put("accountConfirmed", "the account of " + year + " has no entries: record the year's income"
                    + " and expenditure first (收支台账)");
        } else if (!Boolean.TRUE.equals(task.getVariable("accountConfirmed"))) {
            errors.put("accountConfirmed", "tick to confirm the account has been checked with the household");
        }
        String comment = FormInput.text(task, "accountComment", false, errors);
        if (!errors.isEmpty()) {
            throw Officials.pleaseCorrect(FieldRuleException.invalid(errors));
        }
        String actor = Officials.actor(task);
        records.confirmed(householdId, year, account.perCapitaNetFen());
        households.note(householdId, Level.ASSESSMENT, "account confirmed " + year,
                "人均纯收入 / per-capita net income " + Money.format(account.perCapitaNetFen()) + " 元; "
                        + guarantees(task) + (comment == null ? "" : "; " + comment), actor);
    }

    static boolean guaranteesMet(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return GUARANTEES.stream().allMatch(field -> Boolean.TRUE.equals(scope.getVariable(field)));
    }

    private static String guarantees(DelegateTask task) {
        List<String> missing = GUARANTEES.stream().filter(f -> !Boolean.TRUE.equals(task.getVariable(f))).toList();
        return missing.isEmpty() ? "两不愁三保障及饮水安全 / every guarantee met" : "未保障 / missing: " + missing;
    }

}

package org.precisionaid.assessment;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.Money;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/**
 * reenterIdentification: a household that fell back below the line applies again, with this year's income from its
 * account, and goes through the five steps and the announcement like any other (the old file stays, EXITED).
 */
@Component("reenterIdentification")
@ProcessBean
public class ReenterIdentification implements JavaDelegate {

    private final HouseholdService households;
    private final IncomeAccounts accounts;
    private final IdentificationStarter starter;

    public ReenterIdentification(HouseholdService households, IncomeAccounts accounts, IdentificationStarter starter) {
        this.households = households;
        this.accounts = accounts;
        this.starter = starter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Household household = households.get(ProcessVariables.householdId(execution));
        int year = AssessmentVariables.year(execution);
        IncomeAccounts.Summary account = accounts.summary(household.getApplicationNo(), year);
        ApplicationForm before = households.formOf(household);
        ApplicationForm form = new ApplicationForm(before.regionCode(), before.villageGroup(), before.phone(), year,
                yuan(account, AccountItem.WAGES), yuan(account, AccountItem.OPERATING),
                yuan(account, AccountItem.PROPERTY), yuan(account, AccountItem.TRANSFER),
                Money.yuan(account.expenditureFen()), before.housingSafety(), before.drinkingWater(), before.causes(),
                before.ownsCar(), before.registeredBusiness(), before.commercialHousing(), before.civilServant(),
                before.members());
        String actor = Officials.actor(execution);
        String applicationNo = starter.apply(form, actor).household().getApplicationNo();
        households.note(household.getId(), Level.ASSESSMENT, "re-identification " + year,
                "返贫，重新识别申请 / fell back into poverty; new application " + applicationNo, actor);
        execution.setVariable("reidentificationNo", applicationNo);
    }

    private static BigDecimal yuan(IncomeAccounts.Summary account, AccountItem item) {
        return Money.yuan(account.byItem().getOrDefault(item, 0L));
    }
}

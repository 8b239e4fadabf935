package org.precisionaid.identification;


import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Codes.Level;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The clerk resubmits a returned application. Income figures he corrects in the form replace the old ones;
 * members he corrected over REST ({@code PUT /api/households/{no}}) stay as he left them. The corrected
 * application passes the same validation as a new one.
 */
@Component("correction")
@ProcessBean
public class Correction implements TaskListener {

    static final List<String> CORRECTABLE = List.of("wages", "operatingNet", "propertyIncome", "transferIncome",
            "expenditure");

    private final HouseholdService households;

    public Correction(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void notify(DelegateTask task) {
        long householdId = ProcessVariables.householdId(task);
        Household household = households.get(householdId);
        ApplicationForm current = households.formOf(household);
        ApplicationForm corrected = new ApplicationForm(current.regionCode(), current.villageGroup(), current.phone(),
                current.incomeYear(), pick(task, "wages", current.wages()),
                pick(task, "operatingNet", current.operatingNet()), pick(task, "propertyIncome", current.propertyIncome()),
                pick(task, "transferIncome", current.transferIncome()), pick(task, "expenditure", current.expenditure()),
                current.housingSafety(), current.drinkingWater(), current.causes(), current.ownsCar(),
                current.registeredBusiness(), current.commercialHousing(), current.civilServant(), current.members());
        String actor = Officials.actor(task);
        try {
            households.correct(household.getApplicationNo(), corrected, actor);
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e, StartForm::describe);
        }
        households.decide(householdId, Status.APPLIED, Level.APPLICATION, "resubmitted",
                (String) task.getVariable("correctionNote"), actor);
        CORRECTABLE.forEach(field -> task.getExecution().getProcessInstance().removeVariable("corrected" + capital(field)));
    }

    private static BigDecimal pick(DelegateTask task, String field, BigDecimal current) {
        Object value = task.getVariable("corrected" + capital(field));
        return value == null || value.toString().isBlank() ? current : new BigDecimal(value.toString());
    }

    private static String capital(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}

package org.precisionaid.identification;

import static org.precisionaid.identification.ProcessVariables.FILE_CARD_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.RegistrationPairing;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/** Opens the file card (建档立卡) with what the township chose at registration and pairs the chosen cadre. */
@Component("registerHousehold")
@ProcessBean
public class RegisterHousehold implements JavaDelegate {

    private final HouseholdService households;
    private final AssistanceService assistance;

    public RegisterHousehold(HouseholdService households, AssistanceService assistance) {
        this.households = households;
        this.assistance = assistance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        String actor = (String) execution.getVariable("registeredBy");
        FileCard card = households.register(householdId, (String) execution.getVariable("supportMeasures"),
                ((Number) execution.getVariable("plannedExitYear")).intValue(), actor);
        try {
            assistance.pairAtRegistration(householdId,
                    RegistrationPairing.cadreId(execution.getVariable(RegistrationPairing.CADRE_ID)), actor);
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
        execution.setVariable(FILE_CARD_NO, card.getCardNo());
    }
}

package org.precisionaid.identification;

import org.precisionaid.procedure.ProcessBean;
import static org.precisionaid.identification.ProcessVariables.FILE_CARD_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/** Opens the file card (建档立卡) with what the township chose at registration. */
@Component("registerHousehold")
@ProcessBean
public class RegisterHousehold implements JavaDelegate {

    private final HouseholdService households;

    public RegisterHousehold(HouseholdService households) {
        this.households = households;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        FileCard card = households.register(householdId, (String) execution.getVariable("assistingUnit"),
                (String) execution.getVariable("responsibleCadre"), (String) execution.getVariable("supportMeasures"),
                ((Number) execution.getVariable("plannedExitYear")).intValue(),
                (String) execution.getVariable("registeredBy"));
        execution.setVariable(FILE_CARD_NO, card.getCardNo());
    }
}

package org.precisionaid.identification;

import org.camunda.bpm.engine.RuntimeService;
import org.precisionaid.security.engine.ServerChosenValues;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications made over REST: recorded and started in one transaction, so neither exists without the other. */
@Service
public class IdentificationStarter {

    private final HouseholdService households;
    private final RuntimeService runtime;

    public IdentificationStarter(HouseholdService households, RuntimeService runtime) {
        this.households = households;
        this.runtime = runtime;
    }

    public record Started(Household household, ProcessInstance instance) {
    }

    @Transactional
    public Started apply(ApplicationForm form, String clerk) {
        Household household = households.submit(form, clerk);
        ProcessInstance instance = ServerChosenValues.apply(() -> runtime
                .createProcessInstanceByKey(ProcessVariables.PROCESS_KEY)
                .businessKey(household.getApplicationNo())
                .setVariable(ProcessVariables.HOUSEHOLD_ID, household.getId())
                .setVariable(ProcessVariables.REGION_CODE, household.getVillageCode())
                .execute());
        return new Started(household, instance);
    }
}

package org.precisionaid.village;

import org.camunda.bpm.engine.RuntimeService;
import org.precisionaid.security.engine.ServerChosenValues;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications made over REST: recorded and started in one transaction, so neither exists without the other. */
@Service
public class VillageExitStarter {

    private final VillageExitService exits;
    private final RuntimeService runtime;

    public VillageExitStarter(VillageExitService exits, RuntimeService runtime) {
        this.exits = exits;
        this.runtime = runtime;
    }

    public record Started(VillageExit exit, ProcessInstance instance) {
    }

    @Transactional
    public Started apply(String villageCode, Integer exitYear, String statement, String official) {
        VillageExit exit = exits.apply(villageCode, exitYear, statement, official);
        ProcessInstance instance = ServerChosenValues.apply(() -> runtime
                .createProcessInstanceByKey(VillageExitVariables.PROCESS_KEY)
                .businessKey(exit.getExitNo())
                .setVariable(VillageExitVariables.EXIT_ID, exit.getId())
                .setVariable(VillageExitVariables.REGION_CODE, exit.getVillageCode())
                .setVariable(VillageExitVariables.EXIT_YEAR, exit.getExitYear())
                .execute());
        return new Started(exit, instance);
    }
}

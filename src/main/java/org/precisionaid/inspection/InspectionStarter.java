package org.precisionaid.inspection;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.precisionaid.procedure.EngineCalls;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.security.engine.ServerChosenValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round is planned over {@code /api} only: the server draws the sample, writes it and starts the round's process in
 * one transaction; its business key, region and round id are the server's (ADR 0017). Nobody starts it from Tasklist.
 */
@Service
public class InspectionStarter {

    private final InspectionService inspections;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public InspectionStarter(InspectionService inspections, RuntimeService runtime, IdentityService identity) {
        this.inspections = inspections;
        this.runtime = runtime;
        this.identity = identity;
    }

    @Transactional
    public InspectionRound plan(InspectionService.Checked plan, String actor) {
        InspectionRound round = inspections.plan(plan, actor);
        // no official may start the model himself (no CREATE_INSTANCE, so not from Tasklist or the engine's REST): the
        // server starts it after its own checks, the planner being recorded with the round
        EngineCalls.withoutAuthorization(identity, () -> ServerChosenValues.apply(() -> runtime.createProcessInstanceByKey(InspectionService.PROCESS_KEY)
                .businessKey(round.getRoundNo())
                .setVariables(Variables.createVariables()
                        .putValue(InspectionVariables.ROUND_ID, round.getId())
                        .putValue(InspectionVariables.REGION_CODE, round.getRegionCode())
                        .putValue(InspectionVariables.SAMPLE_SIZE, round.getSampleSize()))
                .execute()));
        return round;
    }
}

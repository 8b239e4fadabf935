package org.precisionaid.inspection;

import org.camunda.bpm.engine.RuntimeService;
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

    public InspectionStarter(InspectionService inspections, RuntimeService runtime) {
        this.inspections = inspections;
        this.runtime = runtime;
    }

    @Transactional
    public InspectionRound plan(InspectionService.Checked plan, String actor) {
        InspectionRound round = inspections.plan(plan, actor);
        ServerChosenValues.apply(() -> runtime.createProcessInstanceByKey(InspectionService.PROCESS_KEY)
                .businessKey(round.getRoundNo())
                .setVariables(Variables.createVariables()
                        .putValue(InspectionVariables.ROUND_ID, round.getId())
                        .putValue(InspectionVariables.REGION_CODE, round.getRegionCode())
                        .putValue(InspectionVariables.SAMPLE_SIZE, round.getSampleSize()))
                .execute());
        return round;
    }
}

package org.precisionaid.inspection;

import static org.precisionaid.inspection.InspectionVariables.FINDING_ID;
import static org.precisionaid.inspection.InspectionVariables.FINDING_NO;
import static org.precisionaid.inspection.InspectionVariables.INSPECT_FIELDS;
import static org.precisionaid.inspection.InspectionVariables.REGION_CODE;
import static org.precisionaid.inspection.InspectionVariables.ROUND_ID;
import static org.precisionaid.inspection.InspectionVariables.SAMPLE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.ProcessBean;
import org.springframework.stereotype.Component;

/**
 * The round's server steps. When one sampled case's scope starts, it takes the sample at its position (the engine's
 * loop counter) and keeps, in that scope only, the sample id, the household's village as its region (so the task goes
 * to that county's inspectors and escalates to that county) and the form's fields — so one inspector's answers never
 * show in another case's form. When every case is done, the round closes.
 */
@Component("inspectionSteps")
@ProcessBean
public class InspectionSteps implements ExecutionListener, JavaDelegate {

    private final InspectionService inspections;

    public InspectionSteps(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long roundId = ((Number) execution.getVariable(ROUND_ID)).longValue();
        int position = ((Number) execution.getVariable("loopCounter")).intValue() + 1;
        InspectionSample sample = inspections.sampleAt(roundId, position);
        execution.setVariableLocal(SAMPLE_ID, sample.getId());
        execution.setVariableLocal(REGION_CODE, sample.getVillageCode());
        execution.setVariableLocal(InspectionVariables.PROJECT_SAMPLE, sample.isProject());
        execution.setVariableLocal(FINDING_ID, null);
        execution.setVariableLocal(FINDING_NO, null);
        INSPECT_FIELDS.forEach(field -> execution.setVariableLocal(field, null));
    }

    @Override
    public void execute(DelegateExecution execution) {
        inspections.closeRound(((Number) execution.getVariable(ROUND_ID)).longValue());
    }
}

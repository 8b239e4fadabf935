package org.precisionaid.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.procedure.ProcessBean;
import org.springframework.stereotype.Component;

/** finishRun: every household due has its case; the run is marked finished. */
@Component("finishAssessmentRun")
@ProcessBean
public class FinishAssessmentRun implements JavaDelegate {

    private final AssessmentRecords records;

    public FinishAssessmentRun(AssessmentRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.finishRun(AssessmentVariables.county(execution), AssessmentVariables.year(execution));
    }
}

package org.precisionaid.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.procedure.ProcessBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * startChunk (an asynchronous job, one transaction, one of a few parallel lanes): records and starts the lane's next
 * households of the county that have no case for the year. The rows and the cases commit together, so a crash repeats at most this chunk, and the
 * "no case yet" condition keeps a household from being started twice.
 */
@Component("startAssessmentChunk")
@ProcessBean
public class StartAssessmentChunk implements JavaDelegate {

    /** The lane's last household started, so that the next chunk reads on from there (lost on resume: harmless). */
    static final String LAST_ID = "lastHouseholdId";

    private final AssessmentRecords records;
    private final RuntimeService runtime;
    private final Clock clock;
    private final int chunkSize;

    public StartAssessmentChunk(AssessmentRecords records, RuntimeService runtime, Clock clock,
            @Value("${precision-aid.annual-assessment.chunk-size:500}") int chunkSize) {
        this.records = records;
        this.runtime = runtime;
        this.clock = clock;
        this.chunkSize = Math.max(1, chunkSize);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = AssessmentVariables.county(execution);
        int year = AssessmentVariables.year(execution);
        // the multi-instance lane: its number and how many lanes there are
        int lane = ((Number) execution.getVariable("loopCounter")).intValue();
        int lanes = ((Number) execution.getVariable("nrOfInstances")).intValue();
        Object last = execution.getVariableLocal(LAST_ID);
        List<AssessmentRecords.Due> due = records.nextDue(AssessmentRuns.prefix(county), year, LocalDate.now(clock),
                lane, lanes, last == null ? 0L : ((Number) last).longValue(), chunkSize);
        records.started(due, year, county);
        for (AssessmentRecords.Due household : due) {
            runtime.startProcessInstanceByKey(AssessmentVariables.PROCESS_KEY, household.applicationNo(),
                    Variables.createVariables()
                            .putValue(AssessmentVariables.HOUSEHOLD_ID, household.householdId())
                            .putValue(AssessmentVariables.REGION_CODE, household.villageCode())
                            .putValue(AssessmentVariables.YEAR, year));
        }
        if (!due.isEmpty()) {
            execution.setVariableLocal(LAST_ID, due.get(due.size() - 1).householdId());
        }
        // local to the lane, so that one lane's last chunk does not stop another
        execution.setVariableLocal(AssessmentVariables.MORE_TO_START, due.size() == chunkSize);
    }
}

package org.precisionaid.assessment;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.identification.ProcessVariables;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.registry.HouseholdService;
import org.springframework.stereotype.Component;

/**
 * recordExit: the county's approval is announced and the household leaves the register (销号) with year and reason;
 * its cadre and its policies stay for the transition period (脱贫不脱政策、不脱帮扶).
 */
@Component("recordExit")
@ProcessBean
public class RecordExit implements JavaDelegate {

    private final HouseholdService households;
    private final AssistanceService assistance;
    private final AssessmentRecords records;
    private final Clock clock;

    public RecordExit(HouseholdService households, AssistanceService assistance, AssessmentRecords records,
            Clock clock) {
        this.households = households;
        this.assistance = assistance;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = ProcessVariables.householdId(execution);
        int year = AssessmentVariables.year(execution);
        Object comment = execution.getVariable("exitCountyComment");
        households.exit(householdId, year, "收入稳定超过贫困线，两不愁三保障 / income stably above the line, every guarantee met"
                + (comment == null || comment.toString().isBlank() ? "" : "; " + comment), Officials.actor(execution));
        assistance.householdExited(householdId, LocalDate.now(clock));
        records.outcome(householdId, year, "EXITED");
        execution.setVariable(AssessmentVariables.EXIT_APPROVED, true);
    }
}

package org.precisionaid.monitoring;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.registry.ApplicationForm;
import org.precisionaid.security.engine.ServerChosenValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases started by the server — over {@code /api}, from the public page, by the annual assessment: the registry row and
 * the case are written in one transaction, and subject, region and channel are the server's (ADR 0017).
 */
@Service
public class MonitoringStarter {

    private final MonitoringService monitoring;
    private final RuntimeService runtime;

    public MonitoringStarter(MonitoringService monitoring, RuntimeService runtime) {
        this.monitoring = monitoring;
        this.runtime = runtime;
    }

    public record Started(MonitoringCase monitoringCase, ProcessInstance instance) {
    }

    /** A household of the registry (registered, exited, or monitored before). */
    @Transactional
    public Started open(long householdId, Channel channel, String report, String actor) {
        return start(monitoring.open(householdId, channel, null, report, actor));
    }

    /**
     * The annual assessment found the household at risk: a case opens, unless one is open already (then that case
     * goes on, and the finding is in the household's decisions).
     */
    @Transactional
    public java.util.Optional<Started> openUnlessOpen(long householdId, Channel channel, String report, String actor) {
        if (monitoring.openCaseOf(householdId).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(open(householdId, channel, report, actor));
    }

    /** A household never registered, entered with its members and income (validated as an application). */
    @Transactional
    public Started openForNewHousehold(ApplicationForm household, Channel channel, String report, String actor) {
        return start(monitoring.openForNewHousehold(household, channel, report, actor));
    }

    /**
     * A villager's own report: kept with its phone; the case waits for the clerk to name the household. Until then its
     * business key is the report's number (the one the villager was given); the case number replaces it.
     */
    @Transactional
    public ProcessInstance publicReport(String villageCode, String name, String phone, String whatHappened) {
        MonitoringReport report = monitoring.report(villageCode, name, phone, whatHappened);
        return ServerChosenValues.apply(() -> runtime.createProcessInstanceByKey(MonitoringService.PROCESS_KEY)
                .businessKey(monitoring.reportNo(report))
                .setVariables(Variables.createVariables().putValue(MonitoringVariables.REPORT_ID, report.getId())
                        .putValue(MonitoringVariables.REGION_CODE, villageCode))
                .execute());
    }

    private Started start(MonitoringCase opened) {
        ProcessInstance instance = ServerChosenValues.apply(() -> runtime
                .createProcessInstanceByKey(MonitoringService.PROCESS_KEY).businessKey(opened.getCaseNo())
                .setVariables(Variables.createVariables().putValue(MonitoringVariables.CASE_ID, opened.getId())
                        .putValue(MonitoringVariables.HOUSEHOLD_ID, opened.getHouseholdId())
                        .putValue(MonitoringVariables.REGION_CODE, opened.getVillageCode())
                        .putValue(MonitoringVariables.CHANNEL, opened.getChannel().name()))
                .execute());
        return new Started(opened, instance);
    }
}

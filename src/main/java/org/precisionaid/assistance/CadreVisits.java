package org.precisionaid.assistance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.spin.plugin.variable.SpinValues;
import org.precisionaid.monitoring.MonitoringCase.Channel;
import org.precisionaid.monitoring.MonitoringStarter;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;

/**
 * The cadre's work ledger as a process (cadreVisit, started by the cadre in Tasklist): finds the cadre behind the
 * login, offers his households in the form ({@value #OPTIONS}, task-local JSON) and writes the entry on completion.
 * An entry flagged {@value #RISK_FOUND} (发现返贫风险) opens a monitoring case for the household (channel CADRE) unless
 * one is open — subject, region and channel chosen by the server (ADR 0017), in the same transaction as the entry.
 */
@Component("cadreVisits")
@ProcessBean
public class CadreVisits implements JavaDelegate, TaskListener {

    static final String OPTIONS = "householdOptions";
    static final String RISK_FOUND = "riskFound";

    private final AssistanceService assistance;
    private final HouseholdService households;
    private final RegionService regions;
    private final ObjectMapper json;
    private final MonitoringStarter monitoring;

    public CadreVisits(AssistanceService assistance, HouseholdService households, RegionService regions,
            ObjectMapper json, MonitoringStarter monitoring) {
        this.assistance = assistance;
        this.households = households;
        this.regions = regions;
        this.json = json;
        this.monitoring = monitoring;
    }

    /** identifyCadre: only a cadre linked to the login may start an entry, and only while he is active. */
    @Override
    public void execute(DelegateExecution execution) {
        String initiator = (String) execution.getVariable("initiator");
        Cadre cadre = assistance.cadreOfUser(initiator).filter(Cadre::isActive).orElseThrow(() ->
                new ProcessEngineException("只有在岗的帮扶责任人可以记录台账 / Only an active responsible cadre can record"
                        + " ledger entries; " + initiator + " is not linked to one"));
        execution.setVariable("cadreId", cadre.getId());
        execution.setVariable("cadreName", cadre.getName() + "（" + cadre.getUnit().getName() + "）");
        execution.setVariable("regionCode", cadre.getCountyCode());
    }

    @Override
    public void notify(DelegateTask task) {
        long cadreId = ((Number) task.getVariable("cadreId")).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(OPTIONS, options(cadreId));
            return;
        }
        try {
            Visit visit = assistance.recordVisit(cadreId, (String) task.getVariable("applicationNo"),
                    date(task.getVariable("visitDate")), (String) task.getVariable("measureType"),
                    (String) task.getVariable("description"), amount(task.getVariable("amount")), actor(task));
            if (Boolean.TRUE.equals(task.getVariable(RISK_FOUND))) {
                monitoring.openUnlessOpen(visit.getHouseholdId(), Channel.CADRE,
                        "帮扶责任人走访发现 / Found on the cadre's visit " + visit.getDate() + ": " + visit.getDescription(),
                        actor(task));
            }
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e);
        }
    }

    private Object options(long cadreId) {
        List<Map<String, String>> options = assistance.currentHouseholdIds(cadreId).stream().map(id -> {
            Household household = households.get(id);
            String head = household.head() == null ? "" : household.head().getName() + " · ";
            return Map.of("label", head + regions.get(household.getVillageCode()).getNameZh() + " · "
                    + household.getApplicationNo(), "value", household.getApplicationNo());
        }).toList();
        try {
            return SpinValues.jsonValue(json.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** form-js sends a date as text (2026-11-23); API clients and tests may send a Date. */
    static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
            } catch (DateTimeParseException e) {
                throw FieldRuleException.invalid(Map.of("visitDate", "'" + text + "' is not a date (yyyy-MM-dd)"));
            }
        }
        return null;
    }

    static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw FieldRuleException.invalid(Map.of("amount", "'" + value + "' is not an amount"));
        }
    }

    private static String actor(DelegateTask task) {
        var authentication = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : task.getAssignee();
    }
}

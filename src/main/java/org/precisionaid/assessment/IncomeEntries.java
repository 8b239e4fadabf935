package org.precisionaid.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.procedure.FormInput;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.project.Money;
import org.precisionaid.region.OfficialRole;
import org.precisionaid.web.FieldRuleException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A line of a household's account from Tasklist (process incomeEntry): the village clerk picks one of his village's
 * households, the responsible cadre one of his own; the line is checked and written on completion.
 */
@Component("incomeEntries")
@ProcessBean
public class IncomeEntries implements JavaDelegate, TaskListener {

    static final String OPTIONS = "householdOptions";
    static final int MAX_OPTIONS = 500;

    private final IncomeAccounts accounts;
    private final AssistanceService assistance;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public IncomeEntries(IncomeAccounts accounts, AssistanceService assistance, JdbcTemplate jdbc, ObjectMapper json) {
        this.accounts = accounts;
        this.assistance = assistance;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** identifyRecorder: who the initiator is decides the households he may choose. */
    @Override
    public void execute(DelegateExecution execution) {
        Authentication official = Officials.current();
        String clerkPrefix = OfficialRole.CLERK.key() + "-";
        String village = official == null || official.getGroupIds() == null ? null : official.getGroupIds().stream()
                .filter(group -> group.startsWith(clerkPrefix)).map(group -> group.substring(clerkPrefix.length()))
                .findFirst().orElse(null);
        List<Map<String, String>> options;
        if (village != null) {
            options = options("h.village_code = ?", village);
            execution.setVariable(AssessmentVariables.REGION_CODE, village);
        } else {
            String initiator = (String) execution.getVariable("initiator");
            var cadre = assistance.cadreOfUser(initiator).orElseThrow(() -> new ProcessEngineException(
                    "只有村文书或帮扶责任人可以记账 / Only a village clerk or a responsible cadre records an income account; "
                            + initiator + " is neither"));
            long cadreId = cadre.getId();
            execution.setVariable(AssessmentVariables.REGION_CODE, cadre.getCountyCode());
            List<Long> ids = assistance.currentHouseholdIds(cadreId);
            options = ids.isEmpty() ? List.of()
                    : options("h.id in (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
        }
        if (options.isEmpty()) {
            throw new ProcessEngineException("没有可记账的建档立卡户 / There is no registered household to record for");
        }
        try {
            execution.setVariable(OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** recordEntry completed: the line goes into the account, or the form names what to correct. */
    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String applicationNo = (String) task.getVariable("applicationNo");
        if (applicationNo == null || !task.getVariable(OPTIONS).toString().contains("\"" + applicationNo + "\"")) {
            errors.put("applicationNo", "choose one of the households offered");
        }
        LocalDate date = FormInput.date(task.getVariable("entryDate"), "entryDate", errors);
        Long fen = fen(task.getVariable("amountYuan"), errors);
        if (!errors.isEmpty()) {
            throw Officials.pleaseCorrect(FieldRuleException.invalid(errors));
        }
        try {
            accounts.record(applicationNo, new IncomeAccounts.NewEntry(date, (String) task.getVariable("item"), fen,
                    (String) task.getVariable("note")), Officials.actor(task));
        } catch (FieldRuleException e) {
            throw Officials.pleaseCorrect(e, message -> message.replace("amountFen", "amountYuan")
                    .replace("date:", "entryDate:"));
        } catch (RuntimeException e) {
            throw Officials.pleaseCorrect(e);
        }
    }

    private static Long fen(Object value, Map<String, String> errors) {
        if (!(value instanceof Number number)) {
            errors.put("amountYuan", value == null ? "is required" : "must be an amount in yuan");
            return null;
        }
        Long fen = Money.fen(new BigDecimal(number.toString()));
        if (fen == null) {
            errors.put("amountYuan", "at most two decimals (fen)");
        }
        return fen;
    }

    private List<Map<String, String>> options(String where, Object... args) {
        List<Map<String, String>> options = new ArrayList<>();
        jdbc.query("select h.application_no, m.name from household h join household_member m on m.household_id = h.id"
                + " and m.relation = 'HEAD' where " + where + " and h.status in ('REGISTERED', 'EXITED', 'MONITORED')"
                + " order by h.id fetch first " + MAX_OPTIONS + " rows only", row -> {
                    options.add(Map.of("label", row.getString(2) + " · " + row.getString(1), "value", row.getString(1)));
                }, args);
        return options;
    }
}

package org.precisionaid.assistance;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.precisionaid.procedure.Officials;
import org.precisionaid.procedure.ProcessBean;
import org.precisionaid.web.FieldRuleException;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The registration task's pairing (结对帮扶). When the task is created it offers the county's cadres with quota
 * left as the task-local JSON variable {@value #OPTIONS} (a form-js select reads it through {@code valuesKey});
 * when it is completed it checks the chosen {@value #CADRE_ID} again under the cadre's row lock, since quota may
 * have gone meanwhile. A refusal keeps the task open and names the cadre and his quota.
 */
@Component("registrationPairing")
@ProcessBean
public class RegistrationPairing implements TaskListener {

    public static final String OPTIONS = "cadreOptions";
    public static final String CADRE_ID = "cadreId";

    private final AssistanceService assistance;
    private final ObjectMapper json;

    public RegistrationPairing(AssistanceService assistance, ObjectMapper json) {
        this.assistance = assistance;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String regionCode = (String) task.getVariable("regionCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(OPTIONS, options(regionCode));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            try {
                assistance.checkPairable(cadreId(task.getVariable(CADRE_ID)), regionCode);
            } catch (FieldRuleException e) {
                throw Officials.pleaseCorrect(e);
            }
        }
    }


    /** {label, value} pairs, value the cadre id as text (what form-js submits back), never a phone. */
    TypedValue options(String regionCode) {
        List<Map<String, String>> options = assistance.withQuotaLeft(regionCode).stream()
                .map(offer -> Map.of("label", offer.label(), "value", String.valueOf(offer.cadreId())))
                .toList();
        try {
            return SpinValues.jsonValue(json.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cadre id as the form (text) or an API client (number) sends it. */
    public static long cadreId(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        if (value instanceof String text && text.trim().matches("\\d{1,18}")) {
            return Long.parseLong(text.trim());
        }
        throw FieldRuleException.invalid(Map.of(CADRE_ID, value == null || value.toString().isBlank()
                ? "choose the responsible cadre (帮扶责任人)" : "'" + value + "' is not a cadre id"));
    }
}

package org.precisionaid.security.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A caller sent what his form does not ask for: a variable the form does not declare, a value of another type or
 * outside the declared choices, a business key or start instructions. Both engine APIs answer 400 (the engine maps
 * form validation to 400 on task completion; {@code EngineErrorFilter} does the same for starts), naming each field.
 */
public class FormContractViolation extends FormFieldValidationException {

    private static final ThreadLocal<FormContractViolation> LAST = new ThreadLocal<>();

    private final Map<String, String> errors;

    public FormContractViolation(Map<String, String> errors) {
        super(errors.keySet().iterator().next(), "请只提交表单上的内容 / Submit only what the form asks — " + errors.entrySet()
                .stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        LAST.set(this);
    }

    public Map<String, String> errors() {
        return errors;
    }

    /**
     * The violation refused on this thread since the last call, if any, and forgets it: the HTTP layer turns it into
     * a problem detail whichever engine API carried the call.
     */
    public static FormContractViolation takeLast() {
        FormContractViolation last = LAST.get();
        LAST.remove();
        return last;
    }
}

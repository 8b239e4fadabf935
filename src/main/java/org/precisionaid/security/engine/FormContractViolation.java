package org.precisionaid.security.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A caller sent what his form does not ask for: a variable the form does not declare, a value of another type or
 * outside the declared choices, a business key or start instructions. Both engine APIs answer 400 naming each field
 * ({@code EngineErrorFilter}); the engine logs it as a caller's mistake (debug), not as an error of the server.
 */
public class FormContractViolation extends BadUserRequestException {

    private static final ThreadLocal<FormContractViolation> LAST = new ThreadLocal<>();

    private final Map<String, String> errors;

    public FormContractViolation(Map<String, String> errors) {
        super("请只提交表单上的内容 / Submit only what the form asks — " + errors.entrySet()
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

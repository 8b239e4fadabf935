package org.precisionaid.procedure;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * An official's entries refused by a rule of the procedure: Tasklist shows the message above the form and the task
 * stays open. A form validation error to the engine, so both engine APIs answer 400 and neither logs it as a server
 * fault ({@link EntryCorrections}); the rule that refused the entries is the cause.
 */
public class PleaseCorrect extends FormFieldValidationException {

    /** What every such message opens with; {@code EngineErrorFilter} answers it as a problem detail. */
    public static final String PREFIX = "请更正 / Please correct";

    public PleaseCorrect(String whatToCorrect, RuntimeException rule) {
        super(null, PREFIX + " — " + whatToCorrect, rule);
    }

    /** The correction somewhere in a failure's causes (the engine wraps what a listener throws), or null. */
    public static PleaseCorrect in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PleaseCorrect correction) {
                return correction;
            }
        }
        return null;
    }
}

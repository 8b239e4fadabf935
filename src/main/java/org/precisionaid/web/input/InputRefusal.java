package org.precisionaid.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value refused while the body is read (control character, number out of range); Jackson adds the path on its
 * way out, and the exception handler answers 400 naming that path and {@link #rule()}.
 */
public class InputRefusal extends MismatchedInputException {

    private final String rule;

    public InputRefusal(JsonParser parser, Class<?> type, String rule) {
        super(parser, rule, type);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

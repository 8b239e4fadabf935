package org.precisionaid.security.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/** A query carried an expression it may not carry; answered 400 naming the field. */
public class QueryExpressionRefusedException extends BadUserRequestException {

    private final String field;

    public QueryExpressionRefusedException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

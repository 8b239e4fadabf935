package org.precisionaid.security.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

/**
 * An official asked the engine for something no form of his asks for (ADR 0017). Both engine APIs answer 403 with
 * this message; the refusal log names the official and the engine operation he tried ({@code CALL on EngineCommand
 * SetTaskVariables}).
 */
public class OutsideTheFormsRefusal extends AuthorizationException {

    private final String explanation;

    OutsideTheFormsRefusal(String official, String operation, String explanation) {
        super(official, new MissingAuthorization("CALL", "EngineCommand", operation));
        this.explanation = "官员只能通过表单办理 / Officials act only through their forms: " + explanation;
    }

    @Override
    public String getMessage() {
        return explanation;
    }
}

package org.precisionaid.security.engine;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** One problem of a deployed model, with where it stands in the file; shown by the REST API and Modeler. */
record ModelProblem(String message, int line, int column, String elementId) implements Problem {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}

package org.precisionaid.monitoring;

import java.util.List;
import org.precisionaid.registry.HouseholdImportException.CellError;

/** A department's alert list with malformed rows: nothing of it was recorded and no case was started. */
public class AlertImportException extends RuntimeException {

    private final List<CellError> errors;

    AlertImportException(List<CellError> errors) {
        super(errors.size() + " error(s), no case started; first: " + describe(errors.get(0)));
        this.errors = List.copyOf(errors);
    }

    private static String describe(CellError e) {
        return e.sheet() == null ? e.rule() : e.sheet() + " " + e.column() + e.row() + " (" + e.header() + "): " + e.rule();
    }

    public List<CellError> errors() {
        return errors;
    }
}

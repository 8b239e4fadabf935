package org.precisionaid.crosscheck;

import java.util.List;
import org.precisionaid.registry.HouseholdImportException.CellError;

/** A department's list with bad rows: nothing of it was stored, matched or started. */
public class RegisterImportException extends RuntimeException {

    private final List<CellError> errors;
    private final int total;

    RegisterImportException(List<CellError> errors, int total) {
        super(total + " error(s), nothing stored; first: " + describe(errors.get(0)));
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    private static String describe(CellError e) {
        return e.sheet() == null ? e.rule() : "row " + e.row() + " " + e.column() + " (" + e.header() + "): " + e.rule();
    }

    public List<CellError> errors() {
        return errors;
    }

    public int total() {
        return total;
    }
}

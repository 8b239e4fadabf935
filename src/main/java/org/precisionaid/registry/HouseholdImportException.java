package org.precisionaid.registry;

import java.util.List;

/** A household workbook with broken rules: nothing of it was imported and no case was started. */
public class HouseholdImportException extends RuntimeException {

    /** One broken rule: sheet, Excel row number (1-based), column letter and header; or the file as a whole. */
    public record CellError(String sheet, int row, String column, String header, String rule) {
    }

    private final List<CellError> errors;
    private final boolean forbidden;

    public HouseholdImportException(List<CellError> errors, boolean forbidden) {
        super(errors.size() + " error(s), nothing imported; first: " + describe(errors.get(0)));
        this.errors = List.copyOf(errors);
        this.forbidden = forbidden;
    }

    static String describe(CellError e) {
        return e.sheet() == null ? e.rule()
                : e.sheet() + " " + (e.column() == null ? "" : e.column()) + (e.row() > 0 ? e.row() : "")
                        + (e.header() == null ? "" : " (" + e.header() + ")") + ": " + e.rule();
    }

    public List<CellError> errors() {
        return errors;
    }

    /** Some row names a village the caller is not the clerk of. */
    public boolean forbidden() {
        return forbidden;
    }
}

package org.precisionaid.region;

import java.util.List;

/** A division list with broken rules: nothing of it was imported. */
public class RegionImportException extends RuntimeException {

    private final List<RegionImport.LineError> errors;

    public RegionImportException(List<RegionImport.LineError> errors) {
        super(errors.size() + " line(s) break a rule, nothing imported; first: line " + errors.get(0).line() + " "
                + errors.get(0).rule() + ": " + errors.get(0).detail());
        this.errors = List.copyOf(errors);
    }

    public List<RegionImport.LineError> errors() {
        return errors;
    }
}

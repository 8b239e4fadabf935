package org.precisionaid.procedure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.registry.HouseholdImportException.CellError;

/**
 * A one-sheet file import's refusals (ADR 0014), by cell: the first rule a cell breaks wins; the file's own rules come
 * first, then the cells by row and column. Each import names its sheet and headers and turns the list into its
 * exception.
 */
public class CellErrors {

    private final String sheet;
    private final List<String> headers;
    private final Map<String, CellError> byCell = new LinkedHashMap<>();

    public CellErrors(String sheet, List<String> headers) {
        this.sheet = sheet;
        this.headers = headers;
    }

    public void add(int row, int column, String rule) {
        byCell.putIfAbsent(row + ":" + column, new CellError(sheet, row, Workbooks.letter(column), headers.get(column),
                rule));
    }

    public void file(String rule) {
        byCell.putIfAbsent("file:" + rule, new CellError(null, 0, null, null, rule));
    }

    public int size() {
        return byCell.size();
    }

    public boolean any() {
        return !byCell.isEmpty();
    }

    public List<CellError> sorted() {
        List<CellError> sorted = new ArrayList<>(byCell.values());
        sorted.sort(Comparator.comparingInt(CellError::row)
                .thenComparing(e -> e.column() == null ? "" : String.format("%3s", e.column())));
        return sorted;
    }
}

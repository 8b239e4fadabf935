package org.precisionaid.procedure;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reading an uploaded .xlsx the way every import of ours does (ADR 0014): Apache POI's streaming SAX reader, so the
 * cells never sit in memory as a workbook; only the named sheets, only non-empty rows, at most {@code maxRows} data
 * rows in all (counted while reading). What cannot be read is reported as a rule of the file, never as an exception.
 * The household import and the department alert import use it; each checks its own cells.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** A non-empty row: its Excel row number (1-based) and its cells (0-based column → formatted value). */
    public record SheetRow(int row, Map<Integer, String> cells) {

        /** The trimmed value of a column, or null when empty. */
        public String get(int column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The sheets read, by name, and the rules the file as a whole broke (none: the sheets are all there). */
    public record Read(Map<String, List<SheetRow>> sheets, List<String> fileErrors) {
    }

    /**
     * Reads the named sheets; {@code tooManyRows} is the rule to report when there are more than {@code maxRows} data
     * rows (below each sheet's first row) in all.
     */
    public static Read read(byte[] bytes, Set<String> sheetNames, int maxRows, String tooManyRows) {
        Map<String, List<SheetRow>> sheets = new HashMap<>();
        List<String> errors = new ArrayList<>();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError e) {
            errors.add("不是 .xlsx 工作簿 / not an .xlsx workbook (Excel 2007 or later): save it as .xlsx and try again");
            return new Read(sheets, errors);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
            int[] total = {0};
            while (iterator.hasNext()) {
                try (InputStream in = iterator.next()) {
                    String name = iterator.getSheetName();
                    if (!sheetNames.contains(name)) {
                        continue;
                    }
                    List<SheetRow> rows = new ArrayList<>();
                    sheets.put(name, rows);
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new Collector(rows, total, maxRows), formatter, false));
                    xml.parse(new InputSource(in));
                }
            }
        } catch (TooManyRows e) {
            errors.add(tooManyRows);
            return new Read(sheets, errors);
        } catch (Exception e) {
            errors.add("无法读取工作簿 / the workbook cannot be read: " + e.getClass().getSimpleName());
            return new Read(sheets, errors);
        } finally {
            pkg.revert();
        }
        for (String name : sheetNames) {
            if (!sheets.containsKey(name)) {
                errors.add("缺少工作表 / the workbook has no sheet '" + name + "': start from the import template");
            }
        }
        return new Read(sheets, errors);
    }

    /**
     * Takes the header row (row 1) off the rows and returns, by 0-based column, the rule each header cell breaks: it
     * must be the bilingual header or its Chinese half.
     */
    public static Map<Integer, String> takeHeader(List<SheetRow> rows, List<String> headers) {
        SheetRow header = rows.isEmpty() || rows.get(0).row() != 1 ? new SheetRow(1, Map.of()) : rows.remove(0);
        Map<Integer, String> broken = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String found = header.cells().getOrDefault(i, "").trim();
            String expected = headers.get(i);
            if (!found.equals(expected) && !found.equals(expected.split(" / ")[0])) {
                broken.put(i, "表头应为 / the header must be '" + expected + "'"
                        + (found.isEmpty() ? "" : ", found '" + found + "'") + ": start from the import template");
            }
        }
        return broken;
    }

    /** Column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
    public static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            letters.insert(0, (char) ('A' + i % 26));
        }
        return letters.toString();
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Collects the non-empty rows of a sheet as cell maps. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetRow> rows;
        private final int[] total;
        private final int maxRows;
        private Map<Integer, String> cells;
        private int column;

        Collector(List<SheetRow> rows, int[] total, int maxRows) {
            this.rows = rows;
            this.total = total;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new HashMap<>();
            column = -1;
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.values().stream().anyMatch(value -> !value.isBlank())) {
                if (rowNum > 0 && ++total[0] > maxRows) {
                    throw new TooManyRows();
                }
                rows.add(new SheetRow(rowNum + 1, cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            column = reference == null ? column + 1 : new CellReference(reference).getCol();
            if (value != null) {
                cells.put(column, value);
            }
        }
    }
}

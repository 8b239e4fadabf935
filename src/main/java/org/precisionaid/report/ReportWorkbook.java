package org.precisionaid.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.precisionaid.web.Spreadsheets;
import org.springframework.stereotype.Component;

/**
 * A report as an Excel workbook: one sheet per table, the report's title, region, year and notes above the header,
 * numbers as numbers (yuan with two decimals, shares as percentages) so the county can sum and chart them.
 */
@Component
class ReportWorkbook {

    /** Rows above the header: the report's title; region, year and when; the table's title if there are several. */
    static final int HEADER_ROW = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ReportRequest.CHINA);

    /** Every table's rows as they are in the report. */
    byte[] xlsx(Report report) {
        return xlsx(report, null);
    }

    /**
     * With {@code firstTableRows} the first table's rows come page by page from there instead of from the report
     * (the guide: a county's tens of thousands of households never sit in memory at once).
     */
    byte[] xlsx(Report report, Consumer<Consumer<List<Map<String, Object>>>> firstTableRows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            CellStyle bold = Spreadsheets.bold(book);
            CellStyle yuan = book.createCellStyle();
            yuan.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            for (int t = 0; t < report.tables().size(); t++) {
                Report.Table table = report.tables().get(t);
                Sheet sheet = book.createSheet(sheetName(table, t));
                sheet.createRow(0).createCell(0).setCellValue(report.title());
                sheet.getRow(0).getCell(0).setCellStyle(bold);
                sheet.createRow(1).createCell(0).setCellValue(report.region().nameZh() + " / " + report.region().nameEn()
                        + " (" + report.region().code() + ") · " + report.year() + " · "
                        + TIME.format(report.generatedAt()));
                if (report.tables().size() > 1) {
                    sheet.createRow(2).createCell(0).setCellValue(table.title());
                }
                String[] headers = table.columns().stream().map(Report.Column::label).toArray(String[]::new);
                int[] widths = table.columns().stream().mapToInt(c -> "text".equals(c.kind()) ? 24 : 16).toArray();
                Spreadsheets.header(sheet, HEADER_ROW, bold, headers, widths);
                int[] next = {HEADER_ROW + 1};
                Consumer<List<Map<String, Object>>> writer = rows -> {
                    for (Map<String, Object> values : rows) {
                        Row row = sheet.createRow(next[0]++);
                        for (int c = 0; c < table.columns().size(); c++) {
                            Report.Column column = table.columns().get(c);
                            write(row.createCell(c), values.get(column.key()), column.kind(), yuan, percent);
                        }
                    }
                };
                if (t == 0 && firstTableRows != null) {
                    firstTableRows.accept(writer);
                } else {
                    writer.accept(table.rows());
                }
                int r = next[0] + 1;
                for (String note : report.notes()) {
                    sheet.createRow(r++).createCell(0).setCellValue("注 / Note: " + note);
                }
            }
            return Spreadsheets.bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value, String kind, CellStyle yuan, CellStyle percent) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number && !"text".equals(kind)) {
            cell.setCellValue(number instanceof BigDecimal d ? d.doubleValue() : number.doubleValue());
            if ("yuan".equals(kind)) {
                cell.setCellStyle(yuan);
            } else if ("percent".equals(kind)) {
                cell.setCellStyle(percent);
            }
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    /** Sheet names: at most 31 characters, none of []:*?/\ */
    static String sheetName(Report.Table table, int index) {
        String name = table.title().split(" / ")[0].replaceAll("[\\[\\]:*?/\\\\]", " ");
        return (index + 1) + " " + (name.length() > 28 ? name.substring(0, 28) : name);
    }
}

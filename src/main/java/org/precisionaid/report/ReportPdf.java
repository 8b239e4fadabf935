package org.precisionaid.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.precisionaid.print.PdfSheet;
import org.precisionaid.print.PrintClock;
import org.precisionaid.print.PrintFont;
import org.springframework.stereotype.Component;

/**
 * A report as a printable PDF, A4 landscape: the same tables as the Excel workbook (each column as the workbook
 * formats it), with the bilingual title, the region, the year and "as of" on top and the notes below. A table wider
 * than {@link #MAX_COLUMNS} columns prints in parts, each repeating the leading text columns (code, name) so that a
 * row can be followed across parts. The maps print the table behind the map; the map itself is on the page.
 * Documents share {@link PrintFont}'s limit of concurrent PDFs (a busy server answers 503).
 */
@Component
class ReportPdf {

    /** Columns a landscape A4 page holds legibly at the table font size. */
    static final int MAX_COLUMNS = 12;
    /** Leading text columns repeated in each part of a wide table. */
    private static final int MAX_KEY_COLUMNS = 3;

    private final PrintFont font;
    private final PrintClock clock;

    ReportPdf(PrintFont font, PrintClock clock) {
        this.font = font;
        this.clock = clock;
    }

    /** @param extraNotes lines printed under the title before the tables (e.g. that a map is on the web page) */
    byte[] pdf(Report report, List<String> extraNotes) {
        String where = report.region().nameZh() + " / " + report.region().nameEn();
        try (PdfSheet sheet = new PdfSheet(font, report.title() + " · " + report.region().nameZh() + " · "
                + report.year(), report.title() + " · " + where + " · " + report.year(), true)) {
            String[] title = report.title().split(" / ", 2);
            sheet.title(title[0]);
            if (title.length > 1) {
                sheet.centred(title[1], 12f);
            }
            sheet.space(4f).centred(where + "（" + report.region().code() + "） · " + report.year() + " 年度 / year", 11f)
                    .centred("截至 / As of " + clock.minute(report.generatedAt()) + "（" + clock.zoneLabel() + "）",
                            PdfSheet.SMALL_TEXT);
            for (String note : extraNotes) {
                sheet.paragraph("注 / Note: " + note, 9.5f);
            }
            for (Report.Table table : report.tables()) {
                List<List<Integer>> parts = parts(table.columns());
                for (int p = 0; p < parts.size(); p++) {
                    List<Integer> columns = parts.get(p);
                    String heading = table.title() + (parts.size() > 1 ? "（" + (p + 1) + "/" + parts.size() + "） / part "
                            + (p + 1) + " of " + parts.size() : "");
                    sheet.heading(heading);
                    if (p == 0 && parts.size() > 1) {
                        sheet.paragraph("表格较宽，分 " + parts.size() + " 部分打印，每部分重复名称列 / A wide table, printed in "
                                + parts.size() + " parts, each repeating the name columns.", PdfSheet.SMALL_TEXT);
                    }
                    float[] widths = new float[columns.size()];
                    List<String> header = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        Report.Column column = table.columns().get(columns.get(i));
                        widths[i] = "text".equals(column.kind()) ? 1.6f : 1f;
                        header.add(column.label());
                    }
                    List<List<String>> rows = new ArrayList<>(table.rows().size());
                    for (Map<String, Object> values : table.rows()) {
                        List<String> cells = new ArrayList<>(columns.size());
                        for (int c : columns) {
                            Report.Column column = table.columns().get(c);
                            cells.add(format(values.get(column.key()), column.kind()));
                        }
                        rows.add(cells);
                    }
                    if (rows.isEmpty()) {
                        sheet.paragraph("无数据 / No rows", 9.5f);
                    } else {
                        sheet.table(widths, header, rows, false);
                    }
                }
            }
            for (String note : report.notes()) {
                sheet.paragraph("注 / Note: " + note, PdfSheet.SMALL_TEXT);
            }
            return sheet.toBytes();
        }
    }

    /** The columns of each part: all of them if they fit, else the leading text columns plus a share of the rest. */
    static List<List<Integer>> parts(List<Report.Column> columns) {
        List<List<Integer>> parts = new ArrayList<>();
        if (columns.size() <= MAX_COLUMNS) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                all.add(i);
            }
            parts.add(all);
            return parts;
        }
        int keys = 0;
        while (keys < MAX_KEY_COLUMNS && keys < columns.size() && "text".equals(columns.get(keys).kind())) {
            keys++;
        }
        int perPart = MAX_COLUMNS - keys;
        int rest = columns.size() - keys;
        int count = (rest + perPart - 1) / perPart;
        int even = (rest + count - 1) / count;   // balance the parts rather than leaving a thin last one
        for (int start = keys; start < columns.size(); start += even) {
            List<Integer> part = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                part.add(k);
            }
            for (int i = start; i < Math.min(columns.size(), start + even); i++) {
                part.add(i);
            }
            parts.add(part);
        }
        return parts;
    }

    /** As the workbook shows it: yuan with two decimals and thousands separators, shares as percentages. */
    static String format(Object value, String kind) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number && !"text".equals(kind)) {
            if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
                return "";
            }
            BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
            return switch (kind) {
                case "yuan" -> new DecimalFormat("#,##0.00").format(decimal.setScale(2, RoundingMode.HALF_UP));
                case "percent" -> new DecimalFormat("0.00").format(decimal.movePointRight(2)
                        .setScale(2, RoundingMode.HALF_UP)) + "%";
                case "year" -> String.valueOf(decimal.toBigInteger());
                default -> new DecimalFormat("#,##0.##").format(decimal);
            };
        }
        return String.valueOf(value);
    }
}

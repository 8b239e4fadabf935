package org.precisionaid.scoring;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.precisionaid.region.Region;
import org.precisionaid.web.Spreadsheets;
import org.springframework.stereotype.Component;

/**
 * The year-end scoring as Excel (Apache POI, as the reports): one sheet of cadres, one of units, each row the rating
 * with the figures behind it, the rating by points and the cap that changed it. Numbers stay numbers (shares as
 * percentages, income in yuan) so the county can sort and sum them.
 */
@Component
public class ScoringWorkbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final int HEADER_ROW = 2;

    private record Column(String label, Function<ScoringController.ScoreView, Object> value, String kind) {
    }

    private static final List<Column> FIGURES = List.of(
            new Column("结对户数 / Paired households", ScoringController.ScoreView::pairedHouseholds, "int"),
            new Column("到期户数 / Due this year", ScoringController.ScoreView::dueHouseholds, "int"),
            new Column("按期脱贫 / Exited on schedule", ScoringController.ScoreView::exitedOnSchedule, "int"),
            new Column("未按期脱贫 / Failed", ScoringController.ScoreView::failedHouseholds, "int"),
            new Column("按期脱贫率 / On-schedule share", ScoringController.ScoreView::onScheduleShare, "percent"),
            new Column("有两年台账户数 / Households with two years' accounts",
                    ScoringController.ScoreView::incomeHouseholds, "int"),
            new Column("上年人均纯收入合计（元） / Per-capita net income last year (yuan)",
                    s -> yuan(s.incomePrevFen()), "yuan"),
            new Column("本年人均纯收入合计（元） / Per-capita net income this year (yuan)",
                    s -> yuan(s.incomeYearFen()), "yuan"),
            new Column("收入增长 / Income growth", ScoringController.ScoreView::incomeGrowth, "percent"),
            new Column("走访次数 / Visits", ScoringController.ScoreView::visits, "int"),
            new Column("户均走访 / Visits per household", ScoringController.ScoreView::visitsPerHousehold, "number"),
            new Column("异议成立 / Objections upheld", ScoringController.ScoreView::objectionsUpheld, "int"),
            new Column("得分 / Points", ScoringController.ScoreView::points, "number"),
            new Column("按分评定 / Rating by points", ScoringController.ScoreView::pointsRatingLabel, "text"),
            new Column("最终评定 / Rating", ScoringController.ScoreView::ratingLabel, "text"),
            new Column("封顶原因 / Cap applied", ScoringController.ScoreView::capReason, "text"));

    private static final List<Column> CADRE = List.of(
            new Column("县 / County", s -> null, "county"),
            new Column("帮扶干部 / Cadre", ScoringController.ScoreView::cadre, "text"),
            new Column("拼音 / Latin", ScoringController.ScoreView::cadreLatin, "text"),
            new Column("职级 / Rank", ScoringController.ScoreView::rankLabel, "text"),
            new Column("帮扶单位 / Unit", ScoringController.ScoreView::unit, "text"));

    private static final List<Column> UNIT = List.of(
            new Column("县 / County", s -> null, "county"),
            new Column("帮扶单位 / Unit", ScoringController.ScoreView::unit, "text"));

    public byte[] xlsx(Region region, int year, List<ScoringController.RunView> runs) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            CellStyle bold = Spreadsheets.bold(book);
            CellStyle yuan = book.createCellStyle();
            yuan.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            String place = region.getNameZh() + " / " + region.getNameEn() + " (" + region.getCode() + ") · " + year;
            sheet(book, "帮扶干部 Cadres", "帮扶干部年度考核评定 / Year-end rating of assisting cadres · " + place, runs,
                    CADRE, true, bold, yuan, percent);
            sheet(book, "帮扶单位 Units", "帮扶单位年度考核评定 / Year-end rating of assisting units · " + place, runs,
                    UNIT, false, bold, yuan, percent);
            return Spreadsheets.bytes(book);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sheet(SXSSFWorkbook book, String name, String title, List<ScoringController.RunView> runs,
            List<Column> who, boolean cadres, CellStyle bold, CellStyle yuan, CellStyle percent) {
        Sheet sheet = book.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue(title);
        sheet.getRow(0).getCell(0).setCellStyle(bold);
        StringBuilder when = new StringBuilder();
        runs.forEach(run -> when.append(run.county()).append(": ").append(TIME.format(run.runAt())).append(" ")
                .append(run.runBy()).append("; "));
        sheet.createRow(1).createCell(0).setCellValue(runs.isEmpty() ? "尚未评定 / Not scored yet"
                : "评定 / Scored " + when);
        List<Column> columns = new java.util.ArrayList<>(who);
        columns.addAll(FIGURES);
        Spreadsheets.header(sheet, HEADER_ROW, bold, columns.stream().map(Column::label).toArray(String[]::new),
                columns.stream().mapToInt(c -> "text".equals(c.kind()) || "county".equals(c.kind()) ? 24 : 14)
                        .toArray());
        int r = HEADER_ROW + 1;
        for (ScoringController.RunView run : runs) {
            for (ScoringController.ScoreView score : cadres ? run.cadres() : run.units()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Column column = columns.get(c);
                    Object value = "county".equals(column.kind()) ? run.county() : column.value().apply(score);
                    write(row.createCell(c), value, column.kind(), yuan, percent);
                }
            }
        }
    }

    private static void write(Cell cell, Object value, String kind, CellStyle yuan, CellStyle percent) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number && !"text".equals(kind)) {
            cell.setCellValue(number.doubleValue());
            if ("yuan".equals(kind)) {
                cell.setCellStyle(yuan);
            } else if ("percent".equals(kind)) {
                cell.setCellStyle(percent);
            }
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    private static BigDecimal yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen).movePointLeft(2);
    }
}

package org.precisionaid.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** A case's audit trail as an Excel workbook (Apache POI): the timeline, the operation log, the objections. */
@Component
public class AuditExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(AuditController.CHINA);

    public byte[] xlsx(AuditCase audited) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet trail = book.createSheet("审计轨迹 Audit trail");
            int r = 0;
            r = pair(trail, r, bold, "案件编号 / Case number", audited.businessKey());
            r = pair(trail, r, bold, "流程 / Procedure", audited.processName() + " (" + audited.processKey() + ")");
            r = pair(trail, r, bold, "状态 / State", audited.state()
                    + (audited.registryStatus() == null ? "" : " · " + audited.registryStatus()));
            r = pair(trail, r, bold, "区划 / Region", audited.regionCode());
            r = pair(trail, r, bold, "开始 / Started", time(audited.startTime()));
            r = pair(trail, r, bold, "结束 / Ended", time(audited.endTime()));
            r++;
            header(trail.createRow(r++), bold, "时间 / Time", "事项 / Event", "步骤 / Step", "办理人 / Official",
                    "内容 / Details");
            for (AuditCase.Event event : audited.timeline()) {
                row(trail.createRow(r++), time(event.at()), event.kind(), event.title(), event.official(),
                        event.details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
            }
            widths(trail, 22, 16, 36, 24, 80);

            Sheet operations = book.createSheet("操作日志 Operation log");
            header(operations.createRow(0), bold, "时间 / Time", "用户 / User", "操作 / Operation", "对象 / Entity",
                    "属性 / Property", "原值 / Old", "新值 / New");
            int o = 1;
            for (AuditCase.Operation op : audited.operations()) {
                row(operations.createRow(o++), time(op.at()), op.user(), op.operation(), op.entity(), op.property(),
                        op.oldValue(), op.newValue());
            }
            widths(operations, 22, 24, 20, 16, 20, 30, 30);

            Sheet objections = book.createSheet("异议 Objections");
            header(objections.createRow(0), bold, "提出 / Submitted", "理由 / Reason", "联系方式 / Contact",
                    "状态 / Status", "核查结论 / Finding", "办理人 / Decided by", "办结 / Decided");
            int b = 1;
            for (AuditCase.ObjectionRecord objection : audited.objections()) {
                row(objections.createRow(b++), time(objection.submittedAt()), objection.reason(), objection.contact(),
                        objection.status(), objection.finding(), objection.decidedBy(), time(objection.decidedAt()));
            }
            widths(objections, 22, 40, 16, 12, 40, 24, 22);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pair(Sheet sheet, int r, CellStyle bold, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(bold);
        row.createCell(1).setCellValue(value == null ? "" : value);
        return r + 1;
    }

    private static void header(Row row, CellStyle bold, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            row.createCell(i).setCellValue(labels[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static void row(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static List<String> sheetNames() {
        return List.of("审计轨迹 Audit trail", "操作日志 Operation log", "异议 Objections");
    }
}

package org.precisionaid.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.precisionaid.monitoring.MonitoringAlert.Kind;
import org.precisionaid.procedure.Workbooks;
import org.precisionaid.web.Spreadsheets;
import org.springframework.stereotype.Component;

/**
 * The workbook a county office fills in from a department's list: instructions, the alerts sheet with bilingual
 * headers, a drop-down of the kinds of alert (from a hidden codes sheet), and text format for ID numbers and dates
 * where Excel would spoil the value.
 */
@Component
public class MonitoringAlertTemplate {

    public byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Spreadsheets.bold(book);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));

            Sheet instructions = book.createSheet(AlertSheet.INSTRUCTIONS);
            String[] lines = {
                    "部门预警名单导入 / Importing a department's alert list",
                    "1. 每条预警填一行：身份证号、预警类型、金额（元）、日期。/ One row per alert: ID number, kind of alert, "
                            + "amount in yuan, date.",
                    "2. 预警类型请从下拉框选择（也可填写代码，如 DEATH）。/ Pick the kind from the drop-down (or type its code, "
                            + "e.g. DEATH).",
                    "3. 金额可不填（如死亡、失业），填写时不能为负数；日期格式 YYYY-MM-DD，不能晚于今天。/ The amount may be empty "
                            + "(a death, unemployment); if given it is not negative. Dates as YYYY-MM-DD, not in the future.",
                    "4. 任何一行有误则全部不导入，错误会指明行、列和规则。/ A file with any malformed row starts nothing; every "
                            + "error names row, column and rule.",
                    "5. 本县已建档、已脱贫或监测农户的成员即发起防返贫监测（渠道：部门预警）；已有未结案件的农户，预警附加到该案件。"
                            + " / A member of a registered, exited or monitored household of your county starts a monitoring "
                            + "case at once (channel: department); a household with an open case gets the alert attached.",
                    "6. 其他行作为“未匹配”或“重复”（同一身份证号）逐行列出。/ Other rows are listed as unmatched, or duplicate "
                            + "(the same ID number again).",
                    "7. 每个文件最多 " + AlertSheet.MAX_ROWS + " 行、" + AlertSheet.MAX_BYTES / 1024 / 1024 + " MB。/ At most "
                            + AlertSheet.MAX_ROWS + " rows and " + AlertSheet.MAX_BYTES / 1024 / 1024 + " MB a file."};
            for (int i = 0; i < lines.length; i++) {
                instructions.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            instructions.getRow(0).getCell(0).setCellStyle(bold);
            instructions.setColumnWidth(0, 160 * 256);

            Sheet alerts = book.createSheet(AlertSheet.ALERTS);
            Spreadsheets.header(alerts, 0, bold, AlertSheet.HEADERS.toArray(String[]::new), new int[] {22, 30, 18, 14});
            alerts.setDefaultColumnStyle(AlertSheet.ID_NUMBER, text);
            alerts.setDefaultColumnStyle(AlertSheet.DATE, text);
            alerts.createFreezePane(0, 1);

            Sheet codes = book.createSheet(AlertSheet.CODES);
            Kind[] kinds = Kind.values();
            for (int i = 0; i < kinds.length; i++) {
                Row row = codes.createRow(i);
                row.createCell(0).setCellValue(kinds[i].label());
            }
            book.setSheetHidden(book.getSheetIndex(codes), true);
            DataValidationHelper helper = alerts.getDataValidationHelper();
            String column = Workbooks.letter(0);
            DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(
                    "'" + AlertSheet.CODES + "'!$" + column + "$1:$" + column + "$" + kinds.length),
                    new CellRangeAddressList(1, AlertSheet.MAX_ROWS, AlertSheet.KIND, AlertSheet.KIND));
            validation.setShowErrorBox(false); // a typed code is fine too; the import checks every value
            validation.setSuppressDropDownArrow(true); // for XSSF: true shows the arrow
            alerts.addValidationData(validation);

            book.setActiveSheet(book.getSheetIndex(alerts));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

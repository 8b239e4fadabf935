package org.precisionaid.registry;

import static org.precisionaid.registry.HouseholdSheets.CODES;
import static org.precisionaid.registry.HouseholdSheets.CODE_LISTS;
import static org.precisionaid.registry.HouseholdSheets.HOUSEHOLDS;
import static org.precisionaid.registry.HouseholdSheets.HOUSEHOLD_COLUMNS;
import static org.precisionaid.registry.HouseholdSheets.INSTRUCTIONS;
import static org.precisionaid.registry.HouseholdSheets.MEMBERS;
import static org.precisionaid.registry.HouseholdSheets.MEMBER_COLUMNS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.precisionaid.registry.HouseholdSheets.Column;
import org.precisionaid.registry.HouseholdSheets.Kind;
import org.springframework.stereotype.Component;

/**
 * The workbook a village clerk fills in to apply for many households at once: instructions, a households sheet and a
 * members sheet with bilingual headers, one example household (rows keyed 示例, skipped by the import), drop-downs of
 * the codes, and text format where Excel would spoil the value (ID numbers, village codes, phones).
 */
@Component
public class HouseholdImportTemplate {

    private final Clock clock;

    public HouseholdImportTemplate(Clock clock) {
        this.clock = clock;
    }

    public byte[] xlsx(String villageCode) {
        String village = villageCode == null ? "654224101201" : villageCode;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle italic = book.createCellStyle();
            Font grey = book.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            italic.setFont(grey);

            instructions(book.createSheet(INSTRUCTIONS), header);
            Sheet households = book.createSheet(HOUSEHOLDS);
            Sheet members = book.createSheet(MEMBERS);
            Sheet codes = book.createSheet(CODES);
            codeLists(codes);
            book.setSheetHidden(book.getSheetIndex(codes), true);
            headerRow(households, HOUSEHOLD_COLUMNS, header, text);
            headerRow(members, MEMBER_COLUMNS, header, text);
            dropDowns(households, HOUSEHOLD_COLUMNS);
            dropDowns(members, MEMBER_COLUMNS);

            int year = LocalDate.now(clock).getYear() - 1;
            row(households, 1, italic, text, HOUSEHOLD_COLUMNS, "示例1", village, "第三村民小组", "13912345678", year,
                    5000, 1500, 0, 1500, 3000, Codes.HousingSafety.UNSAFE_C, Codes.DrinkingWater.SAFE,
                    Codes.Cause.ILLNESS, Codes.Cause.LACK_OF_FUNDS, HouseholdSheets.NO, HouseholdSheets.NO,
                    HouseholdSheets.NO, HouseholdSheets.NO);
            String[][] people = {{"王建国", sampleId("19800312", 1), "HEAD", "MALE", "CHRONIC_ILLNESS", "PRIMARY", "FULL"},
                    {"阿依古丽·买买提", sampleId("19821105", 2), "SPOUSE", "FEMALE", "HEALTHY", "JUNIOR", "FULL"},
                    {"王小明", sampleId("20100601", 3), "CHILD", "MALE", "HEALTHY", "IN_SCHOOL", "NONE"}};
            for (int i = 0; i < people.length; i++) {
                String[] p = people[i];
                row(members, i + 1, italic, text, MEMBER_COLUMNS, "示例1", p[0], p[1],
                        Codes.Relation.valueOf(p[2]), Codes.Sex.valueOf(p[3]), Codes.Health.valueOf(p[4]),
                        Codes.Education.valueOf(p[5]), Codes.LabourCapacity.valueOf(p[6]));
            }
            book.setActiveSheet(book.getSheetIndex(households));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void instructions(Sheet sheet, CellStyle header) {
        String[] lines = {
                "批量申请贫困户识别 / Applying for many households at once",
                "1. 在“户 Households”表每户填一行，户编号自定（如 1、2、3），在本文件内唯一。/ One row per household on 'Households'; "
                        + "the household key is yours to choose (1, 2, 3 …) and unique in this file.",
                "2. 在“成员 Members”表每人填一行（含户主），户编号写其所属户的户编号；每户恰有一名户主，最多 20 人。/ One row per "
                        + "person on 'Members' (the head too) with the key of his household; exactly one head, at most 20 people.",
                "3. 带下拉框的列请从列表中选择（也可填写代码，如 HEAD）。/ Pick coded columns from their drop-down (or type the code, e.g. HEAD).",
                "4. 身份证号、村代码、电话请以文本格式填写（本模板已设好），否则 Excel 会改掉数字。/ ID numbers, village codes and "
                        + "phones are text (set in this template); as numbers Excel would change their digits.",
                "5. 性别可不填；填写时须与身份证号一致。/ Sex may be left empty; if given it must match the ID number.",
                "6. 户编号以“示例”开头的行是示例，导入时跳过，可删除。/ Rows whose key starts with 示例 are examples and are skipped.",
                "7. 只能导入本村的农户；文件有任何错误则全部不导入，错误会指明工作表、行、列和规则。/ Only households of your own "
                        + "village; a file with any error imports nothing, and every error names sheet, row, column and rule.",
                "8. 每个文件最多 " + HouseholdImport.MAX_ROWS + " 行（户与成员合计）、" + HouseholdImport.MAX_BYTES / 1024 / 1024
                        + " MB。/ At most " + HouseholdImport.MAX_ROWS + " rows (households and members) and "
                        + HouseholdImport.MAX_BYTES / 1024 / 1024 + " MB a file.",
                "9. 导入后每户的识别流程即开始，小组评议任务出现在村文书的 Tasklist 中。/ Each household's identification case starts "
                        + "at once; the group evaluation appears in the clerk's Tasklist."};
        for (int i = 0; i < lines.length; i++) {
            sheet.createRow(i).createCell(0).setCellValue(lines[i]);
        }
        sheet.getRow(0).getCell(0).setCellStyle(header);
        sheet.setColumnWidth(0, 160 * 256);
    }

    private static void headerRow(Sheet sheet, List<Column> columns, CellStyle header, CellStyle text) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(32);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            row.createCell(i).setCellValue(column.header());
            row.getCell(i).setCellStyle(header);
            sheet.setColumnWidth(i, Math.max(14, Math.min(30, column.header().length())) * 256);
            if (column.kind() == Kind.TEXT || column.kind() == Kind.KEY) {
                sheet.setDefaultColumnStyle(i, text);
            }
        }
        sheet.createFreezePane(1, 1);
    }

    private static void codeLists(Sheet codes) {
        Row header = codes.createRow(0);
        for (int c = 0; c < CODE_LISTS.size(); c++) {
            header.createCell(c).setCellValue(CODE_LISTS.get(c).getSimpleName());
            Enum<?>[] values = CODE_LISTS.get(c).getEnumConstants();
            for (int r = 0; r < values.length; r++) {
                Row row = codes.getRow(r + 1) == null ? codes.createRow(r + 1) : codes.getRow(r + 1);
                row.createCell(c).setCellValue(HouseholdSheets.label(values[r]));
            }
        }
        int yesNo = CODE_LISTS.size();
        header.createCell(yesNo).setCellValue("YesNo");
        codes.getRow(1).createCell(yesNo).setCellValue(HouseholdSheets.YES);
        codes.getRow(2).createCell(yesNo).setCellValue(HouseholdSheets.NO);
    }

    private static void dropDowns(Sheet sheet, List<Column> columns) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String range;
            if (column.kind() == Kind.CODE) {
                int list = CODE_LISTS.indexOf(column.codes());
                range = "'" + CODES + "'!$" + HouseholdSheets.letter(list) + "$2:$" + HouseholdSheets.letter(list) + "$"
                        + (column.codes().getEnumConstants().length + 1);
            } else if (column.kind() == Kind.YES_NO) {
                String letter = HouseholdSheets.letter(CODE_LISTS.size());
                range = "'" + CODES + "'!$" + letter + "$2:$" + letter + "$3";
            } else {
                continue;
            }
            DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                    new CellRangeAddressList(1, HouseholdImport.MAX_ROWS, i, i));
            validation.setShowErrorBox(false); // a typed code (HEAD) is fine too; the import checks every value
            validation.setSuppressDropDownArrow(true); // for XSSF: true shows the arrow
            sheet.addValidationData(validation);
        }
    }

    private static void row(Sheet sheet, int index, CellStyle style, CellStyle text, List<Column> columns,
            Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            Object value = values[i];
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(style);
            } else {
                cell.setCellValue(value instanceof Enum<?> code ? HouseholdSheets.label(code) : String.valueOf(value));
                cell.setCellStyle(columns.get(i).kind() == Kind.TEXT || columns.get(i).kind() == Kind.KEY ? text : style);
            }
        }
    }

    /** An invented ID number for the example rows, with a correct check character. */
    static String sampleId(String birthDate, int n) {
        String first17 = "654224" + birthDate + "99" + n;
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}

package org.precisionaid.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.precisionaid.web.Spreadsheets;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households of a region as the Excel list the county hands to its townships (Apache POI, streamed: a county's
 * tens of thousands of rows never sit in memory as cells). ID numbers and phones are written in full only for a caller
 * {@link PersonalData} entitles to them; everyone else gets them masked.
 */
@Component
public class HouseholdExport {

    static final int MAX_ROWS = 100_000;
    private static final int PAGE = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));
    private static final String[] HEADERS = {"申请编号", "村（社区）代码", "村民小组", "户主姓名", "户主身份证号", "家庭人口",
            "人均纯收入（元）", "状态", "识别分类", "致贫原因", "公示截止", "户主联系电话"};
    private static final int[] WIDTHS = {30, 16, 16, 16, 30, 16, 16, 16, 16, 16, 16, 16};

    private final HouseholdRepository households;

    public HouseholdExport(HouseholdRepository households) {
        this.households = households;
    }

    @Transactional(readOnly = true)
    public byte[] xlsx(String regionPrefix, Codes.Status status, boolean fullIdNumbers) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("贫困户名单");
            Spreadsheets.header(sheet, 0, Spreadsheets.bold(book), HEADERS, WIDTHS);
            int r = 1;
            for (int page = 0; r <= MAX_ROWS; page++) {
                var batch = households.search(regionPrefix, status, null, PageRequest.of(page, PAGE));
                for (Household h : batch) {
                    Member head = h.getMembers().stream().filter(m -> m.getRelation() == Codes.Relation.HEAD).findFirst()
                            .orElse(h.getMembers().isEmpty() ? null : h.getMembers().get(0));
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(h.getApplicationNo());
                    row.createCell(1).setCellValue(h.getVillageCode());
                    row.createCell(2).setCellValue(h.getVillageGroup());
                    row.createCell(3).setCellValue(head == null ? "" : head.getName());
                    row.createCell(4).setCellValue(head == null ? "" : PersonalData.idNumber(head.getIdNumber(),
                            fullIdNumbers));
                    row.createCell(5).setCellValue(h.getMembers().size());
                    row.createCell(6).setCellValue(h.getPerCapitaIncome() == null ? 0 : h.getPerCapitaIncome().doubleValue());
                    row.createCell(7).setCellValue(h.getStatus().label());
                    row.createCell(8).setCellValue(h.getClassification() == null ? "" : h.getClassification());
                    row.createCell(9).setCellValue(h.getCauses());
                    row.createCell(10).setCellValue(h.getNoticeEnds() == null ? "" : DAY.format(h.getNoticeEnds()));
                    row.createCell(11).setCellValue(PersonalData.phone(h.getPhone(), fullIdNumbers));
                }
                if (batch.size() < PAGE) {
                    break;
                }
            }
            return Spreadsheets.bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.precisionaid.whatif;

import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.precisionaid.web.Spreadsheets;
import org.springframework.stereotype.Component;

/** A what-if as Excel: the comparison, the counts by village and class, every changed household (ID masked). */
@Component
public class WhatIfWorkbook {

    public byte[] xlsx(WhatIfResult result) {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        CellStyle bold = Spreadsheets.bold(book);
        Sheet summary = book.createSheet("对比 Side by side");
        int r = 0;
        r = pair(summary, r, "规则 / Rule", result.ruleLabel());
        r = pair(summary, r, "地区 / Region", result.regionName() + " (" + result.regionCode() + ")");
        r = pair(summary, r, "年度 / Year", String.valueOf(result.year()));
        r = pair(summary, r, "现行规则 / Today's rule", result.today());
        r = pair(summary, r, "修改后规则 / Changed rule", result.changed());
        r = pair(summary, r, "参与测算户数 / Households evaluated", String.valueOf(result.evaluated()));
        r++;
        Spreadsheets.header(summary, r++, bold, new String[] {"结果 / Outcome", "现行 / Today", "修改后 / Changed"},
                new int[] {40, 60, 60});
        for (WhatIfResult.Outcome outcome : result.outcomes()) {
            Row row = summary.createRow(r++);
            row.createCell(0).setCellValue(outcome.label());
            row.createCell(1).setCellValue(outcome.today());
            row.createCell(2).setCellValue(outcome.changed());
        }
        r++;
        for (Map.Entry<String, Long> entry : result.classes().entrySet()) {
            Row row = summary.createRow(r++);
            row.createCell(0).setCellValue(ChangeClass.valueOf(entry.getKey()).label());
            row.createCell(1).setCellValue(entry.getValue());
        }

        Sheet villages = book.createSheet("按村 By village");
        String[] classes = result.classes().keySet().toArray(String[]::new);
        String[] headers = new String[3 + classes.length];
        headers[0] = "村代码 / Village code";
        headers[1] = "村 / Village";
        headers[2] = "测算户数 / Evaluated";
        for (int i = 0; i < classes.length; i++) {
            headers[3 + i] = ChangeClass.valueOf(classes[i]).label();
        }
        Spreadsheets.header(villages, 0, bold, headers, new int[] {16, 30, 14, 20, 20, 20});
        int v = 1;
        for (WhatIfResult.Village village : result.villages()) {
            Row row = villages.createRow(v++);
            row.createCell(0).setCellValue(village.code());
            row.createCell(1).setCellValue(village.name());
            row.createCell(2).setCellValue(village.evaluated());
            for (int i = 0; i < classes.length; i++) {
                row.createCell(3 + i).setCellValue(village.classes().getOrDefault(classes[i], 0L));
            }
        }

        Sheet list = book.createSheet("变化户 Households");
        Spreadsheets.header(list, 0, bold, new String[] {"变化 / Change", "申请编号 / Application no.",
            "村代码 / Village", "户主 / Head", "身份证号 / ID number", "户状态 / Status",
            "人均纯收入（元） / Per-capita income (yuan)", "现行结果 / Today", "修改后结果 / Changed",
            "现行理由 / Today's reason", "修改后理由 / Changed reason"},
            new int[] {20, 22, 14, 12, 20, 12, 14, 18, 18, 40, 40});
        int h = 1;
        for (WhatIfResult.Household household : result.households()) {
            Row row = list.createRow(h++);
            row.createCell(0).setCellValue(ChangeClass.valueOf(household.changeClass()).label());
            row.createCell(1).setCellValue(household.applicationNo());
            row.createCell(2).setCellValue(household.villageCode());
            row.createCell(3).setCellValue(household.head() == null ? "" : household.head());
            row.createCell(4).setCellValue(household.idNumber());
            row.createCell(5).setCellValue(household.status());
            row.createCell(6).setCellValue(household.perCapitaYuan().doubleValue());
            row.createCell(7).setCellValue(household.today());
            row.createCell(8).setCellValue(household.changed());
            row.createCell(9).setCellValue(household.todayReason());
            row.createCell(10).setCellValue(household.changedReason());
        }
        return Spreadsheets.bytes(book);
    }

    private static int pair(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }
}

package org.precisionaid.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 督查问题整改统计表 (issue #24): the findings of the inspection rounds of a year in a region — open (to rectify or to
 * verify), closed, withdrawn as not upheld, serious, overdue — for the region and each township and village, and per
 * assisting unit and cadre of the households they were found in. Read from {@code inspection_finding} with grouped
 * SQL (ADR 0016). Households are counted, never named: the sample of a round is not shown here.
 */
@Component
class FindingsTable {

    /** Counters per village (and per unit and cadre), in this order. */
    private static final List<String> COUNTERS = List.of("findings", "open", "closed", "withdrawn", "serious",
            "overdue");

    private final JdbcTemplate jdbc;
    private final RegionRows regionRows;

    FindingsTable(JdbcTemplate jdbc, RegionRows regionRows) {
        this.jdbc = jdbc;
        this.regionRows = regionRows;
    }

    Report report(ReportRequest request, Instant now) {
        Map<String, long[]> byVillage = new HashMap<>();
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        Map<String, long[]> byCadre = new LinkedHashMap<>();
        Map<String, String> unitOfCadre = new HashMap<>();
        jdbc.query("select f.village_code, f.status, f.severity,"
                + " case when f.status in ('OPEN', 'RECTIFIED') and f.due_at < ? then 1 else 0 end as overdue,"
                + " u.name as unit, c.name as cadre, c.id as cadre_id, count(*)"
                + " from inspection_finding f join inspection_round r on r.id = f.round_id"
                + " left join assisting_unit u on u.id = f.unit_id left join cadre c on c.id = f.cadre_id"
                + " where f.village_code between ? and ? and r.round_year = ?"
                + " group by f.village_code, f.status, f.severity,"
                + " case when f.status in ('OPEN', 'RECTIFIED') and f.due_at < ? then 1 else 0 end, u.name, c.name, c.id"
                + " order by u.name, c.name", rs -> {
                    long n = rs.getLong(8);
                    long[] counts = new long[COUNTERS.size()];
                    String status = rs.getString(2);
                    counts[0] = n;
                    counts["OPEN".equals(status) || "RECTIFIED".equals(status) ? 1 : "CLOSED".equals(status) ? 2 : 3] = n;
                    counts[4] = "SERIOUS".equals(rs.getString(3)) ? n : 0;
                    counts[5] = rs.getInt(4) == 1 ? n : 0;
                    add(byVillage, rs.getString(1), counts);
                    if (rs.getString(5) != null) {
                        add(byUnit, rs.getString(5), counts);
                    }
                    if (rs.getString(6) != null) {
                        String cadre = rs.getString(6) + " (" + rs.getLong(7) + ")";
                        add(byCadre, cadre, counts);
                        unitOfCadre.put(cadre, rs.getString(5));
                    }
                }, Timestamp.from(now), request.low(), request.high(), request.year(), Timestamp.from(now));

        List<Map<String, Object>> regions = new ArrayList<>();
        for (RegionRows.Row region : regionRows.within(request)) {
            long[] sum = new long[COUNTERS.size()];
            byVillage.forEach((village, counts) -> {
                if (village.startsWith(region.prefix())) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += counts[i];
                    }
                }
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", region.levelLabel());
            row.put("code", region.code());
            row.put("name", region.name());
            put(row, sum);
            regions.add(row);
        }
        List<Map<String, Object>> units = new ArrayList<>();
        byUnit.forEach((unit, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unit", unit);
            put(row, counts);
            units.add(row);
        });
        List<Map<String, Object>> cadres = new ArrayList<>();
        byCadre.forEach((cadre, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cadre", cadre);
            row.put("unit", unitOfCadre.get(cadre));
            put(row, counts);
            cadres.add(row);
        });
        List<Report.Column> counters = List.of(
                Report.Column.integer("findings", "问题数 / Findings"),
                Report.Column.integer("open", "未销号 / Open"),
                Report.Column.integer("closed", "已销号 / Closed"),
                Report.Column.integer("withdrawn", "不成立 / Withdrawn"),
                Report.Column.integer("serious", "严重 / Serious"),
                Report.Column.integer("overdue", "逾期未整改 / Overdue"));
        List<Report.Column> regionColumns = new ArrayList<>(List.of(Report.Column.text("level", "级别 / Level"),
                Report.Column.text("code", "区划代码 / Code"), Report.Column.text("name", "名称 / Name")));
        regionColumns.addAll(counters);
        List<Report.Column> unitColumns = new ArrayList<>(List.of(Report.Column.text("unit", "帮扶单位 / Assisting unit")));
        unitColumns.addAll(counters);
        List<Report.Column> cadreColumns = new ArrayList<>(List.of(Report.Column.text("cadre", "帮扶干部 / Cadre"),
                Report.Column.text("unit", "帮扶单位 / Assisting unit")));
        cadreColumns.addAll(counters);
        return new Report(ReportName.INSPECTION_FINDINGS.path(), ReportName.INSPECTION_FINDINGS.title(), request.ref(),
                request.year(), now, List.of(
                        new Report.Table("regions", "分地区 / By region", regionColumns, regions),
                        new Report.Table("units", "按帮扶单位 / By assisting unit", unitColumns, units),
                        new Report.Table("cadres", "按帮扶干部 / By cadre", cadreColumns, cadres)),
                List.of("按抽查轮次的年度统计；未销号含待整改和待核查 / Counted by the year of the inspection round; open "
                        + "means to rectify or to verify",
                        "单位和干部为发现问题时该户的结对单位和干部 / Unit and cadre are the household's pairing when the "
                                + "finding was recorded"), null, null);
    }

    private static void add(Map<String, long[]> totals, String key, long[] counts) {
        long[] sum = totals.computeIfAbsent(key, k -> new long[COUNTERS.size()]);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += counts[i];
        }
    }

    private static void put(Map<String, Object> row, long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            row.put(COUNTERS.get(i), counts[i]);
        }
    }
}
